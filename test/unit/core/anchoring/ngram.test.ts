// Tests of the n-gram index: every occurrence of a needle, the same as scanning the article for it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { GramIndex, INDEXED_NEEDLE } from '../../../../src/core/anchoring/ngram';

const CSTO = readFileSync(join(__dirname, '../../../../../test/fixtures/anchoring/csto-exercise.txt'), 'utf8');

/** Every offset of `needle` in `text`, by scanning, ascending. */
function scan(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    out.push(at);
  }
  return out;
}

function sorted(offsets: number[] | undefined): number[] | undefined {
  return offsets && [...offsets].sort((a, b) => a - b);
}

describe('anchoring/ngram', () => {
  const article = CSTO.repeat(8);
  const index = new GramIndex(article);

  it('finds every occurrence of a phrase of a real article, wherever it falls against the indexed offsets', () => {
    const phrase = 'Collective Security Treaty Organization';
    assert.ok(phrase.length >= INDEXED_NEEDLE);
    const expected = scan(article, phrase);
    assert.ok(expected.length >= 8, 'the phrase recurs in every copy');
    assert.deepEqual(sorted(index.occurrences(phrase)), expected);
    // The same phrase shifted by each unit of the stride lands on other residues.
    for (let cut = 1; cut < 9; cut++) {
      const needle = phrase.slice(cut) + article.slice(expected[0] + phrase.length, expected[0] + phrase.length + cut);
      assert.deepEqual(sorted(index.occurrences(needle)), scan(article, needle), `shifted by ${cut}`);
    }
  });

  it('finds a needle at the very start and the very end of the text', () => {
    const head = article.slice(0, INDEXED_NEEDLE + 5);
    const tail = article.slice(article.length - INDEXED_NEEDLE - 3);
    assert.deepEqual(sorted(index.occurrences(head)), scan(article, head));
    assert.ok(index.occurrences(head)!.includes(0));
    assert.deepEqual(sorted(index.occurrences(tail)), scan(article, tail));
    assert.ok(index.occurrences(tail)!.includes(article.length - tail.length));
  });

  it('finds nothing for a needle that is not in the text', () => {
    assert.deepEqual(index.occurrences('The exercise was cancelled at short notice.'), []);
  });

  it('finds overlapping occurrences in repetitive text', () => {
    const text = 'ab'.repeat(200);
    const needle = 'ab'.repeat(15);
    assert.deepEqual(sorted(new GramIndex(text).occurrences(needle)), scan(text, needle));
  });

  it('gives up (undefined) rather than walk more indexed offsets than the limit allows', () => {
    const text = 'the alliance said '.repeat(500);
    const needle = 'the alliance said the alliance';
    const all = new GramIndex(text);
    assert.equal(all.occurrences(needle, 10), undefined);
    assert.deepEqual(sorted(all.occurrences(needle)), scan(text, needle));
  });

  it('finds every occurrence of a whole long sentence', () => {
    // Long needles pick the grams they walk from further apart.
    const from = CSTO.indexOf('In a significant');
    const sentence = CSTO.slice(from, from + 200);
    assert.deepEqual(sorted(index.occurrences(sentence)), scan(article, sentence));
    assert.equal(index.occurrences(sentence)!.length, 8);
  });

  it('counts the indexed offsets it walks against the limit, the limit included', () => {
    // 23 units: one indexed offset, at 0, walked once.
    const text = 'Hurrah! Hurrah! Hurrah!';
    assert.equal(text.length, INDEXED_NEEDLE);
    const one = new GramIndex(text);
    assert.equal(one.occurrences(text, 0), undefined);
    assert.deepEqual(one.occurrences(text, 1), [0]);
  });

  it('answers a needle that begins or ends with a common phrase within a small limit, through its rare part', () => {
    const alliance = 'the Collective Security Treaty Organization';
    const towns = ['Bishkek', 'Osh', 'Yerevan', 'Dushanbe', 'Minsk', 'Astana', 'Moscow'];
    const days = Array.from({ length: 400 }, (_, i) => `Day ${i}: in ${towns[i % 7]} ${alliance} drilled. `).join('');
    const cancelled = `${alliance} said on Tuesday that the drills were cancelled`;
    const gyumri = `Officials in Gyumri said ${alliance}`;
    const text = `${days.slice(0, 20000)} ${cancelled}. ${days.slice(20000)} ${gyumri} drilled.`;
    const common = new GramIndex(text);
    assert.equal(common.occurrences(alliance, 100), undefined, 'the phrase alone is too common');
    assert.deepEqual(common.occurrences(cancelled, 8), [text.indexOf(cancelled)]);
    assert.deepEqual(common.occurrences(gyumri, 8), [text.indexOf(gyumri)]);
  });

  it('answers a text too short to hold any needle', () => {
    for (const text of ['', 'CSTO', 'Armenia and the CSTO']) {
      assert.deepEqual(new GramIndex(text).occurrences('the Collective Security Treaty Organization'), []);
    }
  });

  it('agrees with a scan on random text and needles taken from it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀'), { minLength: 40, maxLength: 600 }).map((units) => units.join('')),
        fc.nat(),
        fc.integer({ min: INDEXED_NEEDLE, max: 40 }),
        (text, seed, length) => {
          fc.pre(text.length >= length);
          const from = seed % (text.length - length + 1);
          const needle = text.slice(from, from + length);
          assert.deepEqual(sorted(new GramIndex(text).occurrences(needle)), scan(text, needle));
        },
      ),
      { numRuns: 300 },
    );
  });
});
