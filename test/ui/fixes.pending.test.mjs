// Behaviour the workbench does not have yet (orphans, undo, pickers); run with NEWSMARK_UI_PENDING=1 or --pending.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import { parse } from 'yaml';
import { ARTICLE, ARTICLE_TEXT, SAMPLES, position, useWorkbench, waitFor } from './workbench.mjs';

const SIDECAR = `${ARTICLE}.annotations.yaml`;
const SAMPLE_SIDECAR = fs.readFileSync(path.join(SAMPLES, SIDECAR), 'utf8');
const SAMPLE = parse(SAMPLE_SIDECAR);
const orphans = (sidecar) => [...sidecar.actors.flatMap((a) => a.mentions), ...sidecar.claims.map((c) => c.anchor)].filter((a) => a.orphaned);
/** Line 6 holds two mentions each of Armenia, Kyrgyzstan, Russia and the CSTO, and claim c2. */
const LINE_6 = 6;

const deleteLine = (wb, line) => wb.deleteLine(line, 'a defense alliance comprising');

describe('Orphans and undo (pending fixes)', () => {
  const s = useWorkbench({ files: [ARTICLE, SIDECAR] });

  it('keeps both views whole after deleting a line with two mentions of one actor', async () => {
    const { wb } = s;
    await wb.waitForRows('Actors', (r) => r.some((row) => row.text === 'Armenia 11 mentions'));
    await deleteLine(wb, LINE_6);
    const rows = await wb.waitForRows('Actors', (r) => r.some((row) => row.label === 'Orphaned'));
    assert.deepEqual((await wb.notifications()).filter((m) => /already registered/.test(m)), []);
    for (const expected of ['Armenia 9 mentions', 'Kyrgyzstan 7 mentions', 'Russia 5 mentions']) {
      assert.ok(rows.some((r) => r.text === expected), `${expected} in ${JSON.stringify(rows.map((r) => r.text))}`);
    }
    const orphanRows = rows.slice(rows.findIndex((r) => r.label === 'Orphaned') + 1);
    assert.equal(orphanRows.filter((r) => r.label === '“Armenia”').length, 2);
    assert.ok(!orphanRows.some((r) => /^claim /.test(r.description)), 'an orphaned claim belongs to the Assertions view');
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
    await wb.page.keyboard.type('Moscow');
    await wb.waitForRows('Actors', (r) => !r.some((row) => row.label === 'Orphaned'));
    await wb.waitForHighlight('Moscow');
  });

  it('offers first the orphans whose quote matches the selection, and asks before attaching different text', async () => {
    const { wb } = s;
    await wb.waitForHighlight('Moscow');
    await wb.selectText('Moscow, which');
    await wb.page.keyboard.type('It, which');
    await wb.selectText('Kyrgyzstan Hosts');
    await wb.page.keyboard.type('Bishkek Hosts');
    await wb.waitForRows('Actors', (r) => r.some((row) => row.text === 'Orphaned 2'));
    const { line } = position(ARTICLE_TEXT, 'The ongoing CSTO');
    await wb.goTo(line - 1, 1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type(' Moscow did not comment.');
    await wb.save();
    const text = wb.readFile(ARTICLE);

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
    const question = await waitFor(async () => {
      const texts = [
        ...(await wb.notifications()),
        (await wb.page.locator('.monaco-dialog-box').innerText().catch(() => '')) || '',
        (await wb.page.locator('.quick-input-widget:visible').innerText().catch(() => '')) || '',
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
    wb.writeFile(ARTICLE, lines.join('\n'));
    const rows = await wb.waitForRows('Actors', (r) => r.some((row) => row.label === 'Orphaned'));
    assert.ok(rows.some((r) => r.text === 'Armenia 9 mentions'), JSON.stringify(rows.map((r) => r.text)));
    assert.deepEqual((await wb.notifications()).filter((m) => /already registered/.test(m)), []);
  });

  it('says in the views that the sidecar cannot be read, with Open Sidecar, and clears the errors once it reads again', async () => {
    const { wb } = s;
    await wb.waitForHighlight('Moscow');
    wb.writeFile(SIDECAR, SAMPLE_SIDECAR.replace('    name: Russia\n', '    name: [Russia\n'));
    await wb.waitForNotification(/cannot read the annotations/);
    const message = await waitFor(async () => {
      const text = await wb.viewMessage('Actors');
      return /cannot be read|cannot read/i.test(text) ? text : null;
    }, 'the Actors view to say the sidecar cannot be read');
    assert.doesNotMatch(message, /No actors marked/);
    await wb.pane('Actors').locator('.welcome-view-content .monaco-button', { hasText: 'Open Sidecar' }).waitFor();
    wb.writeFile(SIDECAR, SAMPLE_SIDECAR);
    await wb.waitForHighlight('Moscow');
    await waitFor(async () => !(await wb.notifications()).some((m) => /cannot read the annotations/.test(m)), 'the error to be dismissed');
  });
});

describe('Pickers and undo of annotation actions (pending fixes)', () => {
  const s = useWorkbench();

  async function markNew(wb, name, type) {
    await wb.pressChord('KeyA');
    await wb.expectQuickInput('as a mention of');
    await wb.pickItem(/New actor/);
    await wb.expectQuickInput('New actor (1/2)');
    await wb.typeInQuickPick(name, { clear: true });
    await wb.enter();
    await wb.expectQuickInput('what is');
    await wb.pickItem(type, { filter: type });
    await wb.quickInputClosed();
  }

  it('pre-selects the existing actor “Nikol Pashinyan” when “Pashinyan” is marked', async () => {
    const { wb } = s;
    await wb.selectText('Nikol Pashinyan');
    await markNew(wb, 'Nikol Pashinyan', 'Person');
    await wb.waitForHighlight('Nikol Pashinyan');
    await wb.selectText('Pashinyan', 1);
    await wb.pressChord('KeyA');
    await wb.expectQuickInput('as a mention of');
    const focused = (await wb.quickPickItems()).find((i) => i.focused);
    assert.equal(focused?.label, 'Nikol Pashinyan');
  });

  it('proposes “Armenia”, not “Armenia’s”, for a double-clicked possessive', async () => {
    const { wb } = s;
    await wb.doubleClickWord('Armenia’s');
    await wb.pressChord('KeyA');
    assert.equal(await wb.expectQuickInput('as a mention of'), 'Mark “Armenia” as a mention of…');
    await wb.pickItem(/New actor/);
    await wb.expectQuickInput('New actor (1/2)');
    assert.equal(await wb.quickInputValue(), 'Armenia');
    await wb.enter();
    await wb.expectQuickInput('what is');
    await wb.pickItem('Country', { filter: 'Country' });
    const sidecar = await wb.waitForSidecar((y) => y.actors?.length === 1);
    assert.deepEqual(sidecar.actors[0].mentions.map((m) => [m.quote, m.end - m.start]), [['Armenia', 7]]);
  });

  it('lets the claimant picker create a new actor from what was typed, and shows the sentence being marked', async () => {
    const { wb } = s;
    const { line, column } = position(ARTICLE_TEXT, 'see this as part');
    await wb.goTo(line, column);
    await wb.pressChord('KeyC');
    await wb.expectQuickInput('Who makes this claim?');
    const widget = await wb.page.locator('.quick-input-widget').innerText();
    const placeholder = await wb.quickInput.getAttribute('placeholder');
    assert.match(`${widget} ${placeholder}`, /Many experts see this/);
    await wb.typeInQuickPick('Many experts');
    await waitFor(async () => (await wb.quickPickItems()).some((i) => /New actor/.test(i.label)), 'a New actor… entry');
    await wb.pickItem(/New actor/);
    await wb.expectQuickInput('New actor');
    assert.equal(await wb.quickInputValue(), 'Many experts');
    await wb.enter();
    await wb.expectQuickInput('what is');
    await wb.pickItem('Other', { filter: 'Other' });
    const sidecar = await wb.waitForSidecar((y) => y.claims?.length === 1);
    const claimant = sidecar.actors.find((a) => a.id === sidecar.claims[0].claimant);
    assert.equal(claimant?.name, 'Many experts');
  });

  it('undoes Mark Actor with Ctrl+Z and redoes it with Ctrl+Shift+Z, leaving the text alone', async () => {
    const { wb } = s;
    await wb.selectText('Kyrgyzstan');
    await markNew(wb, 'Kyrgyzstan', 'Country');
    await wb.waitForHighlight('Kyrgyzstan');
    await wb.waitForSidecar((y) => y.actors?.length === 1);
    await wb.undo();
    await wb.waitForHighlight('Kyrgyzstan', 0, false);
    await wb.waitForSidecar((y) => (y.actors ?? []).every((a) => a.mentions.length === 0), 'the mention to be gone from the sidecar');
    assert.equal(await wb.page.locator('.tabs-container .tab.active.dirty').count(), 0, 'the article text is unchanged');
    await wb.redo();
    await wb.waitForHighlight('Kyrgyzstan');
    await wb.waitForSidecar((y) => y.actors?.[0]?.mentions.length === 1, 'the mention to be back');
  });
});
