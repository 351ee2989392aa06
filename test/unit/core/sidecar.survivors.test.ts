// Tests of the sidecar codec's words and places for hand edits the other codec tests leave out: each schema rule's sentence, the limits on how much is listed, and the edges of shortening.

import assert from 'node:assert/strict';
import { sha256 } from '../../../src/core/hash';
import { anchorAt, type Anchor, type Annotations } from '../../../src/core/model';
import { decodeSidecar, encodeSidecar, type SidecarProblem } from '../../../src/core/sidecar';
import { encodeSidecarState } from '../../../src/core/sidecarWriter';
import { ARTICLE, SIDECAR } from './codecFixture';

/** SIDECAR with one claim, with `lines` added to it. */
const withClaim = (lines: string) => SIDECAR.replace('claims: []', `claims:\n  - id: c1\n    anchor: { start: 0, end: 10, quote: Kyrgyzstan }\n    status: unchecked\n${lines}`);
const withActorKey = (line: string) => SIDECAR.replace('    type: country', `    type: country\n    ${line}`);

type Expected = [code: SidecarProblem['code'], line: number, column: number, message: string];

const WHEN = 'must be a time in UTC written like 2026-12-03T14:05:09Z (year-month-day, "T", hours:minutes:seconds, "Z").';
const WHO = 'must name who made the change; it cannot be only spaces.';

