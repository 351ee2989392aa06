// Undo in a real VS Code: the editor's own undo brings deleted mentions back attached, and annotation changes undo and redo through Newsmark's commands.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateNewsmark, openArticle, select, settle, sidecarPath, writeArticle } from './helpers';

const LINE = 'Armenia stays away, and Moscow says Armenia is wary of the alliance.';
const TEXT = ['Kyrgyzstan hosts the CSTO exercise.', LINE, 'Approximately 2,500 personnel are involved in the exercises.', ''].join('\n');

/** The mentions of one actor in the sidecar on disk, as "quote@start" with "orphaned" when so, read without Newsmark's parser. */
function mentionsOnDisk(file: string, actor: string): string[] {
  const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
  const block = yaml.split(/\n {2}- id: /).find((b) => b.startsWith(`${actor}\n`));
  if (!block) {
    return [];
  }
  return [...block.matchAll(/\{ start: (\d+), end: \d+, quote: ([^,]+),.*?\}/g)].map(
    (m) => `${m[2]}@${m[1]}${m[0].includes('orphaned: true') ? ' orphaned' : ''}`,
  );
}

/** The mentions of one actor as the store holds them now. */
function mentionsShown(api: Awaited<ReturnType<typeof activateNewsmark>>, editor: vscode.TextEditor, actor: string): string[] {
  const found = api.store.get(editor.document.uri)?.annotations?.actors.find((a) => a.id === actor);
  return (found?.mentions ?? []).map((m) => `${m.quote}@${m.start}${m.orphaned ? ' orphaned' : ''}`);
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 60 && !condition(); i++) {
    await settle(100);
  }
  assert.ok(condition(), `timed out waiting for ${what}`);
}

describe('Undo', () => {
  it('brings back the mentions of a deleted line, attached, with the editor’s own undo and redo, and writes them attached', async () => {
    const api = await activateNewsmark();
    const file = writeArticle('undo-line.txt', TEXT);
    const editor = await openArticle(file);
    select(editor, 'Armenia');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Armenia', type: 'country' });
    select(editor, 'Armenia', 1);
    await vscode.commands.executeCommand('newsmark.markActor', { actor: 'armenia' });
    await api.store.flush();
    const attached = [`Armenia@${TEXT.indexOf('Armenia')}`, `Armenia@${TEXT.lastIndexOf('Armenia')}`];
    assert.deepStrictEqual(mentionsOnDisk(file, 'armenia'), attached);

    // Delete the line and save, as a user who saves by habit does: the sidecar then holds orphans.
    await editor.edit((b) => b.delete(editor.document.lineAt(1).rangeIncludingLineBreak));
    await editor.document.save();
    await settle();
    await api.store.flush();
    assert.deepStrictEqual(
      mentionsOnDisk(file, 'armenia').map((m) => m.endsWith('orphaned')),
      [true, true],
    );

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), TEXT, 'the editor’s undo puts the line back');
    assert.deepStrictEqual(mentionsShown(api, editor, 'armenia'), attached);
    await editor.document.save();
    await settle();
    await api.store.flush();
    assert.deepStrictEqual(mentionsOnDisk(file, 'armenia'), attached, 'what a reloaded window reads');

    await vscode.commands.executeCommand('redo');
    await waitFor(() => !editor.document.getText().includes(LINE), 'the redo');
    assert.ok(mentionsShown(api, editor, 'armenia').every((m) => m.endsWith('orphaned')));
    await vscode.commands.executeCommand('undo');
    assert.deepStrictEqual(mentionsShown(api, editor, 'armenia'), attached);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('undoes a Mark Actor made through the command, in the sidecar too, and redoes it', async () => {
    const api = await activateNewsmark();
    const file = writeArticle('undo-actor.txt', TEXT);
    const editor = await openArticle(file);
    select(editor, 'Moscow');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Moscow', type: 'location' });
    await api.store.flush();
    assert.deepStrictEqual(mentionsOnDisk(file, 'moscow'), [`Moscow@${TEXT.indexOf('Moscow')}`]);

    const undone = await vscode.commands.executeCommand<string>('newsmark.undoAnnotation');
    assert.strictEqual(undone, 'Mark Actor “Moscow”');
    await api.store.flush();
    assert.deepStrictEqual(mentionsOnDisk(file, 'moscow'), []);
    assert.strictEqual(editor.document.getText(), TEXT, 'the text is left alone');

    const redone = await vscode.commands.executeCommand<string>('newsmark.redoAnnotation');
    assert.strictEqual(redone, 'Mark Actor “Moscow”');
    await api.store.flush();
    assert.deepStrictEqual(mentionsOnDisk(file, 'moscow'), [`Moscow@${TEXT.indexOf('Moscow')}`]);
  });

  it('sends a key press to the text’s own undo once the text was edited after the annotation change', async () => {
    const api = await activateNewsmark();
    const file = writeArticle('undo-keys.txt', TEXT);
    const editor = await openArticle(file);
    select(editor, 'Kyrgyzstan');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Kyrgyzstan', type: 'country' });
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'BREAKING: '));
    await settle();

    // What Ctrl+Z runs while the context key has not caught up yet: the text's undo, not Newsmark's.
    await vscode.commands.executeCommand('newsmark.undoAnnotation', { keyboard: true });
    assert.strictEqual(editor.document.getText(), TEXT);
    assert.deepStrictEqual(mentionsShown(api, editor, 'kyrgyzstan'), ['Kyrgyzstan@0']);

    // Right after an annotation change, the same key press undoes that change and leaves the text.
    select(editor, 'Moscow');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Moscow', type: 'location' });
    await vscode.commands.executeCommand('newsmark.undoAnnotation', { keyboard: true });
    assert.deepStrictEqual(mentionsShown(api, editor, 'moscow'), []);
    assert.strictEqual(editor.document.getText(), TEXT);
    await api.store.flush();
  });
});
