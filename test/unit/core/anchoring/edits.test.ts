// Tests of re-attaching every anchor of an article after the edits a fact-checker's colleagues make: each found where its text went, or orphaned, never elsewhere.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reattachAll, type Reattachment } from '../../../../src/core/anchoring';
import { anchorAt, CONTEXT_LENGTH, type Anchor } from '../../../../src/core/model';

const CSTO = readFileSync(join(__dirname, '../../../../../test/fixtures/anchoring/csto-exercise.txt'), 'utf8');

/** A new text built from kept stretches of the old one ([from, to) offsets) and typed text. */
type Piece = [number, number] | string;

interface Edited {
  text: string;
  /** Where an old offset range went, if one kept stretch holds all of it. */
  map(start: number, end: number): number | undefined;
}

function edit(old: string, pieces: Piece[]): Edited {
  let text = '';
  const kept: { from: number; to: number; at: number }[] = [];
  for (const p of pieces) {
    if (typeof p === 'string') {
      text += p;
    } else {
      kept.push({ from: p[0], to: p[1], at: text.length });
      text += old.slice(p[0], p[1]);
    }
  }
  return {
    text,
    map: (start, end) => {
      const k = kept.find((s) => s.from <= start && end <= s.to);
      return k && k.at + start - k.from;
    },
  };
}

/** The old text's paragraphs as [from, to) ranges, each with its line break. */
function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    out.push([from, at + 1]);
    from = at + 1;
  }
  if (from < text.length) {
    out.push([from, text.length]);
  }
  return out;
}

/** Every occurrence of each name, and a few claims: what a fact-checker marks in this article. */
function anchorsOf(text: string, quotes: readonly string[]): Anchor[] {
  const out: Anchor[] = [];
  for (const q of quotes) {
    for (let at = text.indexOf(q); at !== -1; at = text.indexOf(q, at + 1)) {
      out.push(anchorAt(text, at, at + q.length));
    }
  }
  return out;
}

const NAMES = ['CSTO', 'Armenia', 'Kyrgyzstan', 'Russia', 'Nikol Pashinyan', 'Central Asia', 'Tajikistan', 'the West'];
const CLAIMS = [
  'Approximately 2,500 personnel and various military equipment are involved in the exercises',
  'has expressed reservations about the CSTO’s effectiveness',
  'the delicate balancing acts pursued by countries in Central Asia',
];

/**
 * Re-attaches every anchor after the edit and checks each one: an anchor whose quote and whole
 * stored context survived in one kept stretch, and occur once in the new text, is found exactly
 * where that stretch went, with the score 1; any other is found where its text went or orphaned.
 * Returns the results for further checks.
 */
function check(edited: Edited, anchors: Anchor[], label: string, mustFind = true): Reattachment[] {
  const results = reattachAll(edited.text, anchors);
  assert.equal(results.length, anchors.length);
  results.forEach((r, i) => {
    const a = anchors[i];
    const name = `${label}: ${JSON.stringify(a.quote)} at ${a.start}`;
    const whole = a.prefix + a.quote + a.suffix;
    const at = edited.map(a.start - a.prefix.length, a.end + a.suffix.length);
    const once = edited.text.indexOf(whole) === edited.text.lastIndexOf(whole);
    if (mustFind && at !== undefined && once) {
      assert.equal(r.anchor.orphaned, undefined, `${name} was orphaned (${r.reason})`);
      assert.deepEqual([r.anchor.start, r.anchor.end], [at + a.prefix.length, at + a.prefix.length + a.quote.length], name);
      // Context cut short by the article's edge counts in full only while it is still at the edge.
      const atEdge = [...a.prefix].length < CONTEXT_LENGTH || [...a.suffix].length < CONTEXT_LENGTH;
      if (!atEdge) {
        assert.equal(r.score, 1, name);
      }
      assert.notEqual(r.method, 'fuzzy', name);
      return;
    }
    if (r.anchor.orphaned) {
      assert.equal(r.method, 'orphaned', name);
      return;
    }
    const own = edited.map(a.start, a.end);
    if (own !== undefined && r.method !== 'fuzzy') {
      assert.deepEqual([r.anchor.start, r.anchor.end], [own, own + a.quote.length], `${name} placed on another occurrence`);
    }
  });
  return results;
}

