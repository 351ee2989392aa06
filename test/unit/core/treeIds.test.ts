// Tree row ids are unique for any set of annotations: duplicate keys, keys with slashes and hashes, nested rows.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { childIds } from '../../../src/core/treeIds';

describe('childIds', () => {
  it('tells apart two orphaned mentions of one actor with the same quote', () => {
    const key = 'orphan:file:///a.txt#armenia@635';
    const ids = childIds('actors/orphans', [key, key]);
    assert.equal(new Set(ids).size, 2);
    assert.equal(ids[0], childIds('actors/orphans', [key])[0], 'the first keeps the id it had alone');
  });

  it('gives unique ids over a whole tree for any keys', () => {
    const key = fc.oneof(fc.constantFrom('a', 'a#2', 'a/b', 'b', '#', '/', '%2F', 'mention:1-2', ''), fc.string());
    const keys = fc.array(key, { maxLength: 8 });
    fc.assert(
      fc.property(keys, keys, keys, (rootKeys, childKeys, grandchildKeys) => {
        // Every row gets the same keys for its children: the hardest case for uniqueness.
        const roots = childIds('view', rootKeys);
        const children = roots.flatMap((root) => childIds(root, childKeys));
        const grandchildren = children.flatMap((child) => childIds(child, grandchildKeys));
        const all = [...roots, ...children, ...grandchildren];
        assert.equal(new Set(all).size, all.length);
      }),
    );
  });

  it('keeps a row’s id while its siblings change', () => {
    const before = childIds('assertions', ['group:unchecked', 'group:checked:true']);
    const after = childIds('assertions', ['group:in-progress', 'group:unchecked', 'group:checked:true']);
    assert.equal(after[1], before[0]);
    assert.equal(after[2], before[1]);
  });
});
