// The status bar item for the active article: how many actors and claims it has and how many claims are still unchecked.

import * as vscode from 'vscode';
import type { Annotations } from '../core/model';
import { Command } from './commands/ids';
import type { AnnotationStore } from './store';

/** "3 actors · 5 claims · 2 unchecked" */
export function articleSummary(annotations: Annotations): string {
  const actors = annotations.actors.length;
  const claims = annotations.claims.length;
  const unchecked = annotations.claims.filter((c) => c.status === 'unchecked').length;
  return `${actors} ${actors === 1 ? 'actor' : 'actors'} · ${claims} ${claims === 1 ? 'claim' : 'claims'} · ${unchecked} unchecked`;
}

// Every view gets a "<view id>.focus" command from VS Code; no command of our own is needed.
const ASSERTIONS: vscode.Command = { command: 'newsmark.assertions.focus', title: 'Show the claims in the Assertions view' };

export interface StatusBarHandle extends vscode.Disposable {
  readonly item: vscode.StatusBarItem;
}

export function registerStatusBar(store: AnnotationStore): StatusBarHandle {
  const item = vscode.window.createStatusBarItem('newsmark.article', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Newsmark';
  const update = () => {
    // With the sidecar (or another file) in front, the article beside it, as the views show it.
    const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
    const editor = editors.find((e) => e && store.get(e.document.uri));
    const entry = editor ? store.get(editor.document.uri) : undefined;
    const annotations = entry?.annotations;
    if (entry && !annotations) {
      // The article is not empty: its annotations cannot be read. Say so where the count would be.
      const first = entry.problems.find((p) => p.severity === 'error');
      item.text = '$(error) Sidecar cannot be read';
      item.tooltip = `Newsmark cannot read the annotations of this article${first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : ''}. Click to open the sidecar.`;
      item.command = { command: Command.OpenSidecar, title: 'Open Sidecar', arguments: [{ uri: entry.uri.toString() }] };
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      item.show();
      return;
    }
    if (!annotations) {
      item.hide();
      return;
    }
    item.text = `$(checklist) ${articleSummary(annotations)}`;
    item.tooltip = 'Newsmark: annotations of this article. Click to see its claims.';
    item.command = ASSERTIONS;
    item.backgroundColor = undefined;
    item.show();
  };
  update();
  const disposables = [
    item,
    store.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeVisibleTextEditors(update),
  ];
  return { item, dispose: () => disposables.forEach((d) => d.dispose()) };
}