describe('anchoring/edits', () => {
  const paras = paragraphs(CSTO);
  const anchors = anchorsOf(CSTO, [...NAMES, ...CLAIMS]);
  const whole = (): Piece[] => paras.map((p) => p);

  it('finds every anchor after a headline is put in at the top', () => {
    const edited = edit(CSTO, ['BREAKING: Armenia skips the CSTO drills in Kyrgyzstan\n\n', [0, CSTO.length]]);
    const results = check(edited, anchors, 'headline');
    assert.ok(results.every((r) => !r.anchor.orphaned));
    assert.ok(results.every((r) => r.method === 'exact'));
  });

  it('keeps every anchor by its position when a correction is appended at the end', () => {
    const edited = edit(CSTO, [[0, CSTO.length], '\nCorrection: an earlier version misstated the number of troops.\n']);
    const results = check(edited, anchors, 'appended');
    const last = anchors.findIndex((a) => a.end + a.suffix.length >= CSTO.length);
    results.forEach((r, i) => {
      if (i !== last) {
        assert.equal(r.method, 'position', `${r.anchor.quote} at ${r.anchor.start}`);
      }
    });
  });

  for (const deleted of [4, 6, 8]) {
    it(`finds the others and orphans the anchors of paragraph ${deleted} when it is deleted`, () => {
      const edited = edit(CSTO, whole().filter((_, i) => i !== deleted));
      const results = check(edited, anchors, `paragraph ${deleted} deleted`);
      const [from, to] = paras[deleted];
      results.forEach((r, i) => {
        const a = anchors[i];
        if (a.start >= from && a.end <= to) {
          const elsewhere = edited.text.includes(a.prefix.slice(-8) + a.quote + a.suffix.slice(0, 8));
          if (!elsewhere) {
            assert.equal(r.anchor.orphaned, true, `${a.quote} at ${a.start} placed on ${edited.text.slice(r.anchor.start, r.anchor.end)}`);
          }
        }
      });
    });
  }

  it('follows two paragraphs that were swapped', () => {
    const order = whole();
    [order[5], order[9]] = [order[9], order[5]];
    check(edit(CSTO, order), anchors, 'swapped');
  });

  it('follows a paragraph moved to the end, and the ones after it that moved up', () => {
    const order = whole();
    const [moved] = order.splice(4, 1);
    order.push('\n', moved);
    check(edit(CSTO, order), anchors, 'moved to the end');
  });

  it('follows the paragraphs when they are all reversed', () => {
    check(edit(CSTO, whole().reverse()), anchors, 'reversed');
  });

  it('finds every anchor after a sentence is deleted in the middle of a paragraph', () => {
    const sentence = 'Amidst shifting dynamics in the region, this exercise holds substantial implications for the security landscape in Central Asia.';
    const at = CSTO.indexOf(sentence);
    check(edit(CSTO, [[0, at], [at + sentence.length + 1, CSTO.length]]), anchors, 'sentence deleted');
  });

  it('finds a claim whose figures were retyped, as changed text, and every other anchor as it was', () => {
    const claim = CLAIMS[0];
    const at = CSTO.indexOf(claim);
    const retyped = 'Roughly 3,000 personnel and various military equipment are involved in the exercises';
    const edited = edit(CSTO, [[0, at], retyped, [at + claim.length, CSTO.length]]);
    const results = check(edited, anchors, 'retyped');
    const i = anchors.findIndex((a) => a.quote === claim);
    assert.equal(results[i].method, 'fuzzy');
    assert.deepEqual([results[i].anchor.start, results[i].anchor.end], [at, at + retyped.length]);
    assert.ok(results[i].score! < 1 && results[i].score! > 0.8, `${results[i].score}`);
  });

  it('finds every anchor after the article was saved with CRLF line endings', () => {
    const crlf = CSTO.replace(/\n/g, '\r\n');
    const shift = (o: number) => o + (CSTO.slice(0, o).match(/\n/g)?.length ?? 0);
    const results = reattachAll(crlf, anchors);
    results.forEach((r, i) => {
      const a = anchors[i];
      assert.deepEqual([r.anchor.start, r.anchor.end, r.anchor.orphaned], [shift(a.start), shift(a.end), undefined], a.quote);
    });
  });

  it('finds every anchor after paragraphs were put in between the old ones', () => {
    const pieces: Piece[] = [];
    whole().forEach((p, i) => {
      pieces.push(p);
      if (i % 3 === 2) {
        pieces.push(`Added ${i}: officials in Yerevan declined to comment on the report on ${['Monday', 'Tuesday', 'Friday'][i % 3]}.\n`);
      }
    });
    const results = check(edit(CSTO, pieces), anchors, 'inserted');
    assert.ok(results.every((r) => !r.anchor.orphaned));
  });

  it('gives the same results whatever order the anchors come in', () => {
    const pieces: Piece[] = ['Editor’s note: updated with a statement from Yerevan.\n', ...whole().filter((_, i) => i !== 6)];
    pieces.splice(5, 0, 'Officials in Yerevan said on Monday that the drills were a matter for Bishkek and Moscow alone.\n');
    const edited = edit(CSTO, pieces);
    const inOrder = check(edited, anchors, 'in order');
    // A fixed shuffle: every seventh, wrapping round.
    const order = anchors.map((_, i) => (i * 7) % anchors.length);
    assert.equal(new Set(order).size, anchors.length);
    const shuffled = check(edited, order.map((i) => anchors[i]), 'shuffled');
    order.forEach((i, n) => {
      assert.deepEqual(shuffled[n], inOrder[i], `${anchors[i].quote} at ${anchors[i].start}`);
    });
  });

  it('keeps the anchors of a paragraph on it when a copy of it is put in elsewhere', () => {
    // Quoted back in a later paragraph: the same words, the annotated place unchanged.
    const [from, to] = paras[5];
    const edited = edit(CSTO, [[0, paras[9][1]], 'As the report put it:\n', [from, to], [paras[9][1], CSTO.length]]);
    const results = reattachAll(edited.text, anchors);
    results.forEach((r, i) => {
      const a = anchors[i];
      if (a.start >= from && a.end <= to) {
        assert.deepEqual([r.method, r.anchor.start], ['position', a.start], `${a.quote} at ${a.start}`);
      }
    });
  });

  it('keeps the anchors of a paragraph on it when the copy is put in before it', () => {
    const [from, to] = paras[9];
    const edited = edit(CSTO, [[0, paras[4][0]], [from, to], [paras[4][0], CSTO.length]]);
    const results = reattachAll(edited.text, anchors);
    const shift = to - from;
    results.forEach((r, i) => {
      const a = anchors[i];
      if (a.start >= from && a.end <= to) {
        // Both copies read the same; the one where the neighbours put it is the annotated one,
        // or neither is taken.
        if (!r.anchor.orphaned) {
          assert.equal(r.anchor.start, a.start + shift, `${a.quote} at ${a.start}`);
        }
      } else if (a.start >= paras[4][0]) {
        assert.deepEqual([r.anchor.orphaned, r.anchor.start], [undefined, a.start + shift], `${a.quote} at ${a.start}`);
      }
    });
  });

  it('finds anchors stored without context where the anchors around them say the text did not move', () => {
    const bare = anchors.map((a, i) => (i % 3 === 0 ? { ...a, prefix: '', suffix: '' } : a));
    const words = 'This exercise also highlights the importance of';
    const at = CSTO.indexOf(words);
    const edited = edit(CSTO, [[0, at], 'Observers say this exercise also highlights the weight of', [at + words.length, CSTO.length]]);
    const results = reattachAll(edited.text, bare);
    results.forEach((r, i) => {
      const a = bare[i];
      const own = edited.map(a.start, a.end);
      if (a.prefix === '' && own !== undefined && own === a.start) {
        assert.deepEqual([r.method, r.anchor.start], ['position', a.start], `${a.quote} at ${a.start}`);
      }
      if (!r.anchor.orphaned && r.method !== 'fuzzy') {
        assert.equal(r.anchor.start, own, `${a.quote} at ${a.start}`);
      }
    });
  });

  describe('in a long article (looked up through the n-gram index)', () => {
    // Wire copy around the report: varied sentences, so that each stretch of it is one of a kind.
    const words = 'officials ministers troops border talks summit delegation analysts observers reporters convoy airfield garrison budget treaty pipeline corridor sanctions referendum parliament coalition protest rally ceasefire monitors envoy statement briefing spokesperson'.split(' ');
    const verbs = 'said reported confirmed denied noted warned announced suggested expected questioned'.split(' ');
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const sentence = () => `The ${words[next(words.length)]} ${verbs[next(verbs.length)]} that ${next(900) + 10} ${words[next(words.length)]} and ${words[next(words.length)]} met on day ${next(365)}.`;
    const filler = () => Array.from({ length: 6 }, sentence).join(' ') + '\n';
    const before = Array.from({ length: 90 }, filler).join('');
    const after = Array.from({ length: 90 }, filler).join('');
    const long = before + CSTO + after;
    const offset = before.length;
    const anchorsHere = anchorsOf(CSTO, [...NAMES, ...CLAIMS]).map((a) => anchorAt(long, a.start + offset, a.end + offset));
    // A sentence of the wire copy every few thousand units, marked too.
    const wire = Array.from({ length: 40 }, (_, k) => long.indexOf('The ', 2000 * k + 1))
      .filter((at) => at < offset || at > offset + CSTO.length)
      .map((at) => anchorAt(long, at, long.indexOf('.', at) + 1));
    const all = [...anchorsHere, ...wire];
    const cstoParas = paragraphs(CSTO).map(([f, t]) => [f + offset, t + offset] as [number, number]);

    it('is long enough to be indexed', () => {
      assert.ok(long.length > 1 << 16, `${long.length}`);
      assert.ok(wire.length > 4, `${wire.length}`);
    });

    it('finds every anchor after a headline is put in at the top', () => {
      const results = check(edit(long, ['UPDATE: corrected the figures.\n', [0, long.length]]), all, 'long headline');
      assert.ok(results.every((r) => !r.anchor.orphaned));
    });

    it('follows paragraphs moved far down the article, every anchor to where its words went', () => {
      // Nothing placed vouches for the place: no stretch of its words occurring anywhere else does.
      const [from] = cstoParas[6];
      const [, to] = cstoParas[7];
      const at = long.length - 20_000;
      const cut = long.lastIndexOf('\n', at) + 1;
      check(edit(long, [[0, from], [to, cut], [from, to], [cut, long.length]]), all, 'long moved');
    });

    it('orphans the anchors of a deleted paragraph and finds the rest', () => {
      const [from, to] = cstoParas[7];
      const results = check(edit(long, [[0, from], [to, long.length]]), all, 'long deleted');
      results.forEach((r, i) => {
        const a = all[i];
        if (a.start >= from && a.end <= to && !long.slice(0, from).includes(a.quote) && !long.slice(to).includes(a.quote)) {
          assert.equal(r.anchor.orphaned, true, a.quote);
        }
      });
    });

    it('finds a retyped claim and every other anchor', () => {
      const claim = CLAIMS[0];
      const at = long.indexOf(claim);
      const retyped = 'Roughly 3,000 personnel and various military equipment are involved in the exercises';
      const results = check(edit(long, [[0, at], retyped, [at + claim.length, long.length]]), all, 'long retyped');
      const i = all.findIndex((a) => a.quote === claim);
      assert.deepEqual([results[i].method, results[i].anchor.start], ['fuzzy', at]);
    });
  });
});
