// Entry point: wires the store to each surface. Nothing heavy happens here.

import * as vscode from 'vscode';
import { Annotator } from './features/annotator';
import { registerCodeActions } from './features/codeactions';
import { registerCodeLens } from './features/codelens';
import { Feedback, registerCommands } from './features/commands';
import { registerCompare } from './features/compare';
import { registerSettings } from './features/config';
import { registerConflicts } from './features/conflicts';
import { registerContextKeys } from './features/context';
import { registerDecorations } from './features/decorations';
import { registerDiagnostics } from './features/diagnostics';
import { registerHover } from './features/hover';
import { registerInterop } from './features/interop';
import { registerLint } from './features/lint';
import { registerSimilarClaims } from './features/similarClaims';
import { registerStatusBar } from './features/statusbar';
import { AnnotationStore } from './features/store';
import { registerSuggestions } from './features/suggestions';
import { registerSymbols } from './features/symbols';
import { registerTrees, ViewScope } from './features/tree';
import { registerUndo } from './features/undo';
import { WorkspaceIndex } from './features/workspaceIndex';

export function activate(context: vscode.ExtensionContext) {
  // First, so that the kept settings are dropped before any surface hears of a change.
  context.subscriptions.push(registerSettings());
  const store = new AnnotationStore();
  const scope = new ViewScope();
  const index = new WorkspaceIndex(store, context.storageUri);
  const decorations = registerDecorations(store);
  const trees = registerTrees(store, index, scope);
  const statusBar = registerStatusBar(store);
  const feedback = new Feedback();
  const annotator = new Annotator();
  const similar = registerSimilarClaims(store, index, annotator);
  // The Assertions view marks claims checked before once the archive is built.
  trees.assertions.checkedBefore = similar.checkedBefore;
  context.subscriptions.push(
    similar,
    similar.onDidChange(() => trees.assertions.refresh()),
    store,
    scope,
    annotator,
    index,
    decorations,
    trees,
    registerHover(store),
    registerDiagnostics(store),
    registerContextKeys(store),
    registerCommands(store, scope, feedback, annotator),
    registerLint(store),
    registerCodeActions(store),
    registerCodeLens(store),
    statusBar,
    registerSymbols(store, index),
    registerSuggestions(store, index, feedback, annotator),
    registerInterop(store),
    registerCompare(store),
    registerUndo(store),
    registerConflicts(store),
  );
  // Returned for integration tests and the benchmark, which drive the real extension.
  return { store, trees, decorations, index, statusBar, feedback, similar };
}

export function deactivate(): void {}
