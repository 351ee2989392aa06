// The article's text as edits leave it: the same text as making each edit on a whole string, however many edits, wherever.

import assert from 'node:assert/strict';
import type { TextEdit } from '../../../../src/core/edits';
import { FollowedText } from '../../../../src/core/store/followedText';
import { prng } from '../../../random';

const TEXT = 'Armenia left the CSTO drills in Bishkek.';

/** Makes one event's edits on a whole string, last first, as VS Code means them. */
function made(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.text + t.slice(e.offset + e.length), text);
}

describe('FollowedText', () => {
  it('makes one event of edits, each against the text before them all, given in any order', () => {
    const edits: TextEdit[] = [
      { offset: 0, length: 7, text: 'Georgia' },
      { offset: 32, length: 7, text: 'Osh' },
      { offset: 17, length: 0, text: 'joint ' },
    ];
    for (const order of [edits, [...edits].reverse()]) {
      const text = new FollowedText(TEXT);
      assert.equal(text.follow(order), true);
      assert.equal(text.text, 'Georgia left the joint CSTO drills in Osh.');
      assert.equal(text.length, 'Georgia left the joint CSTO drills in Osh.'.length);
    }
  });

  it('types and deletes at the very start and the very end, and empties the text', () => {
    const text = new FollowedText(TEXT);
    assert.equal(text.follow([{ offset: TEXT.length, length: 0, text: '\r\n' }]), true);
    assert.equal(text.follow([{ offset: 0, length: 0, text: '🇦🇲 ' }]), true);
    assert.equal(text.text, `🇦🇲 ${TEXT}\r\n`);
    assert.equal(text.follow([{ offset: 0, length: text.length, text: '' }]), true);
    assert.equal(text.text, '');
    assert.equal(text.length, 0);
    assert.equal(text.follow([{ offset: 0, length: 0, text: 'x' }]), true);
    assert.equal(text.text, 'x');
  });

  it('turns down an edit past the end, before the start, or over another, and keeps the text as it was', () => {
    // After the hyphen typed below.
    const size = TEXT.length + 1;
    const refused: TextEdit[][] = [
      [{ offset: size, length: 1, text: '' }],
      [{ offset: size + 1, length: 0, text: 'x' }],
      [{ offset: -1, length: 1, text: 'x' }],
      [{ offset: 3, length: -1, text: 'x' }],
      [
        { offset: 0, length: 8, text: '' },
        { offset: 7, length: 1, text: '_' },
      ],
      // The first edit is fine: none of an event is made when one of its edits is refused.
      [
        { offset: 30, length: 1, text: 'y' },
        { offset: 0, length: size + 1, text: '' },
      ],
    ];
    for (const edits of refused) {
      const text = new FollowedText(TEXT);
      text.follow([{ offset: 5, length: 0, text: '-' }]);
      assert.equal(text.follow(edits), false, JSON.stringify(edits));
      assert.equal(text.text, made(TEXT, [{ offset: 5, length: 0, text: '-' }]));
      assert.equal(text.length, size);
    }
    // Touching is not overlapping: a deletion up to where the next edit starts.
    const touching = new FollowedText(TEXT);
    assert.equal(
      touching.follow([
        { offset: 0, length: 8, text: '' },
        { offset: 8, length: 4, text: 'went' },
      ]),
      true,
    );
    assert.equal(touching.text, 'went the CSTO drills in Bishkek.');
  });

  it('is the text of making every edit on a whole string, over thousands of random edits read now and then', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const random = prng(seed);
      let expected = 'Kyrgyzstan hosts the exercise.\nZoë Berg 🇰🇬 reports from Bishkek.\r\n'.repeat(20);
      const text = new FollowedText(expected);
      for (let step = 0; step < 3000; step++) {
        const count = random() < 0.9 ? 1 : 2 + Math.floor(random() * 3);
        // Edits of one event do not overlap: each takes its own stretch, left to right.
        const edits: TextEdit[] = [];
        let from = 0;
        for (let k = 0; k < count && from <= expected.length; k++) {
          const offset = from + Math.floor(random() * Math.min(40, expected.length - from + 1));
          const length = Math.floor(random() * Math.min(random() < 0.5 ? 2 : 30, expected.length - offset + 1));
          const typed = random() < 0.5 ? '' : ['x', 'ë', '🇦🇲', '\r\n', 'Moscow says '][Math.floor(random() * 5)];
          edits.push({ offset, length, text: typed });
          // One unit apart: two edits at one offset have no order an editor would agree on.
          from = offset + length + 1;
        }
        if (random() < 0.5) {
          edits.reverse();
        }
        assert.equal(text.follow(edits), true, JSON.stringify({ edits, length: expected.length }));
        expected = made(expected, edits);
        assert.equal(text.length, expected.length);
        if (random() < 0.01) {
          assert.equal(text.text, expected, `seed ${seed}, step ${step}`);
        }
      }
      assert.equal(text.text, expected, `seed ${seed}`);
    }
  });
});