/** Each hand edit and the one problem it gets, read the full way and the fast way alike. */
const MISTAKES: [string, string, Expected][] = [
  ['a verdict that is a list', withClaim('    verdict: [1]\n'), ['schema', 14, 14, '"verdict" of claim 1 must be text or true or false.']],
  ['a status off the list', withClaim('').replace('status: unchecked', 'status: done'), ['schema', 13, 13, '"status" of claim 1 must be one of: unchecked, in-progress, checked.']],
  ['a Wikidata id that is no Q-number', withActorKey('wikidata: X42'), ['schema', 8, 15, '"wikidata" of actor 1 must be a Wikidata id such as Q42.']],
  ['a Wikidata id that is a number', withActorKey('wikidata: 42'), ['schema', 8, 15, '"wikidata" of actor 1 must be text.']],
  ['a short sha256', SIDECAR.replace('  file: csto.txt', '  file: csto.txt\n  sha256: abc'), ['schema', 4, 11, '"sha256" of "article" must be 64 hexadecimal digits.']],
  ['a time of marking in words', withActorKey('at: yesterday'), ['schema', 8, 9, `"at" of actor 1 ${WHEN}`]],
  ['a marker of only spaces', withActorKey('by: "  "'), ['schema', 8, 9, `"by" of actor 1 ${WHO}`]],
  ['a time of review in words', withClaim('    reviewedAt: now\n'), ['schema', 14, 17, `"reviewedAt" of claim 1 ${WHEN}`]],
  ['a reviewer of only spaces', withClaim('    reviewedBy: " "\n'), ['schema', 14, 17, `"reviewedBy" of claim 1 ${WHO}`]],
  ['an id starting with a dash', SIDECAR.replace('id: armenia', 'id: "-x"'), ['schema', 5, 9, '"id" of actor 1 may hold only letters, digits, ".", "_" and "-", starting with a letter or digit.']],
  ['an article without its file', SIDECAR.replace('  file: csto.txt', '  title: x'), ['schema', 3, 3, 'The "article" section is missing "file".']],
  ['no article', SIDECAR.replace('article:\n  file: csto.txt\n', ''), ['schema', 1, 1, 'The sidecar is missing "article".']],
  ['no format version', SIDECAR.replace('newsmark: 1\n', ''), ['schema', 1, 1, 'The sidecar is missing "newsmark".']],
  ['actors that are a number', 'newsmark: 1\narticle:\n  file: a\nactors: 5\n', ['schema', 4, 9, 'The list of actors must be a list.']],
  ['claims that are a number', 'newsmark: 1\narticle:\n  file: a\nclaims: 5\n', ['schema', 4, 9, 'The list of claims must be a list.']],
  ['an article that is a number', 'newsmark: 1\narticle: 5\n', ['schema', 2, 10, 'The "article" section must be a map of keys and values.']],
  ['a list instead of a sidecar', '- 1\n- 2\n', ['schema', 1, 1, 'The sidecar must be a map of keys and values.']],
  ['extra data that is a number', `${SIDECAR}extra: 5\n`, ['schema', 11, 8, '"extra" must be a map of keys and values.']],
  ['a typo in a claim', withClaim('    claimnt: x\n'), ['schema', 14, 5, 'Claim 1 has an unknown key "claimnt"; did you mean "claimant"?']],
  ['a typo in a source', withClaim('    sources:\n      - { url: "https://x.org", titel: x }\n'), ['schema', 15, 33, 'Source 1 of claim 1 has an unknown key "titel"; did you mean "title"?']],
  ['a typo in the article section', SIDECAR.replace('  file: csto.txt', '  file: csto.txt\n  titel: x'), ['schema', 4, 3, 'The "article" section has an unknown key "titel"; did you mean "title"?']],
  [
    'a maker in a claim\'s anchor, which only a mention has',
    withClaim('').replace('quote: Kyrgyzstan }', 'quote: Kyrgyzstan, by: x }'),
    ['schema', 12, 53, '"anchor" of claim 1 has an unknown key "by"; the keys allowed here are: start, end, quote, prefix, suffix, orphaned, changed.'],
  ],
  [
    'an unknown key of a mention, which may say who marked it',
    SIDECAR.replace('quote: Armenia }', 'quote: Armenia, quoet: x }'),
    ['schema', 9, 47, 'Mention 1 of actor 1 has an unknown key "quoet"; the keys allowed here are: start, end, quote, prefix, suffix, orphaned, changed, by, at.'],
  ],
  ['a key written twice in single quotes', withActorKey("'type': x"), ['duplicate-key', 8, 5, '"type" is written twice here; keep one of them.']],
  ['a key written twice in an anchor', SIDECAR.replace('quote: Armenia }', 'quote: Armenia, quote: x }'), ['duplicate-key', 9, 47, '"quote" is written twice here; keep one of them.']],
  ['a key without its colon', SIDECAR.replace('name: Armenia', 'name: Armenia\n    "x"y: 1'), ['syntax', 7, 5, 'YAML syntax error: a key needs a colon and a space before its value, as in "status: checked".']],
  ['a format version with a fraction', SIDECAR.replace('newsmark: 1', 'newsmark: 1.5'), ['format-version', 1, 11, 'This sidecar is format version 1.5; this version of Newsmark reads version 1. Update Newsmark to open it.']],
  ['an older format version', SIDECAR.replace('newsmark: 1', 'newsmark: 0'), ['format-version', 1, 11, 'Unknown sidecar format version 0; Newsmark reads version 1.']],
  ['a format version left empty', SIDECAR.replace('newsmark: 1', 'newsmark:'), ['format-version', 1, 10, 'Unknown sidecar format version null; Newsmark reads version 1.']],
  ['a format version that is a list', SIDECAR.replace('newsmark: 1', 'newsmark: [1]'), ['format-version', 1, 11, 'Unknown sidecar format version [1]; Newsmark reads version 1.']],
  ['a newer format version after a byte-order mark', `\ufeff${SIDECAR.replace('newsmark: 1', 'newsmark: 2')}`, ['format-version', 1, 11, 'This sidecar is format version 2; this version of Newsmark reads version 1. Update Newsmark to open it.']],
  ['a directive line of 40 characters, shown whole', `%FOO ${'x'.repeat(35)}\n---\n${SIDECAR}`, ['directive', 1, 1, `The line "%FOO ${'x'.repeat(35)}" is a YAML directive a sidecar does not use; remove it.`]],
  ['a directive line of 41 characters, shortened', `%FOO ${'x'.repeat(36)}\n---\n${SIDECAR}`, ['directive', 1, 1, `The line "%FOO ${'x'.repeat(34)}…" is a YAML directive a sidecar does not use; remove it.`]],
  ['a tag of 30 characters, shown whole', SIDECAR.replace('name: Armenia', `name: !${'x'.repeat(29)} Armenia`), ['tag', 6, 11, `"!${'x'.repeat(29)}" is a YAML tag, which a sidecar does not use; remove it, and put the value in quotes if it must be read as text.`]],
];

