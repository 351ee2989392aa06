// Tests of the alignment: what the anchors placed so far say about a candidate place for another one.

import assert from 'node:assert/strict';
import { Alignment } from '../../../../src/core/anchoring/alignment';
import { ALIGN_SLACK, SAME_SPAN } from '../../../../src/core/anchoring/thresholds';

describe('anchoring/alignment', () => {
  describe('judge', () => {
    // Two anchors placed where they were: the text between them is the old text between them.
    const still = () => new Alignment([
      [1000, 1000],
      [2000, 2000],
    ]);

    it('calls a place "same" when the anchor was between the same two placed anchors before', () => {
      assert.equal(still().judge(1500, 10, 1500), 'same');
      // Edits between them move it a little; the placed anchors still bracket it.
      assert.equal(still().judge(1500, 10, 1000 - ALIGN_SLACK), 'same');
      assert.equal(still().judge(1500, 10, 2000 + ALIGN_SLACK), 'same');
    });

    it('calls a place "other" when it is old text from elsewhere: the anchor was not there, and nothing was put in', () => {
      assert.equal(still().judge(1500, 10, 5000), 'other');
      assert.equal(still().judge(1500, 10, 1000 - ALIGN_SLACK - 1), 'other');
    });

    it('calls a place "moved-in" when text at least as long as the quote was put in between the placed anchors', () => {
      // 1,000 units put in between the two: the second one's shift rose by that much.
      const grown = new Alignment([
        [1000, 1000],
        [3000, 2000],
      ]);
      assert.equal(grown.judge(1500, 50, 8000), 'moved-in');
      assert.equal(grown.inserted(1500), 1000);
      const barely = new Alignment([
        [1000, 1000],
        [2005, 2000],
      ]);
      assert.equal(barely.judge(1500, 50, 8000), 'other', 'five units put in cannot hold a fifty-unit quote');
    });

    it('cannot tell ("unknown") before the first or after the last placed anchor', () => {
      assert.equal(still().judge(500, 10, 500), 'unknown');
      assert.equal(still().judge(2500, 10, 2500), 'unknown');
      assert.equal(still().inserted(500), undefined);
      assert.equal(new Alignment([]).judge(0, 10, 0), 'unknown');
    });

    it('cannot tell between two placed anchors too far apart in the old text to vouch for what lies between', () => {
      const far = new Alignment([
        [0, 0],
        [SAME_SPAN + 100, SAME_SPAN + 100],
      ]);
      assert.equal(far.judge(5000, 10, 5000), 'unknown');
    });

    it('cannot tell between placed anchors that were not neighbours in the old text', () => {
      // The anchor placed at old 1500 moved far away: what lies between 1000 and 2000 now is not
      // the old text between them, edited in place.
      const split = new Alignment([
        [1000, 1000],
        [2000, 2000],
        [9000, 1500],
      ]);
      assert.equal(split.judge(1200, 10, 1200), 'unknown');
      // Passages swapped: the anchor placed after in the new text came before in the old.
      const swapped = new Alignment([
        [1000, 2000],
        [2000, 1000],
      ]);
      assert.equal(swapped.judge(1500, 10, 1500), 'unknown');
    });
  });

  describe('the placed anchors given in any order', () => {
    it('reads them by their new places', () => {
      const shuffled = new Alignment([
        [3000, 3000],
        [1000, 1000],
        [4000, 4000],
        [2000, 2000],
      ]);
      assert.equal(shuffled.judge(1500, 10, 1500), 'same');
      assert.equal(shuffled.judge(3500, 10, 3500), 'same');
      assert.equal(shuffled.judge(2500, 10, 9000), 'other');
    });
  });

  describe('the bounds of each verdict', () => {
    it('vouches for placed anchors exactly SAME_SPAN apart, wherever in the article they are', () => {
      const at = (from: number) => new Alignment([
        [from, from],
        [from + SAME_SPAN, from + SAME_SPAN],
      ]);
      assert.equal(at(0).judge(100, 10, 100), 'same');
      assert.equal(at(50000).judge(50100, 10, 50100), 'same');
      const near = new Alignment([
        [20000, 20000],
        [21000, 21000],
      ]);
      assert.equal(near.judge(20500, 10, 20500), 'same', 'two anchors late in a long article');
    });

    it('measures what was put in by the difference of the two shifts, not their sum', () => {
      // Both anchors moved: by 500 and by 1,500, so 1,000 units were put in between them.
      const moved = new Alignment([
        [1500, 1000],
        [3500, 2000],
      ]);
      assert.equal(moved.inserted(2000), 1000);
      assert.equal(moved.judge(2000, 1000, 8000), 'moved-in', 'exactly as long as the quote');
      assert.equal(moved.judge(2000, 1001, 8000), 'other');
      assert.equal(moved.judge(2000, 1500, 8000), 'other');
    });

    it('brackets a place with two placed anchors that started at the same old offset', () => {
      // A claim and the mention it begins with both started at 1,000; words put in at the claim’s start moved the mention 200 units on.
      const nested = new Alignment([
        [1000, 1000],
        [1200, 1000],
      ]);
      assert.equal(nested.judge(1100, 10, 1000), 'same');
      assert.equal(nested.inserted(1100), 200);
    });
  });

  it('takes anchors placed later into account, wherever they fall', () => {
    const alignment = new Alignment([[1000, 1000]]);
    assert.equal(alignment.judge(1500, 10, 1500), 'unknown');
    alignment.add(2000, 2000);
    assert.equal(alignment.judge(1500, 10, 1500), 'same');
    // One placed between them in the new text but from elsewhere in the old: no longer neighbours.
    alignment.add(1700, 9000);
    assert.equal(alignment.judge(1500, 10, 1500), 'unknown');
  });
});
