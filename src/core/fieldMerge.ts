// Three-way merge of two annotators' sidecars, per annotation and per field, as git's merge driver needs it.

import type { Actor, Anchor, Annotations, Claim, ConflictEvidence, MergeConflict, Provenance, Source } from './model';
import { timeOf, withoutProvenance } from './provenance';

/** One field of one annotation changed two ways: the record a merged sidecar keeps until someone decides. */
export type FieldConflict = MergeConflict;

export interface FieldMergeResult {
  merged: Annotations;
  conflicts: FieldConflict[];
  /** Annotations both sides added under the same id: theirs was given a new id (old → new). */
  renumbered: { kind: 'actor' | 'claim'; from: string; to: string }[];
}

type Item = Actor | Claim;

/**
 * Merges `ours` and `theirs`, both descended from `base`. A field changed on one side only
 * takes that side's value; lists of mentions and sources are merged as sets, so additions
 * from both sides are kept; a field changed two ways is a conflict, merged as ours. An
 * annotation both sides added with the same id but different content is kept twice, theirs
 * renumbered and its references (claimants) followed.
 */
export function mergeFields(base: Annotations, ours: Annotations, theirs: Annotations): FieldMergeResult {
  const conflicts: FieldConflict[] = [];
  const renumbered: FieldMergeResult['renumbered'] = [];
  const theirsRenamed = renumberCollisions(base, ours, theirs, renumbered);
  const actors = mergeItems('actor', base.actors, ours.actors, theirsRenamed.actors, mergeActor, conflicts);
  const claims = mergeItems('claim', base.claims, ours.claims, theirsRenamed.claims, mergeClaim, conflicts);
  const merged: Annotations = { ...ours, article: mergeArticle(base, ours, theirs, conflicts), actors, claims };
  const rejected = mergeRejected(base, ours, theirs);
  if (rejected) {
    merged.suggestions = { ...ours.suggestions, rejected };
  }
  // A claimant removed on one side leaves its claims to the article rather than to an id that is gone.
  const ids = new Set(actors.map((a) => a.id));
  merged.claims = merged.claims.map((c) => (c.claimant !== undefined && !ids.has(c.claimant) ? withoutKey(c, 'claimant') : c));
  return { merged, conflicts, renumbered };
}

function withoutKey<T extends object>(value: T, key: keyof T): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The value of one field: one side's change wins; two different changes are a conflict, kept as ours. */
function pick<T>(field: string, b: T, o: T, t: T, conflict: (field: string) => void): T {
  if (same(o, t) || same(t, b)) {
    return o;
  }
  if (same(o, b)) {
    return t;
  }
  conflict(field);
  return o;
}

/**
 * Set merge: what either side added is kept, what either side removed (and the other kept)
 * goes. Where both sides hold the same item, `prefer` picks which copy (ours by default).
 */
function mergeSet<T>(b: readonly T[], o: readonly T[], t: readonly T[], key: (x: T) => string, prefer: (ours: T, theirs: T) => T = (x) => x): T[] {
  const inBase = new Set(b.map(key));
  const inOurs = new Set(o.map(key));
  const inTheirs = new Set(t.map(key));
  const out: T[] = [];
  const seen = new Map<string, number>();
  for (const x of [...o, ...t]) {
    const k = key(x);
    const at = seen.get(k);
    if (at !== undefined) {
      out[at] = prefer(out[at], x);
      continue;
    }
    const kept = (inOurs.has(k) && inTheirs.has(k)) || !inBase.has(k);
    if (kept) {
      seen.set(k, out.length);
      out.push(x);
    }
  }
  return out;
}

const anchorKey = (a: Anchor) => JSON.stringify([a.start, a.end, a.quote, Boolean(a.orphaned)]);
const sourceKey = (s: Source) => s.url;

type FieldMerger<T> = (b: T, o: T, t: T, conflict: (field: string) => void) => T;

/**
 * Keys merged as sets, fixed by the annotation's identity, or saying who and when (merged
 * after the fields they stamp, never a conflict of their own); every other key is one field.
 */
const NOT_FIELDS = new Set(['id', 'mentions', 'sources', 'by', 'at', 'reviewedBy', 'reviewedAt']);

function mergeKeys<T extends object>(b: T, o: T, t: T, out: T, conflict: (field: string) => void): T {
  const value = (x: T, key: string) => (x as Record<string, unknown>)[key];
  for (const key of new Set([...Object.keys(b), ...Object.keys(o), ...Object.keys(t)])) {
    if (!NOT_FIELDS.has(key)) {
      setOrDelete(out, key, pick(key, value(b, key), value(o, key), value(t, key), conflict));
    }
  }
  return out;
}

const mergeActor: FieldMerger<Actor> = (b, o, t, conflict) =>
  withCreation(b, o, t, mergeKeys(b, o, t, { ...o, mentions: mergeSet(b.mentions, o.mentions, t.mentions, anchorKey, earlierMade) }, conflict));