/** Code, severity, line, column and words of each problem. */
const described = (problems: SidecarProblem[]) => problems.map((p) => [p.code, p.severity, p.line, p.column, p.message]);

describe('sidecar codec, the words for each hand edit', () => {
  for (const [what, source, [code, line, column, message]] of MISTAKES) {
    it(`refuses ${what} at its place, in words of its own`, () => {
      for (const options of [{}, { dataOnly: true }, { lazyDocument: true }]) {
        const result = decodeSidecar(source, ARTICLE, options);
        assert.equal(result.annotations, undefined, JSON.stringify(options));
        assert.deepEqual(described(result.problems), [[code, 'error', line, column, message]], JSON.stringify(options));
      }
    });
  }

  it('lists at most twenty tags, in the order they come', () => {
    const source = `${SIDECAR}extra:\n${Array.from({ length: 25 }, (_, i) => `  k${i}: !t x\n`).join('')}`;
    const problems = decodeSidecar(source, ARTICLE).problems;
    assert.deepEqual(
      problems.map((p) => [p.code, p.line]),
      Array.from({ length: 20 }, (_, i) => ['tag', 12 + i]),
    );
  });

  it('still reports a key written twice before a bracket left open, and only the bracket after it', () => {
    const source = withActorKey('type: person').replace('claims: []', 'claims: [\n');
    assert.deepEqual(described(decodeSidecar(source, ARTICLE).problems), [
      ['duplicate-key', 'error', 8, 5, '"type" is written twice here; keep one of them.'],
      ['syntax', 'error', 11, 9, 'YAML syntax error: the "[" here opens a list that is never closed; add the missing "]" where the list ends.'],
    ]);
  });

  it('marks the whole key written twice, and the bracket nested too deep, in the editor', () => {
    const twice = decodeSidecar(withActorKey('"type": person'), ARTICLE).problems;
    assert.deepEqual(twice.map((p) => [p.offset, p.length]), [[SIDECAR.indexOf('    mentions:') + 4, 6]]);
    const deep = `newsmark: 1\narticle:\n  file: a\nextra:\n  deep: ${'['.repeat(70)}${']'.repeat(70)}\n`;
    const nesting = decodeSidecar(deep, ARTICLE).problems;
    assert.deepEqual(nesting.map((p) => [p.code, p.line, p.column, p.length]), [['nesting', 5, 70, 1]]);
  });
});

