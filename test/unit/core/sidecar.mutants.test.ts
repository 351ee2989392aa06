// Tests of the sidecar codec at the edges its main tests leave open: empty anchors, old positions past an emoji, rejected suggestions.

import assert from 'node:assert/strict';
import { anchorAt, type Anchor, type Annotations } from '../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../src/core/sidecar';

// "🐀" (U+1F400) is one code point and two UTF-16 units: everything after it sits one unit further on.
const ARTICLE = 'Year of the 🐀: Armenia left the CSTO drills in Bishkek.\n';
const EDITED = ARTICLE.replace('drills', 'exercise');

function onQuote(text: string, quote: string): Anchor {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return anchorAt(text, start, start + quote.length);
}

function article(mentions: Anchor[], claimAnchor = onQuote(ARTICLE, 'Armenia left the CSTO drills')): Annotations {
  return {
    article: { file: 'drills.txt' },
    actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions }],
    claims: [{ id: 'c1', anchor: claimAnchor, claimant: 'armenia', status: 'unchecked', sources: [] }],
  };
}

/** Reads a sidecar both ways the editor does (full, and the workspace index's fast path) and checks they agree. */
function readBothWays(yaml: string, text: string) {
  const full = decodeSidecar(yaml, text);
  const fast = decodeSidecar(yaml, text, { dataOnly: true });
  assert.deepEqual(fast.annotations, full.annotations);
  assert.deepEqual(fast.problems, full.problems);
  assert.equal(fast.stale, full.stale);
  return full;
}

const spans = (anchors: Anchor[]) => anchors.map((a) => [a.start, a.end, a.orphaned ?? false]);

