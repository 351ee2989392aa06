// The status bar item for the active article: how many actors and claims it has and how many claims are still unchecked.

import * as vscode from 'vscode';
import type { Annotations } from '../core/model';
import type { AnnotationStore } from './store';

/** "3 actors · 5 claims · 2 unchecked" */
export function articleSummary(annotations: Annotations): string {
  const actors = annotations.actors.length;
  const claims = annotations.claims.length;
  const unchecked = annotations.claims.filter((c) => c.status === 'unchecked').length;
  return `${actors} ${actors === 1 ? 'actor' : 'actors'} · ${claims} ${claims === 1 ? 'claim' : 'claims'} · ${unchecked} unchecked`;
}

export interface StatusBarHandle extends vscode.Disposable {
  readonly item: vscode.StatusBarItem;
}

export function registerStatusBar(store: AnnotationStore): StatusBarHandle {
  const item = vscode.window.createStatusBarItem('newsmark.article', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Newsmark';
  // Every view gets a "<view id>.focus" command from VS Code; no command of our own is needed.
  item.command = { command: 'newsmark.assertions.focus', title: 'Show the claims in the Assertions view' };
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const annotations = editor ? store.get(editor.document.uri)?.annotations : undefined;
    if (!annotations) {
      item.hide();
      return;
    }
    item.text = `$(checklist) ${articleSummary(annotations)}`;
    item.tooltip = 'Newsmark: annotations of this article. Click to see its claims.';
    item.show();
  };
  update();
  const disposables = [
    item,
    store.onDidChange((uri) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) {
        update();
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
  ];
  return { item, dispose: () => disposables.forEach((d) => d.dispose()) };
}