describe('sidecar codec, what a write keeps of a hand-edited sidecar', () => {
  const TEXT = 'Kyrgyzstan hosts the CSTO exercise.\nArmenia stays away.\nArmenia said so.\n';
  /** The anchor on the n-th (from 0) place the quote has in TEXT. */
  const on = (quote: string, n = 0): Anchor => {
    let at = -1;
    for (let k = 0; k <= n; k++) {
      at = TEXT.indexOf(quote, at + 1);
    }
    return anchorAt(TEXT, at, at + quote.length);
  };
  const FIRST = '{ start: 36, end: 43, quote: Armenia, prefix: "yzstan hosts the CSTO exercise.\\n", suffix: " stays away.\\nArmenia said so.\\n" }';
  const SECOND = '{ start: 56, end: 63, quote: Armenia, prefix: "O exercise.\\nArmenia stays away.\\n", suffix: " said so.\\n" }';
  const HEAD = ['newsmark: 1', 'article:', '  file: csto.txt', `  sha256: ${sha256(TEXT)}`, 'actors:', '  - id: armenia', '    name: Armenia', '    type: country', '    mentions:'];
  const CLAIM_ANCHOR = '{ start: 36, end: 54, quote: Armenia stays away, prefix: "yzstan hosts the CSTO exercise.\\n", suffix: ".\\nArmenia said so.\\n" }';

  it('writes mentions in the order of the text, and the first claim under an empty list as a block item', () => {
    const annotations: Annotations = { article: { file: 'csto.txt' }, actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions: [on('Armenia', 1), on('Armenia')] }], claims: [] };
    const empty = encodeSidecar(annotations, TEXT);
    assert.equal(empty, [...HEAD, `      - ${FIRST}`, `      - ${SECOND}`, 'claims: []', ''].join('\n'));
    annotations.claims.push({ id: 'c1', anchor: on('Armenia stays away'), status: 'unchecked', sources: [] });
    const first = encodeSidecar(annotations, TEXT, decodeSidecar(empty, TEXT).document);
    assert.equal(first, [...HEAD, `      - ${FIRST}`, `      - ${SECOND}`, 'claims:', '  - id: c1', `    anchor: ${CLAIM_ANCHOR}`, '    status: unchecked', ''].join('\n'));
  });

  it('puts a new key of a claim whose keys were reordered by hand before the first later one, and keeps the rest where they are', () => {
    const hand = [...HEAD, `      - ${FIRST}`, 'claims:', '  - status: unchecked', '    id: c1', `    anchor: ${CLAIM_ANCHOR}`, ''].join('\n');
    const read = decodeSidecar(hand, TEXT);
    assert.deepEqual(read.problems, []);
    const claim = read.annotations!.claims[0];
    claim.claimant = 'armenia';
    claim.verdict = 'false';
    const written = encodeSidecar(read.annotations!, TEXT, read.document);
    assert.equal(written, [...HEAD, `      - ${FIRST}`, 'claims:', '  - claimant: armenia', '    status: unchecked', '    id: c1', `    anchor: ${CLAIM_ANCHOR}`, '    verdict: "false"', ''].join('\n'));
    assert.equal(decodeSidecar(written, TEXT).annotations!.claims[0].verdict, 'false');
  });

  it('keeps the comment beside each mention that moved with an edit before it, in the order the mentions come', () => {
    const hand = [...HEAD, `      - ${FIRST} # the first time`, `      - ${SECOND} # said again`, 'claims: []', ''].join('\n');
    const read = decodeSidecar(hand, TEXT);
    const edited = TEXT.replace('CSTO', 'big CSTO');
    for (const mention of read.annotations!.actors[0].mentions) {
      mention.start += 4;
      mention.end += 4;
    }
    const written = encodeSidecar(read.annotations!, edited, read.document);
    const first = '{ start: 40, end: 47, quote: Armenia, prefix: "an hosts the big CSTO exercise.\\n", suffix: " stays away.\\nArmenia said so.\\n" }';
    const second = '{ start: 60, end: 67, quote: Armenia, prefix: "O exercise.\\nArmenia stays away.\\n", suffix: " said so.\\n" }';
    const head = HEAD.map((line) => line.replace(sha256(TEXT), sha256(edited)));
    assert.equal(written, [...head, `      - ${first} # the first time`, `      - ${second} # said again`, 'claims: []', ''].join('\n'));
  });

  it('writes the new text\'s hash and context when the article changed, for anchors written before', () => {
    const annotations: Annotations = { article: { file: 'csto.txt' }, actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions: [on('Armenia')] }], claims: [] };
    const before = encodeSidecarState(annotations, TEXT);
    const edited = TEXT.replace('stays away', 'keeps away');
    const after = encodeSidecarState(annotations, edited, before);
    assert.equal(after.text, before.text.replace(sha256(TEXT), sha256(edited)).replace('" stays away.', '" keeps away.'));
  });
  it('keeps the comments of two mentions marked twice on the same words with their own lines, the earlier one first', () => {
    const twice = { ...on('Armenia') };
    const annotations: Annotations = { article: { file: 'csto.txt' }, actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions: [on('Armenia'), twice, on('Armenia', 1)] }], claims: [] };
    let n = 0;
    const hand = encodeSidecar(annotations, TEXT).replace(/^( {6}- \{.*\})$/gm, (line) => `${line} # note ${++n}`);
    const read = decodeSidecar(hand, TEXT, { lazyDocument: true });
    const opened = encodeSidecarState(read.annotations!, TEXT, read.document);
    assert.equal(opened.text, hand);
    const mentions = read.annotations!.actors[0].mentions;
    mentions.push(anchorAt(TEXT, 0, 10));
    const added = encodeSidecarState(read.annotations!, TEXT, opened);
    assert.equal(added.spliced, true);
    const kyrgyzstan = '      - { start: 0, end: 10, quote: Kyrgyzstan, prefix: "", suffix: " hosts the CSTO exercise.\\nArmeni" }';
    assert.equal(added.text, [...HEAD, kyrgyzstan, `      - ${FIRST} # note 1`, `      - ${FIRST} # note 2`, `      - ${SECOND} # note 3`, 'claims: []', ''].join('\n'));
    mentions.splice(1, 1);
    const removed = encodeSidecarState(read.annotations!, TEXT, added);
    assert.equal(removed.text, [...HEAD, kyrgyzstan, `      - ${FIRST} # note 1`, `      - ${SECOND} # note 3`, 'claims: []', ''].join('\n'));
    assert.equal(removed.text, encodeSidecar(read.annotations!, TEXT, added.document));
  });
  it('keeps the comments on a claim\'s unchanged sources when its status changes', () => {
    const source = ['  - id: c1', `    anchor: ${CLAIM_ANCHOR}`, '    status: unchecked', '    sources:', '      # from the desk', '      - url: https://example.org/a # first', '        title: Statement', '      - url: https://example.org/b # second'];
    const hand = [...HEAD, `      - ${FIRST}`, 'claims:', ...source, ''].join('\n');
    const read = decodeSidecar(hand, TEXT);
    assert.deepEqual(read.problems, []);
    read.annotations!.claims[0].status = 'checked';
    assert.equal(encodeSidecar(read.annotations!, TEXT, read.document), hand.replace('status: unchecked', 'status: checked'));
  });
});

