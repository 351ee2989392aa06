// Tests of choosing among candidate places: the best by agreement, orphaned on a tie, taken only with support.

import assert from 'node:assert/strict';
import type { Candidate } from '../../../../src/core/anchoring/candidate';
import { decide, settle } from '../../../../src/core/anchoring/decisions';
import { formOf } from '../../../../src/core/anchoring/forms';
import { FAR, FAR_RATIO, MARGIN, MIN_AGREEMENT } from '../../../../src/core/anchoring/thresholds';
import type { Anchor } from '../../../../src/core/model';

const form = formOf('CSTO', 'the exercise run by the alliance ', ' in Kyrgyzstan this week, said ');

/** A place at `start`, `agreement` units agreeing, `distance` from where it is expected. */
function place(start: number, agreement: number, distance: number, extra: Partial<Candidate> = {}): Candidate {
  return {
    start,
    end: start + 4,
    from: start - 10,
    to: start + 14,
    errors: 0,
    before: 10,
    after: 10,
    beforeInLine: 10,
    afterInLine: 10,
    full: false,
    agreement,
    distance,
    near: distance <= 256,
    nearSpan: 2 * distance,
    form,
    ...extra,
  };
}

const always = () => true;
const never = () => false;
const taken = (d: ReturnType<typeof decide>) => (d.kind === 'take' ? d.candidate.start : d.kind);

describe('anchoring/decisions', () => {
  describe('decide', () => {
    it('takes the place with the most agreement, whatever order the places come in', () => {
      const places = [place(100, 30, 0), place(500, 60, 0), place(900, 40, 0)];
      assert.equal(taken(decide(places, MIN_AGREEMENT, always, always)), 500);
      assert.equal(taken(decide([...places].reverse(), MIN_AGREEMENT, always, always)), 500);
    });

    it('does not reorder the candidates it was given', () => {
      const places = [place(100, 30, 0), place(500, 60, 0)];
      decide(places, MIN_AGREEMENT, always, always);
      assert.deepEqual(
        places.map((c) => c.start),
        [100, 500],
      );
    });

    it('takes a place with exactly the minimum agreement, and none below it', () => {
      assert.equal(taken(decide([place(100, MIN_AGREEMENT, 0)], MIN_AGREEMENT, always, always)), 100);
      assert.equal(taken(decide([place(100, MIN_AGREEMENT - 1, 0)], MIN_AGREEMENT, always, always)), 'none');
      assert.equal(taken(decide([], MIN_AGREEMENT, always, always)), 'none');
    });

    it('orphans as ambiguous when a rival comes within the margin, and takes the best when it falls just outside', () => {
      const far = (d: number) => place(5000 + d, 0, 5000, { near: false, full: true });
      const within = [{ ...far(0), agreement: 50 }, { ...far(100), agreement: 50 - MARGIN + 1 }];
      assert.equal(taken(decide(within, MIN_AGREEMENT, always, always)), 'ambiguous');
      const outside = [{ ...far(0), agreement: 50 }, { ...far(100), agreement: 50 - MARGIN }];
      assert.equal(taken(decide(outside, MIN_AGREEMENT, always, always)), 5000);
    });

    it('lets nearness settle a tie only when the rival is at least FAR away and FAR_RATIO times further', () => {
      const near = place(1000, 40, 10);
      const rival = (distance: number) => place(3000, 40, distance, { near: false });
      assert.equal(taken(decide([near, rival(FAR)], MIN_AGREEMENT, always, always)), 1000);
      assert.equal(taken(decide([rival(FAR), near], MIN_AGREEMENT, always, always)), 1000, 'in either order');
      assert.equal(taken(decide([near, rival(FAR - 1)], MIN_AGREEMENT, always, always)), 'ambiguous');
      // Further off than FAR / FAR_RATIO, the ratio decides.
      const off = place(1000, 40, 100);
      assert.equal(taken(decide([off, rival(FAR_RATIO * 100)], MIN_AGREEMENT, always, always)), 1000);
      assert.equal(taken(decide([off, rival(FAR_RATIO * 100 - 1)], MIN_AGREEMENT, always, always)), 'ambiguous');
    });

    it('never lets nearness settle a tie between two near places, or in favour of a far one', () => {
      assert.equal(taken(decide([place(1000, 40, 10), place(1400, 40, 200)], MIN_AGREEMENT, always, always)), 'ambiguous');
      const farOnes = [place(3000, 40, 300, { near: false, full: true }), place(9000, 40, 8000, { near: false, full: true })];
      assert.equal(taken(decide(farOnes, MIN_AGREEMENT, always, always)), 'ambiguous');
    });

    it('drops a far place with part of its context that nothing vouches for, so that a near place behind it wins', () => {
      const lookAlike = place(8000, 60, 7000, { near: false, full: false });
      const own = place(1000, 40, 5);
      assert.equal(taken(decide([lookAlike, own], MIN_AGREEMENT, never, always)), 1000);
      // Vouched for, it stays and wins.
      assert.equal(taken(decide([lookAlike, own], MIN_AGREEMENT, always, always)), 8000);
      // With all its context, it may be the annotated text moved away: it stays a rival (and
      // unsupported, it is not taken either).
      const whole = { ...lookAlike, full: true };
      assert.equal(taken(decide([whole, own], MIN_AGREEMENT, never, always)), 'none');
    });

    it('keeps a near place ranked first even when the far check would refuse it', () => {
      const own = place(1000, 40, 5);
      assert.equal(taken(decide([own], MIN_AGREEMENT, never, always)), 1000);
      assert.equal(taken(decide([own], MIN_AGREEMENT, never, never)), 'none', 'but only with the near support');
    });

    it('asks a near place for near support and a far one for far support', () => {
      const near = [place(1000, 40, 5)];
      const far = [place(9000, 40, 8000, { near: false, full: true })];
      assert.equal(taken(decide(near, MIN_AGREEMENT, never, always)), 1000);
      assert.equal(taken(decide(near, MIN_AGREEMENT, always, never)), 'none');
      assert.equal(taken(decide(far, MIN_AGREEMENT, always, never)), 9000);
      assert.equal(taken(decide(far, MIN_AGREEMENT, never, always)), 'none');
    });
  });

  describe('settle', () => {
    const anchor: Anchor = { start: 7, end: 11, quote: 'CSTO', prefix: form.prefix, suffix: form.suffix };
    const text = 'x'.repeat(100);

    it('attaches the anchor at the place taken, by the method that found it', () => {
      const c = place(40, 40, 0);
      const r = settle(text, anchor, { kind: 'take', candidate: c }, (x) => (x === c ? 'fuzzy' : 'exact'));
      assert.deepEqual([r?.method, r?.anchor.start, r?.anchor.end, r?.anchor.orphaned], ['fuzzy', 40, 44, undefined]);
    });

    it('orphans the anchor on a tie, saying so, and leaves a miss to the next step', () => {
      const r = settle(text, anchor, { kind: 'ambiguous' }, () => 'exact');
      assert.deepEqual([r?.method, r?.reason, r?.anchor.orphaned, r?.anchor.start], ['orphaned', 'ambiguous', true, 7]);
      assert.equal(
        settle(text, anchor, { kind: 'none' }, () => 'exact'),
        undefined,
      );
    });
  });
});
