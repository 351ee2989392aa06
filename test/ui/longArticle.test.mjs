// A long article driven by hand: its claims' lenses are served around what is on screen, so they must follow the user down the article and back, by Go to Line and by scrolling.
import { describe, it } from 'mocha';
import { stringify } from 'yaml';
import { useWorkbench } from './workbench.mjs';

const NAME = 'long-report.txt';
const LINES = 3000;

/** 3,000 lines with a claim on every tenth: far more than the lenses served at once. */
function longReport() {
  const lines = Array.from({ length: LINES }, (_, i) => (i % 10 === 0 ? `Line ${i}: the ministry said ${i} personnel took part.` : `Line ${i} of the report.`));
  const text = `${lines.join('\n')}\n`;
  const claims = [];
  let at = 0;
  lines.forEach((line, i) => {
    if (i % 10 === 0) {
      const quote = line.slice(line.indexOf('the ministry'));
      const start = at + line.indexOf('the ministry');
      claims.push({ id: `c${i}`, anchor: { start, end: start + quote.length, quote }, status: i === 2900 ? 'in-progress' : 'unchecked' });
    }
    at += line.length + 1;
  });
  return [
    { name: NAME, text },
    { name: `${NAME}.annotations.yaml`, text: stringify({ newsmark: 1, article: { file: NAME }, actors: [], claims }) },
  ];
}

describe('A long article', () => {
  const s = useWorkbench({ files: longReport, open: NAME });

  it('shows the lenses of the claims on screen: at the top, near the end after Go to Line, at the top again, and further down once scrolled there', async () => {
    const { wb } = s;
    const lens = (text) => wb.editor.locator('.codelens-decoration a', { hasText: text });
    await lens(/^c0 · Unchecked/).waitFor();
    // Go to Line: the view jumps 2,900 lines, past every lens served for the top.
    await wb.goTo(2901);
    await lens(/^c2900 · In progress/).waitFor();
    await lens(/^c0 · /).waitFor({ state: 'detached' });
    await wb.goTo(1);
    await lens(/^c0 · Unchecked/).waitFor();
    // Scrolled some forty pages with Alt+Page Down, the cursor staying at the top: lenses are there too.
    for (let i = 0; i < 36; i++) {
      await wb.page.keyboard.press('Alt+PageDown');
    }
    await lens(/^c1[0-9]{3} · Unchecked/).filter({ visible: true }).first().waitFor();
  });
});
