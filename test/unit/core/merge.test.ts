// Three-way merge of a sidecar changed on disk while the user was annotating.

import * as assert from 'node:assert/strict';
import { mergeAnnotations } from '../../../src/core/merge';
import { anchorAt, type Annotations } from '../../../src/core/model';

const TEXT = 'Kyrgyzstan hosts the CSTO exercise. Approximately 2,500 personnel are involved. Armenia stays away.';

function base(): Annotations {
  const at = (q: string) => anchorAt(TEXT, TEXT.indexOf(q), TEXT.indexOf(q) + q.length);
  return {
    article: { file: 'csto.txt' },
    actors: [
      { id: 'kyrgyzstan', name: 'Kyrgyzstan', type: 'country', mentions: [at('Kyrgyzstan')] },
      { id: 'armenia', name: 'Armenia', type: 'country', mentions: [at('Armenia')] },
    ],
    claims: [{ id: 'c1', anchor: at('Approximately 2,500 personnel are involved.'), status: 'unchecked', sources: [] }],
  };
}

describe('mergeAnnotations', () => {
  it('takes each side’s change to different annotations', () => {
    const ours = base();
    ours.claims[0].verdict = 'mostly-true';
    ours.claims[0].status = 'checked';
    const theirs = base();
    theirs.actors[1].wikidata = 'Q399';
    const { merged, conflicts } = mergeAnnotations(base(), ours, theirs);
    assert.deepEqual(conflicts, []);
    assert.equal(merged.claims[0].verdict, 'mostly-true');
    assert.equal(merged.actors.find((a) => a.id === 'armenia')?.wikidata, 'Q399');
  });

  it('keeps annotations added on both sides and a deletion made on one', () => {
    const ours = base();
    ours.actors.push({ id: 'csto', name: 'CSTO', type: 'organisation', mentions: [anchorAt(TEXT, 21, 25)] });
    const theirs = base();
    theirs.actors = theirs.actors.filter((a) => a.id !== 'kyrgyzstan');
    theirs.claims.push({ id: 'c2', anchor: anchorAt(TEXT, 81, 99), status: 'unchecked', sources: [] });
    const { merged, conflicts } = mergeAnnotations(base(), ours, theirs);
    assert.deepEqual(conflicts, []);
    assert.deepEqual(merged.actors.map((a) => a.id).sort(), ['armenia', 'csto']);
    assert.deepEqual(merged.claims.map((c) => c.id), ['c1', 'c2']);
  });

  it('reports the same annotation changed differently on both sides, keeping ours in the result', () => {
    const ours = base();
    ours.claims[0].notes = 'Ministry figure.';
    const theirs = base();
    theirs.claims[0].notes = 'Press release figure.';
    const { merged, conflicts } = mergeAnnotations(base(), ours, theirs);
    assert.deepEqual(conflicts, ['c1']);
    assert.equal(merged.claims[0].notes, 'Ministry figure.');
  });

  it('does not count identical changes on both sides as a conflict', () => {
    const ours = base();
    ours.claims[0].status = 'in-progress';
    const theirs = base();
    theirs.claims[0].status = 'in-progress';
    assert.deepEqual(mergeAnnotations(base(), ours, theirs).conflicts, []);
  });

  it('attributes a claim to the article when its claimant was deleted on the other side', () => {
    const start = base();
    start.claims[0].claimant = 'armenia';
    const ours = structuredClone(start);
    ours.claims[0].notes = 'checked with the ministry';
    const theirs = structuredClone(start);
    theirs.actors = theirs.actors.filter((a) => a.id !== 'armenia');
    const { merged } = mergeAnnotations(start, ours, theirs);
    assert.equal(merged.claims[0].claimant, undefined);
    assert.equal(merged.claims[0].notes, 'checked with the ministry');
  });
});
