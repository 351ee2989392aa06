// Three-way merge of annotations, for a sidecar changed on disk while the user was annotating.

import type { Actor, Anchor, Annotations, Claim } from './model';

export interface MergeResult {
  merged: Annotations;
  /** Ids of actors and claims changed differently on both sides; `merged` holds our version of each. */
  conflicts: string[];
}

/**
 * Merges item by item (actors and claims, matched by id): a side that left an item as it was
 * in `base` takes the other side's version, including its deletion. Both sides changing the
 * same item differently is a conflict. All three must use offsets into the same text.
 */
export function mergeAnnotations(base: Annotations, ours: Annotations, theirs: Annotations): MergeResult {
  const conflicts: string[] = [];
  const actors = mergeLists(base.actors, ours.actors, theirs.actors, actorKey, conflicts);
  const claims = mergeLists(base.claims, ours.claims, theirs.claims, claimKey, conflicts);
  const article = JSON.stringify(ours.article) === JSON.stringify(base.article) ? theirs.article : ours.article;
  const merged: Annotations = { ...ours, article, actors, claims };
  // A claimant deleted on the other side leaves the claim to the article, not to a dangling id.
  const ids = new Set(actors.map((a) => a.id));
  for (const claim of claims) {
    if (claim.claimant !== undefined && !ids.has(claim.claimant)) {
      merged.claims = merged.claims.map((c) => (c === claim ? withoutClaimant(c) : c));
    }
  }
  return { merged, conflicts };
}

function withoutClaimant(claim: Claim): Claim {
  const copy = { ...claim };
  delete copy.claimant;
  return copy;
}

function mergeLists<T extends { id: string }>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  key: (item: T) => string,
  conflicts: string[],
): T[] {
  const baseById = new Map(base.map((i) => [i.id, i]));
  const oursById = new Map(ours.map((i) => [i.id, i]));
  const theirsById = new Map(theirs.map((i) => [i.id, i]));
  const order = [...theirs.map((i) => i.id), ...ours.map((i) => i.id).filter((id) => !theirsById.has(id))];
  const out: T[] = [];
  for (const id of order) {
    const b = baseById.get(id);
    const o = oursById.get(id);
    const t = theirsById.get(id);
    const same = (x?: T, y?: T) => (x === undefined ? y === undefined : y !== undefined && key(x) === key(y));
    let pick: T | undefined;
    if (same(o, t)) {
      pick = o;
    } else if (same(o, b)) {
      pick = t;
    } else if (same(t, b)) {
      pick = o;
    } else {
      conflicts.push(id);
      pick = o ?? t;
    }
    if (pick) {
      out.push(pick);
    }
  }
  return out;
}

function anchorKey(a: Anchor): unknown {
  return [a.start, a.end, a.quote, Boolean(a.orphaned)];
}

function actorKey(actor: Actor): string {
  return JSON.stringify([actor.name, actor.type, actor.aliases ?? [], actor.wikidata, actor.notes, actor.mentions.map(anchorKey), actor.extra]);
}

function claimKey(claim: Claim): string {
  return JSON.stringify([anchorKey(claim.anchor), claim.claimant, claim.status, claim.verdict, claim.sources, claim.notes, claim.sameAs, claim.notSameAs, claim.extra]);
}
