// An annotation named by id is found again in a model read afresh, and not found once it is gone.

import assert from 'node:assert/strict';
import { keyOf, resolveKey } from '../../../src/core/refs';
import { anchorAt, type Annotations } from '../../../src/core/model';

const TEXT = 'Armenia froze its part. Armenia left.';

function model(): Annotations {
  return {
    article: { file: 'a.txt' },
    actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions: [anchorAt(TEXT, 0, 7), anchorAt(TEXT, 24, 31)] }],
    claims: [{ id: 'c1', anchor: anchorAt(TEXT, 0, 23), status: 'unchecked', sources: [] }],
  };
}

describe('refs', () => {
  it('finds the same claim, actor and mention in a replaced model', () => {
    const before = model();
    const after = structuredClone(before);
    const claim = resolveKey(after, keyOf({ kind: 'claim', claim: before.claims[0] }));
    assert.equal(claim?.kind === 'claim' && claim.claim, after.claims[0]);
    const mention = resolveKey(after, keyOf({ kind: 'mention', actor: before.actors[0], mention: before.actors[0].mentions[1] }));
    assert.equal(mention?.kind === 'mention' && mention.mention, after.actors[0].mentions[1]);
  });

  it('finds a mention the store moved by its quote, and nothing once it is removed', () => {
    const before = model();
    const key = keyOf({ kind: 'mention', actor: before.actors[0], mention: before.actors[0].mentions[1] });
    const moved = structuredClone(before);
    moved.actors[0].mentions[1].start += 5;
    moved.actors[0].mentions[1].end += 5;
    const found = resolveKey(moved, key);
    assert.equal(found?.kind === 'mention' && found.mention, moved.actors[0].mentions[1]);
    const gone = structuredClone(before);
    gone.claims = [];
    assert.equal(resolveKey(gone, { kind: 'claim', claim: 'c1' }), undefined);
    assert.equal(resolveKey(gone, { kind: 'actor', actor: 'russia' }), undefined);
  });
});