describe('sidecar codec, problems at the edges of the reader', () => {
  const extra = (lines: string) => `${SIDECAR}extra:\n${lines}`;
  const TWICE = (key: string) => `"${key}" is written twice here; keep one of them.`;
  const CASES: [string, string, Expected[]][] = [
    ['a quoted key with a space, written twice', extra('  "a b": 1\n  "a b": 2\n'), [['duplicate-key', 13, 3, TWICE('a b')]]],
    ['a plain key with a space, written twice', extra('  signed hex: 1\n  signed hex: 2\n'), [['duplicate-key', 13, 3, TWICE('signed hex')]]],
    ['a single-quoted key with an apostrophe, written twice', extra("  'it''s': 1\n  'it''s': 2\n"), [['duplicate-key', 13, 3, TWICE("it's")]]],
    ['a plain key with a quote in it, written twice', extra("  rock'n'roll': 1\n  rock'n'roll': 2\n"), [['duplicate-key', 13, 3, TWICE("rock'n'roll'")]]],
    ['an empty quoted key, written twice', extra('  "": 1\n  "": 2\n'), [['duplicate-key', 13, 3, 'This key is written twice here; keep one of them.']]],
    ['a key left out before its value', extra('  : value\n'), [['key', 12, 3, 'This key is empty (or "~" or "null"); give it a name, or put it in quotes if the word "null" is meant.']]],
    [
      'two different lists used as keys',
      extra('  ? [a]\n  : 1\n  ? [b]\n  : 2\n'),
      [
        ['key', 12, 5, 'A key must be a word or a text, not a list, a map or a reference; write it as plain text.'],
        ['key', 14, 5, 'A key must be a word or a text, not a list, a map or a reference; write it as plain text.'],
      ],
    ],
    ['a syntax error, alone even beside an alias the reader would refuse', extra('  a: *x\n  "b"c: 1\n'), [['syntax', 13, 3, 'YAML syntax error: a key needs a colon and a space before its value, as in "status: checked".']]],
    ['a sidecar that is one word', 'hello\n', [['schema', 1, 1, 'The sidecar must be a map of keys and values.']]],
    ['a format version written as text', SIDECAR.replace('newsmark: 1', 'newsmark: "2"'), [['format-version', 1, 11, 'Unknown sidecar format version "2"; Newsmark reads version 1.']]],
    ['a control character after a first blank line', `\n${SIDECAR.replace('name: Armenia', 'name: "Arm\u0001enia"')}`, [['character', 7, 15, 'The sidecar contains the control character U+0001, which a text file cannot hold; remove it. The file may be damaged, or not be a sidecar at all.']]],
    ['a value after a byte-order mark, on the second line', `\uFEFF${SIDECAR.replace('name: Armenia', 'name: ""')}`, [['schema', 6, 11, '"name" of actor 1 must not be empty.']]],
    ['a missing version after a byte-order mark', '\uFEFFarticle:\n  file: a\n', [['schema', 1, 1, 'The sidecar is missing "newsmark".']]],
    ['an empty file after a byte-order mark', '\uFEFF', [['schema', 1, 1, 'The sidecar is empty; it needs at least "newsmark: 1" and an "article:" section.']]],
    ['a list after a byte-order mark', '\uFEFF- 1\n', [['syntax', 1, 3, 'YAML syntax error: "1" cannot stand here; if it is part of a value, put the whole value in quotes.']]],
  ];
  for (const [what, source, expected] of CASES) {
    it(`reports ${what} where it is, on an article that did not change`, () => {
      for (const options of [{}, { dataOnly: true }, { lazyDocument: true }]) {
        const result = decodeSidecar(source, ARTICLE, options);
        assert.equal(result.annotations, undefined, JSON.stringify(options));
        assert.equal(result.stale, false, JSON.stringify(options));
        assert.deepEqual(described(result.problems), expected.map(([code, line, column, message]) => [code, 'error', line, column, message]), JSON.stringify(options));
      }
    });
  }

  it('marks the whole of a quoted key written twice, up to its closing quote', () => {
    const [problem] = decodeSidecar(extra('  "a b": 1\n  "a b"  : 2\n'), ARTICLE).problems;
    assert.deepEqual([problem.line, problem.column, problem.length], [13, 3, 5]);
  });
});

