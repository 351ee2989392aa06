// Tests of the binary searches every offset lookup goes through, against a scan.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lowerBound, partitionPoint, upperBound } from '../../../src/core/search';

describe('search', () => {
  it('finds where a sorted list of offsets would take a value, below and at it', () => {
    const lineStarts = [0, 12, 12, 40, 77];
    assert.equal(lowerBound(lineStarts, 12), 1);
    assert.equal(upperBound(lineStarts, 12), 3);
    assert.equal(lowerBound(lineStarts, -5), 0);
    assert.equal(upperBound(lineStarts, 1000), 5);
    assert.equal(lowerBound([], 3), 0);
    assert.equal(upperBound(new Int32Array([5, 9]), 9), 2);
  });

  it('finds the first index where a condition stops holding', () => {
    const mentions = [{ start: 3 }, { start: 10 }, { start: 25 }];
    assert.equal(partitionPoint(mentions.length, (i) => mentions[i].start < 10), 1);
    assert.equal(partitionPoint(mentions.length, () => true), 3);
    assert.equal(partitionPoint(mentions.length, () => false), 0);
  });

  it('agrees with a scan on any sorted list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, value) => {
        values.sort((a, b) => a - b);
        assert.equal(lowerBound(values, value), values.filter((v) => v < value).length);
        assert.equal(upperBound(values, value), values.filter((v) => v <= value).length);
      }),
    );
  });
});
