// Tests that writing a sidecar after a few changes by splicing the changed items into the previous text gives exactly the bytes of writing out the whole document, and that it does splice in the common cases.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { anchorAt, type Annotations } from '../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../src/core/sidecar';
import { spliceText } from '../../../src/core/sidecarSplice';
import { encodeSidecarState, STRINGIFY_OPTIONS, type Written } from '../../../src/core/sidecarWriter';

/** The mutation run, which runs these tests once per mutant, asks for a tenth of the generated cases. */
const runs = (n: number): number => (process.env.NEWSMARK_MUTATION_RUN === '1' ? Math.ceil(n / 10) : n);

const AWKWARD = [
  'Zoë Aldám',
  'Tomáš Řehoř',
  'a: b',
  '"a fantasy"',
  "it's",
  '# not a comment',
  '- not an item',
  '{ not: a map }',
  '[x]',
  '|',
  '> quoted',
  'null',
  'true',
  '12',
  '🇦🇲 Armenia',
  'two\nlines',
  'ends with a break\n',
  'tab\there',
  ' leading space',
  'claims:',
  '  - id: x',
  'plain words',
];
const text = fc.constantFrom(...AWKWARD);
const words = fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));

/** An article of sentences that hold the awkward words, so anchors quote them too. */
const ARTICLE = AWKWARD.map((w, i) => `Paragraph ${i}: ${w.replace(/\n/g, ' ')} said so.`).join('\n');

function anchorOn(n: number) {
  const lines = ARTICLE.split('\n');
  const line = n % lines.length;
  const start = lines.slice(0, line).join('\n').length + (line ? 1 : 0);
  return anchorAt(ARTICLE, start, start + lines[line].indexOf(':'));
}

const source = fc.record({ url: fc.constantFrom('https://example.org/a', 'https://example.org/b?q=1#x'), title: fc.option(words, { nil: undefined }) }, { requiredKeys: ['url'] });

