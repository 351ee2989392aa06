// Tests of which lines of a long article get claim lenses, and when they must be asked for again.

import assert from 'node:assert/strict';
import { LENS_MARGIN_LINES, LENS_SLACK_LINES, lensWindow, windowOutgrown } from '../../../src/core/lensWindow';

describe('lensWindow', () => {
  it('serves the lines shown and a margin on each side, within the document', () => {
    assert.deepEqual(lensWindow([{ start: 1000, end: 1040 }], 5000), { start: 1000 - LENS_MARGIN_LINES, end: 1040 + LENS_MARGIN_LINES });
    assert.deepEqual(lensWindow([{ start: 10, end: 50 }], 5000), { start: 0, end: 50 + LENS_MARGIN_LINES });
    assert.deepEqual(lensWindow([{ start: 4960, end: 4999 }], 5000), { start: 4960 - LENS_MARGIN_LINES, end: 4999 });
    assert.deepEqual(lensWindow([{ start: 0, end: 0 }], 1), { start: 0, end: 0 });
  });

  it('covers every editor showing the article, and the top when none does', () => {
    assert.deepEqual(lensWindow([{ start: 3000, end: 3030 }, { start: 200, end: 230 }], 5000, 10), { start: 190, end: 3040 });
    assert.deepEqual(lensWindow([], 5000, 10), { start: 0, end: 20 });
    assert.deepEqual(lensWindow([], 5, 10), { start: 0, end: 4 });
  });

  it('asks again only when what is shown nears an edge of the window that is not the document’s', () => {
    const served = lensWindow([{ start: 1000, end: 1040 }], 5000);
    assert.equal(windowOutgrown(served, [{ start: 1000, end: 1040 }], 5000), false);
    // Scrolled down to just short of the slack, then into it.
    const roomBelow = served.end - LENS_SLACK_LINES;
    assert.equal(windowOutgrown(served, [{ start: roomBelow - 40, end: roomBelow }], 5000), false);
    assert.equal(windowOutgrown(served, [{ start: roomBelow - 39, end: roomBelow + 1 }], 5000), true);
    const roomAbove = served.start + LENS_SLACK_LINES;
    assert.equal(windowOutgrown(served, [{ start: roomAbove, end: roomAbove + 40 }], 5000), false);
    assert.equal(windowOutgrown(served, [{ start: roomAbove - 1, end: roomAbove + 39 }], 5000), true);
    // A second editor far away.
    assert.equal(windowOutgrown(served, [{ start: 1000, end: 1040 }, { start: 4000, end: 4040 }], 5000), true);
  });

  it('never asks again at the document’s own edges', () => {
    const top = lensWindow([{ start: 0, end: 40 }], 5000);
    assert.equal(windowOutgrown(top, [{ start: 0, end: 40 }], 5000), false);
    const bottom = lensWindow([{ start: 4960, end: 4999 }], 5000);
    assert.equal(windowOutgrown(bottom, [{ start: 4960, end: 4999 }], 5000), false);
    const whole = lensWindow([{ start: 0, end: 99 }], 100);
    assert.equal(windowOutgrown(whole, [{ start: 0, end: 99 }], 100), false);
  });
});
