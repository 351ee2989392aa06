// Tests of JSON written for embedding in HTML: nothing in it can end or disturb a script element.

import assert from 'node:assert/strict';
import { embeddableJson } from '../../../src/core/json';

describe('json', () => {
  it('escapes </, <!-- and the line separators, and reads back as the same value', () => {
    const value = { '</script>': ['</style>', '<!-- -->', 'a\u2028b\u2029c', 'back\\</slash', '<\\/ kept', 42, null, true] };
    const json = embeddableJson(value);
    assert.doesNotMatch(json, /<\/|<!--|[\u2028\u2029]/);
    assert.equal(embeddableJson('</script>'), '"<\\/script>"\n');
    assert.equal(embeddableJson('<!--'), '"<\\u0021--"\n');
    assert.equal(embeddableJson('a\u2028b\u2029'), '"a\\u2028b\\u2029"\n');
    assert.deepEqual(JSON.parse(json), value);
  });

  it('leaves JSON without such text exactly as JSON.stringify writes it', () => {
    const value = { name: 'Nikol Pashinyan', quote: '15 of the 17 articles < 20', offsets: [70, 85] };
    assert.equal(embeddableJson(value), JSON.stringify(value, null, 2) + '\n');
  });
});
