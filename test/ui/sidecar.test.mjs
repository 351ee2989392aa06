// The article and its sidecar on disk: open the sidecar, edit and save, change files outside the editor, a broken sidecar, orphans, undo.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import { parse } from 'yaml';
import { ARTICLE, ARTICLE_TEXT, SAMPLES, SIDECAR, offsetOf, orphanRows, orphans, position, useWorkbench, waitFor } from './workbench.mjs';

const SAMPLE_SIDECAR = fs.readFileSync(path.join(SAMPLES, SIDECAR), 'utf8');
const mentionStarts = (sidecar, id) => sidecar.actors.find((a) => a.id === id).mentions.map((m) => m.start);
const SAMPLE = parse(SAMPLE_SIDECAR);
const sampleStarts = (id) => mentionStarts(SAMPLE, id);

describe('The article and its sidecar on disk', () => {
  const s = useWorkbench({ files: [ARTICLE, SIDECAR] });

  it('opens the sidecar beside the article with Ctrl+Alt+M O', async () => {
    const { wb } = s;
    await wb.focusEditor();
    await wb.pressChord('KeyO');
    await wb.page.locator('.tabs-container .tab', { hasText: SIDECAR }).waitFor();
    assert.equal(await wb.page.locator('.editor-group-container').count(), 2, 'the sidecar opens in a second group, beside the article');
    await wb.page.locator('.editor-group-container.active .view-lines', { hasText: 'newsmark: 1' }).waitFor();
  });

  it('moves every anchor with the text when the article is edited, and writes them when it is saved', async () => {
    const { wb } = s;
    await wb.goTo(2, 1);
    await wb.page.keyboard.type('UPDATED: ');
    await wb.waitForHighlight('Armenia');
    // Unsaved edits leave the sidecar as it was: its offsets match the file on disk.
    assert.deepEqual(mentionStarts(wb.readSidecar(), 'armenia'), sampleStarts('armenia'));
    await wb.save();
    const sidecar = await wb.waitForSidecar((y) => mentionStarts(y, 'armenia')[0] === sampleStarts('armenia')[0] + 9, 'the anchors to move by the 9 typed characters');
    assert.deepEqual(mentionStarts(sidecar, 'russia'), sampleStarts('russia').map((n) => n + 9));
    assert.equal(sidecar.claims[0].anchor.start, SAMPLE.claims[0].anchor.start + 9);
    assert.ok(wb.readFile(ARTICLE).startsWith('\nUPDATED: Armenia’s Absence'));
  });

  it('finds every anchor again when the article is rewritten on disk while it is open', async () => {
    const { wb } = s;
    await wb.waitForHighlight('Nikol Pashinyan');
    const note = 'Editor’s note: this article was updated to add its sources.\n';
    const rewritten = note + ARTICLE_TEXT.replace('This development comes', 'This latest development comes');
    await wb.writeFileUntil(ARTICLE, rewritten, () => wb.editorShows('Editor’s note'), 'the editor to reload the article');
    const shift = [...note].length;
    const sidecar = await wb.waitForSidecar((y) => mentionStarts(y, 'armenia')[0] === sampleStarts('armenia')[0] + shift, 'the sidecar to follow the new text');
    const pashinyan = offsetOf(note + ARTICLE_TEXT, 'Nikol Pashinyan') + ' latest'.length;
    assert.equal(sidecar.actors.find((a) => a.id === 'nikol-pashinyan').mentions[0].start, pashinyan);
    assert.ok(sidecar.actors.every((a) => a.mentions.every((m) => !m.orphaned)), 'no anchor is lost');
    await wb.waitForHighlight('Nikol Pashinyan');
    await wb.waitForHighlight('Editor’s note', 0, false);
  });

  it('reports a broken sidecar at its line and column, opens it on request, and never overwrites it', async () => {
    const { wb } = s;
    const broken = SAMPLE_SIDECAR.replace('    name: Russia\n', '    name: [Russia\n');
    const said = async () => (await wb.notifications()).find((m) => /cannot read the annotations of csto-exercise\.txt/.test(m));
    const message = await wb.writeFileUntil(SIDECAR, broken, said, 'a message that the sidecar cannot be read');
    assert.match(message, /line \d+, column \d+/);
    const { line } = position(broken, 'name: [Russia');
    assert.ok(message.includes(`line ${line},`) || message.includes(`line ${line + 1},`), `${message} names the line of the error`);

    // A change attempted meanwhile is refused and leaves the file alone.
    await wb.selectText('Belarus');
    await wb.pressChord('KeyA');
    await wb.waitForNotification(/cannot change until csto-exercise\.txt\.annotations\.yaml is fixed/);
    assert.equal(wb.readFile(SIDECAR), broken);

    await wb.clickNotificationLink('cannot read the annotations', 'Open Sidecar');
    await wb.page.locator('.tabs-container .tab.active', { hasText: SIDECAR }).waitFor();
    assert.equal(wb.readFile(SIDECAR), broken);

    wb.writeFile(SIDECAR, SAMPLE_SIDECAR);
    await wb.page.locator('.tabs-container .tab', { hasText: ARTICLE }).first().click();
    // The sidecar opened beside the article, whose narrower lines may push line 9 off screen.
    await wb.waitForHighlight('Kyrgyzstan');
    await wb.waitForRows('Actors', (r) => r.some((row) => row.text === 'Russia 7 mentions'));
  });

  it('says in the views that the sidecar cannot be read, with Open Sidecar, and clears the errors once it reads again', async () => {
    const { wb } = s;
    await wb.waitForHighlight('Moscow');
    const said = async () => (await wb.notifications()).some((m) => /cannot read the annotations/.test(m));
    await wb.writeFileUntil(SIDECAR, SAMPLE_SIDECAR.replace('    name: Russia\n', '    name: [Russia\n'), said, 'a message that the sidecar cannot be read');
    const message = await waitFor(async () => {
      const text = await wb.viewMessage('Actors');
      return /cannot be read|cannot read/i.test(text) ? text : null;
    }, 'the Actors view to say the sidecar cannot be read');
    assert.doesNotMatch(message, /No actors marked/);
    await wb.pane('Actors').locator('.welcome-view-content .monaco-button', { hasText: 'Open Sidecar' }).waitFor();
    // Broken another way: the new problem replaces the old message rather than adding one.
    const again = SAMPLE_SIDECAR.replace('    name: Armenia\n', '    name: [Armenia\n');
    wb.writeFile(SIDECAR, again);
    const { line } = position(again, 'name: [Armenia');
    await waitFor(async () => {
      const said = (await wb.notifications()).filter((m) => /cannot read the annotations/.test(m));
      return said.length === 1 && (said[0].includes(`line ${line},`) || said[0].includes(`line ${line + 1},`));
    }, 'one error message, naming the new line');
    wb.writeFile(SIDECAR, SAMPLE_SIDECAR);
    await wb.waitForHighlight('Moscow');
    await waitFor(async () => !(await wb.notifications()).some((m) => /cannot read the annotations/.test(m)), 'the error to be dismissed');
    await wb.waitForRows('Actors', (r) => r.some((row) => row.text === 'Russia 7 mentions'));
  });

  it('keeps a mention whose text was deleted as an orphan, and re-attaches it to the text the user selects', async () => {
    const { wb } = s;
    await wb.waitForHighlight('Moscow');
    await wb.typeOver('Moscow, which', 'It, which');
    let rows = await wb.waitForRows('Actors', (r) => orphanRows(r).length > 0);
    assert.deepEqual(rows.slice(-2).map((r) => r.text), ['Orphaned 1', '“Moscow” mention of Russia']);
    await wb.save();
    let sidecar = await wb.waitForSidecar((y) => y.actors.find((a) => a.id === 'russia').mentions.some((m) => m.orphaned));
    assert.deepEqual(sidecar.actors.find((a) => a.id === 'russia').mentions.filter((m) => m.orphaned).map((m) => m.quote), ['Moscow']);
    assert.equal(sidecar.actors.find((a) => a.id === 'russia').mentions.length, 7, 'the orphan is kept in the sidecar');

    // The user writes the name back elsewhere and attaches the orphan to it.
    const text = await wb.appendToLineBefore('The ongoing CSTO', ' Moscow did not comment.');
    await wb.selectText('Moscow', 0, text);
    await wb.runCommand('Newsmark: Re-attach to Selection');
    rows = await wb.waitForRows('Actors', (r) => !r.some((row) => row.label === 'Orphaned'));
    await wb.waitForHighlight('Moscow');
    sidecar = await wb.waitForSidecar((y) => !y.actors.find((a) => a.id === 'russia').mentions.some((m) => m.orphaned), 'the orphan to be attached');
    const moscow = sidecar.actors.find((a) => a.id === 'russia').mentions.find((m) => m.quote === 'Moscow');
    assert.equal(moscow.start, offsetOf(text, 'Moscow'));
  });

  it('undoes and redoes typing in the article with Ctrl+Z and Ctrl+Shift+Z, the marks following the text', async () => {
    const { wb } = s;
    const { line, column } = position(ARTICLE_TEXT, 'Nikol Pashinyan');
    await wb.goTo(line, column);
    await wb.page.keyboard.type('Mr ');
    await wb.waitForHighlight('Nikol Pashinyan');
    // Typing keeps an undo stop per word, so it may take more than one Ctrl+Z.
    await wb.pressUntilShown('Control+Z', 'Minister, Nikol');
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
    assert.equal(await wb.isHighlighted('Nikol Pashinyan'), true);
    await wb.pressUntilShown('Control+Shift+Z', 'Minister, Mr Nikol');
    await wb.save();
    const sidecar = await wb.waitForSidecar((y) => mentionStarts(y, 'nikol-pashinyan')[0] === sampleStarts('nikol-pashinyan')[0] + 3);
    assert.deepEqual(mentionStarts(sidecar, 'armenia').slice(0, 5), sampleStarts('armenia').slice(0, 5), 'marks before the edit stay');
    await wb.waitForHighlight('Nikol Pashinyan');
    assert.equal(await wb.isHighlighted('Mr '), false);
  });

  it('brings the marks of a deleted line back with Ctrl+Z, and orphans them again with Ctrl+Shift+Z', async () => {
    const { wb } = s;
    const line = position(ARTICLE_TEXT, 'a defense alliance comprising').line;
    await wb.waitForHighlight('Armenia, Belarus');
    await wb.deleteLine(line, 'a defense alliance comprising');
    await wb.waitForRows('Actors', (r) => r.some((row) => row.label === 'Orphaned'));
    await wb.pressUntilShown('Control+Z', 'a defense alliance comprising');
    await wb.waitForHighlight('Armenia, Belarus');
    await wb.waitForRows('Actors', (r) => !r.some((row) => row.label === 'Orphaned') && r.some((row) => row.text === 'Armenia 11 mentions'));
    await wb.redo();
    await waitFor(async () => !(await wb.editorShows('a defense alliance comprising')), 'the deletion to be redone');
    await wb.waitForRows('Actors', (r) => r.some((row) => row.label === 'Orphaned'));
    await wb.pressUntilShown('Control+Z', 'a defense alliance comprising');
    await wb.waitForHighlight('Armenia, Belarus');
    await wb.save();
    const sidecar = await wb.waitForSidecar((y) => y.article.sha256 !== SAMPLE.article.sha256 || orphans(y).length === 0, 'the saved sidecar');
    assert.deepEqual(orphans(sidecar), []);
    assert.deepEqual(sidecar.actors.map((a) => a.mentions.map((m) => m.start)), SAMPLE.actors.map((a) => a.mentions.map((m) => m.start)));
  });
});
