// Tests of the verdict scale: reading it from settings, the labels readers see and which verdicts ClaimReview gets as numbers.

import assert from 'node:assert/strict';
import { exportClaimReview } from '../../../src/core/claimreview';
import { anchorAt, type Annotations } from '../../../src/core/model';
import { DEFAULT_VERDICT_SCALE, findVerdict, isOnNumericScale, verdictLabel, verdictScaleFrom, type VerdictScale } from '../../../src/core/verdicts';

const TEXT = 'The minister said turnout was 71 percent. Observers counted fewer.';

/** One checked claim with the given verdict, as the ClaimReview export reads it. */
function checkedWith(verdict: string): Annotations {
  const quote = 'turnout was 71 percent';
  const start = TEXT.indexOf(quote);
  return {
    article: { file: 'turnout.txt' },
    actors: [],
    claims: [{ id: 'c1', anchor: anchorAt(TEXT, start, start + quote.length), status: 'checked', verdict, sources: [] }],
  };
}

/** The rating a search engine reads for a claim given this verdict on this scale. */
function ratingOf(verdict: string, scale: VerdictScale) {
  const { reviews } = exportClaimReview(checkedWith(verdict), TEXT, { verdicts: scale });
  assert.equal(reviews.length, 1, `a review for "${verdict}"`);
  return reviews[0].reviewRating;
}

