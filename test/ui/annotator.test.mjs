// Who is annotating, asked once: without newsmark.annotator and outside any git repository, the first mark asks for a name, kept for every later mark.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { useWorkbench } from './workbench.mjs';

const QUESTION = 'Who is annotating?';

/** Marks the selection as a new actor of type `type` through the palette's Mark Actor, up to the last picker's Enter. */
async function markNewActor(wb, name, type) {
  await wb.selectText(name);
  await wb.runCommand('Newsmark: Mark Actor');
  await wb.expectQuickInput(`Mark “${name}” as a mention of…`);
  await wb.enter();
  await wb.expectQuickInput('New actor (1/2)');
  await wb.enter();
  await wb.expectQuickInput(`what is ${name}?`);
  await wb.typeInQuickPick(type);
  await wb.enter();
}

/** After the last picker of a mark: the actor is written, and no question followed it. */
async function markedWithoutAsking(wb, count) {
  const sidecar = await wb.waitForSidecar((y) => y.actors?.length === count, `${count} actors in the sidecar`);
  await wb.quickInputClosed();
  return sidecar;
}

describe('Who is annotating', () => {
  const s = useWorkbench({ annotator: false });

  it('asks on the first mark, records the name typed, keeps it in the user settings and does not ask again', async () => {
    const { wb } = s;
    assert.equal(wb.userSettings()['newsmark.annotator'], undefined, 'the scenario starts with no annotator set');
    await markNewActor(wb, 'Kyrgyzstan', 'coun');
    assert.equal(await wb.expectQuickInput(QUESTION), QUESTION);
    assert.equal(wb.readSidecar(), undefined, 'nothing is marked while the question is open');
    await wb.typeInQuickPick('Ana Petrosyan');
    await wb.enter();

    const first = await markedWithoutAsking(wb, 1);
    assert.equal(first.actors[0].by, 'Ana Petrosyan');
    assert.equal(first.actors[0].mentions[0].by, 'Ana Petrosyan');
    assert.match(first.actors[0].at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.equal(wb.userSettings()['newsmark.annotator'], 'Ana Petrosyan');

    await markNewActor(wb, 'Nikol Pashinyan', 'pers');
    const second = await markedWithoutAsking(wb, 2);
    assert.deepEqual(second.actors.map((a) => [a.name, a.by]).sort(), [['Kyrgyzstan', 'Ana Petrosyan'], ['Nikol Pashinyan', 'Ana Petrosyan']]);
  });

  it('marks without a name when the question is dismissed with Escape, and does not ask again in the session', async () => {
    const { wb } = s;
    await markNewActor(wb, 'Kyrgyzstan', 'coun');
    await wb.expectQuickInput(QUESTION);
    await wb.escape();

    const first = await markedWithoutAsking(wb, 1);
    assert.equal('by' in first.actors[0], false, JSON.stringify(first.actors[0]));
    assert.equal('by' in first.actors[0].mentions[0], false, JSON.stringify(first.actors[0].mentions[0]));
    assert.match(first.actors[0].at, /Z$/, 'when is still recorded');
    assert.equal(wb.userSettings()['newsmark.annotator'], undefined);

    await markNewActor(wb, 'Nikol Pashinyan', 'pers');
    const second = await markedWithoutAsking(wb, 2);
    assert.deepEqual(second.actors.map((a) => [a.name, a.by]).sort(), [['Kyrgyzstan', undefined], ['Nikol Pashinyan', undefined]]);
    assert.equal(wb.userSettings()['newsmark.annotator'], undefined);
  });
});
