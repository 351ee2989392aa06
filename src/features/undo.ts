// Undo and redo of annotation changes from the palette and from Ctrl+Z, which they share with the text's own undo without fighting it.

import * as vscode from 'vscode';
import type { Step, UndoState } from '../core/store';
import { Command } from './commands/ids';
import { AnnotationStore, basename } from './store';

export const UNDO_ANNOTATION = Command.UndoAnnotation;
export const REDO_ANNOTATION = Command.RedoAnnotation;

/** True while the focused article's latest undoable thing is an annotation change: Ctrl+Z undoes that. */
export const CAN_UNDO_ANNOTATION = 'newsmark.canUndoAnnotation';
/** True right after an annotation undo with no text edit since: Ctrl+Shift+Z redoes it. */
export const CAN_REDO_ANNOTATION = 'newsmark.canRedoAnnotation';

/** How long the "Undid: …" message stays in the status bar. */
const MESSAGE_MS = 5000;

/** What the keybindings pass, to tell a key press from the palette. */
interface KeyArgs {
  readonly keyboard: true;
}

interface Direction {
  readonly run: (store: AnnotationStore, doc: vscode.TextDocument) => Step | undefined;
  /** Whether this direction is the annotation's turn in the article now. */
  readonly first: (state: UndoState) => boolean;
  /** The editor's own command, which a key press goes to when the text's undo comes first. */
  readonly textCommand: string;
  readonly done: string;
  readonly nothing: string;
}

const UNDO: Direction = {
  run: (store, doc) => store.undo(doc),
  first: (state) => state.undoFirst,
  textCommand: 'undo',
  done: 'Undid',
  nothing: 'There is no annotation change to undo',
};

const REDO: Direction = {
  run: (store, doc) => store.redo(doc),
  first: (state) => state.redoFirst,
  textCommand: 'redo',
  done: 'Redid',
  nothing: 'There is no undone annotation change to redo',
};

export function registerUndo(store: AnnotationStore): vscode.Disposable {
  const shown = new Map<string, boolean>();
  const setKey = (key: string, value: boolean) => {
    // setContext round-trips to the renderer; only send what changed.
    if (shown.get(key) !== value) {
      shown.set(key, value);
      void vscode.commands.executeCommand('setContext', key, value);
    }
  };
  const refresh = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const state = doc ? store.undoState(doc.uri) : undefined;
    setKey(CAN_UNDO_ANNOTATION, state?.undoFirst ?? false);
    setKey(CAN_REDO_ANNOTATION, state?.redoFirst ?? false);
  };
  refresh();
  return vscode.Disposable.from(
    store.onDidChange(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.commands.registerCommand(UNDO_ANNOTATION, (target?: vscode.Uri | KeyArgs) => move(store, UNDO, target)),
    vscode.commands.registerCommand(REDO_ANNOTATION, (target?: vscode.Uri | KeyArgs) => move(store, REDO, target)),
  );
}

/**
 * Undoes or redoes the latest annotation change of the article named (or the active one) and
 * says what it was; returns its label. A key press comes here only while the context key says
 * the annotation is first, but that key is set asynchronously: a press that arrives before it
 * caught up with a text edit goes on to the editor's own undo, so the two never fight.
 */
async function move(store: AnnotationStore, direction: Direction, target?: vscode.Uri | KeyArgs): Promise<string | undefined> {
  const keyboard = target !== undefined && !(target instanceof vscode.Uri) && target.keyboard;
  const doc = await documentFor(target instanceof vscode.Uri ? target : undefined);
  if (keyboard && (!doc || !direction.first(store.undoState(doc.uri)))) {
    await vscode.commands.executeCommand(direction.textCommand);
    return undefined;
  }
  if (!doc || !store.get(doc.uri)) {
    void vscode.window.showInformationMessage('Open a news article to undo or redo its annotation changes.');
    return undefined;
  }
  try {
    const step = direction.run(store, doc);
    if (!step) {
      void vscode.window.showInformationMessage(`${direction.nothing} in ${basename(doc.uri)}.`);
      return undefined;
    }
    vscode.window.setStatusBarMessage(`${direction.done}: ${step.label}`, MESSAGE_MS);
    return step.label;
  } catch (err) {
    void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
    return undefined;
  }
}

async function documentFor(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (!uri) {
    return vscode.window.activeTextEditor?.document;
  }
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
}
