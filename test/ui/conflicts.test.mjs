// Merge conflicts: a sidecar git merged with a verdict set two ways, resolved from the hover's Take theirs and from Ctrl+. on the claim.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import { ARTICLE, ARTICLE_TEXT, SAMPLES, position, useWorkbench } from './workbench.mjs';

const SIDECAR = `${ARTICLE}.annotations.yaml`;
const CLAIM = 'a defense alliance comprising';

/** The sample sidecar as the merge driver leaves it when one side made claim c2 Mostly true and the other False. */
function mergedSidecar() {
  const sample = fs.readFileSync(path.join(SAMPLES, SIDECAR), 'utf8');
  const record = ['conflicts:', '  - kind: claim', '    id: c2', '    field: verdict', '    base: "true"', '    ours: mostly-true', '    theirs: "false"', ''].join('\n');
  const c2 = sample.indexOf('  - id: c2');
  const verdict = sample.indexOf('verdict: "true"', c2);
  assert.ok(c2 > 0 && verdict > c2, 'the sample’s claim c2 is True');
  const mine = `${sample.slice(0, verdict)}verdict: mostly-true${sample.slice(verdict + 'verdict: "true"'.length)}`;
  return mine.replace(/^newsmark: 1\n/, `newsmark: 1\n${record}`);
}

const verdictOf = (sidecar) => sidecar.claims.find((c) => c.id === 'c2')?.verdict;

describe('Merge conflicts', () => {
  const s = useWorkbench({ files: () => [ARTICLE, { name: SIDECAR, text: mergedSidecar() }] });

  it('shows the conflict in the hover, and Take theirs there resolves it; Ctrl+Z brings it back', async () => {
    const { wb } = s;
    const hover = await wb.hoverAt(CLAIM, /Merge conflict\./);
    assert.match(hover, /Merge conflict\. Verdict conflict on claim c2: yours says “Mostly true”, theirs says “False”/);
    assert.match(hover, /Verdict\s+Mostly true\s+False/);
    await wb.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Take theirs' }).click();
    const resolved = await wb.waitForSidecar((y) => !('conflicts' in y) && verdictOf(y) === 'false', 'their verdict, without the record');
    assert.equal(resolved.claims.length, 2);
    assert.doesNotMatch(wb.readFile(SIDECAR), /conflicts/);

    await wb.focusEditor();
    await wb.page.keyboard.press('Control+Z');
    await wb.waitForSidecar((y) => y.conflicts?.length === 1 && verdictOf(y) === 'mostly-true', 'the conflict back after the undo');
  });

  it('offers Keep mine and Take theirs on Ctrl+. at the claim', async () => {
    const { wb } = s;
    await wb.waitForHighlight('Armenia, Belarus');
    const { line, column } = position(ARTICLE_TEXT, CLAIM);
    await wb.goTo(line, column + 3);
    await wb.page.keyboard.press('Control+Period');
    const menu = wb.page.locator('.action-widget');
    await menu.waitFor({ state: 'visible' });
    const items = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.trim());
    for (const expected of ['Keep mine — verdict “Mostly true”', 'Take theirs — verdict “False”', 'Compare verdicts of claim c2…']) {
      assert.ok(items.some((t) => t.includes(expected)), `${expected} in ${JSON.stringify(items)}`);
    }
    // The menu is worked with the keyboard, as after Ctrl+.: down to Keep mine, then Enter.
    const focused = () => menu.locator('.monaco-list-row.focused').getAttribute('aria-label');
    for (let i = 0; i < items.length && !(await focused())?.startsWith('Keep mine'); i++) {
      await wb.page.keyboard.press('ArrowDown');
    }
    assert.match(await focused(), /^Keep mine/);
    await wb.page.keyboard.press('Enter');
    await wb.waitForSidecar((y) => !('conflicts' in y) && verdictOf(y) === 'mostly-true', 'my verdict, without the record');
  });
});
