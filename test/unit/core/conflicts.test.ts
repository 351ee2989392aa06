import * as assert from 'node:assert/strict';
import { conflictKey, conflictMessage, type ConflictSide, resolveConflict, type Resolution } from '../../../src/core/conflicts';
import { mergeFields } from '../../../src/core/fieldMerge';
import { mergeSidecarTexts } from '../../../src/core/mergeDriver';
import { type Actor, type Annotations, anchorAt, type Claim } from '../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../src/core/sidecar';

const text = 'Nikol Pashinyan said Armenia would not take part. Russia sent 2,500 troops to Belarus. Belarus hosted the drills.';
const at = (quote: string) => {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return anchorAt(text, start, start + quote.length);
};
const actor = (id: string, name: string, ...quotes: string[]): Actor => ({ id, name, type: 'country', mentions: quotes.map(at) });
const claim = (id: string, quote: string, extra: Partial<Claim> = {}): Claim => ({ id, anchor: at(quote), status: 'unchecked', sources: [], ...extra });

function base(): Annotations {
  return {
    article: { file: 'a.txt', title: 'Drills' },
    actors: [actor('armenia', 'Armenia', 'Armenia'), actor('russia', 'Russia', 'Russia')],
    claims: [claim('c1', 'Russia sent 2,500 troops', { claimant: 'russia', verdict: 'mostly-false' }), claim('c2', 'Armenia would not take part', { claimant: 'armenia' })],
  };
}

/** What the merge driver makes of two edits of the same base: the merged annotations with their conflicts: record. */
function merged(editOurs: (a: Annotations) => void, editTheirs: (a: Annotations) => void): Annotations {
  const ours = structuredClone(base());
  editOurs(ours);
  const theirs = structuredClone(base());
  editTheirs(theirs);
  const result = mergeFields(base(), ours, theirs);
  assert.equal(result.conflicts.length, 1, 'one conflict');
  return { ...result.merged, conflicts: result.conflicts };
}

function resolved(annotations: Annotations, side: ConflictSide, key = conflictKey(annotations.conflicts![0])): Annotations {
  const result: Resolution = resolveConflict(annotations, key, side, text);
  assert.ok('annotations' in result, 'problem' in result ? result.problem : '');
  return result.annotations;
}

const claimOf = (a: Annotations, id: string) => a.claims.find((c) => c.id === id);

