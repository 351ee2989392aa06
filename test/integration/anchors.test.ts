// Anchors in a real VS Code: code-point offsets on disk with emoji, accents and CRLF; re-attachment after outside changes; orphans and changed wording.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateNewsmark, answeringPicker, hoverText, openArticle, select, settle, sidecarPath, writeArticle } from './helpers';

/** The text at code-point offsets [start, end) of the file on disk, as another tool (brat, Python) would read it. */
function codePointSlice(file: string, start: number, end: number): string {
  return Array.from(fs.readFileSync(file, 'utf8')).slice(start, end).join('');
}

/** Every anchor in a sidecar, read with a regular expression so the check does not share Newsmark's parser. */
function anchorsOnDisk(file: string): { start: number; end: number; quote: string; flags: string }[] {
  const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
  return [...yaml.matchAll(/\{ start: (\d+), end: (\d+), quote: ("(?:[^"\\]|\\.)*"|[^,]+),.*?\}/g)].map((m) => ({
    start: Number(m[1]),
    end: Number(m[2]),
    quote: m[3].startsWith('"') ? (JSON.parse(m[3]) as string) : m[3],
    flags: m[0].includes('orphaned: true') ? 'orphaned' : m[0].includes('changed: true') ? 'changed' : '',
  }));
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 60 && !condition(); i++) {
    await settle(100);
  }
  assert.ok(condition(), `timed out waiting for ${what}`);
}

