// Marking actors as a fact-checker does: by palette title and by chord, new and existing actors, possessives, undo and redo, cancelling, marking all.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { record } from './figures.mjs';
import { ARTICLE, ARTICLE_TEXT, offsetOf, useWorkbench } from './workbench.mjs';

describe('Marking actors', () => {
  const s = useWorkbench();

  it('marks a new actor from the command palette, with its name and type typed into the pickers', async () => {
    const { wb } = s;
    await wb.selectText('Kyrgyzstan');
    await wb.runCommand('Newsmark: Mark Actor');
    assert.equal(await wb.expectQuickInput('as a mention of'), 'Mark “Kyrgyzstan” as a mention of…');
    const items = await wb.quickPickItems();
    assert.deepEqual(items.map((i) => i.label), ['New actor “Kyrgyzstan”…']);
    assert.ok(items[0].focused);
    await wb.enter();
    await wb.expectQuickInput('New actor (1/2)');
    assert.equal(await wb.quickInputValue(), 'Kyrgyzstan', 'the name defaults to the selection');
    await wb.enter();
    await wb.expectQuickInput('what is Kyrgyzstan?');
    assert.deepEqual((await wb.quickPickItems()).map((i) => i.label), ['Person', 'Organisation', 'Country', 'Location', 'Event', 'Other']);
    await wb.typeInQuickPick('coun');
    assert.deepEqual((await wb.quickPickItems()).map((i) => i.label), ['Country']);
    record('Mark Actor (new actor): Enter on its type to highlight', await wb.timeToHighlight(() => wb.enter(), 'Kyrgyzstan'));

    await wb.statusBarItem().filter({ hasText: '1 actor · 0 claims · 0 unchecked' }).waitFor();
    assert.ok((await wb.statusBar()).includes('Marked “Kyrgyzstan” as Kyrgyzstan (Country)'));
    assert.equal(await wb.isHighlighted('Kyrgyzstan', 1), false, 'only the selected occurrence is marked');
    const sidecar = await wb.waitForSidecar((y) => y.actors?.length === 1);
    const start = offsetOf(ARTICLE_TEXT, 'Kyrgyzstan');
    assert.deepEqual(
      sidecar.actors.map((a) => ({ id: a.id, name: a.name, type: a.type, mentions: a.mentions.map((m) => [m.start, m.end, m.quote]) })),
      [{ id: 'kyrgyzstan', name: 'Kyrgyzstan', type: 'country', mentions: [[start, start + 10, 'Kyrgyzstan']] }],
    );
    assert.equal(sidecar.article.file, 'csto-exercise.txt');
  });

  it('marks further mentions of an existing actor with the Ctrl+Alt+M A chord', async () => {
    const { wb } = s;
    await wb.selectText('Nikol Pashinyan');
    await wb.pressChord('KeyA');
    await wb.expectQuickInput('Mark “Nikol Pashinyan” as a mention of…');
    await wb.enter();
    await wb.expectQuickInput('New actor (1/2)');
    await wb.enter();
    await wb.typeInQuickPick('pers');
    await wb.expectQuickInput('what is Nikol Pashinyan?');
    record('Mark Actor (new actor): Enter on its type to highlight', await wb.timeToHighlight(() => wb.enter(), 'Nikol Pashinyan'));

    await wb.selectText('Pashinyan', 1);
    await wb.pressChord('KeyA');
    await wb.expectQuickInput('Mark “Pashinyan” as a mention of…');
    const items = await wb.quickPickItems();
    assert.deepEqual(
      items.map((i) => [i.label, i.description]),
      [
        ['New actor “Pashinyan”…', ''],
        ['Nikol Pashinyan', '1 mention'],
      ],
    );
    // “Pashinyan” is part of the actor’s name, so Enter takes the actor, not a new one.
    assert.equal(items.find((i) => i.focused)?.label, 'Nikol Pashinyan');
    record('Mark Actor (existing actor): Enter to highlight', await wb.timeToHighlight(() => wb.enter(), 'Pashinyan’s'));

    const sidecar = await wb.waitForSidecar((y) => y.actors?.[0]?.mentions.length === 2);
    assert.deepEqual(sidecar.actors[0].mentions.map((m) => m.quote), ['Nikol Pashinyan', 'Pashinyan']);
    assert.equal(sidecar.actors.length, 1);
    await wb.statusBarItem().filter({ hasText: '1 actor · 0 claims' }).waitFor();
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

  it('undoes Mark Actor with Ctrl+Z and redoes it with Ctrl+Shift+Z, leaving the text alone', async () => {
    const { wb } = s;
    await wb.selectText('Kyrgyzstan');
    await wb.pressChord('KeyA');
    await wb.expectQuickInput('as a mention of');
    await wb.enter();
    await wb.expectQuickInput('New actor (1/2)');
    await wb.enter();
    await wb.expectQuickInput('what is Kyrgyzstan?');
    await wb.pickItem('Country', { filter: 'Country' });
    await wb.waitForHighlight('Kyrgyzstan');
    await wb.waitForSidecar((y) => y.actors?.length === 1);
    record('Undo of Mark Actor: Ctrl+Z to the highlight gone', await wb.timeToRedecorate(() => wb.undo(), 'Kyrgyzstan'));
    await wb.waitForHighlight('Kyrgyzstan', 0, false);
    await wb.waitForSidecar((y) => (y.actors ?? []).every((a) => a.mentions.length === 0), 'the mention to be gone from the sidecar');
    await wb.statusBarItem().filter({ hasText: '0 actors · 0 claims' }).waitFor();
    assert.equal(await wb.page.locator('.tabs-container .tab.active.dirty').count(), 0, 'the article text is unchanged');
    assert.equal(wb.readFile(ARTICLE), ARTICLE_TEXT);
    record('Redo of Mark Actor: Ctrl+Shift+Z to highlight', await wb.timeToHighlight(() => wb.redo(), 'Kyrgyzstan'));
    const sidecar = await wb.waitForSidecar((y) => y.actors?.[0]?.mentions.length === 1, 'the mention to be back');
    assert.equal(sidecar.actors[0].mentions[0].start, offsetOf(ARTICLE_TEXT, 'Kyrgyzstan'));
    assert.equal(await wb.page.locator('.tabs-container .tab.active.dirty').count(), 0, 'the article text is still unchanged');
  });

  it('leaves the article untouched when the user presses Escape in any of the pickers', async () => {
    const { wb } = s;
    await wb.selectText('Belarus');
    await wb.pressChord('KeyA');
    await wb.expectQuickInput('as a mention of');
    await wb.escape();
    await wb.quickInputClosed();

    await wb.pressChord('KeyA');
    await wb.expectQuickInput('as a mention of');
    await wb.enter();
    await wb.expectQuickInput('New actor (1/2)');
    await wb.typeInQuickPick('Republic of Belarus', { clear: true });
    await wb.enter();
    await wb.expectQuickInput('what is Republic of Belarus?');
    await wb.escape();
    await wb.quickInputClosed();

    assert.equal(await wb.isHighlighted('Belarus'), false);
    assert.equal(await wb.statusBarText(), '0 actors · 0 claims · 0 unchecked');
    assert.equal(wb.readSidecar(), undefined, 'no sidecar is written for a cancelled mark');
    // The selection is still there, so the keys did not reach the article.
    assert.ok((await wb.statusBar()).some((item) => item.includes('(7 selected)')));
  });

  it('marks every other occurrence of an actor with Mark All Mentions and says how many', async () => {
    const { wb } = s;
    await wb.selectText('Kyrgyzstan', 1);
    await wb.pressChord('KeyA');
    await wb.expectQuickInput('as a mention of');
    await wb.enter();
    await wb.expectQuickInput('New actor (1/2)');
    await wb.enter();
    await wb.typeInQuickPick('Country');
    record('Mark Actor (new actor): Enter on its type to highlight', await wb.timeToHighlight(() => wb.enter(), 'Kyrgyzstan', 1));
    assert.equal(await wb.isHighlighted('Kyrgyzstan', 0), false);

    await wb.pressChord('KeyM');
    const count = ARTICLE_TEXT.split('Kyrgyzstan').length - 1;
    await wb.waitForNotification(`Marked ${count - 1} more mentions of Kyrgyzstan.`);
    await wb.waitForHighlight('Kyrgyzstan', 0);
    await wb.waitForHighlight('Kyrgyzstan', count - 1);
    const rows = await wb.waitForRows('Actors', (r) => r.some((row) => row.text === `Kyrgyzstan ${count} mentions`));
    assert.deepEqual(rows.map((r) => r.text), ['Country 1', `Kyrgyzstan ${count} mentions`]);
    const sidecar = await wb.waitForSidecar((y) => y.actors?.[0]?.mentions.length === count);
    assert.ok(sidecar.actors[0].mentions.every((m) => m.quote === 'Kyrgyzstan'));
  });
});
