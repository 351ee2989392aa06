import * as assert from 'node:assert/strict';
import { f1, matchSpans, spanUnits } from '../../../../src/core/agreement/spans';

const s = (start: number, end: number) => ({ start, end });

describe('matchSpans', () => {
  it('pairs exactly equal spans only in exact mode', () => {
    assert.deepEqual(matchSpans([s(0, 5), s(10, 15)], [s(0, 5), s(11, 15)], 'exact'), [[0, 0]]);
  });

  it('pairs overlapping spans one to one, the largest overlap first', () => {
    // One long span overlaps two short ones: it takes the one it shares more with.
    const pairs = matchSpans([s(0, 20)], [s(0, 3), s(5, 20)], 'overlap');
    assert.deepEqual(pairs, [[0, 1]]);
  });

  it('does not pair spans that only touch', () => {
    assert.deepEqual(matchSpans([s(0, 5)], [s(5, 9)], 'overlap'), []);
  });

  it('finds every overlap whatever the order the spans are listed in', () => {
    const first = [s(40, 50), s(0, 10), s(20, 30)];
    const second = [s(25, 35), s(45, 48), s(2, 4)];
    const pairs = matchSpans(first, second, 'overlap').sort((x, y) => x[0] - y[0]);
    assert.deepEqual(pairs, [[0, 1], [1, 2], [2, 0]]);
  });
});

describe('f1', () => {
  it('is 2·matched over both totals, and undefined when nobody marked anything', () => {
    assert.equal(f1({ matched: 3, first: 4, second: 6 }), 0.6);
    assert.equal(f1({ matched: 0, first: 0, second: 0 }), undefined);
  });
});

describe('spanUnits', () => {
  it('groups overlapping spans of different annotators into one unit, missing where one did not mark', () => {
    const units = spanUnits([
      [{ span: s(0, 5), value: 'person' }, { span: s(20, 25), value: 'country' }],
      [{ span: s(1, 5), value: 'organisation' }],
    ]);
    assert.deepEqual(units, [['person', 'organisation'], ['country', undefined]]);
  });

  it('takes an annotator’s largest span when it marked several in one unit', () => {
    const units = spanUnits([[{ span: s(0, 3), value: 'a' }, { span: s(2, 10), value: 'b' }], [{ span: s(0, 10), value: 'b' }]]);
    assert.deepEqual(units, [['b', 'b']]);
  });
});
