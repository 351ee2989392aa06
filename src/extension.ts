// Entry point: wires the store to each surface. Nothing heavy happens here.

import * as vscode from 'vscode';
import { registerCodeActions } from './features/codeactions';
import { registerCodeLens } from './features/codelens';
import { registerCommands } from './features/commands';
import { registerContextKeys } from './features/context';
import { registerDecorations } from './features/decorations';
import { registerDiagnostics } from './features/diagnostics';
import { registerHover } from './features/hover';
import { registerInterop } from './features/interop';
import { registerLint } from './features/lint';
import { registerStatusBar } from './features/statusbar';
import { AnnotationStore } from './features/store';
import { registerSuggestions } from './features/suggestions';
import { registerSymbols } from './features/symbols';
import { registerTrees, ViewScope } from './features/tree';
import { registerUndo } from './features/undo';
import { registerWorkflowCommands } from './features/workflowCommands';
import { WorkspaceIndex } from './features/workspaceIndex';

export function activate(context: vscode.ExtensionContext) {
  const store = new AnnotationStore();
  const scope = new ViewScope();
  const index = new WorkspaceIndex(store, context.storageUri);
  const decorations = registerDecorations(store);
  const trees = registerTrees(store, index, scope);
  const statusBar = registerStatusBar(store);
  context.subscriptions.push(
    store,
    scope,
    index,
    decorations,
    trees,
    registerHover(store),
    registerDiagnostics(store),
    registerContextKeys(store),
    registerCommands(store, scope),
    registerLint(store),
    registerCodeActions(store),
    registerCodeLens(store),
    statusBar,
    registerSymbols(store, index),
    registerWorkflowCommands(store),
    registerSuggestions(store, index),
    registerInterop(store),
    registerUndo(store),
  );
  // Returned for integration tests and the benchmark, which drive the real extension.
  return { store, trees, decorations, index, statusBar };
}

export function deactivate(): void {}