const annotationsArb = fc
  .record({
    actors: fc.array(fc.record({ name: words, aliases: fc.array(words, { maxLength: 2 }), notes: fc.option(words, { nil: undefined }), mentions: fc.array(fc.nat(40), { maxLength: 6 }) }), { minLength: 1, maxLength: 4 }),
    claims: fc.array(
      fc.record({
        at: fc.nat(40),
        status: fc.constantFrom('unchecked' as const, 'in-progress' as const, 'checked' as const),
        notes: fc.option(words, { nil: undefined }),
        sources: fc.array(source, { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(
    ({ actors, claims }): Annotations => ({
      article: { file: 'article.txt' },
      actors: actors.map((a, i) => ({ id: `actor-${i}`, name: a.name, type: 'person', aliases: a.aliases, notes: a.notes, mentions: a.mentions.map(anchorOn) })),
      claims: claims.map((c, i) => ({ id: `c${i}`, anchor: anchorOn(c.at), status: c.status, notes: c.notes, sources: c.sources })),
    }),
  );

type Change = (annotations: Annotations) => void;

/** The changes a fact-checker makes, one annotation at a time. */
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.tuple(fc.nat(), words).map(([n, name]): Change => (a) => void (a.actors[n % a.actors.length].name = name)),
  fc.tuple(fc.nat(), fc.option(words, { nil: undefined })).map(([n, notes]): Change => (a) => void (a.actors[n % a.actors.length].notes = notes)),
  fc.tuple(fc.nat(), fc.nat(40)).map(([n, at]): Change => (a) => void a.actors[n % a.actors.length].mentions.push(anchorOn(at))),
  fc.tuple(fc.nat(), fc.nat()).map(([n, m]): Change => (a) => {
    const mentions = a.actors[n % a.actors.length].mentions;
    mentions.splice(m % Math.max(1, mentions.length), 1);
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.nat(3)).map(([n, m, by]): Change => (a) => {
    const mentions = a.actors[n % a.actors.length].mentions;
    const mention = mentions[m % Math.max(1, mentions.length)];
    if (mention) {
      mention.start = Math.max(0, mention.start - by);
    }
  }),
  fc.tuple(words).map(([name]): Change => (a) => void a.actors.push({ id: `actor-new-${a.actors.length}`, name, type: 'organisation', mentions: [anchorOn(3)] })),
  fc.nat().map((n): Change => (a) => {
    if (a.actors.length > 1) {
      const [gone] = a.actors.splice(n % a.actors.length, 1);
      a.claims.forEach((c) => c.claimant === gone.id && delete c.claimant);
    }
  }),
  fc.tuple(fc.nat(), fc.constantFrom('unchecked' as const, 'in-progress' as const, 'checked' as const)).map(([n, status]): Change => (a) => void (a.claims[n % a.claims.length].status = status)),
  fc.tuple(fc.nat(), fc.option(fc.constantFrom('true', 'false', 'mixed'), { nil: undefined })).map(([n, verdict]): Change => (a) => void (a.claims[n % a.claims.length].verdict = verdict)),
  fc.tuple(fc.nat(), fc.option(words, { nil: undefined })).map(([n, notes]): Change => (a) => void (a.claims[n % a.claims.length].notes = notes)),
  fc.tuple(fc.nat(), fc.nat()).map(([n, m]): Change => (a) => void (a.claims[n % a.claims.length].claimant = a.actors[m % a.actors.length].id)),
  fc.tuple(fc.nat(), source).map(([n, s]): Change => (a) => void a.claims[n % a.claims.length].sources.push(s)),
  fc.tuple(fc.nat(), words).map(([n, title]): Change => (a) => {
    const s = a.claims[n % a.claims.length].sources[0];
    if (s) {
      s.title = title;
    }
  }),
  fc.nat().map((n): Change => (a) => void a.claims[n % a.claims.length].sources.splice(0, 1)),
  fc.nat(40).map((at): Change => (a) => void a.claims.push({ id: `c-new-${a.claims.length}`, anchor: anchorOn(at), status: 'unchecked', sources: [] })),
  fc.nat().map((n): Change => (a) => void (a.claims.length > 1 && a.claims.splice(n % a.claims.length, 1))),
  // Changes made in place, to an object or list the previous write also saw.
  fc.tuple(fc.nat(), words).map(([n, alias]): Change => (a) => void (a.actors[n % a.actors.length].aliases ??= []).push(alias)),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('desk', 'zoë')).map(([n, m, by]): Change => (a) => {
    const mentions = a.actors[n % a.actors.length].mentions;
    const mention = mentions[m % Math.max(1, mentions.length)];
    if (mention) {
      mention.by = by;
    }
  }),
  fc.tuple(fc.nat(), fc.constantFrom('desk', 'zoë'), fc.constantFrom('2026-01-02T10:00:00Z', '2026-03-04T11:30:00Z')).map(([n, by, at]): Change => (a) => {
    const claim = a.claims[n % a.claims.length];
    claim.reviewedBy = by;
    claim.reviewedAt = at;
  }),
  fc.tuple(fc.nat(), fc.constantFrom('desk', 'zoë')).map(([n, by]): Change => (a) => void (a.claims[n % a.claims.length].by = by)),
  fc.tuple(fc.nat(), words).map(([n, other]): Change => (a) => void (a.claims[n % a.claims.length].notSameAs ??= []).push(other)),
  fc.tuple(fc.nat(), fc.nat(3)).map(([n, by]): Change => (a) => {
    const anchor = a.claims[n % a.claims.length].anchor;
    anchor.end = Math.max(anchor.start, anchor.end - by);
  }),
);

/** Hand edits to the sidecar text: comments above, beside and inside items, blank lines, CRLF line endings. */
const handEditsArb = fc.record({
  comments: fc.array(fc.tuple(fc.nat(), fc.constantFrom('above', 'beside', 'blank')), { maxLength: 4 }),
  crlf: fc.boolean(),
});

function handEdited(yaml: string, { comments, crlf }: { comments: [number, string][]; crlf: boolean }): string {
  const lines = yaml.split('\n');
  for (const [n, where] of comments) {
    const i = 1 + (n % (lines.length - 2));
    const line = lines[i];
    const indent = /^ */.exec(line)![0].length;
    if (where === 'beside' && !/[|>][0-9+-]*$/.test(line) && !line.trimEnd().endsWith(':')) {
      lines[i] = `${line} # checked: "see desk"`;
    } else if (where === 'above' && /^\s*-? ?[A-Za-z]+:|^\s*- /.test(line)) {
      lines.splice(i, 0, `${' '.repeat(indent)}# a reader's note: ünïcode`);
    } else if (where === 'blank' && /^\s*- /.test(line)) {
      lines.splice(i, 0, '');
    }
  }
  const edited = lines.join('\n');
  return crlf ? edited.replace(/\n/g, '\r\n') : edited;
}

/** Opens the sidecar as the editor does and writes it once, as the first write after opening. */
function opened(yaml: string): { annotations: Annotations; written: Written } | undefined {
  const read = decodeSidecar(yaml, ARTICLE, { lazyDocument: true });
  if (!read.annotations || !read.document) {
    return undefined;
  }
  return { annotations: read.annotations, written: encodeSidecarState(read.annotations, ARTICLE, read.document) };
}

describe('sidecar splice', () => {
  it('writes exactly what writing out the whole document writes, after any changes, and splices most of them', function () {
    this.timeout(300_000);
    let writes = 0;
    let spliced = 0;
    fc.assert(
      fc.property(annotationsArb, handEditsArb, fc.array(fc.array(changeArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (initial, edits, rounds) => {
        const start = opened(handEdited(encodeSidecar(initial, ARTICLE), edits));
        fc.pre(start !== undefined);
        let { written } = start!;
        const { annotations } = start!;
        for (const round of rounds) {
          round.forEach((change) => change(annotations));
          const whole = encodeSidecar(annotations, ARTICLE, written.document);
          const next = encodeSidecarState(annotations, ARTICLE, written);
          assert.equal(next.text, whole);
          // The splice itself, not the whole document a write falls back to: its text, and where it says each key is.
          const direct = spliceText(written.text, written.document, next.document, STRINGIFY_OPTIONS, written.keyAt);
          assert.equal(direct !== undefined, next.spliced);
          if (direct) {
            assert.equal(direct.text, whole);
            for (const [key, at] of direct.keyAt) {
              assert.ok(at === 0 ? whole.startsWith(`${key}:`) : whole.startsWith(`\n${key}:`, at), `"${key}" is not at ${at}`);
            }
          }
          // The document a write leaves behind is as good a base as its text read back: the same
          // data (yaml may pick another style for a value that now spans lines).
          const fromText = encodeSidecar(annotations, ARTICLE, parseDocument(written.text));
          assert.deepEqual(decodeSidecar(whole, ARTICLE).annotations, decodeSidecar(fromText, ARTICLE).annotations);
          writes++;
          spliced += next.spliced ? 1 : 0;
          written = next;
        }
      }),
      { numRuns: runs(400) },
    );
    assert.ok(spliced > writes * 0.6, `only ${spliced} of ${writes} writes were spliced`);
  });

  it('splices a status change, an added mention and a removed claim in a sidecar with comments, each into the text it had', () => {
    const annotations: Annotations = {
      article: { file: 'article.txt' },
      actors: [0, 1, 2].map((i) => ({ id: `actor-${i}`, name: `Actor ${i}`, type: 'person', mentions: [anchorOn(i), anchorOn(i + 5)] })),
      claims: [0, 1, 2, 3].map((i) => ({ id: `c${i}`, anchor: anchorOn(10 + i), status: 'unchecked' as const, sources: [] })),
    };
    const yaml = encodeSidecar(annotations, ARTICLE).replace('  - id: c2\n', '  # second reader: keep\n  - id: c2\n').replace(/(- \{ start: \d+.*\})\n/, '$1 # first mention\n');
    const start = opened(yaml)!;
    assert.equal(start.written.text, yaml);
    let written = start.written;
    const steps: [Change, (before: string, after: string) => void][] = [
      [(a) => (a.claims[1].status = 'checked'), (before, after) => assert.equal(after, before.replace(/(id: c1\n.*\n {4}status: )unchecked/, '$1checked'))],
      [(a) => a.actors[1].mentions.push(anchorOn(20)), (before, after) => assert.equal(after.split('\n').length, before.split('\n').length + 1)],
      [(a) => a.claims.splice(2, 1), (before, after) => assert.ok(before.includes('id: c2') && !after.includes('id: c2') && !after.includes('second reader'))],
    ];
    for (const [change, check] of steps) {
      change(start.annotations);
      const next = encodeSidecarState(start.annotations, ARTICLE, written);
      assert.equal(next.spliced, true);
      assert.equal(next.text, encodeSidecar(start.annotations, ARTICLE, written.document));
      check(written.text, next.text);
      written = next;
    }
    assert.match(written.text, /# first mention/);
  });

  it('writes each change made in place to a claim or actor the previous write saw, never what it held before', () => {
    const annotations: Annotations = {
      article: { file: 'article.txt' },
      actors: [0, 1].map((i) => ({ id: `actor-${i}`, name: `Actor ${i}`, type: 'person', aliases: [`A${i}`], mentions: [anchorOn(i), anchorOn(i + 5)] })),
      claims: [0, 1, 2].map((i) => ({ id: `c${i}`, anchor: anchorOn(10 + i), status: 'unchecked' as const, sources: [{ url: 'https://example.org/a' }], notSameAs: ['other#c1'] })),
    };
    const start = opened(encodeSidecar(annotations, ARTICLE))!;
    const claim = start.annotations.claims[1];
    const actor = start.annotations.actors[0];
    const changes: [string, () => void, RegExp][] = [
      ['status', () => (claim.status = 'checked'), /status: checked/],
      ['verdict', () => (claim.verdict = 'false'), /verdict: "?false"?/],
      ['notes', () => (claim.notes = 'called the ministry'), /notes: called the ministry/],
      ['review', () => Object.assign(claim, { reviewedBy: 'desk', reviewedAt: '2026-01-02T10:00:00Z' }), /reviewedBy: desk\n {4}reviewedAt: "?2026-01-02T10:00:00Z"?/],
      ['maker', () => Object.assign(claim, { by: 'zoë', at: '2026-01-01T09:00:00Z' }), /by: zoë\n {4}at: "?2026-01-01T09:00:00Z"?/],
      ['source title', () => (claim.sources[0].title = 'Ministry statement'), /title: Ministry statement/],
      ['source added', () => claim.sources.push({ url: 'https://example.org/b?q=1#x' }), /url: https:\/\/example.org\/b\?q=1#x/],
      ['same-as turned down', () => claim.notSameAs!.push('other#c9'), /other#c9/],
      ['anchor moved', () => (claim.anchor.end -= 2), new RegExp(`end: ${claim.anchor.end - 2},`)],
      ['alias', () => actor.aliases!.push('Another name'), /Another name/],
      ['mention maker', () => (actor.mentions[1].by = 'desk'), /by: desk \}/],
      ['actor notes', () => (actor.notes = 'spokesperson'), /notes: spokesperson/],
    ];
    let written = start.written;
    for (const [what, change, shows] of changes) {
      assert.doesNotMatch(written.text, shows, what);
      change();
      const next = encodeSidecarState(start.annotations, ARTICLE, written);
      assert.match(next.text, shows, what);
      assert.equal(next.text, encodeSidecar(start.annotations, ARTICLE, written.document), what);
      written = next;
    }
  });

  it('writes the whole document when the article changed, which moves every anchor', () => {
    const annotations: Annotations = { article: { file: 'article.txt' }, actors: [{ id: 'a', name: 'A', type: 'person', mentions: [anchorOn(1)] }], claims: [] };
    const start = opened(encodeSidecar(annotations, ARTICLE))!;
    const changed = `Breaking. ${ARTICLE}`;
    const next = encodeSidecarState(start.annotations, changed, start.written);
    assert.equal(next.spliced, false);
    assert.equal(next.text, encodeSidecar(start.annotations, changed, start.written.document));
  });
  it('splices each common change into the text it had, after any other, and gives the bytes of writing the whole document', () => {
    const fresh = (): Annotations => ({
      article: { file: 'article.txt' },
      actors: [0, 1, 2].map((i) => ({ id: `actor-${i}`, name: `Actor ${i}`, type: 'person', mentions: [anchorOn(i), anchorOn(i + 5), anchorOn(i + 9)] })),
      claims: [0, 1, 2, 3].map((i) => ({ id: `c${i}`, anchor: anchorOn(10 + i), status: 'unchecked' as const, sources: [] })),
      suggestions: { rejected: { actors: ['someone'] } },
    });
    const changes: [string, Change][] = [
      ['a status changed in the middle', (a) => (a.claims[1].status = 'checked')],
      ['the first claim changed', (a) => (a.claims[0].notes = 'first')],
      ['the last claim changed', (a) => (a.claims[a.claims.length - 1].verdict = 'false')],
      ['the first and last claims changed', (a) => ((a.claims[0].status = 'in-progress'), (a.claims[a.claims.length - 1].status = 'in-progress'))],
      ['a claim added at the end', (a) => void a.claims.push({ id: `c-end-${a.claims.length}`, anchor: anchorOn(20), status: 'unchecked', sources: [] })],
      ['a claim added at the start', (a) => void a.claims.unshift({ id: `c-start-${a.claims.length}`, anchor: anchorOn(21), status: 'unchecked', sources: [] })],
      ['a claim added in the middle', (a) => void a.claims.splice(2, 0, { id: `c-mid-${a.claims.length}`, anchor: anchorOn(22), status: 'unchecked', sources: [] })],
      ['the last claim removed', (a) => void a.claims.pop()],
      ['the first claim removed', (a) => void a.claims.shift()],
      ['two claims next to each other removed', (a) => void a.claims.splice(1, 2)],
      ['a mention added to the first actor', (a) => void a.actors[0].mentions.push(anchorOn(30))],
      ['a mention added to the last actor', (a) => void a.actors[2].mentions.push(anchorOn(31))],
      ['a mention removed', (a) => void a.actors[1].mentions.splice(1, 1)],
      ['the first mention of an actor moved', (a) => void (a.actors[1].mentions[0].end -= 1)],
      ['an actor renamed', (a) => (a.actors[1].name = 'Someone else')],
      ['an actor and a claim changed at once', (a) => ((a.actors[2].name = 'Third'), (a.claims[2].status = 'checked'))],
      ['an actor added', (a) => void a.actors.push({ id: `actor-new-${a.actors.length}`, name: 'New', type: 'organisation', mentions: [anchorOn(3)] })],
    ];
    for (const [what, change] of changes) {
      const start = opened(encodeSidecar(fresh(), ARTICLE))!;
      let written = start.written;
      const before = written.text;
      // Twice: the second write starts from the first's spliced text and where it left the keys.
      for (const round of [1, 2]) {
        change(start.annotations);
        const next = encodeSidecarState(start.annotations, ARTICLE, written);
        assert.equal(next.text, encodeSidecar(start.annotations, ARTICLE, written.document), `${what}, write ${round}`);
        assert.equal(next.spliced, true, `${what}, write ${round}`);
        assert.notEqual(next.text, before, `${what}, write ${round}`);
        written = next;
      }
    }
  });

  it('writes the whole document when a blank line stands before the first item of the list that changed', () => {
    const annotations: Annotations = {
      article: { file: 'article.txt' },
      actors: [],
      claims: [0, 1].map((i) => ({ id: `c${i}`, anchor: anchorOn(10 + i), status: 'unchecked' as const, sources: [] })),
    };
    const start = opened(encodeSidecar(annotations, ARTICLE).replace('claims:\n', 'claims:\n\n'))!;
    start.annotations.claims.unshift({ id: 'c-start', anchor: anchorOn(21), status: 'unchecked', sources: [] });
    const next = encodeSidecarState(start.annotations, ARTICLE, start.written);
    assert.equal(next.text, encodeSidecar(start.annotations, ARTICLE, start.written.document));
    assert.match(next.text, /claims:\n\n {2}- id: c-start\n/);
  });
});
