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

    /** The quoted text of each place found in the whole of `text`. */
    const placesIn = (text: string, k = 6): string[] => {
      const out: Span[] = [];
      approximateIn(text, quote, k, 0, text.length, 0, out);
      return out.map((s) => text.slice(s.start, s.end));
    };

    it('reports each place once, however many neighbouring ends the match has', () => {
      // "bordex" matches with one edit ending before or after its x: one place, the shorter.
      const text = 'At dawn troops crossed the bordex at Osh.';
      const out: Span[] = [];
      approximateIn(text, quote, 3, 0, text.length, 0, out);
      assert.deepEqual(out, [{ start: 8, end: 32 }]);
    });

    it('looks for runners-up one edit worse only, not for the runners-up of those', () => {
      const text = `At dawn ${quote}. Later troops crossed thX border. At dusk trXops crossed thX border.`;
      assert.deepEqual(placesIn(text), [quote, 'troops crossed thX border']);
      // The same before the best place as after it.
      const before = `At dusk trXops crossed thX border. Later troops crossed thX border. At dawn ${quote}.`;
      assert.deepEqual(placesIn(before), [quote, 'troops crossed thX border']);
    });

    it('keeps two places that touch without overlapping', () => {
      // A headline run into its first line: the quote twice, end to end.
      assert.deepEqual(placesIn(quote + quote), [quote, quote]);
      // Eight end to end are a crowd, with no gaps left to search again: each is a place of its own.
      assert.deepEqual(placesIn(quote.repeat(8)), Array.from({ length: 8 }, () => quote));
    });

    it('takes four equally good places as a crowd and looks no further, but looks beside three', () => {
      const four = `At dawn ${quote}. Then ${quote}. Later ${quote}. At noon ${quote}. At dusk troops crossed thX border.`;
      assert.deepEqual(placesIn(four), [quote, quote, quote, quote]);
      const three = `At dawn ${quote}. Then ${quote}. Later ${quote}. At dusk troops crossed thX border.`;
      assert.deepEqual(placesIn(three), [quote, quote, quote, 'troops crossed thX border']);
    });

    it('stops looking for runners-up once it holds twice MAX_FUZZY_CANDIDATES places', () => {
      const reports = (n: number, from: number) => Array.from({ length: n }, (_, i) => `On day ${from + i} troops crosed the border. `).join('');
      const best = `On the last day ${quote}. `;
      // The runners-up before the best place fill the list: those after it are not looked for.
      const full = placesIn(reports(2 * MAX_FUZZY_CANDIDATES - 1, 1) + best + reports(5, 100));
      assert.equal(full.length, 2 * MAX_FUZZY_CANDIDATES);
      const partly = reports(20, 1) + best + reports(5, 100);
      const out: Span[] = [];
      approximateIn(partly, quote, 6, 0, partly.length, 0, out);
      assert.equal(out.length, 26);
      assert.ok(out.at(-1)!.start > partly.indexOf('day 104'), 'the runners-up after the best place are found too');
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
    const quote = () => 'troops crossed the border';
    const span = (text: string): Span => ({ start: text.indexOf('troops'), end: text.indexOf(' near') });
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

    it('moves only the end when only the end is off', () => {
      const text = 'At dawn on Tuesday, Russian-led troops crossed a border near the town of Osh, officials said.';
      const start = text.indexOf('troops');
      const end = text.indexOf(' near');
      const c = refine(text, form, { start, end: end - 2 }, 6, []);
      assert.deepEqual([c?.start, c?.end, c?.errors], [start, end, 3]);
    });

    it('takes a place with exactly as many edits as allowed', () => {
      const text = 'At dawn on Tuesday, Russian-led troops crossed a border near the town of Osh, officials said.';
      const c = refine(text, form, { start: text.indexOf('troops') + 2, end: text.indexOf(' near') - 1 }, 3, []);
      assert.deepEqual([c?.start, c?.end, c?.errors], [text.indexOf('troops'), text.indexOf(' near'), 3]);
    });

    it('keeps the raw match when stretching it to the context costs more in edits than the context gives', () => {
      const suffix = ' near the town of Osh, officials';
      // Stretching to where " said " agrees takes in "all " (four edits) for six units of prefix.
      const costly = 'Officials said all troops crossed the bordr near the town of Osh, officials said.';
      const c = refine(costly, formOf(quote(), 'The ministry said ', suffix), span(costly), 6, []);
      assert.deepEqual([c?.start, c?.end, c?.errors], [costly.indexOf('troops'), costly.indexOf(' near'), 1]);
      // Three edits for seven units of prefix: as good, and the match as found stays.
      const even = 'A deputy officially said 60 troops crossed the bordr near the town of Osh, officials said.';
      const d = refine(even, formOf(quote(), 'The deputy said ', suffix), span(even), 6, []);
      assert.deepEqual([d?.start, d?.end, d?.errors], [even.indexOf('troops'), even.indexOf(' near'), 1]);
    });

    it('widens a start inside an accented letter back over the letter', () => {
      // NFD text: the É of Érevan is E and a combining acute accent.
      const name = 'E\u0301revan hosted the CSTO drills';
      const text = `Yesterday ${name} on Monday.`;
      const c = refine(text, formOf(name, 'In the capital ', ' this week'), { start: text.indexOf('E') + 1, end: text.indexOf(' on Monday') }, 7, []);
      assert.deepEqual([c?.start, c?.end, c?.errors], [text.indexOf('E'), text.indexOf(' on Monday'), 0]);
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
