// Tests of the code-point ↔ UTF-16 conversion and of the context taken around an anchor.

import assert from 'node:assert/strict';
import { CodePointIndex, codePointLength, contextAfter, contextBefore, offsetSpace, withoutBom } from '../../../src/core/offsets';

// Astral characters are two UTF-16 units each: one emoji, a flag (two regional indicators),
// a family (three people joined by two zero-width joiners).
const THUMBS = '👍';
const FLAG = '🇦🇲';
const FAMILY = '👩‍👩‍👧';

/**
 * Characters at the edges of the surrogate ranges (high D800–DBFF, low DC00–DFFF): a rat
 * (D83D DC00), a bold A (D835 DC00), a Deseret letter (D801 DC00), the first and the last
 * astral code points (D800 DC00, DBFF DFFF), and D800 DFFF / DBFF DC00.
 */
const EDGES = ['\u{1F400}', '\u{1D400}', '\u{10400}', '\u{10000}', '\u{10FFFF}', '\u{103FF}', '\u{10FC00}'];
/** Units next to the surrogate ranges that never pair: D7FF and E000 around them, lone and doubled halves. */
const NOT_PAIRS = ['\uD7FF\uDC00', '\uD800\uE000', '\uDBFF\uD800', '\uDC00\uDC00', '\uE000\uDFFF', '\uDFFF\uDC00', '\uD800a', 'z\uDBFF'];

/** Asserts that an article's anchors land where JavaScript's own code-point iteration puts every character. */
function assertCountsLikeIteration(text: string): void {
  const chars = [...text];
  const index = new CodePointIndex(text);
  const label = JSON.stringify(text);
  assert.equal(index.codePointLength, chars.length, label);
  assert.equal(codePointLength(text), chars.length, label);
  let utf16 = 0;
  chars.forEach((char, cp) => {
    assert.equal(index.toUtf16(cp), utf16, `${label}: code point ${cp}`);
    assert.equal(index.toCodePoint(utf16), cp, `${label}: UTF-16 ${utf16}`);
    assert.equal(contextAfter(text, utf16, 1), char, `${label}: the character after ${utf16}`);
    if (char.length === 2) {
      assert.equal(index.toCodePoint(utf16 + 1), undefined, `${label}: inside the pair at ${utf16}`);
    }
    utf16 += char.length;
    assert.equal(contextBefore(text, utf16, 1), char, `${label}: the character before ${utf16}`);
  });
  assert.equal(index.toUtf16(chars.length), text.length, label);
  assert.equal(index.toCodePoint(text.length), chars.length, label);
}

