// Tests of which sidecars the fast read takes and which it leaves to the full read, at the characters that are YAML syntax only in some places.

import assert from 'node:assert/strict';
import { anchorAt, type Annotations } from '../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../src/core/sidecar';

const ARTICLE = 'Year of the 🐀: Armenia left the CSTO drills in Bishkek.\n';
const at = ARTICLE.indexOf('Armenia');
const ANNOTATIONS: Annotations = {
  article: { file: 'drills.txt' },
  actors: [{ id: 'armenia', name: 'Armenia', type: 'country', notes: 'NOTE', mentions: [anchorAt(ARTICLE, at, at + 'Armenia'.length)] }],
  claims: [],
};
const SIDECAR = encodeSidecar(ANNOTATIONS, ARTICLE);

/** The sidecar with `yaml` written as the actor's notes, read the fast way and the full way. */
function readWithNotes(yaml: string) {
  assert.match(SIDECAR, /notes: NOTE\n/);
  const source = SIDECAR.replace('notes: NOTE\n', `notes: ${yaml}\n`);
  const fast = decodeSidecar(source, ARTICLE, { dataOnly: true });
  const full = decodeSidecar(source, ARTICLE);
  assert.deepEqual(fast.annotations, full.annotations, `the two reads differ on ${JSON.stringify(yaml)}`);
  assert.deepEqual(fast.problems, full.problems);
  // Only the full read keeps a document: with one, the fast read handed the sidecar over.
  return { tookFast: fast.document === undefined, notes: full.annotations?.actors[0].notes };
}

describe('sidecar fast read, characters that are YAML syntax only in some places', () => {
  const FAST: Record<string, [string, string]> = {
    'a "%" inside a line': ['gives 24% of it', 'gives 24% of it'],
    'a "!" after a word': ['Really! Yes', 'Really! Yes'],
    'a "?" after a word, at the end of the line': ['Why?', 'Why?'],
    'a "?" inside quotes': ['"?"', '?'],
    'a "<" of markup': ['"<b>bold</b>"', '<b>bold</b>'],
    'a ":" between digits': ['ratio 3:1', 'ratio 3:1'],
    '"null:" inside a quoted text': ['"null: no"', 'null: no'],
    'a whole surrogate pair': ['"🐀 year"', '🐀 year'],
  };
  for (const [name, [yaml, notes]] of Object.entries(FAST)) {
    it(`takes ${name} the fast way`, () => {
      assert.deepEqual(readWithNotes(yaml), { tookFast: true, notes });
    });
  }

  const FULL: Record<string, string> = {
    'a "%" at the start of a line after a line separator': '"one\u2028%two"',
    'a "!" right after a ":"': '"a:!b"',
    'a "!" after an opening bracket': '"x [!y]"',
    'a "?" after a space at the end of the line': 'what ?',
    'a "?" after a comma, before a space': '"a,? b"',
    'a "<<" inside quotes': '"a << b"',
    'a ":" after a closing bracket and spaces': '"[x]  : y"',
    'an empty key after a comma': '"a, : b"',
    'a "~" key after a list dash': '"- ~: b"',
    'a key "null" after a "? "': '"? null: b"',
  };
  for (const [name, yaml] of Object.entries(FULL)) {
    it(`leaves ${name} to the full read, which takes it`, () => {
      const read = readWithNotes(yaml);
      assert.equal(read.tookFast, false);
      assert.equal(typeof read.notes, 'string');
    });
  }

  const REFUSED: Record<string, string> = {
    'a tag after an opening bracket': '[!x]',
    'an explicit key': '? maybe',
    'half a surrogate pair at the start of a quote': '"\uDC00x"',
    'half a surrogate pair at the end of a quote': '"x\uD83D"',
    'a lone carriage return in quotes': '"a\rb"',
  };
  for (const [name, yaml] of Object.entries(REFUSED)) {
    it(`refuses ${name} with the full read's problems`, () => {
      assert.equal(readWithNotes(yaml).notes, undefined);
    });
  }
});
