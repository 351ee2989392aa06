// Context keys for when-clauses: is an article active, and what is under the cursor.

import * as vscode from 'vscode';
import { annotationsAt } from '../core/operations';
import { AnnotationStore } from './store';

export function registerContextKeys(store: AnnotationStore): vscode.Disposable {
  const set = (key: string, value: unknown) => void vscode.commands.executeCommand('setContext', key, value);
  // Keys never set read as false: activation sends only those that are not.
  let last = 'false|false|false';
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const isArticle = editor ? AnnotationStore.isArticle(editor.document) : false;
    const annotations = editor && isArticle ? store.get(editor.document.uri)?.annotations : undefined;
    const refs = editor && annotations ? annotationsAt(annotations, editor.document.offsetAt(editor.selection.active)) : [];
    const state = `${isArticle}|${refs.length > 0}|${refs.some((r) => r.kind === 'claim')}`;
    // setContext round-trips to the renderer; only send what changed.
    if (state !== last) {
      last = state;
      set('newsmark.articleActive', isArticle);
      set('newsmark.annotationAtCursor', refs.length > 0);
      set('newsmark.claimAtCursor', refs.some((r) => r.kind === 'claim'));
    }
  };
  set('newsmark.scope', 'article');
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeTextEditorSelection(update),
    store.onDidChange(update),
  );
}
