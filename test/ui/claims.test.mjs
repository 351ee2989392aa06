// Checking claims: mark one with its claimant (a new one typed in the picker too), work it through status, source and verdict, and read it back in hover and CodeLens.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { record } from './figures.mjs';
import { ARTICLE, ARTICLE_TEXT, SIDECAR, position, useWorkbench, waitFor } from './workbench.mjs';

const SENTENCE = 'Pashinyan’s government has sought to diversify Armenia’s security partnerships, reaching out to countries like the United States and France.';
const today = () => new Date().toISOString().slice(0, 10);

describe('Checking claims', () => {
  const s = useWorkbench({ files: [ARTICLE, SIDECAR] });

  it('marks the sentence at the cursor as a claim by the claimant picked in the list', async () => {
    const { wb } = s;
    const { line, column } = position(ARTICLE_TEXT, 'has sought');
    await wb.goTo(line, column);
    await wb.pressChord('KeyC');
    await wb.expectQuickInput('Who makes this claim?');
    const items = await wb.quickPickItems();
    assert.equal(items[0].label, 'The article itself');
    // Actors mentioned in the sentence come right after it.
    assert.deepEqual(items.slice(1, 3).map((i) => i.label).sort(), ['Armenia', 'Nikol Pashinyan']);
    await wb.pickItem('Nikol Pashinyan', { filter: 'Nikol' });

    const sidecar = await wb.waitForSidecar((y) => y.claims.length === 3);
    const claim = sidecar.claims[2];
    assert.equal(claim.anchor.quote, SENTENCE);
    assert.equal(claim.claimant, 'nikol-pashinyan');
    assert.equal(claim.status, 'unchecked');
    await wb.statusBarItem().filter({ hasText: '5 actors · 3 claims · 2 unchecked' }).waitFor();
    const rows = await wb.waitForRows('Assertions', (r) => r.some((row) => row.label.startsWith('Pashinyan’s government')));
    assert.deepEqual(rows.slice(0, 3).map((r) => [r.label.slice(0, 22), r.description]), [
      ['Unchecked', '2'],
      ['Approximately 2,500 pe', 'the article'],
      ['Pashinyan’s government', 'Nikol Pashinyan'],
    ]);
    await wb.waitForHighlight('diversify');
  });

  it('takes a claim from unchecked to a verdict with its source, and shows it in the CodeLens and the hover', async () => {
    const { wb } = s;
    const { line, column } = position(ARTICLE_TEXT, 'personnel');
    await wb.goTo(line, column);
    await wb.editor.locator('.codelens-decoration a', { hasText: 'c1 · Unchecked' }).waitFor();

    await wb.pressChord('KeyS');
    await wb.expectQuickInput('Status of claim c1');
    assert.deepEqual((await wb.quickPickItems()).map((i) => [i.label, i.description]), [
      ['Unchecked', 'current'],
      ['In progress', ''],
      ['Checked', ''],
    ]);
    await wb.page.keyboard.press('ArrowDown');
    let underline;
    const lens = await wb.timeToCodeLens(async () => {
      underline = wb.timeToRedecorate(() => wb.enter(), 'personnel');
      await underline;
    }, 'c1 · In progress · no verdict · 0 sources');
    record('Set Status: Enter to the claim\'s new underline', await underline);
    record('Set Status: Enter to the CodeLens update', lens);
    await wb.waitForSidecar((y) => y.claims[0].status === 'in-progress');

    await wb.pressChord('KeyL');
    await wb.expectQuickInput('Source for claim c1 (1/3)');
    await wb.typeInQuickPick('ftp://archive.example/report');
    await wb.page.locator('.quick-input-message', { hasText: /http/ }).waitFor();
    await wb.typeInQuickPick('https://www.osce.org/csto-exercise-report', { clear: true });
    await wb.enter();
    await wb.expectQuickInput('Source for claim c1 (2/3)');
    await wb.typeInQuickPick('OSCE exercise report');
    await wb.enter();
    await wb.expectQuickInput('Source for claim c1 (3/3)');
    await wb.enter();
    await wb.quickInputClosed();
    let sidecar = await wb.waitForSidecar((y) => y.claims[0].sources?.length === 1);
    assert.deepEqual(sidecar.claims[0].sources, [{ url: 'https://www.osce.org/csto-exercise-report', title: 'OSCE exercise report', accessed: today() }]);

    await wb.pressChord('KeyV');
    await wb.expectQuickInput('Verdict for claim c1');
    const verdicts = await wb.quickPickItems();
    assert.deepEqual(verdicts.map((v) => v.label), ['True', 'Mostly true', 'Mixed', 'Mostly false', 'False', 'Unproven']);
    assert.equal(verdicts[0].description, '1 in this article');
    await wb.page.keyboard.press('ArrowDown');
    record('Set Verdict: Enter to the CodeLens update', await wb.timeToCodeLens(() => wb.enter(), 'c1 · Checked · Mostly true · 1 source'));
    sidecar = await wb.waitForSidecar((y) => y.claims[0].verdict === 'mostly-true');
    assert.equal(sidecar.claims[0].status, 'checked');

    await wb.editor.locator('.codelens-decoration a', { hasText: 'c1 · Checked · Mostly true · 1 source' }).waitFor();
    const hover = await wb.hoverAt('personnel', /Claim c1\b/);
    assert.match(hover, /Claim c1\b/);
    assert.match(hover, /Claimant: the article itself/);
    assert.match(hover, /Verdict: Mostly true/);
    // The hover leads with the claim’s words and says its status and verdict once.
    assert.ok(hover.indexOf('Approximately 2,500 personnel') < hover.indexOf('Claim c1'), hover);
    assert.equal(hover.split('Mostly true').length - 1, 1, hover);
    assert.equal(hover.split('Checked').length - 1, 1, hover);
    assert.match(hover, new RegExp(`OSCE exercise report · accessed ${today()}`));
    const rows = await wb.waitForRows('Assertions', (r) => r.some((row) => row.text === 'Checked · Mostly true 1'));
    assert.deepEqual(
      rows.map((r) => r.text.slice(0, 24)),
      ['Checked · True 1', 'a defense alliance compr', 'Checked · Mostly true 1', 'Approximately 2,500 pers'],
    );
    await wb.statusBarItem().filter({ hasText: '0 unchecked' }).waitFor();
  });

  it('lets the claimant picker add a new actor from what was typed, and shows the sentence being marked', async () => {
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
    // The name is what was typed; only its type is left to ask.
    await wb.expectQuickInput('New actor: what is Many experts?');
    await wb.pickItem('Other', { filter: 'Other' });
    const sidecar = await wb.waitForSidecar((y) => y.claims?.length === 3);
    const claim = sidecar.claims[2];
    assert.match(claim.anchor.quote, /^Many experts see this as part/);
    const claimant = sidecar.actors.find((a) => a.id === claim.claimant);
    assert.deepEqual([claimant?.name, claimant?.type], ['Many experts', 'other']);
  });

  it('offers to add a source when a verdict is set on a claim that has none', async () => {
    const { wb } = s;
    const { line, column } = position(ARTICLE_TEXT, 'personnel');
    await wb.goTo(line, column);
    await wb.runCommand('Newsmark: Set Verdict');
    await wb.expectQuickInput('Verdict for claim c1');
    await wb.pickItem('False', { filter: 'False' });
    await wb.waitForNotification('Claim c1 has a verdict but no source. Add the evidence now?');
    await wb.waitForSidecar((y) => y.claims[0].verdict === 'false');
    await wb.clickNotificationButton('has a verdict but no source', 'Add Source');
    await wb.expectQuickInput('Source for claim c1 (1/3)');
    await wb.escape();
    await wb.quickInputClosed();
    const sidecar = wb.readSidecar();
    assert.equal(sidecar.claims[0].sources, undefined, 'Escape adds no source');
    await wb.editor.locator('.codelens-decoration a', { hasText: 'c1 · Checked · False · 0 sources' }).waitFor();
  });
});
