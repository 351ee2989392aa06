// Tests of drawing highlights in groups: after any typing, what the editor shows is what the anchors say, with only touched groups drawn again.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { shiftAnchors, type TextEdit } from '../../../src/core/edits';
import { groupHighlights, type GroupDrawing, type HighlightGroup, highlightsOf, type HighlightKeys, RULER_MENTIONS_UP_TO, rulerMarksMentions } from '../../../src/core/highlights';
import { anchorAt, anchorState, type Annotations } from '../../../src/core/model';

const KEYS: HighlightKeys = { actor: (type) => `actor:${type}`, claim: (claim) => `claim:${claim.status}` };
const CHANGED = 'changed';

/** An article of `n` sentences, each with a mention of a country and every third with a claim. */
function article(n: number): { text: string; annotations: Annotations } {
  let text = '';
  const annotations: Annotations = { article: { file: 'a.txt' }, actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions: [] }], claims: [] };
  for (let i = 0; i < n; i++) {
    const at = text.length;
    text += `Armenia sent ${100 + i} troops. `;
    annotations.actors[0].mentions.push(anchorAt(text, at, at + 7));
    if (i % 3 === 0) {
      annotations.claims.push({ id: `c${i}`, anchor: anchorAt(text, at + 13, at + 16), status: 'unchecked', sources: [] });
    }
  }
  return { text, annotations };
}

/**
 * The editor's side: the spans it shows per group and key. An edit moves a span it does not
 * touch; a touched span becomes one nobody would want, so only drawing it again repairs it.
 */
class Editor {
  readonly shown = new Map<string, [number, number][]>();
  draws = 0;

  apply(index: number, drawing: GroupDrawing): void {
    this.draws++;
    for (const [key, spans] of drawing) {
      this.shown.set(`${index}/${key}`, spans.map(([s, e]) => [s, e]));
    }
  }

  edit(edits: readonly TextEdit[]): void {
    for (const spans of this.shown.values()) {
      for (const span of spans) {
        for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
          const end = e.offset + e.length;
          if (span[1] >= e.offset && span[0] <= end) {
            span[0] = span[1] = -1;
          } else if (span[0] > end) {
            span[0] += e.text.length - e.length;
            span[1] += e.text.length - e.length;
          }
        }
      }
    }
  }

  /** Every span shown with `key`, in order. */
  spans(key: string): [number, number][] {
    return [...this.shown]
      .filter(([k]) => k.endsWith(`/${key}`))
      .flatMap(([, spans]) => spans)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }
}

function drawAll(groups: HighlightGroup[], editor: Editor, text: string): void {
  groups.forEach((group, index) => {
    const drawing = group.drawing((anchor) => anchorState(anchor, text) === 'changed', CHANGED);
    if (drawing) {
      editor.apply(index, drawing);
    }
  });
}

const applyText = (text: string, edits: readonly TextEdit[]) =>
  [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.text + t.slice(e.offset + e.length), text);

