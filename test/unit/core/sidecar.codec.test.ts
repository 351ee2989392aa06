// Tests of the sidecar codec by what a hand edit gets back: each mistake's problem code, place and words, and what is only a warning.

import assert from 'node:assert/strict';
import { decodeSidecar, type SidecarProblem } from '../../../src/core/sidecar';
import { ARTICLE, SIDECAR } from './codecFixture';

/** A claim with one source, for the source's own fields. */
const withSource = (source: string) => SIDECAR.replace('claims: []', `claims:\n  - id: c1\n    anchor: { start: 0, end: 10, quote: Kyrgyzstan }\n    status: unchecked\n    sources:\n      - ${source}`);

/** A message is given whole, or as a pattern where the list of keys it names grows with the format. */
type Expected = [code: SidecarProblem['code'], line: number, column: number, message: string | RegExp];

/** Each hand edit, and the one problem it must get: code, line, column and the words the user reads. */
const MISTAKES: [string, string, Expected][] = [
  ['a directive for YAML 1.1', `%YAML 1.1\n---\n${SIDECAR}`, ['directive', 1, 1, 'The line "%YAML 1.1" asks for another version of YAML, in which yes, no, on and off can mean true and false; remove it: a sidecar is read as YAML 1.2.']],
  ['a %TAG directive', `%TAG !e! tag:example.com,2000:\n---\n${SIDECAR}`, ['directive', 1, 1, 'The line "%TAG !e! tag:example.com,2000:" defines YAML tags, which a sidecar does not use; remove it.']],
  ['an unknown directive, shortened', `%FOO ${'x'.repeat(50)}\n---\n${SIDECAR}`, ['directive', 1, 1, `The line "%FOO ${'x'.repeat(34)}…" is a YAML directive a sidecar does not use; remove it.`]],
  ['a tag', SIDECAR.replace('name: Armenia', 'name: !!str Armenia'), ['tag', 6, 11, '"!!str" is a YAML tag, which a sidecar does not use; remove it, and put the value in quotes if it must be read as text.']],
  ['a verbatim tag', SIDECAR.replace('name: Armenia', 'name: !<tag:yaml.org,2002:str> Armenia'), ['tag', 6, 11, '"!<…>" is a YAML tag, which a sidecar does not use; remove it, and put the value in quotes if it must be read as text.']],
  ['a long tag', SIDECAR.replace('name: Armenia', `name: !${'x'.repeat(40)} Armenia`), ['tag', 6, 11, `"!${'x'.repeat(28)}…" is a YAML tag, which a sidecar does not use; remove it, and put the value in quotes if it must be read as text.`]],
  ['a control character', SIDECAR.replace('name: Armenia', 'name: Arm\x07enia'), ['character', 6, 14, 'The sidecar contains the control character U+0007, which a text file cannot hold; remove it. The file may be damaged, or not be a sidecar at all.']],
  ['a non-character', SIDECAR.replace('name: Armenia', 'name: Arm\ufffeenia'), ['character', 6, 14, 'The sidecar contains the non-character U+FFFE, which a text file cannot hold; remove it. The file may be damaged, or not be a sidecar at all.']],
  ['a high surrogate alone', SIDECAR.replace('name: Armenia', 'name: Arm\ud83denia'), ['character', 6, 14, 'The sidecar contains half of a character (U+D83D without its pair), which a text file cannot hold; remove it. The file may be damaged, or not be a sidecar at all.']],
  ['a low surrogate alone', SIDECAR.replace('name: Armenia', 'name: Arm\udc00enia'), ['character', 6, 14, 'The sidecar contains half of a character (U+DC00 without its pair), which a text file cannot hold; remove it. The file may be damaged, or not be a sidecar at all.']],
  ['a lone carriage return', SIDECAR.replace('file: csto.txt\n', 'file: csto.txt\r'), ['line-break', 3, 17, 'A line ends here with a lone carriage return (CR), as in old Mac files, which YAML readers disagree on; save the sidecar with LF or CRLF line endings.']],
  ['an empty key', SIDECAR.replace('    type: country', '    : country'), ['key', 7, 1, 'This key is empty (or "~" or "null"); give it a name, or put it in quotes if the word "null" is meant.']],
  ['a null key', SIDECAR.replace('    type: country', '    null: country'), ['key', 7, 5, 'This key is empty (or "~" or "null"); give it a name, or put it in quotes if the word "null" is meant.']],
  ['a list as a key', `${SIDECAR}extra: { [a]: 1 }\n`, ['key', 11, 10, 'A key must be a word or a text, not a list, a map or a reference; write it as plain text.']],
  ['a value with ": " in it', SIDECAR.replace('name: Armenia', 'name: Armenia: the country'), ['syntax', 6, 11, 'YAML syntax error: this value contains ": ", which YAML reads as the start of another key. Put the whole value in quotes.']],
  ['a stray bracket', `${SIDECAR}]\n`, ['syntax', 11, 1, 'YAML syntax error: "]" cannot stand here; if it is part of a value, put the whole value in quotes.']],
  ['a double quote never closed', SIDECAR.replace('name: Armenia', 'name: "Armenia'), ['syntax', 11, 1, 'YAML syntax error: a value opened with " is never closed; add the closing " where the value ends.']],
  ['a single quote never closed', SIDECAR.replace('name: Armenia', "name: 'Armenia"), ['syntax', 11, 1, "YAML syntax error: a value opened with ' is never closed; add the closing ' where the value ends (write '' for an apostrophe inside it)."]],
  ['a flow map never closed', SIDECAR.replace('quote: Armenia }', 'quote: Armenia'), ['syntax', 9, 9, 'YAML syntax error: the "{" here opens a map that is never closed; add the missing "}" where the map ends, at the end of its line.']],
  ['a flow list never closed', SIDECAR.replace('claims: []', 'claims: [\n'), ['syntax', 10, 9, 'YAML syntax error: the "[" here opens a list that is never closed; add the missing "]" where the list ends.']],
  ['a value starting with @', SIDECAR.replace('name: Armenia', 'name: @Armenia'), ['syntax', 6, 11, 'YAML syntax error: a value cannot start with "@" unless it is quoted. Put the whole value in quotes.']],
  ['an alias', SIDECAR.replace('name: Armenia', 'name: &n Armenia').replace('type: country', 'type: *n'), ['alias', 7, 11, 'YAML aliases (*n) are not allowed in a sidecar; write the value out in full.']],
  ['a second document', `${SIDECAR}---\nnewsmark: 1\n`, ['multiple-documents', 11, 1, 'A sidecar holds one YAML document; remove the "---" line and everything after it, or merge it into the first document.']],
  ['a key written twice', SIDECAR.replace('    type: country', '    type: country\n    "type": person'), ['duplicate-key', 8, 5, '"type" is written twice here; keep one of them.']],
  ['a number key written twice, once quoted', `${SIDECAR}extra:\n  1: a\n  "1": b\n`, ['duplicate-key', 13, 3, '"1" is written twice here; keep one of them.']],
  ['a newer format version', SIDECAR.replace('newsmark: 1', 'newsmark: 2'), ['format-version', 1, 11, 'This sidecar is format version 2; this version of Newsmark reads version 1. Update Newsmark to open it.']],
  ['an unknown format version', SIDECAR.replace('newsmark: 1', 'newsmark: one'), ['format-version', 1, 11, 'Unknown sidecar format version "one"; Newsmark reads version 1.']],
  ['nothing but a comment', '# annotations to come\n', ['schema', 1, 1, 'The sidecar is empty; it needs at least "newsmark: 1" and an "article:" section.']],
  ['a source that is no web address', withSource('{ url: ftp://x }'), ['schema', 15, 16, '"url" of source 1 of claim 1 must be a web address starting with http:// or https://.']],
  ['an archive that is no web address', withSource('{ url: "https://x.org", archived: web.archive.org }'), ['schema', 15, 43, '"archived" of source 1 of claim 1 must be a web address starting with http:// or https://.']],
  ['a date of access in words', withSource('{ url: "https://x.org", accessed: yesterday }'), ['schema', 15, 43, '"accessed" of source 1 of claim 1 must be a date written YYYY-MM-DD.']],
  ['an unknown key of a source', withSource('{ url: "https://x.org", zzzzzz: 1 }'), ['schema', 15, 33, 'Source 1 of claim 1 has an unknown key "zzzzzz"; the keys allowed here are: url, title, archived, accessed.']],
  ['an alias that is a number', SIDECAR.replace('    type: country', '    type: country\n    aliases: [1]'), ['schema', 8, 15, 'Alias 1 of actor 1 must be text.']],
  ['a negative start', SIDECAR.replace('start: 36', 'start: -1'), ['schema', 9, 18, '"start" of mention 1 of actor 1 must not be negative.']],
  ['an empty name', SIDECAR.replace('name: Armenia', 'name: ""'), ['schema', 6, 11, '"name" of actor 1 must not be empty.']],
  ['an unknown top-level key', `${SIDECAR}actorz: []\n`, ['schema', 11, 1, 'The sidecar has an unknown key "actorz"; the keys allowed here are: newsmark, conflicts, article, actors, claims, suggestions, extra.']],
  ['a typo of a key not yet there', SIDECAR.replace('    type: country', '    type: country\n    wikidta: Q1'), ['schema', 8, 5, 'Actor 1 has an unknown key "wikidta"; did you mean "wikidata"?']],
  ['a typo of a key already there', SIDECAR.replace('    type: country', '    type: country\n    typo: 1'), ['schema', 8, 5, /^Actor 1 has an unknown key "typo"; the keys allowed here are: id, name, type, aliases, wikidata, notes, (.+, )?mentions, extra\.$/]],
  ['an unknown key of a mention', SIDECAR.replace('quote: Armenia }', 'quote: Armenia, quoet: x }'), ['schema', 9, 47, /^Mention 1 of actor 1 has an unknown key "quoet"; the keys allowed here are: start, end, quote, prefix, suffix, orphaned, changed(, .+)?\.$/]],
];