describe('sidecar codec, loaded afresh', () => {
  it('reads the first sidecar it is given, the fast way and the full way, before anything else made its validator', () => {
    const at = require.resolve('../../../src/core/sidecar');
    const loaded = require.cache[at];
    delete require.cache[at];
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second copy of the module, with nothing made yet
      const fresh = require(at) as typeof import('../../../src/core/sidecar');
      const source = `${SIDECAR}extra:\n  hex: 0x1F\n  half: +.5\n  flag: true\n  tilde: ~\n`;
      for (const options of [{ dataOnly: true }, {}]) {
        const read = fresh.decodeSidecar(source, ARTICLE, options);
        assert.deepEqual(read.problems, [], JSON.stringify(options));
        assert.equal(read.annotations?.actors[0].mentions[0].end, 43);
        assert.deepEqual(read.annotations?.extra, { hex: 31, half: 0.5, flag: true, tilde: null });
        // The workspace index's read keeps no document: it was read the fast way, with the schema made on first use.
        assert.equal(read.document === undefined, options.dataOnly === true);
      }
    } finally {
      require.cache[at] = loaded;
    }
  });
});

describe('sidecar codec, the names of items in problems', () => {
  it('names a merge record and a rejected suggestion as what they are', () => {
    const cases: [string, string[]][] = [
      ['conflicts:\n  - kind: claim\n    id: c1\n', ['Merge record 1 is missing "field".']],
      ['suggestions:\n  rejected:\n    actors:\n      - 5\n    claims:\n      - ok\n      - [x]\n', ['Rejected actor suggestion 1 must be text.', 'Rejected claim suggestion 2 must be text.']],
    ];
    for (const [lines, messages] of cases) {
      assert.deepEqual(decodeSidecar(`${SIDECAR}${lines}`, ARTICLE).problems.map((p) => p.message), messages);
    }
  });
});