describe('sidecar codec, edge cases', () => {
  describe('an empty anchor', () => {
    it('is read back at its place, not refused as ending before it starts', () => {
      const at = ARTICLE.indexOf('Armenia');
      const point: Anchor = anchorAt(ARTICLE, at, at);
      const yaml = encodeSidecar(article([point]), ARTICLE);
      assert.match(yaml, /start: 15, end: 15, quote: ""/);
      const result = readBothWays(yaml, ARTICLE);
      assert.deepEqual(result.problems, []);
      assert.deepEqual(spans(result.annotations!.actors[0].mentions), [[at, at, false]]);
    });

    it('is refused when it ends before it starts, with both numbers in the message', () => {
      const yaml = encodeSidecar(article([onQuote(ARTICLE, 'Armenia')]), ARTICLE).replace('start: 15, end: 22', 'start: 22, end: 15');
      const result = readBothWays(yaml, ARTICLE);
      assert.equal(result.annotations, undefined);
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.message]),
        [['anchor-out-of-range', 'The mention of "Armenia" ends (15) before it starts (22); "end" must not be less than "start".']],
      );
    });

    it('is refused past the end of the article, which is counted in code points', () => {
      const length = [...ARTICLE].length;
      const yaml = encodeSidecar(article([onQuote(ARTICLE, 'Armenia')]), ARTICLE).replace('start: 15, end: 22', `start: ${length}, end: ${length + 1}`);
      const result = readBothWays(yaml, ARTICLE);
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.message]),
        [['anchor-out-of-range', `The mention of "Armenia" spans ${length}–${length + 1}, but the article is only ${length} characters long.`]],
      );
      // The last position itself is inside the article: an empty anchor may sit there.
      const atEnd = encodeSidecar(article([onQuote(ARTICLE, 'Armenia')]), ARTICLE).replace(/start: 15, end: 22, quote: Armenia/, `start: ${length}, end: ${length}, quote: ""`);
      assert.deepEqual(readBothWays(atEnd, ARTICLE).problems.map((p) => p.code), []);
    });
  });

  describe('old positions of a stale sidecar', () => {
    it('come back in UTF-16 units, past an emoji before the anchor', () => {
      const yaml = encodeSidecar(article([onQuote(ARTICLE, 'Armenia'), onQuote(ARTICLE, 'Bishkek')]), ARTICLE);
      // The sidecar counts code points: Armenia starts at 15, one less than its UTF-16 offset.
      assert.match(yaml, /start: 15, end: 22, quote: Armenia/);
      const result = readBothWays(yaml, EDITED);
      assert.equal(result.stale, true);
      assert.deepEqual(result.problems, []);
      const [armenia, bishkek] = result.annotations!.actors[0].mentions;
      assert.equal(EDITED.slice(armenia.start, armenia.end), 'Armenia');
      assert.deepEqual([armenia.start, armenia.end], [16, 23]);
      // Past the edit the old positions are only hints, but still in the same unit as the text.
      assert.deepEqual([bishkek.start, bishkek.end], [ARTICLE.indexOf('Bishkek'), ARTICLE.indexOf('Bishkek') + 7]);
      const claim = result.annotations!.claims[0].anchor;
      assert.deepEqual([claim.start, claim.end], [16, ARTICLE.indexOf(' in Bishkek')]);
    });

    it('of an orphaned anchor come back in UTF-16 units too', () => {
      const orphan: Anchor = { ...onQuote(ARTICLE, 'CSTO'), orphaned: true };
      const yaml = encodeSidecar(article([orphan]), ARTICLE.replace('CSTO', 'NATO'));
      const result = readBothWays(yaml, ARTICLE.replace('CSTO', 'NATO'));
      assert.deepEqual(result.problems, []);
      const [mention] = result.annotations!.actors[0].mentions;
      assert.deepEqual([mention.start, mention.end, mention.orphaned, mention.quote], [ARTICLE.indexOf('CSTO'), ARTICLE.indexOf('CSTO') + 4, true, 'CSTO']);
    });

    it('stay inside an article that has become shorter, never past its end', () => {
      const yaml = encodeSidecar(article([onQuote(ARTICLE, 'Bishkek')]), ARTICLE);
      const shorter = 'Year of the 🐀: Armenia left.';
      const result = readBothWays(yaml, shorter);
      assert.equal(result.stale, true);
      assert.deepEqual(result.problems, []);
      const [bishkek] = result.annotations!.actors[0].mentions;
      assert.deepEqual([bishkek.start, bishkek.end], [shorter.length, shorter.length]);
      const claim = result.annotations!.claims[0].anchor;
      assert.ok(claim.start <= shorter.length && claim.end <= shorter.length && claim.start <= claim.end, JSON.stringify(claim));
      assert.equal(claim.start, 16);
    });

    it('keep an anchor that straddles the new end from ending before it starts', () => {
      const yaml = encodeSidecar(article([onQuote(ARTICLE, 'CSTO drills in Bishkek')]), ARTICLE);
      const shorter = 'Year of the 🐀: Armenia left the CSTO';
      const [mention] = readBothWays(yaml, shorter).annotations!.actors[0].mentions;
      assert.deepEqual([mention.start, mention.end], [shorter.indexOf('CSTO'), shorter.length]);
    });
  });

  describe('rejected suggestions', () => {
    it('are written once each, sorted, and read back', () => {
      const annotations: Annotations = { ...article([onQuote(ARTICLE, 'Armenia')]), suggestions: { rejected: { actors: ['year', 'bishkek', 'year'], claims: ['the csto drills', 'armenia left'] } } };
      const yaml = encodeSidecar(annotations, ARTICLE);
      assert.match(yaml, /\nsuggestions:\n {2}rejected:\n {4}actors:\n {6}- bishkek\n {6}- year\n {4}claims:\n {6}- armenia left\n {6}- the csto drills\n$/);
      const result = readBothWays(yaml, ARTICLE);
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.annotations!.suggestions, { rejected: { actors: ['bishkek', 'year'], claims: ['armenia left', 'the csto drills'] } });
      assert.equal(encodeSidecar(result.annotations!, ARTICLE, result.document), yaml);
    });

    it('keep one kind when the other has none', () => {
      const onlyActors = encodeSidecar({ ...article([]), suggestions: { rejected: { actors: ['bishkek'], claims: [] } } }, ARTICLE);
      assert.deepEqual(readBothWays(onlyActors, ARTICLE).annotations!.suggestions, { rejected: { actors: ['bishkek'] } });
      const onlyClaims = encodeSidecar({ ...article([]), suggestions: { rejected: { claims: ['armenia left'] } } }, ARTICLE);
      assert.deepEqual(readBothWays(onlyClaims, ARTICLE).annotations!.suggestions, { rejected: { claims: ['armenia left'] } });
    });

    it('leave no trace in the sidecar when there are none', () => {
      for (const suggestions of [undefined, {}, { rejected: {} }, { rejected: { actors: [], claims: [] } }]) {
        const yaml = encodeSidecar({ ...article([]), suggestions }, ARTICLE);
        assert.doesNotMatch(yaml, /suggestions/);
        assert.equal(readBothWays(yaml, ARTICLE).annotations!.suggestions, undefined);
      }
    });
  });

  describe('problems a hand-edited sidecar reports, where and in the user’s words', () => {
    /** A sidecar with every kind of field, as Newsmark writes it. */
    function full(): string {
      const annotations: Annotations = {
        article: { file: 'drills.txt' },
        actors: [{ id: 'armenia', name: 'Armenia', type: 'country', aliases: ['Hayastan'], wikidata: 'Q399', mentions: [onQuote(ARTICLE, 'Armenia')] }],
        claims: [
          {
            id: 'c1',
            anchor: onQuote(ARTICLE, 'Armenia left the CSTO drills'),
            claimant: 'armenia',
            status: 'checked',
            verdict: 'false',
            sources: [{ url: 'https://example.org/a', archived: 'https://web.archive.org/a', accessed: '2026-06-10' }],
          },
        ],
        suggestions: { rejected: { actors: ['bishkek'] } },
      };
      return encodeSidecar(annotations, ARTICLE);
    }
    const problemsAfter = (from: string | RegExp, to: string) => {
      const yaml = full().replace(from, to);
      assert.notEqual(yaml, full(), `${from} is in the sidecar`);
      const result = decodeSidecar(yaml, ARTICLE);
      assert.equal(result.annotations, undefined, 'a sidecar with an error gives no annotations');
      return result.problems.map((p) => [p.code, p.line, p.column, p.message]);
    };

    it('reads cleanly as written', () => {
      assert.deepEqual(decodeSidecar(full(), ARTICLE).problems, []);
    });

    it('names the field and the item for values the format does not allow', () => {
      const cases: [string | RegExp, string, unknown[]][] = [
        ['start: 15, end: 22', 'start: -1, end: 22', ['schema', 13, 18, '"start" of mention 1 of actor 1 must not be negative.']],
        ['name: Armenia', 'name: ""', ['schema', 7, 11, '"name" of actor 1 must not be empty.']],
        ['- Hayastan', '- ""', ['schema', 10, 9, 'Alias 1 of actor 1 must not be empty.']],
        ['wikidata: Q399', 'wikidata: X399', ['schema', 11, 15, '"wikidata" of actor 1 must be a Wikidata id such as Q42.']],
        ['accessed: 2026-06-10', 'accessed: 10 June', ['schema', 23, 19, '"accessed" of source 1 of claim 1 must be a date written YYYY-MM-DD.']],
        ['archived: https://web.archive.org/a', 'archived: web.archive.org/a', ['schema', 22, 19, '"archived" of source 1 of claim 1 must be a web address starting with http:// or https://.']],
        [/sha256: \w+/, 'sha256: abc', ['schema', 4, 11, '"sha256" of "article" must be 64 hexadecimal digits.']],
        ['id: c1', 'id: -c1', ['schema', 15, 9, '"id" of claim 1 may hold only letters, digits, ".", "_" and "-", starting with a letter or digit.']],
        ['    actors:\n      - bishkek', '    actorz:\n      - bishkek', ['schema', 26, 5, '"rejected" of "suggestions" has an unknown key "actorz"; check its spelling.']],
      ];
      for (const [from, to, problem] of cases) {
        assert.deepEqual(problemsAfter(from, to), [problem], to);
      }
    });

    it('explains YAML mistakes in words, at the character that is wrong', () => {
      assert.deepEqual(problemsAfter('name: Armenia', 'name: @Armenia'), [
        ['syntax', 7, 11, 'YAML syntax error: a value cannot start with "@" unless it is quoted. Put the whole value in quotes.'],
      ]);
      assert.deepEqual(problemsAfter('name: Armenia', 'name: "Armenia'), [
        ['syntax', 7, 19, 'YAML syntax error: a value opened with " is never closed; add the closing " where the value ends.'],
      ]);
      assert.deepEqual(problemsAfter('name: Armenia', "name: 'Armenia"), [
        ['syntax', 28, 1, "YAML syntax error: a value opened with ' is never closed; add the closing ' where the value ends (write '' for an apostrophe inside it)."],
      ]);
      assert.deepEqual(problemsAfter('status: checked', 'status: [checked'), [
        ['syntax', 18, 13, 'YAML syntax error: the "[" here opens a list that is never closed; add the missing "]" where the list ends.'],
      ]);
    });

    it('refuses a second YAML document, at the line that starts it', () => {
      const message = 'A sidecar holds one YAML document; remove the "---" line and everything after it, or merge it into the first document.';
      assert.deepEqual(problemsAfter('claims:', '---\nclaims:'), [['multiple-documents', 14, 1, message]]);
      assert.deepEqual(problemsAfter(/$/, '---\nnewsmark: 1\n'), [['multiple-documents', 28, 1, message]]);
    });

    it('says an empty anchor past the end lies outside the article, not that it ends before it starts', () => {
      assert.deepEqual(problemsAfter('start: 15, end: 22', 'start: 70, end: 70'), [
        ['anchor-out-of-range', 13, 9, 'The mention of "Armenia" spans 70–70, but the article is only 56 characters long.'],
      ]);
    });

    it('shortens a long quote in a mismatch to sixty characters', () => {
      const long = 'A very long quote that goes on and on well past sixty characters of text';
      assert.deepEqual(problemsAfter('quote: Armenia,', `quote: ${long},`), [
        ['anchor-mismatch', 13, 38, `The mention of "Armenia" quotes "${long.slice(0, 59)}…", but the article has "Armenia" at 15–22.`],
      ]);
    });
  
    it('lists the keys allowed where an unknown one is written, or guesses the one meant', () => {
      const cases: [string, string, unknown[]][] = [
        ['actors:\n', 'colour: red\nactors:\n', ['schema', 5, 1, 'The sidecar has an unknown key "colour"; the keys allowed here are: newsmark, conflicts, article, actors, claims, suggestions, extra.']],
        ['  file: drills.txt', '  file: drills.txt\n  author: me', ['schema', 4, 3, 'The "article" section has an unknown key "author"; the keys allowed here are: file, title, url, publisher, published, sha256.']],
        ['    name: Armenia', '    name: Armenia\n    colour: red', ['schema', 8, 5, 'Actor 1 has an unknown key "colour"; the keys allowed here are: id, name, type, aliases, wikidata, notes, by, at, mentions, extra.']],
        ['quote: Armenia,', 'quote: Armenia, colour: red,', ['schema', 13, 47, 'Mention 1 of actor 1 has an unknown key "colour"; the keys allowed here are: start, end, quote, prefix, suffix, orphaned, changed, by, at.']],
        ['        accessed: 2026-06-10', '        accessed: 2026-06-10\n        colour: red', ['schema', 24, 9, 'Source 1 of claim 1 has an unknown key "colour"; the keys allowed here are: url, title, archived, accessed.']],
        ['    status: checked', '    status: checked\n    ntoes: Ask.', ['schema', 19, 5, 'Claim 1 has an unknown key "ntoes"; did you mean "notes"?']],
        ['    status: checked', '    status: checked\n    notess: Ask.', ['schema', 19, 5, 'Claim 1 has an unknown key "notess"; did you mean "notes"?']],
      ];
      for (const [from, to, problem] of cases) {
        assert.deepEqual(problemsAfter(from, to), [problem], to);
      }
    });

    it('says what kind of value a field takes', () => {
      assert.deepEqual(problemsAfter('start: 15, end: 22', 'start: x, end: 22'), [['schema', 13, 18, '"start" of mention 1 of actor 1 must be a whole number.']]);
      assert.deepEqual(problemsAfter('quote: Armenia,', 'quote: Armenia, orphaned: yes,'), [['schema', 13, 57, '"orphaned" of mention 1 of actor 1 must be true or false.']]);
      assert.deepEqual(problemsAfter('quote: Armenia,', 'quote: 5,'), [['schema', 13, 38, '"quote" of mention 1 of actor 1 must be text.']]);
      const messages = (from: RegExp | string, to: string) => decodeSidecar(full().replace(from, to), ARTICLE).problems.map((p) => p.message);
      assert.deepEqual(messages(/^actors:[\s\S]*?claims:/m, 'actors: 5\nclaims:'), ['The list of actors must be a list.']);
      assert.deepEqual(messages(/^claims:[\s\S]*?suggestions:/m, 'claims: {}\nsuggestions:'), ['The list of claims must be a list.']);
      assert.deepEqual(messages('article:\n  file: drills.txt', 'article: []\nx:\n  file: drills.txt'), [
        'The sidecar has an unknown key "x"; the keys allowed here are: newsmark, conflicts, article, actors, claims, suggestions, extra.',
        'The "article" section must be a map of keys and values.',
      ]);
    });

    it('shows a line break inside a mismatched quote as ⏎, and a quote of sixty characters whole', () => {
      assert.deepEqual(problemsAfter('quote: Armenia,', 'quote: "Arm\\nenia",'), [
        ['anchor-mismatch', 13, 38, 'The mention of "Armenia" quotes "Arm⏎enia", but the article has "Armenia" at 15–22.'],
      ]);
      const sixty = 'x'.repeat(60);
      assert.deepEqual(problemsAfter('quote: Armenia,', `quote: ${sixty},`), [
        ['anchor-mismatch', 13, 38, `The mention of "Armenia" quotes "${sixty}", but the article has "Armenia" at 15–22.`],
      ]);
    });
  });

  describe('key order', () => {
    it('writes every key in the canonical order, whatever order the data has', () => {
      const orphan: Anchor = { suffix: ' left', prefix: 'the 🐀: ', quote: 'Armenians', orphaned: true, end: 22, start: 15 };
      const annotations: Annotations = {
        extra: { brat: { relations: [] } },
        suggestions: { rejected: { claims: ['x'] } },
        claims: [
          {
            extra: { brat: 'T2' },
            notes: 'Check.',
            sources: [{ accessed: '2026-06-10', archived: 'https://web.archive.org/a', title: 'Bulletin', url: 'https://example.org/a' }],
            verdict: 'false',
            status: 'checked',
            claimant: 'armenia',
            anchor: onQuote(ARTICLE, 'left the CSTO drills'),
            id: 'c1',
          },
        ],
        actors: [{ extra: { brat: 'T1' }, mentions: [orphan], notes: 'Member.', wikidata: 'Q399', aliases: ['Hayastan'], type: 'country', name: 'Armenia', id: 'armenia' }],
        article: { sha256: 'ignored', url: 'https://news.example.com/a', title: 'Drills', file: 'drills.txt' },
      };
      const yaml = encodeSidecar(annotations, ARTICLE);
      const keys = [...yaml.matchAll(/^ *(?:- )?([a-z0-9]+):/gm)].map((m) => m[1]);
      assert.deepEqual(keys, [
        'newsmark', 'article', 'file', 'title', 'url', 'sha256',
        'actors', 'id', 'name', 'type', 'aliases', 'wikidata', 'notes', 'mentions', 'extra', 'brat',
        'claims', 'id', 'anchor', 'claimant', 'status', 'verdict', 'sources', 'url', 'title', 'archived', 'accessed', 'notes', 'extra', 'brat',
        'suggestions', 'rejected', 'claims',
        'extra', 'brat', 'relations',
      ]);
      // Written in code points: the rat before it counts once.
      assert.match(yaml, /- \{ start: 14, end: 21, quote: Armenians, prefix: "the 🐀: ", suffix: " left", orphaned: true \}/);
      const changed = { ...onQuote(ARTICLE, 'Armenia'), quote: 'Armenians' };
      assert.match(encodeSidecar({ ...article([changed]) }, ARTICLE), /\{ start: 15, end: 22, quote: Armenians, prefix: "Year of the 🐀: ", suffix: " left the CSTO drills in Bishkek", changed: true \}/);
    });
  });

  describe('writing back a hand-edited sidecar', () => {
    const TEXT = 'Year of the 🐀: Armenia left the CSTO drills in Bishkek.\nRussia\nstayed.\n';
    /** A sidecar as a user left it: a comment on a line and above a key, and Russia's keys in their own order. */
    function handEdited(): string {
      const yaml = encodeSidecar(
        {
          article: { file: 'drills.txt' },
          actors: [
            { id: 'armenia', name: 'Armenia', type: 'country', mentions: [onQuote(TEXT, 'Armenia')] },
            { id: 'russia', name: 'Russia', type: 'country', mentions: [] },
          ],
          claims: [{ id: 'c1', anchor: onQuote(TEXT, 'Armenia left the CSTO drills'), status: 'checked', notes: 'old note', sources: [{ url: 'https://example.org/a' }] }],
        },
        TEXT,
      );
      return yaml
        .replace('actors:\n', '# Reviewed by the desk.\nactors:\n')
        .replace('suffix: " left the CSTO drills in Bishkek" }', 'suffix: " left the CSTO drills in Bishkek" } # first mention')
        .replace('    type: country\n    mentions: []', '    mentions: []\n    type: country');
    }

    it('keeps comments and the user’s key order, and puts new keys where they belong', () => {
      const source = handEdited();
      const read = decodeSidecar(source, TEXT);
      assert.deepEqual(read.problems, []);
      const annotations = read.annotations!;
      annotations.claims[0].verdict = 'false';
      annotations.claims[0].claimant = 'armenia';
      delete annotations.claims[0].notes;
      annotations.actors[1].wikidata = 'Q159';
      annotations.actors[1].mentions.push(onQuote(TEXT, 'Russia\nstayed'));
      const expected = source
        .replace('    name: Russia\n    mentions: []\n', '    name: Russia\n    wikidata: Q159\n    mentions:\n      - { start: 56, end: 69, quote: "Russia\\nstayed", prefix: "eft the CSTO drills in Bishkek.\\n", suffix: ".\\n" }\n')
        .replace('    status: checked\n', '    claimant: armenia\n    status: checked\n    verdict: "false"\n')
        .replace('    notes: old note\n', '');
      assert.equal(encodeSidecar(annotations, TEXT, read.document), expected);
    });

    it('rewrites a moved anchor on its own line and keeps the comment written after it', () => {
      const source = handEdited();
      const read = decodeSidecar(source, TEXT);
      const moved = 'The ' + TEXT;
      const annotations = read.annotations!;
      for (const anchor of [annotations.actors[0].mentions[0], annotations.claims[0].anchor]) {
        anchor.start += 4;
        anchor.end += 4;
      }
      const expected = source
        .replace(/sha256: \w+/, `sha256: ${/sha256: (\w+)/.exec(encodeSidecar(annotations, moved))![1]}`)
        .replace('{ start: 15, end: 22, quote: Armenia, prefix: "Year of the 🐀: "', '{ start: 19, end: 26, quote: Armenia, prefix: "The Year of the 🐀: "')
        .replace('{ start: 15, end: 43, quote: Armenia left the CSTO drills, prefix: "Year of the 🐀: "', '{ start: 19, end: 47, quote: Armenia left the CSTO drills, prefix: "The Year of the 🐀: "');
      const written = encodeSidecar(annotations, moved, read.document);
      assert.equal(written, expected);
      assert.match(written, /\} # first mention\n/);
    });

    it('writes the same text again when nothing changed', () => {
      const source = handEdited();
      const read = decodeSidecar(source, TEXT);
      assert.equal(encodeSidecar(read.annotations!, TEXT, read.document), source);
    });
  });

  describe('what a sidecar read back holds', () => {
    const written = () => encodeSidecar(article([onQuote(ARTICLE, 'Armenia')]), ARTICLE);

    it('has no suggestions or extra data the file does not have, and keeps those it has', () => {
      const plain = readBothWays(written(), ARTICLE).annotations!;
      assert.ok(!('suggestions' in plain) && !('extra' in plain), JSON.stringify(Object.keys(plain)));
      const withExtra = readBothWays(`${written()}extra:\n  brat:\n    relations: []\n`, ARTICLE).annotations!;
      assert.deepEqual(withExtra.extra, { brat: { relations: [] } });
    });

    it('gives an anchor written without context an empty prefix and suffix', () => {
      const bare = written().replace(/, prefix: "[^"]*", suffix: "[^"]*" \}/, ' }');
      const [mention] = readBothWays(bare, ARTICLE).annotations!.actors[0].mentions;
      assert.deepEqual([mention.prefix, mention.suffix, mention.quote], ['', '', 'Armenia']);
    });

    it('reports an id used twice, naming the first owner, at the second', () => {
      const twoActors = written().replace('claims:\n', '  - id: armenia\n    name: Hayastan\n    type: country\n    mentions: []\nclaims:\n');
      assert.deepEqual(
        decodeSidecar(twoActors, ARTICLE).problems.map((p) => [p.code, p.line, p.column, p.message]),
        [['duplicate-id', 11, 9, 'The id "armenia" is already used by actor 1 ("Armenia"); give every actor and claim an id of its own.']],
      );
      const twoClaims = `${written()}  - id: c1\n    anchor: { start: 0, end: 4, quote: Year }\n    status: unchecked\n`;
      assert.deepEqual(
        decodeSidecar(twoClaims, ARTICLE).problems.map((p) => [p.code, p.line, p.column, p.message]),
        [['duplicate-id', 16, 9, 'The id "c1" is already used by claim 1; give every actor and claim an id of its own.']],
      );
    });

    it('warns about an actor type that is not configured, listing the configured ones', () => {
      const result = decodeSidecar(written(), ARTICLE, { actorTypes: ['person', 'organisation'] });
      assert.ok(result.annotations, 'a warning does not stop the sidecar from being read');
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.severity, p.message]),
        [['unknown-actor-type', 'warning', 'Actor "armenia" has the type "country", which is not one of the configured actor types (person, organisation).']],
      );
    });
  });
});
