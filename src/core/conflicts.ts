// Conflicts a git merge left in a sidecar: what each says in plain words, and resolving one by keeping a side.

import type { Annotations, MergeConflict } from './model';

const KIND_WORDS: Record<MergeConflict['kind'], string> = { actor: 'Actor', claim: 'Claim', article: 'The article' };

/** A value as a reader sees it: text in quotes, a missing value as "none", anything else short. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) {
    return 'none';
  }
  if (typeof value === 'string') {
    return `“${value.length > 60 ? `${value.slice(0, 59)}…` : value}”`;
  }
  if (typeof value === 'object' && 'quote' in value && typeof (value as { quote: unknown }).quote === 'string') {
    return `on ${describeValue((value as { quote: string }).quote)}`;
  }
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 59)}…` : json;
}

/** "Claim c2's verdict was changed two ways: yours “False”, theirs “Mostly false”". */
export function describeConflict(c: MergeConflict): string {
  const who = c.kind === 'article' ? KIND_WORDS.article : `${KIND_WORDS[c.kind]} ${c.id}`;
  if (c.field === 'deleted') {
    const removedByYou = c.ours === 'deleted';
    return `${who} was ${removedByYou ? 'removed by you and changed by them' : 'changed by you and removed by them'}; the changed one is kept for now`;
  }
  return `${who}'s ${c.field} was changed two ways: yours ${describeValue(c.ours)}, theirs ${describeValue(c.theirs)}`;
}

/**
 * The annotations with one conflict resolved: `side` is the value kept. Ours is what the
 * annotations already hold, so keeping it only drops the record; taking theirs sets the field
 * (or, for a deletion, removes or keeps the annotation as theirs did).
 */
export function resolveConflict(annotations: Annotations, index: number, side: 'ours' | 'theirs'): Annotations {
  const conflict = annotations.conflicts?.[index];
  if (!conflict) {
    return annotations;
  }
  const conflicts = annotations.conflicts!.filter((_, i) => i !== index);
  const next: Annotations = { ...annotations, conflicts: conflicts.length ? conflicts : undefined };
  if (!conflicts.length) {
    delete next.conflicts;
  }
  if (side === 'ours') {
    return next;
  }
  if (conflict.field === 'deleted') {
    if (conflict.theirs !== 'deleted') {
      return next;
    }
    if (conflict.kind === 'actor') {
      next.actors = next.actors.filter((a) => a.id !== conflict.id);
      next.claims = next.claims.map((c) => (c.claimant === conflict.id ? withoutField(c, 'claimant') : c));
    } else if (conflict.kind === 'claim') {
      next.claims = next.claims.filter((c) => c.id !== conflict.id);
    }
    return next;
  }
  const set = <T extends object>(item: T): T => (conflict.theirs === undefined ? withoutField(item, conflict.field) : { ...item, [conflict.field]: conflict.theirs });
  if (conflict.kind === 'article') {
    next.article = set(next.article);
  } else if (conflict.kind === 'actor') {
    next.actors = next.actors.map((a) => (a.id === conflict.id ? set(a) : a));
  } else {
    next.claims = next.claims.map((c) => (c.id === conflict.id ? set(c) : c));
  }
  return next;
}

function withoutField<T extends object>(item: T, field: string): T {
  const copy = { ...item } as Record<string, unknown>;
  delete copy[field];
  return copy as T;
}