describe('sidecar codec, read as edited by hand', () => {
  it('reads the sidecar the mistakes below are made in without a problem', () => {
    assert.deepEqual(decodeSidecar(SIDECAR, ARTICLE).problems, []);
    assert.deepEqual(decodeSidecar(`%YAML 1.2\n---\n${SIDECAR}`, ARTICLE).problems, [], 'the YAML 1.2 directive is the version a sidecar is read as');
  });

  for (const [what, source, [code, line, column, message]] of MISTAKES) {
    it(`refuses ${what} at its place, in words of its own`, () => {
      for (const dataOnly of [false, true]) {
        const result = decodeSidecar(source, ARTICLE, { dataOnly });
        assert.equal(result.annotations, undefined);
        assert.deepEqual(
          result.problems.map((p) => [p.code, p.severity, p.line, p.column]),
          [[code, 'error', line, column]],
        );
        if (typeof message === 'string') {
          assert.equal(result.problems[0].message, message);
        } else {
          assert.match(result.problems[0].message, message);
        }
      }
    });
  }

  it('refuses every character YAML does not allow, at the edges of each range, and reads the ones around them', () => {
    const inNotes = (c: number) => SIDECAR.replace('    mentions:', `    notes: "Arm${String.fromCodePoint(c)}enia"\n    mentions:`);
    const refused = [0x00, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, 0x7f, 0x80, 0x84, 0x86, 0x9f, 0xfffe, 0xffff];
    const allowed = [0x09, 0x20, 0x7e, 0x85, 0xa0, 0xd7ff, 0xe000, 0xfffd, 0x1f400];
    for (const c of refused) {
      const hex = c.toString(16).toUpperCase().padStart(4, '0');
      for (const dataOnly of [false, true]) {
        const result = decodeSidecar(inNotes(c), ARTICLE, { dataOnly });
        assert.deepEqual(result.problems.map((p) => [p.code, p.line, p.column]), [['character', 8, 16]], hex);
        assert.match(result.problems[0].message, new RegExp(`U\\+${hex}`), hex);
      }
    }
    for (const c of allowed) {
      const notes = `Arm${String.fromCodePoint(c)}enia`;
      for (const dataOnly of [false, true]) {
        const result = decodeSidecar(inNotes(c), ARTICLE, { dataOnly });
        assert.deepEqual(result.problems, [], c.toString(16));
        assert.equal(result.annotations?.actors[0].notes, notes, c.toString(16));
      }
    }
    assert.deepEqual(decodeSidecar(SIDECAR.replace(/\n/g, '\r\n'), ARTICLE).problems, [], 'CRLF line breaks are line breaks');
  });

  it('reads data nested as deep as the limit allows in every YAML shape, and refuses one level more before parsing it', () => {
    const inExtra = (body: string) => `newsmark: 1\narticle:\n  file: csto.txt\nactors: []\nclaims: []\nextra:\n${body}`;
    const indent = (n: number) => ' '.repeat(n);
    // The deepest that reads in each shape: the root map, "extra" and its key take levels of their own, "- k:" two.
    const shapes: [string, (n: number) => string, number][] = [
      ['block maps', (n) => inExtra(`${Array.from({ length: n }, (_, i) => `${indent(2 * i + 2)}k:\n`).join('')}${indent(2 * n + 2)}v\n`), 62],
      ['block lists', (n) => inExtra(`  deep:\n${Array.from({ length: n }, (_, i) => `${indent(2 * i + 4)}-\n`).join('')}${indent(2 * n + 4)}x\n`), 61],
      ['flow lists', (n) => inExtra(`  deep: ${'['.repeat(n)}${']'.repeat(n)}\n`), 61],
      ['flow maps', (n) => inExtra(`  deep: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`), 61],
      ['compact lists', (n) => inExtra(`  deep:\n    ${'- '.repeat(n)}x\n`), 61],
      ['lists of maps', (n) => inExtra(`  deep:\n${Array.from({ length: n }, (_, i) => `${indent(2 * i + 4)}- k:\n`).join('')}${indent(2 * n + 6)}x\n`), 30],
    ];
    for (const [shape, nested, deepest] of shapes) {
      assert.deepEqual(decodeSidecar(nested(deepest), ARTICLE).problems, [], `${shape}: ${deepest} levels read`);
      const refused = decodeSidecar(nested(deepest + 1), ARTICLE).problems;
      assert.deepEqual(
        refused.map((p) => [p.code, p.message]),
        [['nesting', 'Lists and maps are nested more than 64 levels deep here; a sidecar needs about 6. The file may be damaged, or not be a Newsmark sidecar.']],
        `${shape}: ${deepest + 1} levels are refused`,
      );
    }
  });

  it('takes the YAML 1.2 directive however it is spaced or commented, and no other version', () => {
    for (const directive of ['%YAML  1.2', '%YAML\t1.2', '%YAML 1.2 # the version Newsmark reads']) {
      assert.deepEqual(decodeSidecar(`${directive}\n---\n${SIDECAR}`, ARTICLE).problems, [], directive);
    }
    for (const directive of ['%YAML 1.20', '%YAML 1.1']) {
      assert.deepEqual(decodeSidecar(`${directive}\n---\n${SIDECAR}`, ARTICLE).problems.map((p) => p.code), ['directive'], directive);
    }
  });

  it('names half a character at both ends of the surrogate range, and lists bad characters and lone CRs in the order they come', () => {
    for (const half of [0xd800, 0xdbff, 0xdfff]) {
      const hex = half.toString(16).toUpperCase();
      const problems = decodeSidecar(SIDECAR.replace('name: Armenia', `name: "Arm${String.fromCharCode(half)}enia"`), ARTICLE).problems;
      assert.match(problems[0]?.message ?? '', new RegExp(`half of a character \\(U\\+${hex} without its pair\\)`), hex);
    }
    const mixed = decodeSidecar(SIDECAR.replace('file: csto.txt\n', 'file: csto.txt\r').replace('name: Armenia', 'name: Arm\x07enia'), ARTICLE).problems;
    assert.deepEqual(mixed.map((p) => [p.code, p.line]), [['line-break', 3], ['character', 5]]);
  });

  it('lists at most twenty of one kind of bad character, in the order they come', () => {
    const result = decodeSidecar(SIDECAR.replace('name: Armenia', `name: ${'\x07'.repeat(30)}`), ARTICLE);
    assert.equal(result.problems.length, 20);
    assert.deepEqual(
      result.problems.map((p) => p.column),
      Array.from({ length: 20 }, (_, i) => 11 + i),
    );
  });

  it('counts a key written twice from the first visible column after a byte-order mark', () => {
    const result = decodeSidecar(`\ufeff${SIDECAR.replace('newsmark: 1', 'newsmark: 1\nnewsmark: 1')}`, ARTICLE);
    assert.deepEqual(result.problems.map((p) => [p.code, p.line, p.column]), [['duplicate-key', 2, 1]]);
  });

  it('reads a merge conflict record as a warning that says both versions, and keeps the annotations', () => {
    const source = `${SIDECAR}conflicts:\n  - { kind: actor, id: armenia, field: name, base: Armenia, ours: Armenia A, theirs: Armenia B }\n`;
    const result = decodeSidecar(source, ARTICLE);
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.severity, p.line]),
      [['merge-conflict', 'warning', 12]],
    );
    assert.match(result.problems[0].message, /Armenia A.*Armenia B.*\. Keep yours or take theirs, then this record goes\.$/);
    assert.equal(result.annotations?.conflicts?.length, 1);
  });
});
