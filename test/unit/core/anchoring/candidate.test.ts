// Tests of how a candidate place is scored: the context agreeing there, the edits it costs, and how near it is.

import assert from 'node:assert/strict';
import { measure, mergeByStart, mergeOverlapping } from '../../../../src/core/anchoring/candidate';
import { formOf } from '../../../../src/core/anchoring/forms';
import { CONTEXT_LENGTH } from '../../../../src/core/model';

describe('anchoring/candidate', () => {
  const prefix = 'a defence alliance comprising Ar';
  const suffix = ', Belarus, Kazakhstan, Kyrgyzsta';
  const text = `The CSTO, ${prefix}menia${suffix}n, Russia.`;
  const start = text.indexOf('menia');
  const form = formOf('menia', prefix, suffix);

  it('counts the quote and all of its context, in a paragraph of its own', () => {
    const c = measure(text, form, start, start + 5, 0, [{ at: start, slack: 10 }]);
    assert.deepEqual(
      [c.before, c.after, c.beforeInLine, c.afterInLine, c.full, c.agreement, c.from, c.to, c.distance, c.near, c.nearSpan],
      [32, 32, 32, 32, true, 5 + 64, start - 32, start + 5 + 32, 0, true, 0],
    );
  });

  it('charges each edit twice its length in agreement, and a place with edits is never whole', () => {
    const c = measure(text, form, start, start + 5, 2, [{ at: start, slack: 10 }]);
    assert.equal(c.agreement, 5 - 4 + 64);
    assert.equal(c.full, false);
    assert.equal(c.errors, 2);
  });

  it('measures nearness from the nearest expected place, as twice the distance outside its core', () => {
    const centers = [
      { at: start + 40, slack: 30 },
      { at: start - 12, slack: 12, core: 5 },
    ];
    const c = measure(text, form, start, start + 5, 0, centers);
    assert.deepEqual([c.distance, c.near, c.nearSpan], [12, true, 2 * 5 + 2 * 7]);
    const outside = measure(text, form, start, start + 5, 0, [{ at: start - 13, slack: 12 }]);
    assert.deepEqual([outside.distance, outside.near, outside.nearSpan], [13, false, Infinity]);
    const inCore = measure(text, form, start, start + 5, 0, [{ at: start + 3, slack: 8, core: 4 }]);
    assert.equal(inCore.nearSpan, 8, 'anywhere in the core is the width of the core');
    const two = measure(text, form, start, start + 5, 0, [
      { at: start + 6, slack: 10 },
      { at: start - 2, slack: 10 },
    ]);
    assert.deepEqual([two.distance, two.nearSpan], [2, 4], 'the narrower window of two');
  });

  it('credits the missing context at the article’s edge only while the place is at the edge', () => {
    const edge = formOf('The CSTO', '', `, ${prefix.slice(0, CONTEXT_LENGTH - 2)}`);
    const c = measure(text, edge, 0, 8, 0, []);
    assert.deepEqual([c.before, c.beforeInLine, c.full, c.agreement], [CONTEXT_LENGTH, CONTEXT_LENGTH, true, 8 + 2 * CONTEXT_LENGTH]);
    const moved = `Update. ${text}`;
    const m = measure(moved, edge, 8, 16, 0, []);
    assert.deepEqual([m.before, m.beforeInLine, m.full, m.agreement], [0, 0, false, 8 + CONTEXT_LENGTH]);
    const end = formOf('Russia.', ', Belarus, Kazakhstan, Kyrgyzstan, ', '');
    const e = measure(text, end, text.length - 7, text.length, 0, []);
    assert.deepEqual([e.after, e.afterInLine, e.full, e.distance, e.near], [CONTEXT_LENGTH, CONTEXT_LENGTH, true, Infinity, false]);
    const more = measure(text + ' More.', end, text.length - 7, text.length, 0, []);
    assert.deepEqual([more.after, more.full], [0, false]);
  });

  it('counts context beyond a line break as agreeing, but not as in the paragraph', () => {
    const lines = `The CSTO, ${prefix.slice(0, 20)}\n${prefix.slice(21)}menia${suffix.slice(0, 10)}\n${suffix.slice(11)}n, Russia.`;
    const f = formOf('menia', `${prefix.slice(0, 20)}\n${prefix.slice(21)}`, `${suffix.slice(0, 10)}\n${suffix.slice(11)}`);
    const at = lines.indexOf('menia');
    const c = measure(lines, f, at, at + 5, 0, []);
    assert.deepEqual([c.before, c.beforeInLine, c.after, c.afterInLine, c.full], [32, 12, 32, 11, true]);
  });

  it('keeps one candidate per start, the last seen', () => {
    const a = measure(text, form, start, start + 5, 0, []);
    const b = measure(text, form, start, start + 5, 1, []);
    const other = measure(text, form, start + 1, start + 5, 0, []);
    assert.deepEqual(
      mergeByStart([a, other, b]).map((c) => [c.start, c.errors]),
      [
        [start, 1],
        [start + 1, 0],
      ],
    );
  });

  it('keeps, of overlapping places, the one with most agreement, then the nearest', () => {
    const centers = [{ at: start, slack: 100 }];
    const best = measure(text, form, start, start + 5, 0, centers);
    const worse = measure(text, form, start + 2, start + 6, 1, centers);
    const apart = measure(text, form, start + 5, start + 9, 2, centers);
    assert.deepEqual(
      mergeOverlapping([worse, apart, best]).map((c) => c.start),
      [start, start + 5],
      'touching places do not overlap',
    );
    const nearer = measure(text, formOf('menia', '', ''), start, start + 5, 0, [{ at: start, slack: 100 }]);
    const further = measure(text, formOf('menia', '', ''), start + 1, start + 6, 0, [{ at: start, slack: 100 }]);
    assert.deepEqual(
      mergeOverlapping([further, nearer]).map((c) => c.start),
      [start],
    );
  });
});
