// Tests of approximate matching: every place a reworded quote may be, runners-up included, with clean boundaries.

import assert from 'node:assert/strict';
import { approximateIn, refine, type Span, windowsAround } from '../../../../src/core/anchoring/fuzzy';
import { formOf } from '../../../../src/core/anchoring/forms';
import { MAX_FUZZY_CANDIDATES, maxErrors } from '../../../../src/core/anchoring/thresholds';

describe('anchoring/fuzzy', () => {
  it('allows a quarter of a quote’s length in edits, at most 32', () => {
    assert.deepEqual([8, 11, 12, 127, 128, 132, 400].map(maxErrors), [2, 2, 3, 31, 32, 32, 32]);
  });

  describe('windowsAround', () => {
    it('spans where a match of at most k edits could lie around each start, merged where they overlap or touch', () => {
      assert.deepEqual(windowsAround([50, 10], 20, 3, 1000), [
        [6, 34],
        [46, 74],
      ]);
      // 34 and 30 + 3 + 1 = 34: touching windows are one.
      assert.deepEqual(windowsAround([10, 38], 20, 3, 1000), [[6, 62]]);
      assert.deepEqual(windowsAround([10, 39], 20, 3, 1000), [
        [6, 34],
        [35, 63],
      ]);
    });

    it('stays within the text', () => {
      assert.deepEqual(windowsAround([1, 990], 20, 3, 1000), [
        [0, 25],
        [986, 1000],
      ]);
    });

    it('keeps only the first MAX_FUZZY_CANDIDATES windows', () => {
      const starts = Array.from({ length: MAX_FUZZY_CANDIDATES + 5 }, (_, i) => 1000 * (MAX_FUZZY_CANDIDATES + 5 - i));
      const windows = windowsAround(starts, 20, 3, 1e6);
      assert.equal(windows.length, MAX_FUZZY_CANDIDATES);
      assert.deepEqual(windows[0], [996, 1024]);
    });
  });

  describe('approximateIn', () => {
    const quote = 'troops crossed the border';

    it('finds the best matches and the runners-up beside them', () => {
      const text = `At dawn troops crossed the border. Later troups crossed the bordr. Then tanks crossed the border.`;
      const out: Span[] = [];
      approximateIn(text, quote, 6, 0, text.length, 0, out);
      const found = out.map((s) => text.slice(s.start, s.end));
      assert.ok(found.includes(quote), `${found}`);
      assert.ok(found.some((f) => f.includes('troups crossed the bord')), `${found}`);
      assert.ok(found.some((f) => f.includes('tanks crossed the border') || f.includes('s crossed the border')), `${found}`);
    });

    it('searches only text[lo, hi), reporting offsets in the whole text', () => {
      const text = `${quote} and again ${quote}`;
      const out: Span[] = [];
      approximateIn(text, quote, 2, 10, text.length, 0, out);
      assert.deepEqual(out, [{ start: text.lastIndexOf(quote), end: text.length }]);
    });

    it('finds nothing in a stretch shorter than the quote less its edits', () => {
      const out: Span[] = [];
      approximateIn(quote, quote, 2, 0, quote.length - 3, 0, out);
      assert.deepEqual(out, []);
      approximateIn(quote, quote, 2, 0, quote.length - 2, 0, out);
      assert.equal(out.length, 1);
    });
  });

  describe('refine', () => {
    const form = formOf('troops crossed the border', 'At dawn on Tuesday, Russian-led ', ' near the town of Osh, officials');

    it('moves a raw match onto where the stored context ends and begins', () => {
      const text = 'At dawn on Tuesday, Russian-led troops crossed a border near the town of Osh, officials said.';
      const start = text.indexOf('troops');
      const end = text.indexOf(' near');
      const c = refine(text, form, { start: start + 2, end: end - 1 }, 6, [{ at: start, slack: 10 }]);
      assert.deepEqual([c?.start, c?.end, c?.errors], [start, end, 3]);
    });

    it('keeps an exact occurrence’s bounds even when the context is a few units off', () => {
      const text = 'At dawn on Tuesday, Russian-led xtroops crossed the borderx near the town of Osh, officials said.';
      const start = text.indexOf('troops');
      const c = refine(text, form, { start, end: start + form.quote.length }, 6, []);
      assert.deepEqual([c?.start, c?.end, c?.errors], [start, start + form.quote.length, 0]);
    });

    it('gives nothing for a span with more edits than allowed', () => {
      const text = 'Nothing at all like the quote is here, officials said.';
      assert.equal(refine(text, form, { start: 0, end: 25 }, 6, []), undefined);
    });

    it('never ends a match inside a flag', () => {
      const text = 'At dawn on Tuesday, Russian-led troops crossed the bord 🇦🇲 near the town of Osh, officials said.';
      const flag = text.indexOf('🇦🇲');
      const c = refine(text, form, { start: text.indexOf('troops'), end: flag + 2 }, 6, []);
      assert.ok(c && (c.end <= flag || c.end >= flag + 4), `${c?.end}`);
    });
  });
});