const mergeClaim: FieldMerger<Claim> = (b, o, t, conflict) => {
  const conflicted = new Set<string>();
  const merged = mergeKeys(b, o, t, { ...o, sources: mergeSet(b.sources, o.sources, t.sources, sourceKey) }, (field) => {
    conflicted.add(field);
    conflict(field);
  });
  return withReview(b, o, t, withCreation(b, o, t, merged), conflicted.has('status') || conflicted.has('verdict'));
};

const made = (x: Provenance) => ({ by: x.by, at: x.at });

/** Of two copies of one annotation, the one made first: who made it is who made it first. */
function earlierMade<T extends Provenance>(ours: T, theirs: T): T {
  return theirs.at !== undefined && (ours.at === undefined || timeOf(theirs.at) < timeOf(ours.at)) ? theirs : ours;
}

/**
 * Who made the annotation and when, as one value: one side's change wins, as for any field;
 * two sides that stamped it differently (both added it alike) keep the earlier stamp, as
 * the annotation was made then. Never a conflict: who made a mark is no verdict to decide.
 */
function withCreation<T extends Provenance>(b: T, o: T, t: T, out: T): T {
  const [mb, mo, mt] = [made(b), made(o), made(t)];
  const chosen = same(mo, mt) || same(mt, mb) ? mo : same(mo, mb) ? mt : made(earlierMade(o, t));
  setOrDelete(out, 'by', chosen.by);
  setOrDelete(out, 'at', chosen.at);
  return out;
}

const review = (c: Claim) => [c.status, c.verdict];
const reviewer = (c: Claim) => ({ reviewedBy: c.reviewedBy, reviewedAt: c.reviewedAt });

/**
 * Who last changed the status or verdict follows the change the merge took: the side that
 * changed them, or, where both did (the same verdict, or one the status and one the verdict),
 * the later of the two; where they conflict, ours, whose values the claim holds until decided.
 * So two annotators reaching the same verdict at different times is no conflict.
 */
function withReview(b: Claim, o: Claim, t: Claim, out: Claim, conflicted: boolean): Claim {
  const from = reviewedOn(b, o, t, conflicted);
  setOrDelete(out, 'reviewedBy', from.reviewedBy);
  setOrDelete(out, 'reviewedAt', from.reviewedAt);
  return out;
}

/** The side whose review stamp the merged claim carries. */
function reviewedOn(b: Claim, o: Claim, t: Claim, conflicted: boolean): Claim {
  const later = (x: Claim, y: Claim) => (timeOf(y.reviewedAt) > timeOf(x.reviewedAt) ? y : x);
  const ours = !same(review(o), review(b));
  const theirs = !same(review(t), review(b));
  if (ours && theirs) {
    return conflicted ? o : later(o, t);
  }
  if (ours || theirs) {
    return ours ? o : t;
  }
  // Neither changed the review: a stamp edited by hand on one side is taken like any field.
  if (same(reviewer(o), reviewer(t)) || same(reviewer(t), reviewer(b))) {
    return o;
  }
  return same(reviewer(o), reviewer(b)) ? t : later(o, t);
}

function setOrDelete<T extends object>(target: T, field: string, value: unknown): void {
  const record = target as Record<string, unknown>;
  if (value === undefined) {
    delete record[field];
  } else {
    record[field] = value;
  }
}

function mergeItems<T extends Item>(
  kind: 'actor' | 'claim',
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  mergeOne: FieldMerger<T>,
  conflicts: FieldConflict[],
): T[] {
  const byId = (items: readonly T[]) => new Map(items.map((i) => [i.id, i]));
  const [b, o, t] = [byId(base), byId(ours), byId(theirs)];
  // Ours' order first, then what only theirs has, where it stood: a stable, readable result.
  const order = [...ours.map((i) => i.id), ...theirs.map((i) => i.id).filter((id) => !o.has(id))];
  const out: T[] = [];
  for (const id of order) {
    const [bi, oi, ti] = [b.get(id), o.get(id), t.get(id)];
    const conflict = (field: string, values: Partial<FieldConflict> = {}) =>
      conflicts.push({ kind, id, field, ...values });
    if (oi && ti) {
      // Both added it alike (renumberCollisions parted those that differ): merged against nothing, so the earlier stamps stay.
      const from = bi ?? ({ id, mentions: [], sources: [] } as unknown as T);
      out.push(mergeOne(from, oi, ti, (field) => conflict(field, { ...fieldValues(field, from, oi, ti), ...evidence(kind, field, oi, ti) })));
    } else if (oi || ti) {
      const present = (oi ?? ti)!;
      if (!bi) {
        out.push(present); // Added on one side.
      } else if (!same(present, bi)) {
        // Removed on one side, changed on the other: keep the changed one and say so.
        conflict('deleted', oi ? { ours: 'changed', theirs: 'deleted' } : { ours: 'deleted', theirs: 'changed' });
        out.push(present);
      }
      // Else removed on one side and untouched on the other: removed.
    }
  }
  return out;
}

