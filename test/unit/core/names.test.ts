// A proposed actor name and its span lose possessives, quotes, brackets and trailing punctuation, and nothing more.

import assert from 'node:assert/strict';
import { cleanName, nameSpan } from '../../../src/core/names';

function marked(text: string, selected: string): string {
  const start = text.indexOf(selected);
  const span = nameSpan(text, start, start + selected.length);
  return text.slice(span.start, span.end);
}

describe('names', () => {
  it('drops a possessive, straight or curly', () => {
    assert.equal(marked('Armenia’s withdrawal', 'Armenia’s'), 'Armenia');
    assert.equal(marked("Russia's influence", "Russia's"), 'Russia');
    assert.equal(cleanName('Armenia’s'), 'Armenia');
  });

  it('drops quotes, brackets and punctuation around a name, repeatedly', () => {
    assert.equal(marked('said “Armenia’s”, then', '“Armenia’s”,'), 'Armenia');
    assert.equal(marked('the alliance (CSTO).', '(CSTO).'), 'CSTO');
    assert.equal(cleanName('  «Nikol Pashinyan»; '), 'Nikol Pashinyan');
  });

  it('keeps the apostrophe-s of a plural possessive’s s, and initialisms’ last stop', () => {
    assert.equal(cleanName('the Allies’'), 'the Allies');
    assert.equal(cleanName('the U.S.'), 'the U.S.');
    assert.equal(cleanName('Yerevan.'), 'Yerevan');
  });

  it('leaves a clean name and a name that is all punctuation alone', () => {
    assert.equal(cleanName('Nikol Pashinyan'), 'Nikol Pashinyan');
    assert.equal(cleanName('O’Brien'), 'O’Brien');
    assert.deepEqual(nameSpan('“”', 0, 2), { start: 0, end: 2 });
  });
});