describe('resolveConflict', () => {
  it('a verdict conflict: keep mine leaves our verdict, take theirs sets theirs, and either drops the conflicts: key', () => {
    const annotations = merged(
      (a) => (a.claims[0].verdict = 'false'),
      (a) => (a.claims[0].verdict = 'mixed'),
    );
    const mine = resolved(annotations, 'ours');
    assert.equal(claimOf(mine, 'c1')?.verdict, 'false');
    assert.equal('conflicts' in mine, false);
    const theirs = resolved(annotations, 'theirs');
    assert.equal(claimOf(theirs, 'c1')?.verdict, 'mixed');
    assert.equal('conflicts' in theirs, false);
    assert.equal(claimOf(annotations, 'c1')?.verdict, 'false', 'the annotations given are left as they were');
  });

  it('taking their verdict records who resolved it and when; keeping mine leaves our review as it was', () => {
    const annotations = merged(
      (a) => Object.assign(a.claims[0], { verdict: 'false', reviewedBy: 'Ana', reviewedAt: '2026-12-01T09:00:00Z' }),
      (a) => Object.assign(a.claims[0], { verdict: 'mixed', reviewedBy: 'Ben', reviewedAt: '2026-12-01T10:00:00Z' }),
    );
    const stamp = { by: 'Chloé', at: '2026-12-02T08:30:00Z' };
    const theirs = resolveConflict(annotations, conflictKey(annotations.conflicts![0]), 'theirs', text, stamp);
    assert.ok('annotations' in theirs);
    const taken = claimOf(theirs.annotations, 'c1')!;
    assert.deepEqual([taken.verdict, taken.reviewedBy, taken.reviewedAt], ['mixed', 'Chloé', '2026-12-02T08:30:00Z']);
    const mine = resolveConflict(annotations, conflictKey(annotations.conflicts![0]), 'ours', text, stamp);
    assert.ok('annotations' in mine);
    const kept = claimOf(mine.annotations, 'c1')!;
    assert.deepEqual([kept.verdict, kept.reviewedBy], ['false', claimOf(annotations, 'c1')!.reviewedBy]);
  });

  it('a verdict one side removed: taking theirs leaves the claim without one', () => {
    const annotations = merged(
      (a) => (a.claims[0].verdict = 'false'),
      (a) => delete a.claims[0].verdict,
    );
    assert.equal('verdict' in claimOf(resolved(annotations, 'theirs'), 'c1')!, false);
    assert.equal(claimOf(resolved(annotations, 'ours'), 'c1')?.verdict, 'false');
  });

  it('status, claimant and note conflicts take the side kept', () => {
    const status = merged(
      (a) => (a.claims[1].status = 'checked'),
      (a) => (a.claims[1].status = 'in-progress'),
    );
    assert.equal(claimOf(resolved(status, 'theirs'), 'c2')?.status, 'in-progress');
    assert.equal(claimOf(resolved(status, 'ours'), 'c2')?.status, 'checked');
    const claimant = merged(
      (a) => delete a.claims[1].claimant,
      (a) => (a.claims[1].claimant = 'russia'),
    );
    assert.equal(claimOf(resolved(claimant, 'theirs'), 'c2')?.claimant, 'russia');
    assert.equal('claimant' in claimOf(resolved(claimant, 'ours'), 'c2')!, false);
    const note = merged(
      (a) => (a.claims[1].notes = 'Said on TV'),
      (a) => (a.claims[1].notes = 'Said in parliament'),
    );
    assert.equal(claimOf(resolved(note, 'theirs'), 'c2')?.notes, 'Said in parliament');
    assert.equal(claimOf(resolved(note, 'ours'), 'c2')?.notes, 'Said on TV');
  });

  it('an anchor conflict takes their span, found again in the article as it is now', () => {
    const annotations = merged(
      (a) => (a.claims[0].anchor = at('Russia sent 2,500 troops to Belarus')),
      (a) => (a.claims[0].anchor = at('sent 2,500 troops')),
    );
    const theirs = claimOf(resolved(annotations, 'theirs'), 'c1')!.anchor;
    assert.equal(text.slice(theirs.start, theirs.end), 'sent 2,500 troops');
    // Their offsets are only a hint: a merge that also changed the article moved the text.
    const moved = `BREAKING. ${text}`;
    const result = resolveConflict(annotations, conflictKey(annotations.conflicts![0]), 'theirs', moved);
    assert.ok('annotations' in result);
    const anchor = claimOf(result.annotations, 'c1')!.anchor;
    assert.equal(moved.slice(anchor.start, anchor.end), 'sent 2,500 troops');
    assert.equal(claimOf(resolved(annotations, 'ours'), 'c1')?.anchor.quote, 'Russia sent 2,500 troops to Belarus');
  });

  it('actor and article field conflicts take the side kept', () => {
    const type = merged(
      (a) => (a.actors[1].type = 'organization'),
      (a) => (a.actors[1].type = 'person'),
    );
    assert.equal(resolved(type, 'theirs').actors[1].type, 'person');
    assert.equal(resolved(type, 'ours').actors[1].type, 'organization');
    const title = merged(
      (a) => (a.article.title = 'Drills in Belarus'),
      (a) => (a.article.title = 'CSTO exercise'),
    );
    assert.equal(resolved(title, 'theirs').article.title, 'CSTO exercise');
    assert.equal(resolved(title, 'ours').article.title, 'Drills in Belarus');
  });

  it('a claim we changed and they removed: keep mine keeps it, take theirs removes it', () => {
    const annotations = merged(
      (a) => (a.claims[1].verdict = 'true'),
      (a) => (a.claims = a.claims.filter((c) => c.id !== 'c2')),
    );
    assert.deepEqual(annotations.conflicts, [{ kind: 'claim', id: 'c2', field: 'deleted', ours: 'changed', theirs: 'deleted' }]);
    assert.equal(claimOf(resolved(annotations, 'ours'), 'c2')?.verdict, 'true');
    assert.equal(claimOf(resolved(annotations, 'theirs'), 'c2'), undefined);
  });

  it('a claim we removed and they changed: keep mine removes it, take theirs keeps their version', () => {
    const annotations = merged(
      (a) => (a.claims = a.claims.filter((c) => c.id !== 'c2')),
      (a) => (a.claims[1].verdict = 'true'),
    );
    assert.equal(claimOf(resolved(annotations, 'ours'), 'c2'), undefined);
    assert.equal(claimOf(resolved(annotations, 'theirs'), 'c2')?.verdict, 'true');
  });

  it('an actor they removed: taking theirs removes it and leaves its claims to the article', () => {
    const annotations = merged(
      (a) => (a.actors[0].notes = 'Prime minister'),
      (a) => (a.actors = a.actors.filter((x) => x.id !== 'armenia')),
    );
    assert.equal(claimOf(annotations, 'c2')?.claimant, 'armenia', 'kept while the actor is');
    const theirs = resolved(annotations, 'theirs');
    assert.deepEqual(theirs.actors.map((x) => x.id), ['russia']);
    assert.equal('claimant' in claimOf(theirs, 'c2')!, false);
    assert.equal(resolved(annotations, 'ours').actors[0].notes, 'Prime minister');
  });

  it('resolves one of several conflicts by name and keeps the others, whatever their order', () => {
    const ours = structuredClone(base());
    ours.claims[0].verdict = 'false';
    ours.claims[1].status = 'checked';
    const theirs = structuredClone(base());
    theirs.claims[0].verdict = 'mixed';
    theirs.claims[1].status = 'in-progress';
    const result = mergeFields(base(), ours, theirs);
    const annotations = { ...result.merged, conflicts: result.conflicts };
    const second = conflictKey({ kind: 'claim', id: 'c2', field: 'status' });
    const once = resolved(annotations, 'theirs', second);
    assert.deepEqual(once.conflicts?.map((c) => [c.id, c.field]), [['c1', 'verdict']]);
    assert.equal(claimOf(once, 'c2')?.status, 'in-progress');
    assert.equal(claimOf(once, 'c1')?.verdict, 'false');
  });

  it('an unknown or already resolved conflict is a clear problem and changes nothing', () => {
    const annotations = merged(
      (a) => (a.claims[0].verdict = 'false'),
      (a) => (a.claims[0].verdict = 'mixed'),
    );
    const done = resolved(annotations, 'theirs');
    const before = structuredClone(done);
    const again = resolveConflict(done, conflictKey({ kind: 'claim', id: 'c1', field: 'verdict' }), 'theirs', text);
    assert.ok('problem' in again);
    assert.match(again.problem, /no longer in the sidecar.*nothing was changed/);
    assert.deepEqual(done, before);
    assert.ok('problem' in resolveConflict(annotations, 'not a conflict', 'ours', text));
  });

  it('a conflict on a claim that is gone since is a problem, for either side', () => {
    const annotations = merged(
      (a) => (a.claims[0].verdict = 'false'),
      (a) => (a.claims[0].verdict = 'mixed'),
    );
    annotations.claims = annotations.claims.filter((c) => c.id !== 'c1');
    const before = structuredClone(annotations);
    for (const side of ['ours', 'theirs'] as const) {
      const result = resolveConflict(annotations, conflictKey(annotations.conflicts![0]), side, text);
      assert.ok('problem' in result);
      assert.match(result.problem, /^Claim c1 is no longer in the annotations/);
    }
    assert.deepEqual(annotations, before);
  });

  it('refuses their value when a hand-edited record holds one the sidecar cannot', () => {
    const annotations = base();
    annotations.conflicts = [
      { kind: 'claim', id: 'c1', field: 'status', ours: 'unchecked', theirs: 'done' },
      { kind: 'claim', id: 'c1', field: 'claimant', ours: 'russia', theirs: 'belarus' },
      { kind: 'claim', id: 'c1', field: 'anchor', ours: at('Russia sent 2,500 troops'), theirs: { start: 3 } },
      { kind: 'actor', id: 'russia', field: 'name', ours: 'Russia', theirs: '' },
      { kind: 'claim', id: 'c1', field: 'verdict', ours: 'mostly-false', theirs: 4 },
      { kind: 'claim', id: 'c1', field: 'id', ours: 'c1', theirs: 'c9' },
    ];
    const before = structuredClone(annotations);
    const problems = annotations.conflicts.map((c) => {
      const result = resolveConflict(annotations, conflictKey(c), 'theirs', text);
      return 'problem' in result ? result.problem : 'resolved';
    });
    assert.deepEqual(problems, [
      'Their status of claim c1 is “done”, which is not a status (unchecked, in-progress, checked); nothing was changed.',
      'Their claimant of claim c1 names “belarus”, which is not an actor in this article; nothing was changed.',
      'Their anchor of claim c1 is not a place in the article (start, end and quote); nothing was changed.',
      'Their name of actor Russia is empty; nothing was changed.',
      'Their verdict of claim c1 is 4, not the kind of value yours is; nothing was changed.',
      'Their id of claim c1 is not something a conflict can set; nothing was changed.',
    ]);
    assert.deepEqual(annotations, before);
  });

  it('resolving the last conflict of a merged sidecar writes it back without a conflicts: key', () => {
    const sidecar = encodeSidecar(base(), text);
    const mine = base();
    mine.claims[0].verdict = 'false';
    const ours = encodeSidecar(mine, text);
    const theirs = sidecar.replace('verdict: mostly-false', 'verdict: mixed');
    const merge = mergeSidecarTexts(sidecar, ours.replace(/^/, '# desk copy\n'), theirs, text);
    const read = decodeSidecar(merge.text!, text);
    assert.deepEqual(read.annotations?.conflicts?.map((c) => [c.id, c.field, c.ours, c.theirs]), [['c1', 'verdict', 'false', 'mixed']]);
    const result = resolveConflict(read.annotations!, 0, 'theirs', text);
    assert.ok('annotations' in result);
    const written = encodeSidecar(result.annotations, text, read.document);
    assert.doesNotMatch(written, /conflicts/);
    assert.match(written, /^# desk copy\n/);
    const again = decodeSidecar(written, text);
    assert.deepEqual(again.problems, []);
    assert.equal(claimOf(again.annotations!, 'c1')?.verdict, 'mixed');
  });
});

describe('conflictMessage', () => {
  const labels = { verdict: (id: string) => ({ 'mostly-false': 'Mostly false', false: 'False' })[id] ?? id, actorType: (id: string) => `[${id}]` };

  it('says each side’s verdict by the scale’s label', () => {
    const c = { kind: 'claim' as const, id: 'c1', field: 'verdict', ours: 'mostly-false', theirs: 'false' };
    assert.equal(conflictMessage(c, labels), 'Verdict conflict on claim c1: yours says “Mostly false”, theirs says “False”');
    assert.equal(conflictMessage({ ...c, theirs: undefined }, labels), 'Verdict conflict on claim c1: yours says “Mostly false”, theirs has no verdict');
  });

  it('names statuses, claimants and actor types as the views do', () => {
    const annotations = base();
    assert.equal(
      conflictMessage({ kind: 'claim', id: 'c2', field: 'status', ours: 'checked', theirs: 'in-progress' }, labels),
      'Status conflict on claim c2: yours says “Checked”, theirs says “In progress”',
    );
    assert.equal(
      conflictMessage({ kind: 'claim', id: 'c2', field: 'claimant', ours: 'russia' }, labels, annotations),
      'Claimant conflict on claim c2: yours says “Russia”, theirs says the article itself',
    );
    assert.equal(
      conflictMessage({ kind: 'actor', id: 'russia', field: 'type', ours: 'country', theirs: 'person' }, labels, annotations),
      'Type conflict on actor Russia: yours says “[country]”, theirs says “[person]”',
    );
  });

  it('says who removed what in a deletion against a change', () => {
    assert.equal(
      conflictMessage({ kind: 'claim', id: 'c2', field: 'deleted', ours: 'deleted', theirs: 'changed' }),
      'Claim c2 was removed on your side and changed on theirs; their version is kept until you decide',
    );
  });
});