function fieldValues(field: string, b: object, o: object, t: object): Partial<FieldConflict> {
  const get = (x: object) => (x as Record<string, unknown>)[field];
  return { base: get(b), ours: get(o), theirs: get(t) };
}

/** A verdict conflict carries each side's sources and notes: what the fact-checker weighs to decide. */
function evidence(kind: 'actor' | 'claim', field: string, o: Item, t: Item): Pick<FieldConflict, 'evidence'> {
  if (kind !== 'claim' || field !== 'verdict') {
    return {};
  }
  const of = (claim: Claim): ConflictEvidence | undefined => {
    const found: ConflictEvidence = { ...(claim.sources.length ? { sources: claim.sources } : {}), ...(claim.notes ? { notes: claim.notes } : {}) };
    return Object.keys(found).length ? found : undefined;
  };
  const [ours, theirs] = [of(o as Claim), of(t as Claim)];
  return ours || theirs ? { evidence: { ...(ours ? { ours } : {}), ...(theirs ? { theirs } : {}) } } : {};
}

/**
 * Both sides added an annotation under the same new id (both took "c4"). Where the two
 * differ they are two annotations: theirs gets the next free id, and their claims that
 * named a renumbered actor as claimant follow it.
 */
function renumberCollisions(base: Annotations, ours: Annotations, theirs: Annotations, log: FieldMergeResult['renumbered']): Annotations {
  const taken = new Set([...base.actors, ...base.claims, ...ours.actors, ...ours.claims, ...theirs.actors, ...theirs.claims].map((i) => i.id));
  const baseIds = new Set([...base.actors, ...base.claims].map((i) => i.id));
  const fresh = (id: string) => {
    const numbered = /^(.*?)(\d+)$/.exec(id);
    for (let n = numbered ? Number(numbered[2]) + 1 : 2; ; n++) {
      const candidate = numbered ? `${numbered[1]}${n}` : `${id}-${n}`;
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };
  const renames = new Map<string, string>();
  const collide = <T extends Item>(kind: 'actor' | 'claim', mine: readonly T[], other: readonly T[]) => {
    const mineById = new Map(mine.map((i) => [i.id, i]));
    for (const item of other) {
      const twin = mineById.get(item.id);
      // Who made it and when do not make two annotations of one: two annotators marking the same actor alike made one actor.
      if (twin && !baseIds.has(item.id) && !same(withoutProvenance(twin), withoutProvenance(item))) {
        const to = fresh(item.id);
        renames.set(`${kind}:${item.id}`, to);
        log.push({ kind, from: item.id, to });
      }
    }
  };
  collide('actor', ours.actors, theirs.actors);
  collide('claim', ours.claims, theirs.claims);
  if (!renames.size) {
    return theirs;
  }
  const actorId = (id: string) => renames.get(`actor:${id}`) ?? id;
  return {
    ...theirs,
    actors: theirs.actors.map((a) => ({ ...a, id: actorId(a.id) })),
    claims: theirs.claims.map((c) => ({
      ...c,
      id: renames.get(`claim:${c.id}`) ?? c.id,
      ...(c.claimant !== undefined ? { claimant: actorId(c.claimant) } : {}),
    })),
  };
}

/** The article's fields merge like an annotation's; its sha256 is ours, so a merged article is found stale and re-anchored. */
function mergeArticle(base: Annotations, ours: Annotations, theirs: Annotations, conflicts: FieldConflict[]): Annotations['article'] {
  const out = { ...ours.article };
  for (const key of new Set([...Object.keys(ours.article), ...Object.keys(theirs.article)])) {
    if (key === 'sha256' || key === 'file') {
      continue;
    }
    const field = key as keyof Annotations['article'];
    const [b, o, t] = [base.article[field], ours.article[field], theirs.article[field]];
    const value = pick(key, b, o, t, () => conflicts.push({ kind: 'article', id: ours.article.file, field: key, base: b, ours: o, theirs: t }));
    setOrDelete(out, key, value);
  }
  return out;
}

function mergeRejected(base: Annotations, ours: Annotations, theirs: Annotations): { actors?: string[]; claims?: string[] } | undefined {
  const get = (a: Annotations, k: 'actors' | 'claims') => a.suggestions?.rejected?.[k] ?? [];
  const union = (k: 'actors' | 'claims') => mergeSet(get(base, k), get(ours, k), get(theirs, k), (x) => x);
  const actors = union('actors');
  const claims = union('claims');
  if (!actors.length && !claims.length) {
    return undefined;
  }
  return { ...(actors.length ? { actors } : {}), ...(claims.length ? { claims } : {}) };
}
