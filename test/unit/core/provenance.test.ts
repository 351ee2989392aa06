// Tests of who did what: stamps on a fake clock, the operations that stamp, the sidecar keys that keep them, old sidecars without them, and how merges treat them.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { mergeFields } from '../../../src/core/fieldMerge';
import { mergeSidecarTexts } from '../../../src/core/mergeDriver';
import { type Actor, type Annotations, anchorAt, type Claim } from '../../../src/core/model';
import * as ops from '../../../src/core/operations';
import { addActor } from '../../../src/core/actors';
import { type Clock, claimProvenance, madeBy, shortDate, type Stamp, stampOf, timestamp } from '../../../src/core/provenance';
import { decodeSidecar, encodeSidecar } from '../../../src/core/sidecar';
import { readSettings } from '../../../src/core/settingsFile';

const TEXT = 'Nikol Pashinyan said Armenia would not take part. Pashinyan added that Russia sent 2,500 troops.\n';

/** A clock that says what it is told and moves only when asked, so no test depends on the time it runs. */
function fakeClock(start: string): Clock & { advance(seconds: number): void } {
  let now = Date.parse(start);
  const clock = (() => new Date(now)) as Clock & { advance(seconds: number): void };
  clock.advance = (seconds) => (now += seconds * 1000);
  return clock;
}

const span = (quote: string, from = 0) => {
  const start = TEXT.indexOf(quote, from);
  assert.ok(start >= 0, quote);
  return { start, end: start + quote.length };
};

const empty = (): Annotations => ({ article: { file: 'a.txt' }, actors: [], claims: [] });

