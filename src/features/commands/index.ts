// Registers every command Newsmark contributes, one group of commands per file, behind the ids in ./ids.

import * as vscode from 'vscode';
import type { Annotator } from '../annotator';
import type { AnnotationStore } from '../store';
import type { ViewScope } from '../tree';
import { anchorCommands } from './anchors';
import { articleCommands } from './article';
import { conflictCommands } from './conflicts';
import { Feedback } from './feedback';
import { gitCommands } from './git';
import type { CommandId } from './ids';
import { markCommands } from './mark';
import { navigateCommands } from './navigate';
import { noteCommands } from './notes';
import { removeCommands } from './remove';
import { reviewCommands } from './review';
import type { CommandContext } from './target';
import { workflowCommands } from './workflow';

export { ALL_COMMANDS, Command, type CommandId, InternalCommand } from './ids';
export { Feedback } from './feedback';
export type { CommandArgs, CommandContext } from './target';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command takes its own arguments
type Handlers = Partial<Record<CommandId, (...args: any[]) => unknown>>;

/** Registers the handlers, one registration per id. */
export function registerHandlers(handlers: Handlers): vscode.Disposable {
  return vscode.Disposable.from(...Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler!)));
}

/** The annotation commands; suggestions and export/import register their own from their files, with ids from ./ids. */
export function registerCommands(store: AnnotationStore, scope: ViewScope, feedback: Feedback, annotator: Annotator): vscode.Disposable {
  const ctx: CommandContext = { store, scope, feedback, annotator };
  const readable = store.onDidChange((uri) => {
    const entry = store.get(uri);
    if (entry?.annotations) {
      feedback.readable(entry.sidecarUri);
    }
  });
  const commands = registerHandlers({
    ...markCommands(ctx),
    ...reviewCommands(ctx),
    ...noteCommands(ctx),
    ...removeCommands(ctx),
    ...anchorCommands(ctx),
    ...navigateCommands(ctx),
    ...workflowCommands(ctx),
    ...articleCommands(ctx),
    ...gitCommands(ctx),
    ...conflictCommands(ctx),
  });
  return vscode.Disposable.from(readable, commands);
}
