// Tests of how much stored context the text reproduces around a place, line endings and byte-order mark aside.

import assert from 'node:assert/strict';
import { reattachAll } from '../../../../src/core/anchoring';
import { agreeAfter, agreeBefore, alignToContext } from '../../../../src/core/anchoring/context';
import { formOf } from '../../../../src/core/anchoring/forms';
import { anchorAt } from '../../../../src/core/model';

describe('anchoring/context', () => {
  describe('agreeBefore', () => {
    it('counts the units of the prefix the text reproduces, read backwards, up to the first difference', () => {
      assert.deepEqual(agreeBefore('one two three', 13, 'Xne two three'), { matched: 12, atEdge: false, from: 1, inLine: 12 });
      assert.deepEqual(agreeBefore('one two three', 7, 'one two'), { matched: 7, atEdge: true, from: 0, inLine: 7 });
      assert.deepEqual(agreeBefore('one two three', 7, 'Zone two'), { matched: 7, atEdge: false, from: 0, inLine: 7 }, 'the text ran out first');
      assert.deepEqual(agreeBefore('one two three', 3, ''), { matched: 0, atEdge: false, from: 3, inLine: 0 });
      assert.deepEqual(agreeBefore('one two three', 0, ''), { matched: 0, atEdge: true, from: 0, inLine: 0 });
    });

    it('stops the in-paragraph count at a line break, the break included', () => {
      assert.deepEqual(agreeBefore('first line\nsecond', 17, 'line\nsecond'), { matched: 11, atEdge: false, from: 6, inLine: 7 });
      assert.equal(agreeBefore('a\nb\nsecond', 10, 'a\nb\nsecond').inLine, 7, 'the nearest break counts');
    });

    it('reads CR LF and LF alike, on either side', () => {
      assert.deepEqual(agreeBefore('line\r\nsecond', 12, 'line\nsecond'), { matched: 11, atEdge: true, from: 0, inLine: 7 });
      assert.deepEqual(agreeBefore('line\nsecond', 11, 'line\r\nsecond'), { matched: 12, atEdge: true, from: 0, inLine: 7 });
      assert.equal(agreeBefore('line\rsecond', 11, 'line\nsecond').matched, 6, 'a lone CR is no line break');
      assert.equal(agreeBefore('ab\rX', 3, 'ab').matched, 0, 'a CR before other text is text');
      assert.equal(agreeBefore('ab\nX', 3, 'ab\r').matched, 0, 'a CR at the end of the prefix is text');
    });

    it('reads CR LF and LF alike at the article’s start too, where one side runs out first', () => {
      assert.deepEqual(agreeBefore('\r\nArmenia', 9, '\nArmenia'), { matched: 8, atEdge: true, from: 0, inLine: 8 });
      assert.deepEqual(agreeBefore('\nArmenia', 8, '\r\nArmenia'), { matched: 9, atEdge: true, from: 0, inLine: 8 });
    });

    it('skips only a CR before LF, not whatever stands before a line break', () => {
      assert.equal(agreeBefore('one\nsecond', 10, 'two\nsecond').matched, 7);
    });

    it('takes a byte-order mark at the top as the article’s start', () => {
      assert.equal(agreeBefore('\ufeffone two', 8, 'one two').atEdge, true);
      assert.equal(agreeBefore('xone two', 8, 'one two').atEdge, false);
      assert.equal(agreeBefore('\ufeff\ufeffone two', 9, 'one two').atEdge, false);
    });
  });

  describe('agreeAfter', () => {
    it('counts the units of the suffix the text reproduces, up to the first difference', () => {
      assert.deepEqual(agreeAfter('one two three', 3, ' two thXee'), { matched: 7, atEdge: false, to: 10, inLine: 7 });
      assert.deepEqual(agreeAfter('one two three', 7, ' three'), { matched: 6, atEdge: true, to: 13, inLine: 6 });
      assert.deepEqual(agreeAfter('one two three', 7, ' three and'), { matched: 6, atEdge: false, to: 13, inLine: 6 });
      assert.deepEqual(agreeAfter('one two', 7, ''), { matched: 0, atEdge: true, to: 7, inLine: 0 });
    });

    it('stops the in-paragraph count at a line break, the break included, and reads CR LF as LF', () => {
      assert.deepEqual(agreeAfter('end.\nNext line', 3, '.\nNext'), { matched: 6, atEdge: false, to: 9, inLine: 2 });
      assert.deepEqual(agreeAfter('end.\r\nNext line', 3, '.\nNext'), { matched: 6, atEdge: false, to: 10, inLine: 2 });
      assert.deepEqual(agreeAfter('end.\nNext line', 3, '.\r\nNext'), { matched: 7, atEdge: false, to: 9, inLine: 3 });
      assert.deepEqual(agreeAfter('end.\rNext', 3, '.\nNext'), { matched: 1, atEdge: false, to: 4, inLine: 1 });
      assert.equal(agreeAfter('end.\nA\nB', 3, '.\nA\nB').inLine, 2, 'the nearest break counts');
      assert.equal(agreeAfter('ab\r', 0, 'ab\n').matched, 2, 'a CR at the end of the text is text');
      assert.equal(agreeAfter('ab\nc', 0, 'ab\rc').matched, 2, 'a CR before other text in the suffix is text');
    });

    it('skips a CR only before the LF it belongs to, and neither side past its end', () => {
      assert.deepEqual(agreeAfter('end.X\nmore', 0, 'end.Y\nmore'), { matched: 4, atEdge: false, to: 4, inLine: 4 });
      assert.deepEqual(agreeAfter('the end', 4, 'end\r\nNext'), { matched: 3, atEdge: false, to: 7, inLine: 3 }, 'the text ran out');
      assert.deepEqual(agreeAfter('the end\r\nNext', 4, 'end'), { matched: 3, atEdge: false, to: 7, inLine: 3 }, 'the suffix ran out');
    });
  });

  describe('alignToContext', () => {
    const text = 'The minister said on Tuesday that the talks had failed.';
    const form = formOf('on Tuesday that', 'The minister said ', ' the talks had failed.');
    const start = text.indexOf('on Tuesday');
    const end = start + 'on Tuesday that'.length;

    it('moves a match’s ends within k units to where the stored context ends and begins', () => {
      assert.deepEqual(alignToContext(text, form, start - 2, end + 3, 3), { start, end });
      assert.deepEqual(alignToContext(text, form, start + 3, end - 3, 3), { start, end });
      assert.deepEqual(alignToContext(text, form, start, end, 3), { start, end });
    });

    it('leaves the ends alone when the context is further than k, or agrees only a unit or three', () => {
      assert.deepEqual(alignToContext(text, form, start - 4, end + 4, 3), { start: start - 4, end: end + 4 });
      const thin = formOf('on Tuesday that', 'xid ', ' thx');
      assert.deepEqual(alignToContext(text, thin, start - 1, end + 1, 3), { start: start - 1, end: end + 1 });
      const four = formOf('on Tuesday that', 'aid ', ' the');
      assert.deepEqual(alignToContext(text, four, start - 1, end + 1, 3), { start, end });
    });

    it('prefers the nearest of two places where the context agrees as well', () => {
      // "abab" agrees before offsets 4 and 6 of "ababab"; from 5, the first found at that distance stays.
      const repeat = 'ababab';
      const f = formOf('', 'abab', '');
      assert.equal(alignToContext(repeat, f, 5, 5, 1).start, 4);
      assert.equal(alignToContext(repeat, f, 5, 5, 2).start, 4);
      assert.equal(alignToContext(repeat, f, 6, 6, 2).start, 6);
      assert.equal(alignToContext(repeat, f, 3, 3, 1).start, 4);
      // Found first further off, then as well nearer: the nearer one.
      assert.equal(alignToContext('Armenia.Armenia', formOf('', 'Armenia', ''), 12, 12, 5).start, 15);
    });
  });

  it('finds the anchors of an article that begins with a line break with all their context after a change of line endings', () => {
    const lf = '\nArmenia skips CSTO drills\nYerevan, 2 June. Armenia will not take part in the CSTO exercise, officials said.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    for (const [before, after] of [
      [lf, crlf],
      [crlf, lf],
    ]) {
      const anchors = ['Armenia skips', 'CSTO drills'].map((q) => anchorAt(before, before.indexOf(q), before.indexOf(q) + q.length));
      const results = reattachAll(after, anchors);
      assert.deepEqual(
        results.map((r) => [r.anchor.start, r.score]),
        [
          [after.indexOf('Armenia skips'), 1],
          [after.indexOf('CSTO drills'), 1],
        ],
        JSON.stringify(after.slice(0, 2)),
      );
    }
  });
});
