// Tests of the core's text helpers: line breaks folded, bidirectional controls visible, short messages and typo distances.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { count, editDistance, foldLineBreaks, oneLine, restoreControls, showControls, shorten, splitLines } from '../../../src/core/text';

describe('text', () => {
  it('folds every kind of line break, CRLF as one', () => {
    assert.equal(foldLineBreaks('a\r\nb\rc\nd\u0085e\u2028f\u2029g'), 'a b c d e f g');
    assert.deepEqual(splitLines('a\r\n\r\nb\rc'), ['a', '', 'b', 'c']);
  });

  it('shows each bidirectional control as a marker and nothing else', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    const shown = showControls(`Person${controls}txt.exe`);
    assert.equal(shown, 'Person⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+202E⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩txt.exe');
    assert.equal(restoreControls(shown), `Person${controls}txt.exe`);
    // Arabic and Hebrew text, and the zero-width joiner, are letters, not controls.
    assert.equal(showControls('שלום مرحبا a\u200Db'), 'שלום مرحبا a\u200Db');
    assert.equal(oneLine('x\u202E\ny'), 'x⟨U+202E⟩ y');
  });
});

/** Levenshtein distance by its definition (recursion over the last characters), for comparison. */
function levenshtein(a: string, b: string): number {
  const memo = new Map<string, number>();
  const d = (i: number, j: number): number => {
    if (i === 0 || j === 0) {
      return i + j;
    }
    const key = `${i},${j}`;
    let v = memo.get(key);
    if (v === undefined) {
      v = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      memo.set(key, v);
    }
    return v;
  };
  return d(a.length, b.length);
}

describe('text helpers', () => {
  describe('editDistance', () => {
    it('counts the edits between a key and its typo, and gives max + 1 beyond max', () => {
      assert.equal(editDistance('verdict', 'verdict', 2), 0);
      assert.equal(editDistance('verdict', 'verdcit', 2), 2);
      assert.equal(editDistance('claimant', 'claimnt', 2), 1);
      assert.equal(editDistance('sources', 'notes', 2), 3);
      assert.equal(editDistance('a', 'a much longer text', 4), 5);
    });

    it('agrees with the whole table wherever the distance is within max', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 8 }), (a, b, max) => {
          const d = levenshtein(a, b);
          assert.equal(editDistance(a, b, max), d <= max ? d : max + 1);
        }),
      );
    });
  });

  it('shortens a quote to one line of a message, line breaks and tabs shown', () => {
    assert.equal(shorten('The CSTO met.\nIt was\ttense.'), 'The CSTO met.⏎It was⇥tense.');
    assert.equal(shorten('x'.repeat(70)), 'x'.repeat(59) + '…');
    assert.equal(shorten('Kyrgyzstan hosted the drills', 10), 'Kyrgyzsta…');
  });

  it('counts with the noun in the plural unless there is one', () => {
    assert.equal(count(1, 'sidecar'), '1 sidecar');
    assert.equal(count(0, 'sidecar'), '0 sidecars');
    assert.equal(count(3, 'orphan'), '3 orphans');
  });
});
