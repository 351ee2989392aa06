// Tests of what re-attachment reports for an anchor: the score of the place found, and where an orphan keeps its old place.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reattach, reattachAll } from '../../../../src/core/anchoring';
import { anchorAt, CONTEXT_LENGTH, type Anchor } from '../../../../src/core/model';

const CSTO = readFileSync(join(__dirname, '../../../../../test/fixtures/anchoring/csto-exercise.txt'), 'utf8');

function mark(text: string, quote: string): Anchor {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, quote);
  return anchorAt(text, at, at + quote.length);
}

/** `text` with the unit `distance` before `quote` (1: the one right before it) replaced by '#'. */
function editBefore(text: string, quote: string, distance: number): string {
  const at = text.indexOf(quote) - distance;
  return text.slice(0, at) + '#' + text.slice(at + 1);
}

function editAfter(text: string, quote: string, distance: number): string {
  const at = text.indexOf(quote) + quote.length + distance - 1;
  return text.slice(0, at) + '#' + text.slice(at + 1);
}

describe('anchoring/scores', () => {
  const quote = 'Nikol Pashinyan';
  const full = quote.length + 2 * CONTEXT_LENGTH;

  it('scores the share of quote and context the new place reproduces', () => {
    const a = mark(CSTO, quote);
    // The prefix agrees up to the edited unit: 9 of its units, and all of the suffix.
    assert.equal(reattach(editBefore(CSTO, quote, 10), a).score, (quote.length + 9 + CONTEXT_LENGTH) / full);
    assert.equal(reattach(editAfter(CSTO, quote, 12), a).score, (quote.length + CONTEXT_LENGTH + 11) / full);
    const both = editAfter(editBefore(CSTO, quote, 10), quote, 12);
    assert.equal(reattach(both, a).score, (quote.length + 9 + 11) / full);
  });

  it('credits an anchor at the article’s start for the context that never existed, only while it is still at the start', () => {
    const title = 'Armenia’s Absence Raises Eyebrows';
    const a = mark(CSTO, title);
    assert.equal(a.prefix, '');
    assert.equal(reattach(CSTO, a).score, 1);
    // Its suffix edited: the missing prefix still counts in full.
    const edited = editAfter(CSTO, title, 20);
    assert.equal(reattach(edited, a).score, (title.length + CONTEXT_LENGTH + 19) / (title.length + 2 * CONTEXT_LENGTH));
    // A note put in above it: no longer at the edge, so the credit is gone.
    const noted = 'UPDATE: corrected.\n' + CSTO;
    const r = reattach(noted, a);
    assert.equal(noted.slice(r.anchor.start, r.anchor.end), title);
    assert.equal(r.score, (title.length + CONTEXT_LENGTH) / (title.length + 2 * CONTEXT_LENGTH));
  });

  it('credits an anchor at the article’s end the same way', () => {
    const last = CSTO.trimEnd().slice(-20);
    const at = CSTO.trimEnd().length - 20;
    const a = anchorAt(CSTO, at, at + 20);
    assert.ok(a.suffix.length < CONTEXT_LENGTH);
    assert.equal(reattach(CSTO, a).score, 1);
    const r = reattach(CSTO + '\nCorrection: the exercise ended on Friday.\n', a);
    assert.equal(r.anchor.quote, last);
    // The suffix still agrees, but the edge it stood for is gone.
    const credit = CONTEXT_LENGTH - a.suffix.length;
    assert.equal(r.score, (20 + a.prefix.length + a.suffix.length) / (20 + a.prefix.length + a.suffix.length + credit));
  });

  it('gives a point anchor (empty quote) with its whole context the score 1', () => {
    const at = CSTO.indexOf(' Tajikistan');
    const r = reattach('Intro.\n' + CSTO, anchorAt(CSTO, at, at));
    assert.equal(r.score, 1);
  });

  describe('orphans', () => {
    const gone: Omit<Anchor, 'start' | 'end'> = { quote: 'a sentence no longer in the article', prefix: 'Officials said that ', suffix: ' on Tuesday.' };
    const text = 'A short article about something else entirely, forty units long at least.';

    it('keep the old span, rounded to whole units', () => {
      const r = reattach(text, { ...gone, start: 10.6, end: 20.4 });
      assert.equal(r.method, 'orphaned');
      assert.deepEqual([r.anchor.start, r.anchor.end], [11, 20]);
    });

    it('keep the old span clamped into the text, never ending before it starts', () => {
      assert.deepEqual(pick(reattach(text, { ...gone, start: -5, end: 3 })), [0, 3]);
      assert.deepEqual(pick(reattach(text, { ...gone, start: 40, end: 9000 })), [40, text.length]);
      assert.deepEqual(pick(reattach(text, { ...gone, start: 9000, end: 9100 })), [text.length, text.length]);
      assert.deepEqual(pick(reattach(text, { ...gone, start: 30, end: 12 })), [30, 30]);
      assert.deepEqual(pick(reattach(text, { ...gone, start: Number.NaN, end: Number.POSITIVE_INFINITY })), [0, 0]);
    });

    it('keep their quote and context, flagged, with no score', () => {
      const r = reattachAll(text, [{ ...gone, start: 5, end: 9 }])[0];
      assert.deepEqual(r.anchor, { ...gone, start: 5, end: 9, orphaned: true });
      assert.equal(r.reason, 'not-found');
      assert.equal(r.score, undefined);
    });
  });

  it('reads an unusable stored offset as the article’s start: a quote there is kept by its position', () => {
    const title = 'Armenia’s Absence Raises Eyebrows';
    const a = mark(CSTO, title);
    const r = reattach(CSTO, { ...a, start: Number.NaN });
    assert.equal(r.method, 'position');
    assert.equal(r.anchor.start, 0);
    // A fractional offset is rounded to the unit it names.
    const name = mark(CSTO, quote);
    assert.equal(reattach(CSTO, { ...name, start: name.start + 0.4 }).method, 'position');
  });
});

function pick(r: { anchor: Anchor }): [number, number] {
  return [r.anchor.start, r.anchor.end];
}