describe('Anchors', () => {
  it('store code-point offsets with flags, ZWJ emoji, NFD accents and CRLF, while typing emoji before them', async () => {
    const api = await activateNewsmark();
    const text = 'Supporters posted 🇦🇲 and 👩‍👩‍👧 all day.\r\nThe mayor, Zoe\u0308 Aldám, said turnout rose.\r\nAldám later added more.\r\n';
    const file = writeArticle('unicode-live.txt', text);
    const editor = await openArticle(file);
    assert.strictEqual(editor.document.eol, vscode.EndOfLine.CRLF);
    select(editor, 'Zoe\u0308 Aldám');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Zoë Aldám', type: 'person' });
    select(editor, 'Aldám', 1);
    await vscode.commands.executeCommand('newsmark.markActor', { actor: 'zoe-aldam' });
    await api.store.flush();
    for (const anchor of anchorsOnDisk(file)) {
      assert.strictEqual(codePointSlice(file, anchor.start, anchor.end), anchor.quote);
    }

    // Type astral characters and a line break before the marks, then save.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '🇺🇦🇺🇦 Live:\r\n'));
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), '👍🏽 '));
    await editor.document.save();
    await settle();
    await api.store.flush();
    const anchors = anchorsOnDisk(file);
    assert.deepStrictEqual(anchors.map((a) => a.quote), ['Zoe\u0308 Aldám', 'Aldám']);
    for (const anchor of anchors) {
      assert.strictEqual(codePointSlice(file, anchor.start, anchor.end), anchor.quote, JSON.stringify(anchor));
      assert.strictEqual(anchor.flags, '');
    }
  });

  it('re-attach after the article changes on disk while open', async () => {
    const api = await activateNewsmark();
    const original = [
      'Kyrgyzstan hosts the exercise.',
      'Approximately 2,500 personnel are involved in the exercises.',
      'Russia leads the alliance; Armenia has drifted away.',
      '',
    ].join('\n');
    const file = writeArticle('outside.txt', original);
    const editor = await openArticle(file);
    select(editor, 'Armenia');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Armenia', type: 'country' });
    select(editor, 'Approximately 2,500 personnel are involved in the exercises.');
    await vscode.commands.executeCommand('newsmark.markClaim', { claimant: null });
    await api.store.flush();

    // Another program (git pull, a script) reorders and edits the file.
    const changed = [
      'UPDATED: Russia leads the alliance; Armenia has drifted away.',
      'Kyrgyzstan hosts the exercise.',
      'Approximately 2,600 personnel are involved in the exercises.',
      '',
    ].join('\n');
    fs.writeFileSync(file, changed);
    await waitFor(() => editor.document.getText() === changed, 'VS Code to reload the article');
    await waitFor(() => fs.readFileSync(sidecarPath(file), 'utf8').includes('changed: true'), 'the sidecar to be rewritten');
    await api.store.flush();

    const [armenia, claim] = anchorsOnDisk(file);
    assert.strictEqual(armenia.flags, '');
    assert.strictEqual(codePointSlice(file, armenia.start, armenia.end), 'Armenia');
    // The claim's figure changed: it is re-attached, flagged changed, and keeps its original quote.
    assert.strictEqual(claim.flags, 'changed');
    assert.strictEqual(claim.quote, 'Approximately 2,500 personnel are involved in the exercises.');
    assert.strictEqual(codePointSlice(file, claim.start, claim.end), 'Approximately 2,600 personnel are involved in the exercises.');

    const hover = await hoverText(editor.document.uri, editor.document.positionAt(changed.indexOf('2,600')));
    assert.ok(hover.includes('The wording changed since this claim was marked'), hover);

    await vscode.commands.executeCommand('newsmark.acceptNewWording', { uri: editor.document.uri.toString(), claim: 'c1' });
    await api.store.flush();
    const [, accepted] = anchorsOnDisk(file);
    assert.strictEqual(accepted.flags, '');
    assert.strictEqual(accepted.quote, 'Approximately 2,600 personnel are involved in the exercises.');
  });

  it('orphan a mention whose text is gone, and re-attach it by hand to a selection', async () => {
    const api = await activateNewsmark();
    const file = writeArticle('orphan.txt', 'The CSTO met in Bishkek. Officials praised the CSTO drills.\n');
    const editor = await openArticle(file);
    select(editor, 'Bishkek');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Bishkek', type: 'location' });
    await api.store.flush();
    fs.writeFileSync(file, 'The CSTO met in the Kyrgyz capital. Officials praised the CSTO drills.\n');
    await waitFor(() => editor.document.getText().includes('Kyrgyz capital'), 'VS Code to reload the article');
    await waitFor(() => fs.readFileSync(sidecarPath(file), 'utf8').includes('orphaned: true'), 'the orphan to be written');
    const [orphan] = anchorsOnDisk(file);
    assert.strictEqual(orphan.quote, 'Bishkek', 'the orphan keeps its quote');

    select(editor, 'the Kyrgyz capital');
    // The selected text is not the quote: Newsmark asks first, and the user agrees.
    await answeringPicker(() => vscode.commands.executeCommand('newsmark.reattachToSelection', { uri: editor.document.uri.toString(), actor: 'bishkek' }), 'accept');
    await api.store.flush();
    const [fixed] = anchorsOnDisk(file);
    assert.strictEqual(fixed.flags, '');
    assert.strictEqual(fixed.quote, 'the Kyrgyz capital');
    assert.strictEqual(codePointSlice(file, fixed.start, fixed.end), 'the Kyrgyz capital');
  });

  it('re-attach on open when the article changed while it was closed', async () => {
    const api = await activateNewsmark();
    const file = writeArticle('closed.txt', 'Moscow views the shift as a challenge. Moscow is wary.\n');
    let editor = await openArticle(file);
    select(editor, 'Moscow', 1);
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Moscow', type: 'location' });
    await api.store.flush();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await settle();
    const changed = 'Analysts agree. Moscow views the shift as a challenge. Moscow is wary.\n';
    fs.writeFileSync(file, changed);
    editor = await openArticle(file);
    await waitFor(() => editor.document.getText() === changed, 'VS Code to show the changed article');
    await api.store.flush();
    const [mention] = anchorsOnDisk(file);
    // The second "Moscow" was marked; its context picks it out, not the first occurrence.
    assert.strictEqual(mention.start, 'Analysts agree. Moscow views the shift as a challenge. '.length);
    assert.strictEqual(mention.flags, '');
    assert.ok(editor);
  });
});
