// Tests of character boundaries: a match never starts or ends inside a surrogate pair, an accented letter, a flag or an emoji sequence.

import assert from 'node:assert/strict';
import { isClusterBoundary, onBoundary, snap } from '../../../../src/core/anchoring/boundaries';

/** Grapheme boundaries as the platform sees them (the article as a reader sees its characters). */
function segmenterBoundaries(text: string): number[] {
  const segments = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.index);
  return [...segments, text.length];
}

function ourBoundaries(text: string): number[] {
  const out: number[] = [];
  for (let o = 0; o <= text.length; o++) {
    if (isClusterBoundary(text, o)) {
      out.push(o);
    }
  }
  return out;
}

const cp = (n: number) => String.fromCodePoint(n);

describe('anchoring/boundaries', () => {
  it('agrees with the reader’s characters in text with accents, emoji, flags and line endings', () => {
    const texts = [
      'Rene\u0301e and Erdog\u0306an met in Yerevan.',
      'Supporters posted 🇦🇲🇦🇲🇰🇬 and 👩‍👩‍👧 and 👍🏽 and ❤️ on Sunday.',
      'Lines\r\nwith CR LF\r\n\r\nand a lone \r and \n too.',
      '𝐀𐐀🐀 astral letters whose low surrogate is DC00, and 😀😀.',
      'Tags: 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f} and a selector \u{e0100} after a\u{e01ef}.',
      'a 👨‍💻 at work, and 🇦 a lone indicator then 🇦🇲.',
      // A text may begin with an accent (a fragment cut from a longer one) and end with a joiner.
      '\u0301 an accent at the start, and a joiner at the end\u200d',
    ];
    for (const text of texts) {
      assert.deepEqual(ourBoundaries(text), segmenterBoundaries(text), JSON.stringify(text));
    }
  });

  it('attaches exactly the code points of each extending range to the letter before, and not their neighbours', () => {
    // Each range's first and last code point extend; the ones just outside do not.
    const extending = [0xfe00, 0xfe0f, 0x1f3fb, 0x1f3ff, 0xe0020, 0xe007f, 0xe0100, 0xe01ef, 0x300, 0x36f];
    const outside = [0xfdff, 0xfe10, 0x1f3fa, 0x1f400, 0xe001f, 0xe0080, 0xe00ff, 0xe01f0, 0x2ff];
    for (const n of extending) {
      assert.equal(isClusterBoundary(`a${cp(n)}`, 1), false, n.toString(16));
    }
    for (const n of outside) {
      assert.equal(isClusterBoundary(`a${cp(n)}`, 1), true, n.toString(16));
    }
  });

  it('pairs regional indicators from the left, at both ends of their range', () => {
    for (const [first, last] of [
      [0x1f1e6, 0x1f1ff],
      [0x1f1ff, 0x1f1e6],
    ]) {
      const flags = cp(first) + cp(last) + cp(first) + cp(last) + cp(first);
      // Indicators are two units each: a flag every four, and a lone one at the end.
      assert.deepEqual(ourBoundaries(flags), [0, 4, 8, 10]);
    }
    // Just outside the range, nothing pairs.
    assert.deepEqual(ourBoundaries(cp(0x1f1e5) + cp(0x1f1e6)), [0, 2, 4]);
    assert.deepEqual(ourBoundaries(cp(0x1f1e6) + cp(0x1f200)), [0, 2, 4]);
  });

  it('never splits a surrogate pair, and reads a lone surrogate as a character of its own', () => {
    assert.equal(onBoundary('a😀b', 2), false);
    assert.equal(onBoundary('a😀b', 1), true);
    assert.equal(onBoundary('a😀b', 3), true);
    assert.deepEqual([-1, 0, 2, 3].map((o) => onBoundary('😀', o)), [true, true, true, true], 'the ends and beyond');
    assert.equal(onBoundary('\udc00\ud800', 1), true, 'a low surrogate before a high one is no pair');
    assert.equal(onBoundary(`${cp(0x10000)}`, 1), false);
    assert.equal(onBoundary(`${cp(0x10ffff)}`, 1), false);
    assert.equal(onBoundary('\ud7ff\udc00', 1), true);
    assert.equal(onBoundary('\udbff\ue000', 1), true);
    assert.equal(isClusterBoundary('\ud800\udc00', 1), false);
    // A lone low surrogate at the start is read as itself, not with whatever precedes offset 0.
    assert.equal(isClusterBoundary('\udc00\u0301', 1), false, 'the accent attaches to it');
    assert.equal(isClusterBoundary('\udc00a', 1), true);
  });

  it('reads a lone surrogate as a character of its own, whatever stands beside it', () => {
    // A lone high surrogate before CR LF: the line break is still one character.
    assert.deepEqual(ourBoundaries('\ud800\r\n'), segmenterBoundaries('\ud800\r\n'));
    // A low surrogate after a letter that is no high surrogate is no pair with it, even where
    // the two would compute to a joiner (U+200D) or a regional indicator.
    for (const text of ['\ud7c8\udc0da', '\ud83b\ue1e6' + cp(0x1f1e6)]) {
      assert.deepEqual(ourBoundaries(text), segmenterBoundaries(text), JSON.stringify(text));
    }
    assert.equal(onBoundary('\ud800a', 1), true, 'a high surrogate before a letter');
    assert.equal(onBoundary('\ue000\udc00', 1), true, 'a letter above the surrogates before a low one');
  });

  it('keeps a regional indicator after a lone low surrogate unpaired', () => {
    // The low half alone is no indicator, even though U+1F1E6 ends in the same unit.
    const text = '\udde6' + cp(0x1f1e6) + cp(0x1f1e6);
    assert.deepEqual(ourBoundaries(text), [0, 1, 5]);
  });

  it('snaps an offset back or forward to the nearest boundary, within the text', () => {
    const text = 'go 👩‍👩‍👧 now';
    const family = text.indexOf('👩');
    const after = family + '👩‍👩‍👧'.length;
    for (let o = family + 1; o < after; o++) {
      assert.equal(snap(text, o, 'back'), family, `${o}`);
      assert.equal(snap(text, o, 'forward'), after, `${o}`);
    }
    assert.equal(snap(text, family, 'forward'), family);
    assert.equal(snap(text, -3, 'forward'), 0);
    assert.equal(snap(text, text.length + 3, 'back'), text.length);
  });
});