/** What the anchors say should be shown with `key`. */
function wanted(annotations: Annotations, text: string, key: string): [number, number][] {
  const anchors =
    key === CHANGED
      ? annotations.claims.map((c) => c.anchor).filter((a) => anchorState(a, text) === 'changed')
      : key.startsWith('actor:')
        ? annotations.actors.flatMap((a) => a.mentions)
        : annotations.claims.map((c) => c.anchor);
  return anchors
    .filter((a) => !a.orphaned)
    .map((a): [number, number] => [a.start, a.end])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe('highlights', () => {
  it('draws nothing again when typing between highlights, and the editor still shows every one in its place', () => {
    const { annotations } = article(40);
    let { text } = article(40);
    const groups = groupHighlights(highlightsOf(annotations, KEYS), [], 8);
    const editor = new Editor();
    drawAll(groups, editor, text);
    const first = editor.draws;
    const at = text.indexOf(' troops', text.length / 2);
    const edits = [{ offset: at + 1, length: 0, text: 'x' }];
    shiftAnchors([...annotations.actors[0].mentions, ...annotations.claims.map((c) => c.anchor)], edits);
    text = applyText(text, edits);
    editor.edit(edits);
    assert.deepEqual(
      groups.map((g) => g.follow(edits)),
      groups.map(() => false),
    );
    assert.equal(editor.draws, first);
    assert.deepEqual(editor.spans('actor:country'), wanted(annotations, text, 'actor:country'));
  });

  it('draws again only the group whose claim was typed into, marking its wording changed', () => {
    const { annotations } = article(40);
    let { text } = article(40);
    const groups = groupHighlights(highlightsOf(annotations, KEYS), [], 8);
    const editor = new Editor();
    drawAll(groups, editor, text);
    const claim = annotations.claims[6].anchor;
    const edits = [{ offset: claim.start + 1, length: 0, text: '9' }];
    shiftAnchors([...annotations.actors[0].mentions, ...annotations.claims.map((c) => c.anchor)], edits);
    text = applyText(text, edits);
    editor.edit(edits);
    const touched = groups.map((g) => g.follow(edits));
    assert.equal(touched.filter(Boolean).length, 1);
    drawAll(groups, editor, text);
    assert.deepEqual(editor.spans(CHANGED), [[claim.start, claim.end]]);
    assert.deepEqual(editor.spans('claim:unchecked'), wanted(annotations, text, 'claim:unchecked'));
  });

  it('regrouped with the same anchors, draws only what changed: a claim checked, a mention gone', () => {
    const { text, annotations } = article(40);
    const editor = new Editor();
    const before = groupHighlights(highlightsOf(annotations, KEYS), [], 8);
    drawAll(before, editor, text);
    const draws = editor.draws;
    annotations.claims[0].status = 'checked';
    const after = groupHighlights(highlightsOf(annotations, KEYS), before, 8);
    drawAll(after, editor, text);
    assert.equal(editor.draws, draws + 1);
    assert.deepEqual(editor.spans('claim:checked'), [[annotations.claims[0].anchor.start, annotations.claims[0].anchor.end]]);
    assert.deepEqual(editor.spans('claim:unchecked'), wanted(annotations, text, 'claim:unchecked').slice(1));
    annotations.actors[0].mentions.pop();
    drawAll(groupHighlights(highlightsOf(annotations, KEYS), after, 8), editor, text);
    assert.deepEqual(editor.spans('actor:country'), wanted(annotations, text, 'actor:country'));
  });

  it('after any edits, redrawing the touched groups shows exactly what the anchors say', () => {
    const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 30 }), text: fc.constantFrom('', 'x', 'Armenia ', '12') });
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (events, size) => {
        const { annotations } = article(12);
        let { text } = article(12);
        const groups = groupHighlights(highlightsOf(annotations, KEYS), [], size);
        const editor = new Editor();
        drawAll(groups, editor, text);
        for (const event of events) {
          // Edits of one event do not overlap, as VS Code reports them.
          const edits: TextEdit[] = [];
          let from = 0;
          for (const e of event) {
            const offset = Math.min(text.length, from + (e.at % 40));
            const length = Math.min(e.length, text.length - offset);
            edits.push({ offset, length, text: e.text });
            from = offset + length + 1;
            if (from > text.length) {
              break;
            }
          }
          shiftAnchors([...annotations.actors[0].mentions, ...annotations.claims.map((c) => c.anchor)], edits);
          text = applyText(text, edits);
          editor.edit(edits);
          groups.forEach((group, index) => {
            if (group.follow(edits)) {
              editor.apply(index, group.drawing((anchor) => anchorState(anchor, text) === 'changed', CHANGED)!);
            }
          });
          for (const key of ['actor:country', 'claim:unchecked', CHANGED]) {
            assert.deepEqual(editor.spans(key), wanted(annotations, text, key), key);
          }
        }
      }),
    );
  });

  it('marks mentions in the overview ruler up to its limit, counting every actor’s, and claims only past it', () => {
    const { annotations } = article(RULER_MENTIONS_UP_TO);
    assert.equal(rulerMarksMentions(annotations), true);
    const second = { id: 'russia', name: 'Russia', type: 'country', mentions: [annotations.actors[0].mentions[0]] };
    assert.equal(rulerMarksMentions({ ...annotations, actors: [...annotations.actors, second] }), false);
    assert.equal(rulerMarksMentions({ ...annotations, actors: [], claims: article(3000).annotations.claims }), true, 'claims do not count');
  });
});
