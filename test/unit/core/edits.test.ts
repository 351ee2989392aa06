// Tests of moving anchors with the text while the user types (VS Code's contentChanges).

import assert from 'node:assert/strict';
import { shiftAnchor, shiftAnchors, shiftAnnotations, type TextEdit } from '../../../src/core/edits';
import { anchorAt, anchorState, type Anchor, type Annotations } from '../../../src/core/model';

const TEXT = 'Armenia left the CSTO drills in Bishkek.';
const at = (quote: string): Anchor => {
  const start = TEXT.indexOf(quote);
  return anchorAt(TEXT, start, start + quote.length);
};
/** Applies edits as VS Code does: all against the text before the event. */
const apply = (text: string, edits: readonly TextEdit[]) =>
  [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.text + t.slice(e.offset + e.length), text);
const span = (anchor: Anchor): [number, number] => [anchor.start, anchor.end];
const shifted = (anchor: Anchor, ...edits: TextEdit[]) => {
  const copy = { ...anchor };
  shiftAnchors([copy], edits);
  return copy;
};

describe('edits', () => {
  describe('shiftAnchor', () => {
    it('moves an anchor by what is typed or deleted before it', () => {
      const cs = at('CSTO');
      const typed = shifted(cs, { offset: 0, length: 0, text: 'Why ' });
      assert.deepEqual([typed.start, typed.end], [cs.start + 4, cs.end + 4]);
      const deleted = shifted(cs, { offset: 0, length: 8, text: '' });
      assert.deepEqual([deleted.start, deleted.end], [cs.start - 8, cs.end - 8]);
      assert.equal(anchorState(deleted, apply(TEXT, [{ offset: 0, length: 8, text: '' }])), 'attached');
    });

    it('leaves an anchor alone when the edit is after it', () => {
      const cs = at('CSTO');
      const later = shifted(cs, { offset: TEXT.length, length: 0, text: ' Again.' });
      assert.deepEqual(later, cs);
    });

    it('does not grow the span when typing right before or right after it', () => {
      const cs = at('CSTO');
      const before = shifted(cs, { offset: cs.start, length: 0, text: 'the ' });
      assert.deepEqual([before.start, before.end], [cs.start + 4, cs.end + 4]);
      const after = shifted(cs, { offset: cs.end, length: 0, text: '-led' });
      assert.deepEqual([after.start, after.end], [cs.start, cs.end]);
      const text = apply(TEXT, [{ offset: cs.end, length: 0, text: '-led' }]);
      assert.equal(anchorState(after, text), 'attached');
    });

    it('resizes the span for an edit inside it, which then reads as changed', () => {
      const drills = at('CSTO drills');
      const edit = { offset: drills.start + 5, length: 0, text: 'military ' };
      const inside = shifted(drills, edit);
      assert.deepEqual([inside.start, inside.end], [drills.start, drills.end + 9]);
      const text = apply(TEXT, [edit]);
      assert.equal(text.slice(inside.start, inside.end), 'CSTO military drills');
      assert.equal(anchorState(inside, text), 'changed');
      assert.equal(inside.quote, 'CSTO drills');
    });

    it('keeps what is left when an edit overlaps the beginning or the end', () => {
      const drills = at('CSTO drills');
      // "the CSTO" → "NATO": the span now starts after the replacement.
      const start = { offset: drills.start - 4, length: 8, text: 'NATO' };
      const overStart = shifted(drills, start);
      assert.equal(apply(TEXT, [start]).slice(overStart.start, overStart.end), ' drills');
      // "drills in" → "exercise": the span now ends where the edit began.
      const end = { offset: drills.end - 6, length: 9, text: 'exercise' };
      const overEnd = shifted(drills, end);
      assert.equal(apply(TEXT, [end]).slice(overEnd.start, overEnd.end), 'CSTO ');
    });

    it('keeps a retyped first word inside the claim', () => {
      const claim = at('Armenia left the CSTO drills');
      // Select "Armenia" and type over it: the claim still starts with what was typed.
      const edit = { offset: claim.start, length: 'Armenia'.length, text: 'Yerevan' };
      const retyped = shifted(claim, edit);
      const text = apply(TEXT, [edit]);
      assert.equal(text.slice(retyped.start, retyped.end), 'Yerevan left the CSTO drills');
      assert.equal(anchorState(retyped, text), 'changed');
      assert.equal(retyped.orphaned, undefined);
    });

    it('keeps a retyped last word inside the claim, and shrinks it when words are deleted at either end', () => {
      const claim = at('Armenia left the CSTO drills');
      const last = { offset: claim.end - 'drills'.length, length: 'drills'.length, text: 'exercise' };
      assert.equal(apply(TEXT, [last]).slice(...span(shifted(claim, last))), 'Armenia left the CSTO exercise');
      const first = { offset: claim.start, length: 'Armenia '.length, text: '' };
      assert.equal(apply(TEXT, [first]).slice(...span(shifted(claim, first))), 'left the CSTO drills');
      const tail = { offset: claim.end - ' drills'.length, length: ' drills'.length, text: '' };
      assert.equal(apply(TEXT, [tail]).slice(...span(shifted(claim, tail))), 'Armenia left the CSTO');
    });

    it('keeps what is left after a replacement of another length over the beginning', () => {
      const drills = at('CSTO drills');
      const edit = { offset: drills.start - 4, length: 8, text: 'a NATO' };
      const left = shifted(drills, edit);
      assert.equal(apply(TEXT, [edit]).slice(...span(left)), ' drills');
    });

    it('moves an anchor by the replacement that ends exactly where it starts', () => {
      const cs = at('CSTO');
      const edit = { offset: cs.start - 'the '.length, length: 'the '.length, text: 'a new ' };
      const moved = shifted(cs, edit);
      assert.equal(apply(TEXT, [edit]).slice(...span(moved)), 'CSTO');
      assert.equal(moved.orphaned, undefined);
    });

    it('orphans an anchor whose whole span is deleted or replaced, keeping its quote', () => {
      const cs = at('CSTO');
      for (const edit of [
        { offset: cs.start, length: 4, text: '' },
        { offset: cs.start - 4, length: 13, text: 'exercise' },
        { offset: cs.start, length: 4, text: 'NATO' },
      ]) {
        const gone = shifted(cs, edit);
        assert.equal(gone.orphaned, true);
        assert.equal(gone.quote, 'CSTO');
        assert.equal(gone.start, edit.offset);
        assert.equal(gone.end, gone.start);
      }
    });

    it('keeps an orphan roughly in place as the text around it changes', () => {
      const orphan: Anchor = { ...at('CSTO'), orphaned: true };
      orphan.end = orphan.start;
      const p = orphan.start;
      const moved = shifted(orphan, { offset: 0, length: 0, text: 'So ' });
      assert.deepEqual([moved.start, moved.end], [p + 3, p + 3]);
      const swallowed = shifted(orphan, { offset: p - 5, length: 10, text: 'x' });
      assert.deepEqual([swallowed.start, swallowed.end], [p - 5, p - 5]);
      assert.equal(swallowed.orphaned, true);
    });

    it('leaves an orphan where it is when text is typed at its place, and after a replacement ending there', () => {
      const orphan: Anchor = { ...at('CSTO'), orphaned: true };
      orphan.end = orphan.start;
      const p = orphan.start;
      const typed = shifted(orphan, { offset: p, length: 0, text: 'NATO ' });
      assert.deepEqual([typed.start, typed.end], [p, p]);
      const replaced = shifted(orphan, { offset: p - 4, length: 4, text: 'a new ' });
      assert.deepEqual([replaced.start, replaced.end], [p + 2, p + 2]);
      const after = shifted(orphan, { offset: p + 1, length: 3, text: '' });
      assert.deepEqual([after.start, after.end, after.orphaned], [p, p, true]);
    });

    it('moves an empty anchor with text typed at its place, and orphans it when the text around it goes', () => {
      const point: Anchor = { start: 5, end: 5, quote: '', prefix: 'Armen', suffix: 'ia left' };
      const typed = { ...point };
      shiftAnchor(typed, { offset: 5, length: 0, text: 'xx' });
      assert.deepEqual([typed.start, typed.end, typed.orphaned], [7, 7, undefined]);
      const deleted = { ...point };
      shiftAnchor(deleted, { offset: 3, length: 4, text: '' });
      assert.equal(deleted.orphaned, true);
    });
  });

  describe('shiftAnchors', () => {
    it('applies a batch reported against the text before the event, whatever its order', () => {
      // Multi-cursor typing: VS Code reports every change against the old text.
      const anchors = [at('Armenia'), at('CSTO'), at('Bishkek')];
      const edits: TextEdit[] = [
        { offset: 0, length: 0, text: '> ' },
        { offset: TEXT.indexOf('CSTO'), length: 0, text: 'the ' },
        { offset: TEXT.indexOf(' in'), length: 3, text: ' near' },
      ];
      const text = apply(TEXT, edits);
      for (const order of [edits, [...edits].reverse(), [edits[1], edits[0], edits[2]]]) {
        const copies = anchors.map((a) => ({ ...a }));
        shiftAnchors(copies, order);
        for (const a of copies) {
          assert.equal(text.slice(a.start, a.end), a.quote, `${a.quote} in ${JSON.stringify(text)}`);
        }
      }
    });

    it('handles a replace-all of one word across the article in one event', () => {
      const text = 'CSTO and CSTO and CSTO.';
      const anchors = [anchorAt(text, 9, 13), anchorAt(text, 15, 22)];
      const edits = [0, 9, 18].map((offset) => ({ offset, length: 4, text: 'the alliance' }));
      shiftAnchors(anchors, edits);
      const after = apply(text, edits);
      assert.equal(anchors[0].orphaned, true);
      assert.equal(anchors[0].start, 9 + 8);
      // "nd CSTO": the replacement reaches its end, so the span grows with it.
      assert.equal(after.slice(anchors[1].start, anchors[1].end), 'nd the alliance');
      assert.equal(anchorState(anchors[1], after), 'changed');
    });

    it('moves anchors after astral characters by their UTF-16 length', () => {
      const text = 'Hi CSTO';
      const anchor = anchorAt(text, 3, 7);
      const edit = { offset: 0, length: 0, text: '🇦🇲 👩‍👩‍👧 ' };
      shiftAnchors([anchor], [edit]);
      const after = apply(text, [edit]);
      assert.equal(after.slice(anchor.start, anchor.end), 'CSTO');
    });
  });

  describe('shiftAnnotations', () => {
    it('moves every mention and claim of an article by a batch given in any order', () => {
      const edits: TextEdit[] = [
        { offset: 0, length: 0, text: '> ' },
        { offset: TEXT.indexOf('CSTO'), length: 0, text: 'the ' },
        { offset: TEXT.indexOf(' in'), length: 3, text: ' near' },
      ];
      const text = apply(TEXT, edits);
      for (const order of [edits, [edits[1], edits[0], edits[2]]]) {
        const annotations: Annotations = {
          article: { file: 'csto.txt' },
          actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions: [at('Armenia'), at('Bishkek')] }],
          claims: [{ id: 'c1', anchor: at('CSTO drills'), status: 'unchecked', sources: [] }],
        };
        shiftAnnotations(annotations, order);
        const quotes = [...annotations.actors[0].mentions, annotations.claims[0].anchor].map((a) => text.slice(a.start, a.end));
        assert.deepEqual(quotes, ['Armenia', 'Bishkek', 'CSTO drills'], JSON.stringify(order));
      }
    });
  });
});
