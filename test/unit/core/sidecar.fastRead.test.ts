// Tests of which sidecars the fast read takes and which it leaves to the full read, at the characters that are YAML syntax only in some places.

import assert from 'node:assert/strict';
import { anchorAt, type Annotations } from '../../../src/core/model';
import fc from 'fast-check';
import { Schema } from 'yaml';
import { decodeSidecar, encodeSidecar, hasUnusual, UNUSUAL_PARTS } from '../../../src/core/sidecar';

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
    'a run of 128 spaces inside a line': [`"a${' '.repeat(128)}b"`, `a${' '.repeat(128)}b`],
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

describe('sidecar fast read, keys at the length YAML allows', () => {
  /** The sidecar with `line` as a key of its "extra" map, read both ways. */
  function readWithExtra(line: string) {
    const source = `${SIDECAR}extra:\n  ${line}\n`;
    const fast = decodeSidecar(source, ARTICLE, { dataOnly: true });
    const full = decodeSidecar(source, ARTICLE);
    assert.deepEqual(fast.annotations, full.annotations);
    assert.deepEqual(fast.problems, full.problems);
    return { tookFast: fast.document === undefined, extra: full.annotations?.extra, problems: full.problems.map((p) => [p.code, p.line, p.column, p.message]) };
  }
  const TOO_LONG = 'YAML syntax error: a key may be at most 1024 characters long, counted up to its ":"; shorten the key, or make the long text its value.';

  it('takes a key of 1000 characters the fast way, and leaves one of 1001 to the full read, which takes it', () => {
    assert.deepEqual(readWithExtra(`${'k'.repeat(1000)}: v`), { tookFast: true, extra: { ['k'.repeat(1000)]: 'v' }, problems: [] });
    assert.deepEqual(readWithExtra(`${'k'.repeat(1001)}: v`), { tookFast: false, extra: { ['k'.repeat(1001)]: 'v' }, problems: [] });
  });

  it('takes a value longer than a key may be the fast way', () => {
    const note = 'The minister said so twice. '.repeat(60);
    assert.deepEqual(readWithExtra(`note: ${note.trim()}`), { tookFast: true, extra: { note: note.trim() }, problems: [] });
  });

  it('refuses a short key whose ":" comes 1024 characters after its start, with the full read\'s problem, however the key is written', () => {
    for (const line of [`k${' '.repeat(1100)}: v`, `"${'\\x41'.repeat(300)}": v`, `'${"''".repeat(600)}': v`]) {
      assert.deepEqual(readWithExtra(line), { tookFast: false, extra: undefined, problems: [['syntax', 14, 3, TOO_LONG]] }, line.slice(0, 10));
    }
  });

  it('refuses a key too long on the last line of a sidecar that does not end in a line break', () => {
    const source = `${SIDECAR}extra:\n  k${' '.repeat(1100)}: v`;
    for (const options of [{}, { dataOnly: true }]) {
      assert.deepEqual(decodeSidecar(source, ARTICLE, options).problems.map((p) => [p.code, p.line, p.column, p.message]), [['syntax', 14, 3, TOO_LONG]]);
    }
  });

  it('refuses a pair in a list whose key is too long, at its ":"', () => {
    assert.deepEqual(readWithExtra(`list: [ k${' '.repeat(1100)}: v ]`), { tookFast: false, extra: undefined, problems: [['syntax', 14, 1112, TOO_LONG]] });
  });
});

