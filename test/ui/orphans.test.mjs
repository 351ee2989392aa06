// Orphans and undo: deleting text that holds marks, bringing it back, re-attaching what stays orphaned.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import { parse } from 'yaml';
import { ARTICLE, ARTICLE_TEXT, SAMPLES, SIDECAR, orphanRows, orphans, position, useWorkbench, waitFor } from './workbench.mjs';

const SAMPLE = parse(fs.readFileSync(path.join(SAMPLES, SIDECAR), 'utf8'));
/** Line 6 holds two mentions each of Armenia, Kyrgyzstan, Russia and the CSTO, and claim c2. */
const LINE_6 = 6;

const deleteLine = (wb, line) => wb.deleteLine(line, 'a defense alliance comprising');

describe('Orphans and undo', () => {
  const s = useWorkbench({ files: [ARTICLE, SIDECAR] });

  it('keeps both views whole after deleting a line with two mentions of one actor', async () => {
    const { wb } = s;
    await wb.waitForRows('Actors', (r) => r.some((row) => row.text === 'Armenia 11 mentions'));
    await deleteLine(wb, LINE_6);
    const rows = await wb.waitForRows('Actors', (r) => orphanRows(r).some((row) => row.label === '“Armenia”'));
    assert.deepEqual((await wb.notifications()).filter((m) => /already registered/.test(m)), []);
    for (const expected of ['Armenia 9 mentions', 'Kyrgyzstan 7 mentions', 'Russia 5 mentions']) {
      assert.ok(rows.some((r) => r.text === expected), `${expected} in ${JSON.stringify(rows.map((r) => r.text))}`);
    }
    const orphaned = orphanRows(rows);
    assert.equal(orphaned.filter((r) => r.label === '“Armenia”').length, 2);
    assert.ok(!orphaned.some((r) => /^claim /.test(r.description)), 'an orphaned claim belongs to the Assertions view');
    const assertions = await wb.waitForRows('Assertions', (r) => r.some((row) => row.label === 'Orphaned'));
    assert.ok(!assertions.some((r) => /^mention of /.test(r.description)), 'orphaned mentions belong to the Actors view');
  });

  it('brings the annotations of a deleted line back with Ctrl+Z after the deletion was saved', async () => {
    const { wb } = s;
    await wb.waitForHighlight('Armenia, Belarus');
    await deleteLine(wb, LINE_6);
    await wb.save();
    await wb.waitForSidecar((y) => orphans(y).length > 0, 'the orphans to be saved');
    await wb.pressUntilShown('Control+Z', 'a defense alliance comprising');
    await wb.waitForHighlight('Armenia, Belarus');
    await wb.waitForRows('Actors', (r) => !r.some((row) => row.label === 'Orphaned') && r.some((row) => row.text === 'Armenia 11 mentions'));
    await wb.save();
    const sidecar = await wb.waitForSidecar((y) => orphans(y).length === 0, 'every anchor to be attached');
    assert.deepEqual(sidecar.actors.map((a) => a.mentions.map((m) => m.start)), SAMPLE.actors.map((a) => a.mentions.map((m) => m.start)));
  });

  it('finds an orphan again at once when its text comes back at its old place', async () => {
    const { wb } = s;
    await wb.waitForHighlight('Moscow');
    await wb.selectText('Moscow');
    await wb.page.keyboard.press('Delete');
    await wb.waitForRows('Actors', (r) => r.some((row) => row.label === 'Orphaned'));
    // Reading the view took the keyboard; the cursor goes back where the word was.
    const { line, column } = position(ARTICLE_TEXT, 'Moscow');
    await wb.goTo(line, column);
    await wb.page.keyboard.type('Moscow');
    await wb.waitForRows('Actors', (r) => !r.some((row) => row.label === 'Orphaned'));
    await wb.waitForHighlight('Moscow');
  });

  it('offers first the orphans whose quote matches the selection, and asks before attaching different text', async () => {
    const { wb } = s;
    await wb.waitForHighlight('Moscow');
    await wb.typeOver('Moscow, which', 'It, which');
    await wb.typeOver('Kyrgyzstan Hosts', 'Bishkek Hosts');
    await wb.waitForRows('Actors', (r) => r.some((row) => row.text === 'Orphaned 2'));
    const text = await wb.appendToLineBefore('The ongoing CSTO', ' Moscow did not comment.');

    await wb.selectText('Moscow', 0, text);
    await wb.runCommand('Newsmark: Re-attach to Selection');
    await wb.expectQuickInput(/Re-attach/);
    const items = await wb.quickPickItems();
    assert.match(`${items[0].label} ${items[0].description}`, /Russia.*Moscow|Moscow.*Russia/);
    await wb.enter();
    await wb.waitForSidecar((y) => !y.actors.find((a) => a.id === 'russia').mentions.some((m) => m.orphaned));

    await wb.selectText('Bishkek', 0, text);
    const before = wb.readFile(SIDECAR);
    await wb.runCommand('Newsmark: Re-attach to Selection');
    // Read without waiting for an element, so each look is quick whichever way the question comes.
    const question = await waitFor(async () => {
      const texts = [
        ...(await wb.notifications()),
        ...(await wb.page.locator('.monaco-dialog-box').allInnerTexts()),
        ...(await wb.page.locator('.quick-input-widget:visible').allInnerTexts()),
      ];
      return texts.find((t) => t.includes('Bishkek') && t.includes('Kyrgyzstan'));
    }, 'a question naming the selected text and the orphan’s quote');
    assert.ok(question);
    assert.equal(wb.readFile(SIDECAR), before, 'nothing changes before the user answers');
    await wb.escape();
    assert.equal(orphans(wb.readSidecar()).length, 1);
  });

  it('keeps both views whole when the open article loses a line on disk', async () => {
    const { wb } = s;
    await wb.waitForRows('Actors', (r) => r.some((row) => row.text === 'Armenia 11 mentions'));
    const lines = ARTICLE_TEXT.split('\n');
    lines.splice(LINE_6 - 1, 1);
    const reloaded = async () => !(await wb.editorShows('a defense alliance comprising'));
    await wb.writeFileUntil(ARTICLE, lines.join('\n'), reloaded, 'the editor to reload the article');
    const rows = await wb.waitForRows('Actors', (r) => r.some((row) => row.label === 'Orphaned'));
    assert.ok(rows.some((r) => r.text === 'Armenia 9 mentions'), JSON.stringify(rows.map((r) => r.text)));
    assert.deepEqual((await wb.notifications()).filter((m) => /already registered/.test(m)), []);
  });
});