describe('provenance', () => {
  describe('stamps', () => {
    it('stamps the annotator and the fake clock’s time, in UTC to the second', () => {
      const clock = fakeClock('2026-12-03T14:05:09.734Z');
      assert.deepEqual(stampOf('  Ana   Petrosyan ', clock), { by: 'Ana Petrosyan', at: '2026-12-03T14:05:09Z' });
      assert.equal(timestamp(new Date('2026-01-02T03:04:05.000Z')), '2026-01-02T03:04:05Z');
    });

    it('records the time alone when no one is named, rather than a made-up name', () => {
      assert.deepEqual(stampOf('   ', fakeClock('2026-12-03T14:05:09Z')), { at: '2026-12-03T14:05:09Z' });
      assert.deepEqual(stampOf(undefined, fakeClock('2026-12-03T14:05:09Z')), { at: '2026-12-03T14:05:09Z' });
    });

    it('reads as a day people recognise, with or without a name', () => {
      assert.equal(shortDate('2026-12-03T23:59:59Z'), '3 Dec 2026');
      assert.equal(madeBy('marked', 'Ana', '2026-12-03T10:00:00Z'), 'marked by Ana, 3 Dec 2026');
      assert.equal(madeBy('marked', undefined, '2026-12-03T10:00:00Z'), 'marked 3 Dec 2026');
      assert.equal(madeBy('marked', 'Ana', undefined), 'marked by Ana');
      assert.equal(madeBy('marked', undefined, 'yesterday'), undefined);
    });
  });

  describe('operations', () => {
    let clock: ReturnType<typeof fakeClock>;
    let stamp: () => Stamp;
    beforeEach(() => {
      clock = fakeClock('2026-12-03T14:05:09Z');
      stamp = () => stampOf('Ana Petrosyan', clock);
    });

    it('stamps a new actor and its first mention; a later mention carries its own time, the actor keeps its own', () => {
      const annotations = empty();
      const first = span('Nikol Pashinyan');
      const actor = ops.markMention(annotations, TEXT, first.start, first.end, { name: 'Nikol Pashinyan', type: 'person' }, stamp());
      clock.advance(90);
      const later = span('Pashinyan', first.end);
      ops.markMention(annotations, TEXT, later.start, later.end, actor.id, stampOf('Davit Hakobyan', clock));
      assert.deepEqual([actor.by, actor.at], ['Ana Petrosyan', '2026-12-03T14:05:09Z']);
      assert.deepEqual(
        actor.mentions.map((m) => [m.quote, m.by, m.at]),
        [
          ['Nikol Pashinyan', 'Ana Petrosyan', '2026-12-03T14:05:09Z'],
          ['Pashinyan', 'Davit Hakobyan', '2026-12-03T14:06:39Z'],
        ],
      );
    });

    it('stamps every mention Mark All Mentions adds, and a claim and the claimant added with it', () => {
      const annotations = empty();
      const first = span('Pashinyan');
      const actor = ops.markMention(annotations, TEXT, first.start, first.end, { name: 'Pashinyan', type: 'person' });
      clock.advance(60);
      assert.equal(ops.markAllMentions(annotations, TEXT, actor, stamp()), 1);
      assert.deepEqual(
        actor.mentions.map((m) => [m.by, m.at]),
        [
          [undefined, undefined],
          ['Ana Petrosyan', '2026-12-03T14:06:09Z'],
        ],
      );
      const russia = addActor(annotations, { name: 'Russia', type: 'country' }, stamp());
      const claim = ops.markClaim(annotations, TEXT, span('Russia sent 2,500 troops').start, span('Russia sent 2,500 troops').end, russia.id, stamp());
      assert.deepEqual([russia.by, claim.by, claim.at, claim.reviewedBy], ['Ana Petrosyan', 'Ana Petrosyan', '2026-12-03T14:06:09Z', undefined]);
    });

    it('stamps a change of status or verdict as the claim’s review; the same value again changes nothing', () => {
      const annotations = empty();
      const claim = ops.markClaim(annotations, TEXT, 0, 10, undefined, stamp());
      clock.advance(3600);
      ops.setStatus(claim, 'in-progress', stampOf('Davit Hakobyan', clock));
      assert.deepEqual([claim.reviewedBy, claim.reviewedAt], ['Davit Hakobyan', '2026-12-03T15:05:09Z']);
      clock.advance(60);
      ops.setVerdict(claim, 'mostly-false', stamp());
      assert.deepEqual([claim.status, claim.reviewedBy, claim.reviewedAt], ['checked', 'Ana Petrosyan', '2026-12-03T15:06:09Z']);
      clock.advance(60);
      ops.setVerdict(claim, 'mostly-false', stampOf('Someone Else', clock));
      ops.setStatus(claim, 'checked', stampOf('Someone Else', clock));
      assert.deepEqual([claim.reviewedBy, claim.reviewedAt], ['Ana Petrosyan', '2026-12-03T15:06:09Z']);
      // Who marked it stays who marked it.
      assert.deepEqual([claim.by, claim.at], ['Ana Petrosyan', '2026-12-03T14:05:09Z']);
    });

    it('drops the previous reviewer when a review is made by no known name, keeping its time', () => {
      const claim = ops.markClaim(empty(), TEXT, 0, 10, undefined, stamp());
      ops.setVerdict(claim, 'false', stamp());
      clock.advance(5);
      ops.setVerdict(claim, undefined, stampOf(undefined, clock));
      assert.equal(claim.reviewedBy, undefined);
      assert.equal(claim.reviewedAt, '2026-12-03T14:05:14Z');
    });

    it('records nothing when no stamp is given, as callers that know no one do', () => {
      const annotations = empty();
      const claim = ops.markClaim(annotations, TEXT, 0, 10);
      ops.setVerdict(claim, 'true');
      assert.deepEqual(Object.keys(claim).sort(), ['anchor', 'id', 'sources', 'status', 'verdict']);
    });
  });

  describe('in the sidecar', () => {
    function stamped(): Annotations {
      const annotations = empty();
      const s = span('Nikol Pashinyan');
      const clock = fakeClock('2026-12-03T14:05:09Z');
      ops.markMention(annotations, TEXT, s.start, s.end, { name: 'Nikol Pashinyan', type: 'person' }, stampOf('Ana Petrosyan', clock));
      const claim = ops.markClaim(annotations, TEXT, span('Russia sent 2,500 troops').start, span('Russia sent 2,500 troops').end, 'nikol-pashinyan', stampOf('Ana Petrosyan', clock));
      clock.advance(86_400);
      ops.setVerdict(claim, 'mostly-false', stampOf('Davit Hakobyan', clock));
      return annotations;
    }

    it('writes by and at after what they stamp, and reads them back as they were', () => {
      const yaml = encodeSidecar(stamped(), TEXT);
      const lines = yaml.split('\n');
      const at = (line: string) => lines.indexOf(line);
      assert.ok(at('    type: person') < at('    by: Ana Petrosyan') && at('    at: 2026-12-03T14:05:09Z') < at('    mentions:'), yaml);
      assert.match(yaml, /\n {6}- \{ start: 0, end: 15, quote: Nikol Pashinyan, prefix: "", suffix: [^}]*, by: Ana Petrosyan, at: 2026-12-03T14:05:09Z \}\n/);
      assert.match(
        yaml,
        /\n {4}anchor: \{[^\n]*\}\n {4}by: Ana Petrosyan\n {4}at: 2026-12-03T14:05:09Z\n {4}claimant: nikol-pashinyan\n {4}status: checked\n {4}verdict: mostly-false\n {4}reviewedBy: Davit Hakobyan\n {4}reviewedAt: 2026-12-04T14:05:09Z\n/,
      );
      const back = decodeSidecar(yaml, TEXT);
      assert.deepEqual(back.problems, []);
      assert.deepEqual(back.annotations, { ...stamped(), article: { ...stamped().article, sha256: back.annotations!.article.sha256 } });
      assert.equal(encodeSidecar(back.annotations!, TEXT, back.document), yaml);
      // Stamps are nothing unusual for the workspace index: it still reads them the fast way (keeping no document).
      const fast = decodeSidecar(yaml, TEXT, { dataOnly: true });
      assert.deepEqual([fast.annotations, fast.document], [back.annotations, undefined]);
    });

    it('reads a sidecar written before provenance was recorded, and writes it back byte for byte without inventing any', () => {
      const folder = path.resolve(__dirname, '../../../../samples');
      const source = fs.readFileSync(path.join(folder, 'csto-exercise.txt.annotations.yaml'), 'utf8');
      const text = fs.readFileSync(path.join(folder, 'csto-exercise.txt'), 'utf8');
      assert.doesNotMatch(source, /\b(by|at|reviewedBy|reviewedAt):/);
      const decoded = decodeSidecar(source, text);
      assert.ok(decoded.annotations, JSON.stringify(decoded.problems));
      const keys = new Set<string>();
      for (const item of [...decoded.annotations.actors, ...decoded.annotations.actors.flatMap((a) => a.mentions), ...decoded.annotations.claims]) {
        Object.keys(item).forEach((k) => keys.add(k));
      }
      assert.deepEqual([...keys].filter((k) => ['by', 'at', 'reviewedBy', 'reviewedAt'].includes(k)), []);
      assert.equal(encodeSidecar(decoded.annotations, text, decoded.document), source);
    });

    it('adds a mark made today to an old sidecar without touching the rest', () => {
      const yaml = encodeSidecar(stamped(), TEXT);
      const old = yaml.replace(/\n {4}(by|at|reviewedBy|reviewedAt): [^\n]*/g, '').replace(/, by: [^,]+, at: [^ ]+ \}/g, ' }');
      const decoded = decodeSidecar(old, TEXT);
      assert.ok(decoded.annotations, JSON.stringify(decoded.problems));
      const later = span('Pashinyan', 20);
      ops.markMention(decoded.annotations, TEXT, later.start, later.end, 'nikol-pashinyan', stampOf('Ana Petrosyan', fakeClock('2026-12-05T08:00:00Z')));
      const written = encodeSidecar(decoded.annotations, TEXT, decoded.document);
      assert.deepEqual(
        written.split('\n').filter((l) => !old.split('\n').includes(l)),
        [`      - { start: ${later.start}, end: ${later.end}, quote: Pashinyan, prefix: "id Armenia would not take part. ", suffix: " added that Russia sent 2,500 tr", by: Ana Petrosyan, at: 2026-12-05T08:00:00Z }`],
      );
    });

    const claimYaml = (extra: string, mention = '') =>
      [
        'newsmark: 1',
        'article:',
        '  file: a.txt',
        'actors:',
        '  - id: nikol-pashinyan',
        '    name: Nikol Pashinyan',
        '    type: person',
        '    mentions:',
        `      - { start: 0, end: 15, quote: Nikol Pashinyan${mention} }`,
        'claims:',
        '  - id: c1',
        '    anchor: { start: 0, end: 15, quote: Nikol Pashinyan }',
        '    status: checked',
        extra,
        '',
      ].join('\n');

    const problemsOf = (source: string) => decodeSidecar(source, TEXT).problems.map((p) => [p.line, p.column, p.message]);

    it('refuses a malformed by or at where it stands, in words', () => {
      assert.deepEqual(problemsOf(claimYaml('    at: 3 Dec 2026')), [
        [14, 9, '"at" of claim 1 must be a time in UTC written like 2026-12-03T14:05:09Z (year-month-day, "T", hours:minutes:seconds, "Z").'],
      ]);
      assert.deepEqual(problemsOf(claimYaml('    reviewedAt: 2026-12-03T14:05:09+02:00')), [
        [14, 17, '"reviewedAt" of claim 1 must be a time in UTC written like 2026-12-03T14:05:09Z (year-month-day, "T", hours:minutes:seconds, "Z").'],
      ]);
      assert.deepEqual(problemsOf(claimYaml('    reviewedBy: "  "')), [[14, 17, '"reviewedBy" of claim 1 must name who made the change; it cannot be only spaces.']]);
      assert.deepEqual(problemsOf(claimYaml('', ', by: ""')), [[9, 58, '"by" of mention 1 of actor 1 must name who made the change; it cannot be only spaces.']]);
      const [[line, , message]] = problemsOf(claimYaml('    by: 42'));
      assert.equal(line, 14);
      assert.match(message as string, /^"by" of claim 1 must be text/);
    });

    it('refuses who and when on a claim’s anchor, which the claim itself carries', () => {
      const [[line, , message]] = problemsOf(claimYaml('').replace('quote: Nikol Pashinyan }\n    status', 'quote: Nikol Pashinyan, by: Ana }\n    status'));
      assert.equal(line, 12);
      assert.match(message as string, /unknown key "by"; the keys allowed here are: start, end, quote, prefix, suffix, orphaned, changed\./);
    });

    it('is read the same by the fast reader and the full one, for any name and time', function () {
      this.timeout(60_000);
      const time = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map(timestamp);
      const name = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('~', 'null', 'yes', '2026-12-03', '12:30', '- x', '"q"', "o'brien", '#tag', 'a: b', '@ana', '!x', '&a', '*a', '%', 'Zoë Aldám', '👩‍👩‍👧'));
      fc.assert(
        fc.property(name, time, name, time, (by, at, reviewedBy, reviewedAt) => {
          const annotations = stamped();
          Object.assign(annotations.claims[0], { by, at, reviewedBy, reviewedAt });
          Object.assign(annotations.actors[0].mentions[0], { by: reviewedBy, at: reviewedAt });
          const yaml = encodeSidecar(annotations, TEXT);
          const full = decodeSidecar(yaml, TEXT);
          const fast = decodeSidecar(yaml, TEXT, { dataOnly: true });
          assert.deepEqual(fast.annotations, full.annotations);
          if (/\S/.test(by) && /\S/.test(reviewedBy)) {
            assert.ok(full.annotations, `${JSON.stringify(full.problems)} on ${yaml}`);
            assert.deepEqual([full.annotations.claims[0].by, full.annotations.claims[0].reviewedAt, full.annotations.actors[0].mentions[0].by], [by, reviewedAt, reviewedBy]);
          }
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('merging', () => {
    const text = TEXT;
    const claim = (extra: Partial<Claim> = {}): Claim => ({ id: 'c1', anchor: anchorAt(text, 0, 15), status: 'unchecked', sources: [], by: 'Ana', at: '2026-12-01T09:00:00Z', ...extra });
    const actor = (extra: Partial<Actor> = {}, mention: Partial<Actor['mentions'][number]> = {}): Actor => ({
      id: 'russia',
      name: 'Russia',
      type: 'country',
      mentions: [{ ...anchorAt(text, span('Russia').start, span('Russia').end), ...mention }],
      ...extra,
    });
    const sidecar = (claims: Claim[], actors: Actor[] = []): Annotations => ({ article: { file: 'a.txt' }, actors, claims });

    it('takes two annotators reaching the same verdict at different times as no conflict, with the later review', () => {
      const base = sidecar([claim()]);
      const ours = sidecar([claim({ status: 'checked', verdict: 'false', reviewedBy: 'Ana', reviewedAt: '2026-12-02T10:00:00Z' })]);
      const theirs = sidecar([claim({ status: 'checked', verdict: 'false', reviewedBy: 'Davit', reviewedAt: '2026-12-02T10:00:00.5Z' })]);
      const { merged, conflicts } = mergeFields(base, ours, theirs);
      assert.deepEqual(conflicts, []);
      assert.deepEqual([merged.claims[0].verdict, merged.claims[0].reviewedBy, merged.claims[0].reviewedAt], ['false', 'Davit', '2026-12-02T10:00:00.5Z']);
    });

    it('gives the review stamp of the side whose change it took', () => {
      const base = sidecar([claim({ status: 'in-progress', reviewedBy: 'Ana', reviewedAt: '2026-12-01T10:00:00Z' })]);
      const ours = sidecar([claim({ status: 'in-progress', reviewedBy: 'Ana', reviewedAt: '2026-12-01T10:00:00Z', notes: 'Asked the ministry.' })]);
      const theirs = sidecar([claim({ status: 'checked', verdict: 'true', reviewedBy: 'Davit', reviewedAt: '2026-11-30T10:00:00Z' })]);
      const { merged, conflicts } = mergeFields(base, ours, theirs);
      assert.deepEqual(conflicts, []);
      // Theirs changed the review, whatever its clock said; ours only added a note.
      assert.deepEqual([merged.claims[0].verdict, merged.claims[0].notes, merged.claims[0].reviewedBy], ['true', 'Asked the ministry.', 'Davit']);
    });

    it('reports two different verdicts as one verdict conflict, never one of who or when, and keeps ours whole', () => {
      const base = sidecar([claim()]);
      const ours = sidecar([claim({ status: 'checked', verdict: 'false', reviewedBy: 'Ana', reviewedAt: '2026-12-02T10:00:00Z' })]);
      const theirs = sidecar([claim({ status: 'checked', verdict: 'mostly-false', reviewedBy: 'Davit', reviewedAt: '2026-12-03T10:00:00Z' })]);
      const { merged, conflicts } = mergeFields(base, ours, theirs);
      assert.deepEqual(
        conflicts.map((c) => c.field),
        ['verdict'],
      );
      assert.deepEqual([merged.claims[0].verdict, merged.claims[0].reviewedBy, merged.claims[0].reviewedAt], ['false', 'Ana', '2026-12-02T10:00:00Z']);
    });

    it('keeps an actor both annotators added alike as one, made by whoever made it first, mention by mention', () => {
      const base = sidecar([]);
      const ours = sidecar([], [actor({ by: 'Ana', at: '2026-12-02T10:00:00Z' }, { by: 'Ana', at: '2026-12-02T10:00:00Z' })]);
      const theirs = sidecar([], [actor({ by: 'Davit', at: '2026-12-01T10:00:00Z' }, { by: 'Davit', at: '2026-12-03T10:00:00Z' })]);
      const { merged, conflicts, renumbered } = mergeFields(base, ours, theirs);
      assert.deepEqual([conflicts, renumbered], [[], []]);
      assert.equal(merged.actors.length, 1);
      assert.deepEqual([merged.actors[0].by, merged.actors[0].at], ['Davit', '2026-12-01T10:00:00Z']);
      assert.deepEqual([merged.actors[0].mentions[0].by, merged.actors[0].mentions[0].at], ['Ana', '2026-12-02T10:00:00Z']);
    });

    it('still keeps two different actors under one new id apart, whoever made them', () => {
      const ours = sidecar([], [actor({ by: 'Ana', at: '2026-12-02T10:00:00Z' })]);
      const theirs = sidecar([], [actor({ by: 'Ana', at: '2026-12-02T10:00:00Z', type: 'organisation' })]);
      const { merged, renumbered } = mergeFields(sidecar([]), ours, theirs);
      assert.deepEqual(renumbered, [{ kind: 'actor', from: 'russia', to: 'russia-2' }]);
      assert.equal(merged.actors.length, 2);
    });

    it('merges sidecar texts whose only difference on a verdict is who gave it and when without a conflict (the git driver)', () => {
      const annotations = sidecar([claim()]);
      const base = encodeSidecar(annotations, text);
      const side = (who: string, when: string) => encodeSidecar(sidecar([claim({ status: 'checked', verdict: 'false', reviewedBy: who, reviewedAt: when })]), text);
      const result = mergeSidecarTexts(base, side('Ana', '2026-12-02T10:00:00Z'), side('Davit', '2026-12-02T11:00:00Z'), text);
      assert.deepEqual([result.conflicts, result.problems], [[], []]);
      assert.match(result.text!, /\n {4}reviewedBy: Davit\n {4}reviewedAt: 2026-12-02T11:00:00Z\n/);
      assert.doesNotMatch(result.text!, /conflicts:/);
    });
  });

  describe('settings', () => {
    it('reads the annotator from .newsmark.json as from the editor’s settings', () => {
      assert.equal(readSettings({ 'newsmark.annotator': '  Ana  Petrosyan ' }, '.newsmark.json').annotator, 'Ana Petrosyan');
      assert.equal(readSettings({ annotator: '' }, '.newsmark.json').annotator, undefined);
      assert.throws(() => readSettings({ annotator: 7 }, '.newsmark.json'), /"annotator" must be text/);
    });
  });

  it('says who marked a claim and who gave its verdict on one line', () => {
    const c: Claim = { id: 'c1', anchor: anchorAt(TEXT, 0, 5), status: 'checked', verdict: 'false', sources: [], by: 'Ana', at: '2026-12-01T09:00:00Z', reviewedBy: 'Davit', reviewedAt: '2026-12-03T09:00:00Z' };
    assert.equal(claimProvenance(c), 'marked by Ana, 1 Dec 2026 · verdict by Davit, 3 Dec 2026');
    assert.equal(claimProvenance({ ...c, verdict: undefined }), 'marked by Ana, 1 Dec 2026 · status set by Davit, 3 Dec 2026');
    assert.equal(claimProvenance({ id: 'c2', anchor: c.anchor, status: 'unchecked', sources: [] }), undefined);
  });
});