describe('offsets', () => {
  describe('CodePointIndex', () => {
    it('is the identity on text without astral characters, accents and CR LF included', () => {
      const text = 'Erdoğan\r\nsaid: “no”\tthen left.';
      const index = new CodePointIndex(text);
      assert.equal(index.codePointLength, text.length);
      for (let i = 0; i <= text.length; i++) {
        assert.equal(index.toUtf16(i), i);
        assert.equal(index.toCodePoint(i), i);
      }
    });

    it('counts an emoji as one code point and two UTF-16 units', () => {
      const text = `Yes ${THUMBS} no`;
      const index = new CodePointIndex(text);
      assert.equal(text.length, 9);
      assert.equal(index.codePointLength, 8);
      // "no" starts at code point 6, UTF-16 offset 7.
      assert.equal(index.toUtf16(6), 7);
      assert.equal(index.toCodePoint(7), 6);
      assert.equal(text.slice(index.toUtf16(6)), 'no');
    });

    it('counts a flag as two code points and a ZWJ family as five', () => {
      const text = `${FLAG} Armenia ${FAMILY} family`;
      const index = new CodePointIndex(text);
      assert.equal(codePointLength(FLAG), 2);
      assert.equal(codePointLength(FAMILY), 5);
      assert.equal(index.codePointLength, codePointLength(text));
      const cp = [...text].indexOf('f');
      assert.equal(text.slice(index.toUtf16(cp)), 'family');
      assert.equal(index.toCodePoint(text.indexOf('family')), cp);
    });

    it('refuses an offset between the halves of a surrogate pair', () => {
      const text = `a${THUMBS}b`;
      const index = new CodePointIndex(text);
      assert.equal(index.toCodePoint(2), undefined);
      assert.equal(index.toCodePoint(1), 1);
      assert.equal(index.toCodePoint(3), 2);
    });

    it('refuses offsets outside the text or not whole numbers', () => {
      const index = new CodePointIndex(`x${THUMBS}`);
      assert.equal(index.toUtf16(-1), undefined);
      assert.equal(index.toUtf16(3), undefined);
      assert.equal(index.toUtf16(1.5), undefined);
      assert.equal(index.toCodePoint(4), undefined);
      assert.equal(index.toCodePoint(-1), undefined);
      assert.equal(index.toCodePoint(0.5), undefined);
      assert.equal(index.toCodePoint(Number.NaN), undefined);
      assert.equal(index.toUtf16(Number.NaN), undefined);
      assert.equal(index.toUtf16(2), 3);
      assert.equal(index.toCodePoint(3), 2);
    });

    it('round-trips every character boundary of a mixed article', () => {
      const text = `\uFEFF${FLAG} Ani\u0301\r\n${FAMILY}\tCSTO ${THUMBS}${THUMBS}\n`;
      const index = new CodePointIndex(text);
      let cp = 0;
      for (let i = 0; i <= text.length; ) {
        assert.equal(index.toCodePoint(i), cp);
        assert.equal(index.toUtf16(cp), i);
        const step = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
        i += step;
        cp++;
      }
    });

    it('keeps a lone surrogate as one code point, as JavaScript iteration does', () => {
      const text = 'a\uD83Db\uDC4Dc';
      const index = new CodePointIndex(text);
      assert.equal(index.codePointLength, [...text].length);
      assert.equal(index.toUtf16(2), 2);
      assert.equal(index.toCodePoint(4), 4);
    });

    it('counts a byte-order mark as a character like any other', () => {
      const text = '\uFEFFThe CSTO';
      const index = new CodePointIndex(text);
      assert.equal(index.codePointLength, 9);
      assert.equal(index.toUtf16(5), 5);
    });
  });

  describe('characters at the edges of the surrogate ranges', () => {
    it('counts a character whose surrogates sit at a range edge as one code point', () => {
      for (const char of EDGES) {
        assert.equal(char.length, 2);
        assertCountsLikeIteration(char);
        assertCountsLikeIteration(`Rat ${char} year`);
      }
    });

    it('puts an anchor after a rat or a bold A where the article has it', () => {
      const text = 'Year of the \u{1F400}: \u{1D400}rmenia joined the CSTO.';
      const index = new CodePointIndex(text);
      const cp = [...text].indexOf('C');
      assert.equal(text.slice(index.toUtf16(cp), index.toUtf16(cp + 4)), 'CSTO');
      assert.equal(index.toCodePoint(text.indexOf('CSTO')), cp);
    });

    it('counts units next to the ranges, or a lone half, as one code point each', () => {
      for (const units of NOT_PAIRS) {
        assertCountsLikeIteration(units);
        assertCountsLikeIteration(`a${units}b`);
        assert.equal(codePointLength(units), 2, JSON.stringify(units));
      }
    });

    it('counts mixed runs of pairs and lone halves the way iteration does', () => {
      assertCountsLikeIteration(`${EDGES.join('')}${NOT_PAIRS.join('')}`);
      assertCountsLikeIteration(`${NOT_PAIRS.join('x')}${EDGES.join(' ')}\uD800`);
      assertCountsLikeIteration(`\uDC00${THUMBS}\uD83D`);
    });
  });

  describe('withoutBom', () => {
    it('drops one leading byte-order mark and nothing else', () => {
      assert.equal(withoutBom('\uFEFFThe CSTO'), 'The CSTO');
      assert.equal(withoutBom('\uFEFF\uFEFFx'), '\uFEFFx');
      assert.equal(withoutBom('\uFEFF'), '');
    });

    it('leaves a text without one as it is, a mark inside the text included', () => {
      assert.equal(withoutBom('The CSTO'), 'The CSTO');
      assert.equal(withoutBom('a\uFEFFb'), 'a\uFEFFb');
      assert.equal(withoutBom(''), '');
      assert.equal(withoutBom(`${THUMBS}\uFEFF`), `${THUMBS}\uFEFF`);
    });
  });

  describe('contextBefore and contextAfter', () => {
    it('take up to count code points, fewer at the edges of the text', () => {
      const text = 'The CSTO met in Bishkek.';
      assert.equal(contextBefore(text, 4, 32), 'The ');
      assert.equal(contextAfter(text, 8, 32), ' met in Bishkek.');
      assert.equal(contextBefore(text, 8, 4), 'CSTO');
      assert.equal(contextAfter(text, 0, 3), 'The');
      assert.equal(contextBefore(text, 0, 32), '');
      assert.equal(contextAfter(text, text.length, 32), '');
    });

    it('count an emoji as one code point and never split it', () => {
      const text = `${THUMBS}${THUMBS}ab${THUMBS}`;
      assert.equal(contextBefore(text, 6, 3), `${THUMBS}ab`);
      assert.equal(contextBefore(text, 4, 1), THUMBS);
      assert.equal(contextAfter(text, 4, 3), `ab${THUMBS}`);
      assert.equal(contextAfter(text, 0, 1), THUMBS);
    });

    it('may split a flag or a ZWJ family between its code points, but never a surrogate pair', () => {
      // Context is counted in code points, as the W3C selector is: a flag is two.
      const text = `x${FLAG}y`;
      assert.equal(contextBefore(text, 5, 1), '\u{1F1F2}');
      assert.equal(contextAfter(text, 1, 1), '\u{1F1E6}');
      const family = `${FAMILY}!`;
      const before = contextBefore(family, family.length, 3);
      assert.equal(codePointLength(before), 3);
      assert.ok(!/^[\uDC00-\uDFFF]/.test(before));
    });

    it('keep CR LF, tabs and a byte-order mark as they are', () => {
      const text = '\uFEFFCSTO\r\n\tdrills';
      assert.equal(contextBefore(text, 5, 32), '\uFEFFCSTO');
      assert.equal(contextAfter(text, 5, 4), '\r\n\td');
    });
  });
});