describe('sidecar fast read, what it takes itself', () => {
  /** The sidecar with `lines` as its "extra" map, read both ways. */
  function readExtra(lines: string, prefix = '') {
    const source = `${prefix}${SIDECAR}extra:\n${lines}`;
    const fast = decodeSidecar(source, ARTICLE, { dataOnly: true });
    const full = decodeSidecar(source, ARTICLE);
    assert.deepEqual(fast.annotations, full.annotations);
    assert.deepEqual(full.problems, []);
    return { tookFast: fast.document === undefined, extra: fast.annotations?.extra };
  }

  it("reads plain values with yaml's own core patterns, none of which has flags that joining them into one would drop", () => {
    const patterns = new Schema({}).tags.filter((tag) => tag.default === true && 'test' in tag && tag.test instanceof RegExp);
    assert.ok(patterns.length >= 8);
    assert.deepEqual(patterns.filter((tag) => (tag.test as RegExp).flags !== ''), []);
  });

  it('reads every plain value of YAML 1.2 as the full read does, without handing the sidecar over', () => {
    const lines = ['hex: 0x1F', 'octal: 0o17', 'signed hex: -0x1F', 'half: +.5', 'huge: 1e400', 'tilde: ~', 'empty:', 'word: yes', 'flag: true', 'date: 2024-06-10', ''];
    assert.deepEqual(readExtra(lines.map((line) => `  ${line}`).join('\n')), {
      tookFast: true,
      extra: { hex: 31, octal: 15, 'signed hex': '-0x1F', half: 0.5, huge: Infinity, tilde: null, empty: null, word: 'yes', flag: true, date: '2024-06-10' },
    });
  });

  it('parses the document of a sidecar read for display once, however often a write asks for it', () => {
    const display = decodeSidecar(SIDECAR, ARTICLE, { lazyDocument: true });
    assert.ok(display.annotations && display.document);
    assert.equal(display.document, display.document);
  });

  it('takes a sidecar saved with a byte-order mark', () => {
    assert.deepEqual(readExtra('  k: v\n', '\uFEFF'), { tookFast: true, extra: { k: 'v' } });
  });

  it('takes notes written as "|" and ">" blocks over several lines', () => {
    assert.deepEqual(readExtra('  kept: |\n    one\n    two\n  folded: >\n    one\n    two\n  clipped: |-\n    x\n'), { tookFast: true, extra: { kept: 'one\ntwo\n', folded: 'one two\n', clipped: 'x' } });
  });

  it('leaves a value or a bracketed list or map continued on the next line to the full read, which takes it', () => {
    const cases: [string, unknown][] = [
      ['  a: one\n    two\n', 'one two'],
      ['  a: "one\n    two"\n', 'one two'],
      ['  a: [one,\n    two]\n', ['one', 'two']],
      ['  a: {one: 1,\n    two: 2}\n', { one: 1, two: 2 }],
    ];
    for (const [lines, a] of cases) {
      assert.deepEqual(readExtra(lines), { tookFast: false, extra: { a } }, lines);
    }
  });

  it('takes data nested 29 lists deep under "extra", and leaves one level more to the full read', () => {
    const nested = (depth: number): unknown => (depth === 0 ? [] : [nested(depth - 1)]);
    assert.deepEqual(readExtra(`  deep: ${'['.repeat(29)}${']'.repeat(29)}\n`), { tookFast: true, extra: { deep: nested(28) } });
    assert.deepEqual(readExtra(`  deep: ${'['.repeat(30)}${']'.repeat(30)}\n`), { tookFast: false, extra: { deep: nested(29) } });
  });
});

describe('sidecar fast read, the scan for unusual text', () => {
  /** The scan as one pattern of every part, the way it was first written: the meaning the faster scan must keep. */
  const ONE_PATTERN = new RegExp(UNUSUAL_PARTS.map((part) => part.source).join('|'), 'm');
  /** Characters the parts are about, and a few they are not, so that random texts hit every part and its near misses. */
  const ALPHABET = [' ', ' ', '\n', '\r', '\t', ':', '#', '"', "'", '[', ']', '{', '}', ',', '-', '?', '!', '%', '<', '&', '*', '~', 'n', 'u', 'l', 'N', 'U', 'L', 'a', '1', '\u2028', '\u2029', '\u0085', '\u00e9', '\uFEFF', '\uD83D', '\uDC00', '\uD83D\uDC00', '\x07', '\x7f'];
  const texts = fc.oneof(
    fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((chars) => chars.join('')),
    // Real sidecar text with odd pieces spliced in: a sidecar as written, and one edited by hand.
    fc.tuple(fc.nat(SIDECAR.length), fc.array(fc.constantFrom(...ALPHABET, ' '.repeat(128), '\nnull: ', '\r\n', '<<', '%YAML'), { maxLength: 6 })).map(([at, bits]) => SIDECAR.slice(0, at) + bits.join('') + SIDECAR.slice(at)),
  );

  it('finds exactly the texts that one pattern of every part finds', () => {
    fc.assert(
      fc.property(texts, (text) => {
        assert.equal(hasUnusual(text), ONE_PATTERN.test(text), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds each part on its own, where it is the only unusual text', () => {
    const single = ['&a', '*a', 'a\tb', '\x07', '\uFEFF', '\uD83Dx', 'x\uDC00', 'a\rb', '"x"#', '<<: a', '%YAML', 'a\n%b', 'a\u2028%b', '!tag', '? key', '[a]: b', '{a: 1} : b', ': a', '- null: a', `${' '.repeat(128)}a`, `a\n${' '.repeat(128)}b`];
    for (const text of single) {
      assert.equal(hasUnusual(text), true, JSON.stringify(text));
      assert.equal(ONE_PATTERN.test(text), true, JSON.stringify(text));
    }
    for (const text of ['a: b', 'a%b', 'why?', 'ratio 3:1', 'x # y', '\uD83D\uDC00', 'a\r\nb', `a${' '.repeat(127)}b`, 'a! b', SIDECAR]) {
      assert.equal(hasUnusual(text), false, JSON.stringify(text));
    }
  });
});
