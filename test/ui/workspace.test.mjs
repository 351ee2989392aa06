// The whole-workspace views on an archive larger than a page, driven by hand: the group's count, the first page, and "Show more" with Enter.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { stringify } from 'yaml';
import { useWorkbench } from './workbench.mjs';

const ARTICLES = 11;
const CLAIMS = 100;

/** An article of CLAIMS sentences, each one an in-progress claim, and its sidecar. */
function pair(n) {
  const sentences = Array.from({ length: CLAIMS }, (_, i) => `Article ${n} says figure ${i} rose by ${i % 9} points.`);
  const text = `${sentences.join('\n')}\n`;
  let at = 0;
  const claims = sentences.map((quote, i) => {
    const start = text.indexOf(quote, at);
    at = start + quote.length;
    return { id: `c${i + 1}`, anchor: { start, end: start + quote.length, quote }, status: 'in-progress' };
  });
  // Named with two digits, so the order by name is the order by number.
  const name = `pages-${String(n).padStart(2, '0')}.txt`;
  return [
    { name, text },
    { name: `${name}.annotations.yaml`, text: stringify({ newsmark: 1, article: { file: name }, claims }) },
  ];
}

describe('The whole-workspace views on a large archive', () => {
  const s = useWorkbench({ files: () => Array.from({ length: ARTICLES }, (_, n) => pair(n)).flat(), open: 'pages-00.txt' });

  it('counts the group over every article, lists a page of it, and lists the rest on Show more', async () => {
    const { wb } = s;
    await wb.waitForRows('Assertions', (r) => r.some((row) => row.text === `In progress ${CLAIMS}`));
    await wb.runCommand('Newsmark: Show Whole Workspace');
    await wb.waitForRows('Assertions', (r) => r.some((row) => row.text === `In progress ${ARTICLES * CLAIMS}`));
    // A click on the first claim, then End: the last row of the page.
    await wb.clickTreeRow('Assertions', /^Article 0 says figure 0 /);
    await wb.page.keyboard.press('End');
    const last = await wb.waitForRows('Assertions', (r) => r.at(-1)?.label === 'Show more');
    assert.equal(last.at(-1).description, `500 of ${(ARTICLES * CLAIMS).toLocaleString('en')} shown`);
    assert.match(last.at(-2).label, /^Article 4 says figure 99 /, 'the first page holds whole articles, by name');
    // Selecting the row lists the next page, and its own Show more row in place of the one clicked.
    await wb.clickTreeRow('Assertions', 'Show more');
    await wb.waitForRows('Assertions', (r) => r.some((row) => /^Article 5 says figure 0 /.test(row.label)));
    await wb.page.keyboard.press('End');
    const second = await wb.waitForRows('Assertions', (r) => r.at(-1)?.label === 'Show more' && /^Article 9 says figure 99 /.test(r.at(-2)?.label ?? ''));
    assert.equal(second.at(-1).description, `1,000 of ${(ARTICLES * CLAIMS).toLocaleString('en')} shown`);
    // The new row is another row: a click on it lists the last page, though the one before it was selected.
    await wb.clickTreeRow('Assertions', 'Show more');
    await wb.waitForRows('Assertions', (r) => r.some((row) => /^Article 10 says figure 0 /.test(row.label)) && !r.some((row) => row.label === 'Show more'));
    await wb.page.keyboard.press('End');
    const all = await wb.waitForRows('Assertions', (r) => /^Article 10 says figure 99 /.test(r.at(-1)?.label ?? ''));
    assert.ok(!all.some((row) => row.label === 'Show more'), 'every claim is listed');
  });
});