describe('offsetSpace', () => {
  const text = 'Řehoř 🐀 said:\r\nReservoirs\r\nhold 31%.';

  it('counts code points in the plain counting, CRLF as two, and converts both ways', () => {
    const space = offsetSpace(text, 'code-points');
    assert.equal(space.length, [...text].length);
    const at = text.indexOf('Reservoirs');
    const cp = [...text.slice(0, at)].length;
    assert.equal(space.toUtf16(cp), at);
    assert.equal(space.fromUtf16(at), cp);
    assert.equal(space.toUtf16(space.length + 1), undefined);
  });

  it('counts a Windows line break as one in the brat editor’s counting, before and after each break', () => {
    const space = offsetSpace(text, 'crlf-as-one');
    const folded = text.replace(/\r\n/g, '\n');
    assert.equal(space.length, [...folded].length);
    for (const word of ['Řehoř', 'said', 'Reservoirs', 'hold', '31%']) {
      const utf16 = text.indexOf(word);
      const counted = [...folded.slice(0, folded.indexOf(word))].length;
      assert.equal(space.toUtf16(counted), utf16, word);
      assert.equal(space.fromUtf16(utf16), counted, word);
    }
    // The end of the text, and the line break itself: between \r and \n is no offset in this counting.
    assert.equal(space.toUtf16(space.length), text.length);
    assert.equal(space.fromUtf16(text.indexOf('\r\n') + 1), undefined);
    assert.equal(space.fromUtf16(text.indexOf('\r\n')), [...folded.slice(0, folded.indexOf('\n'))].length);
  });

  it('handles a text that starts with CRLF, a lone LF among CRLFs, and offsets past the end', () => {
    const mixed = '\r\nOne\nTwo\r\nThree';
    const space = offsetSpace(mixed, 'crlf-as-one');
    assert.equal(space.length, [...mixed.replace(/\r\n/g, '\n')].length);
    assert.equal(space.toUtf16(1), 2, 'the first line starts after the leading CRLF');
    assert.equal(space.fromUtf16(2), 1);
    const lone = mixed.indexOf('\nTwo');
    assert.equal(space.fromUtf16(lone), lone - 1, 'a lone LF is an offset of its own');
    assert.equal(space.fromUtf16(lone + 1), lone);
    assert.equal(space.toUtf16(space.length + 1), undefined);
    // A lone CR is a character of its own: the offset after it exists.
    const cr = offsetSpace('a\rb\r\nc', 'crlf-as-one');
    assert.equal(cr.fromUtf16(2), 2);
  });

  it('is the plain counting for a text without CRLF, whichever counting is asked for', () => {
    const lf = 'one\ntwo 𝐀 three';
    const a = offsetSpace(lf, 'crlf-as-one');
    const b = offsetSpace(lf, 'code-points');
    for (let i = 0; i <= b.length; i++) {
      assert.equal(a.toUtf16(i), b.toUtf16(i));
    }
    assert.equal(a.length, b.length);
  });
});