describe('verdicts', () => {
  describe('the shipped scale', () => {
    it('rates True 5 and False 1 on a 1–5 scale, and sends Unproven by its label only', () => {
      assert.deepEqual(ratingOf('true', DEFAULT_VERDICT_SCALE), { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: 'True' });
      assert.deepEqual(ratingOf('false', DEFAULT_VERDICT_SCALE), { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' });
      assert.deepEqual(ratingOf('mixed', DEFAULT_VERDICT_SCALE), { '@type': 'Rating', ratingValue: 3, bestRating: 5, worstRating: 1, alternateName: 'Mixed' });
      assert.deepEqual(ratingOf('unproven', DEFAULT_VERDICT_SCALE), { '@type': 'Rating', alternateName: 'Unproven' });
    });

    it('lists the six verdicts in order from true to unproven, each with a colour', () => {
      assert.deepEqual(
        DEFAULT_VERDICT_SCALE.verdicts.map((v) => [v.id, v.label, v.ratingValue]),
        [
          ['true', 'True', 5],
          ['mostly-true', 'Mostly true', 4],
          ['mixed', 'Mixed', 3],
          ['mostly-false', 'Mostly false', 2],
          ['false', 'False', 1],
          ['unproven', 'Unproven', 0],
        ],
      );
      assert.ok(DEFAULT_VERDICT_SCALE.verdicts.every((v) => v.color?.startsWith('newsmark.verdict.')));
      assert.ok(Object.isFrozen(DEFAULT_VERDICT_SCALE) && Object.isFrozen(DEFAULT_VERDICT_SCALE.verdicts));
    });
  });

  describe('labels', () => {
    it('shows a verdict by its label, and an id off the scale as written', () => {
      assert.equal(verdictLabel(DEFAULT_VERDICT_SCALE, 'mostly-false'), 'Mostly false');
      assert.equal(verdictLabel(DEFAULT_VERDICT_SCALE, 'pants-on-fire'), 'pants-on-fire');
      assert.equal(findVerdict(DEFAULT_VERDICT_SCALE, 'pants-on-fire'), undefined);
      assert.equal(findVerdict(DEFAULT_VERDICT_SCALE, undefined), undefined);
      assert.equal(findVerdict(DEFAULT_VERDICT_SCALE, 'mixed')?.ratingValue, 3);
    });
  });

  describe('the numeric range', () => {
    const scale = (bestRating: number, worstRating: number): VerdictScale => ({ verdicts: [], bestRating, worstRating });
    const rated = (ratingValue: number) => ({ id: 'x', label: 'X', ratingValue });

    it('includes both ends and excludes anything beyond either', () => {
      assert.equal(isOnNumericScale(scale(5, 1), rated(5)), true);
      assert.equal(isOnNumericScale(scale(5, 1), rated(1)), true);
      assert.equal(isOnNumericScale(scale(5, 1), rated(5.5)), false);
      assert.equal(isOnNumericScale(scale(5, 1), rated(6)), false);
      assert.equal(isOnNumericScale(scale(5, 1), rated(0.5)), false);
    });

    it('works the same when a newsroom rates 1 best and 5 worst', () => {
      assert.equal(isOnNumericScale(scale(1, 5), rated(1)), true);
      assert.equal(isOnNumericScale(scale(1, 5), rated(5)), true);
      assert.equal(isOnNumericScale(scale(1, 5), rated(3)), true);
      assert.equal(isOnNumericScale(scale(1, 5), rated(0)), false);
      assert.equal(isOnNumericScale(scale(1, 5), rated(6)), false);
    });

    it('never exports a rating above bestRating as a number', () => {
      const { scale: custom, problems } = verdictScaleFrom({
        verdicts: [
          { id: 'correct', label: 'Correct', ratingValue: 3 },
          { id: 'beyond', label: 'Beyond doubt', ratingValue: 4 },
        ],
        bestRating: 3,
        worstRating: 1,
      });
      assert.deepEqual(problems, []);
      assert.deepEqual(ratingOf('beyond', custom), { '@type': 'Rating', alternateName: 'Beyond doubt' });
      assert.deepEqual(ratingOf('correct', custom), { '@type': 'Rating', ratingValue: 3, bestRating: 3, worstRating: 1, alternateName: 'Correct' });
    });
  });

  describe('verdictScaleFrom', () => {
    it('keeps the shipped scale when nothing is set', () => {
      for (const settings of [undefined, {}]) {
        const { scale, problems } = verdictScaleFrom(settings);
        assert.deepEqual(problems, []);
        assert.deepEqual(scale, { verdicts: DEFAULT_VERDICT_SCALE.verdicts, bestRating: 5, worstRating: 1 });
      }
    });

    it('reads a newsroom’s own verdicts and range, keeping a colour only when it is text', () => {
      const { scale, problems } = verdictScaleFrom({
        verdicts: [
          { id: 'correct', label: 'Correct', ratingValue: 10, color: 'charts.green' },
          { id: 'pants-on-fire', label: 'Pants on fire', ratingValue: 0, color: 7 },
        ],
        bestRating: 10,
        worstRating: 0,
      });
      assert.deepEqual(problems, []);
      assert.deepEqual(scale, {
        verdicts: [
          { id: 'correct', label: 'Correct', ratingValue: 10, color: 'charts.green' },
          { id: 'pants-on-fire', label: 'Pants on fire', ratingValue: 0 },
        ],
        bestRating: 10,
        worstRating: 0,
      });
      assert.deepEqual(ratingOf('pants-on-fire', scale), { '@type': 'Rating', ratingValue: 0, bestRating: 10, worstRating: 0, alternateName: 'Pants on fire' });
    });

    it('keeps the defaults for a range left out', () => {
      const { scale, problems } = verdictScaleFrom({ worstRating: 0 });
      assert.deepEqual(problems, []);
      assert.deepEqual([scale.bestRating, scale.worstRating], [5, 0]);
      assert.equal(verdictScaleFrom({ bestRating: 4 }).scale.worstRating, 1);
    });

    it('reports a verdict id given twice and keeps only the first', () => {
      const { scale, problems } = verdictScaleFrom({
        verdicts: [
          { id: 'false', label: 'False', ratingValue: 1 },
          { id: 'false', label: 'Fake', ratingValue: 0 },
          { id: 'true', label: 'True', ratingValue: 5 },
        ],
      });
      assert.deepEqual(problems, [{ code: 'duplicate-verdict', message: 'The verdict id "false" appears twice on the scale.' }]);
      assert.deepEqual(scale.verdicts.map((v) => [v.id, v.label]), [
        ['false', 'False'],
        ['true', 'True'],
      ]);
      assert.equal(verdictLabel(scale, 'false'), 'False');
    });

    it('reports each malformed verdict by its position and keeps the well-formed ones', () => {
      const malformed: unknown[] = [
        null,
        'true',
        { label: 'No id', ratingValue: 1 },
        { id: 7, label: 'Numeric id', ratingValue: 1 },
        { id: 'Upper', label: 'Capital letter', ratingValue: 1 },
        { id: '1st', label: 'Starts with a digit', ratingValue: 1 },
        { id: 'has space', label: 'Space', ratingValue: 1 },
        { id: 'x-y', label: 'Dash inside', ratingValue: 1, note: 'dropped' },
        { id: 'no-label', ratingValue: 1 },
        { id: 'no-rating', label: 'No rating' },
        { id: 'text-rating', label: 'Text rating', ratingValue: '3' },
        { id: 'nan', label: 'Not a number', ratingValue: Number.NaN },
        { id: 'inf', label: 'Infinite', ratingValue: Number.POSITIVE_INFINITY },
        { id: 'ok', label: 'Fine', ratingValue: 2 },
      ];
      const { scale, problems } = verdictScaleFrom({ verdicts: malformed });
      const message = (n: number) => ({
        code: 'invalid-verdict',
        message: `Verdict ${n} needs an id (lower-case letters, digits and "-"), a label and a numeric ratingValue.`,
      });
      assert.deepEqual(problems, [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13].map(message));
      assert.deepEqual(scale.verdicts, [
        { id: 'x-y', label: 'Dash inside', ratingValue: 1 },
        { id: 'ok', label: 'Fine', ratingValue: 2 },
      ]);
    });

    it('reports verdicts that are not a list and keeps the shipped ones', () => {
      for (const verdicts of [{ id: 'true' }, 'true', 5]) {
        const { scale, problems } = verdictScaleFrom({ verdicts });
        assert.deepEqual(problems, [{ code: 'invalid-verdict', message: 'The verdicts must be a list of { id, label, ratingValue }.' }]);
        assert.equal(scale.verdicts, DEFAULT_VERDICT_SCALE.verdicts);
      }
    });

    it('reports a range that is not a number, keeping the default for it', () => {
      const { scale, problems } = verdictScaleFrom({ bestRating: '10', worstRating: Number.NaN });
      assert.deepEqual(problems, [
        { code: 'invalid-range', message: 'bestRating must be a number.' },
        { code: 'invalid-range', message: 'worstRating must be a number.' },
      ]);
      assert.deepEqual([scale.bestRating, scale.worstRating], [5, 1]);
      assert.deepEqual(verdictScaleFrom({ bestRating: Number.POSITIVE_INFINITY }).problems, [{ code: 'invalid-range', message: 'bestRating must be a number.' }]);
    });

    it('reports a range whose two ends are the same', () => {
      assert.deepEqual(verdictScaleFrom({ bestRating: 3, worstRating: 3 }).problems, [{ code: 'invalid-range', message: 'bestRating and worstRating must differ.' }]);
      assert.deepEqual(verdictScaleFrom({ bestRating: 1 }).problems, [{ code: 'invalid-range', message: 'bestRating and worstRating must differ.' }]);
    });
  });
});
