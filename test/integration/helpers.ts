// Shared steps for integration tests: activate Newsmark, write and open articles in the test workspace, select text.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { activate } from '../../src/extension';

export type NewsmarkApi = ReturnType<typeof activate>;

export async function activateNewsmark(): Promise<NewsmarkApi> {
  const ext = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark');
  assert.ok(ext, 'Newsmark is not installed in this VS Code');
  return ext.activate();
}

export function workspaceFile(name: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return path.join(folder.uri.fsPath, name);
}

/** Writes an article into the test workspace (a temporary copy) and returns its path. */
export function writeArticle(name: string, text: string): string {
  const file = workspaceFile(name);
  fs.writeFileSync(file, text);
  return file;
}

export function sidecarPath(file: string): string {
  return `${file}.annotations.yaml`;
}

export async function openArticle(file: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(file);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const api = await activateNewsmark();
  await api.store.load(doc);
  return editor;
}

/** Selects the first occurrence of `text` (or the n-th) in the editor. */
export function select(editor: vscode.TextEditor, text: string, occurrence = 0): vscode.Selection {
  const all = editor.document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = all.indexOf(text, at + 1);
  }
  assert.ok(at >= 0, `"${text}" is not in ${editor.document.fileName}`);
  const selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + text.length));
  editor.selection = selection;
  return selection;
}

/** Lets queued events (document changes, file watcher, debounced views) run. */
export function settle(ms = 250): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * What a user does to an article as usual: marks Kyrgyzstan as an actor, types at the start,
 * saves, and lets the writes finish. Tests of a sidecar that must not be written run it.
 */
export async function markEditAndSave(api: NewsmarkApi, editor: vscode.TextEditor): Promise<void> {
  select(editor, 'Kyrgyzstan');
  await vscode.commands.executeCommand('newsmark.markActor', { name: 'Kyrgyzstan', type: 'country' });
  await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Today '));
  await editor.document.save();
  await settle();
  await api.store.flush();
}

/** The Markdown of every hover VS Code shows at a position, joined as a user would read it. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/**
 * Runs a command that asks in a picker, and answers it as the keyboard would: Enter on the row
 * the picker offers first, or Escape. The picker opens after the command's own awaits, so the
 * answer is given again until the command has finished; with no picker open it does nothing.
 */
export async function answeringPicker<T>(run: () => Thenable<T>, answer: 'accept' | 'dismiss'): Promise<T> {
  let finished = false;
  const result = Promise.resolve(run()).finally(() => (finished = true));
  for (let tries = 0; !finished && tries < 40; tries++) {
    await settle(250);
    if (!finished) {
      await vscode.commands.executeCommand(answer === 'accept' ? 'workbench.action.acceptSelectedQuickOpenItem' : 'workbench.action.closeQuickOpen');
    }
  }
  return result;
}
