// Conflicts a git merge left in a sidecar: what each says in the fact-checker's words, and resolving one by keeping a side.

import { reattach } from './anchoring';
import { type Actor, type Anchor, type Annotations, type Claim, CLAIM_STATUS_LABELS, CLAIM_STATUSES, type MergeConflict } from './model';
import { markReviewed, type Stamp } from './provenance';
import { DEFAULT_VERDICT_SCALE, verdictLabel } from './verdicts';

export type ConflictSide = 'ours' | 'theirs';

/** How verdicts and actor types read; the editor passes the user's scale, the command line the default one. */
export interface ConflictLabels {
  verdict(id: string): string;
  actorType(id: string): string;
}

export const DEFAULT_CONFLICT_LABELS: ConflictLabels = {
  verdict: (id) => verdictLabel(DEFAULT_VERDICT_SCALE, id),
  actorType: (id) => id,
};

/** A conflict's name, stable while others are resolved: a merge writes at most one record per field of an annotation. */
export function conflictKey(c: Pick<MergeConflict, 'kind' | 'id' | 'field'>): string {
  return JSON.stringify([c.kind, c.id, c.field]);
}

export function findConflict(annotations: Annotations, key: string): MergeConflict | undefined {
  return annotations.conflicts?.find((c) => conflictKey(c) === key);
}

const FIELD_WORDS: Record<string, string> = {
  verdict: 'Verdict',
  status: 'Status',
  claimant: 'Claimant',
  notes: 'Note',
  anchor: 'Anchor',
  sameAs: 'Same-claim link',
  notSameAs: 'Turned-down same-claim links',
  name: 'Name',
  type: 'Type',
  aliases: 'Aliases',
  wikidata: 'Wikidata id',
  title: 'Title',
  url: 'Address',
  publisher: 'Publisher',
  published: 'Date published',
  extra: 'Imported data',
};

/** "Verdict", "Status": what a reader calls the field; a field Newsmark does not know keeps its key. */
export function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field;
}

/** Which annotation a conflict is on, in words: "claim c2", "actor Russia", "the article". */
export function conflictSubject(c: MergeConflict, annotations?: Annotations): string {
  if (c.kind === 'article') {
    return 'the article';
  }
  if (c.kind === 'actor') {
    const name = annotations?.actors.find((a) => a.id === c.id)?.name;
    return name ? `actor ${name}` : `actor ${c.id}`;
  }
  return `claim ${c.id}`;
}

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

/** One side's value of a field, in the labels the user sees ("Mostly false", "In progress", an actor's name). */
export function describeSide(c: MergeConflict, value: unknown, labels: ConflictLabels = DEFAULT_CONFLICT_LABELS, annotations?: Annotations): string {
  if (typeof value === 'string') {
    switch (c.kind === 'claim' ? c.field : c.kind === 'actor' && c.field === 'type' ? 'actor-type' : '') {
      case 'verdict':
        return describeValue(labels.verdict(value));
      case 'status':
        return describeValue((CLAIM_STATUS_LABELS as Record<string, string>)[value] ?? value);
      case 'claimant':
        return describeValue(annotations?.actors.find((a) => a.id === value)?.name ?? value);
      case 'actor-type':
        return describeValue(labels.actorType(value));
    }
  }
  if (value === undefined && c.kind === 'claim') {
    if (c.field === 'verdict') {
      return 'no verdict';
    }
    if (c.field === 'claimant') {
      return 'the article itself';
    }
  }
  return describeValue(value);
}

/**
 * "Verdict conflict on claim c1: yours says “Mostly false”, theirs says “False”". A deletion
 * says which side removed what, and that the changed version is the one kept until then.
 */
export function conflictMessage(c: MergeConflict, labels: ConflictLabels = DEFAULT_CONFLICT_LABELS, annotations?: Annotations): string {
  const subject = conflictSubject(c, annotations);
  if (c.field === 'deleted') {
    const who = subject.charAt(0).toUpperCase() + subject.slice(1);
    return c.ours === 'deleted'
      ? `${who} was removed on your side and changed on theirs; their version is kept until you decide`
      : `${who} was changed on your side and removed on theirs; your version is kept until you decide`;
  }
  const says = (value: unknown) => {
    const words = describeSide(c, value, labels, annotations);
    return words.startsWith('on ') ? `is ${words}` : words === 'none' || words === 'no verdict' ? `has ${words}` : `says ${words}`;
  };
  return `${fieldWords(c.field)} conflict on ${subject}: yours ${says(c.ours)}, theirs ${says(c.theirs)}`;
}

/** The reader's message (sidecar warnings, the merge driver's report), with the default scale's labels. */
export function describeConflict(c: MergeConflict): string {
  return conflictMessage(c);
}

/** What the button that keeps a side does, for the undo message: "Keep mine: verdict of claim c1". */
export function resolutionLabel(c: MergeConflict, side: ConflictSide, annotations?: Annotations): string {
  const what = c.field === 'deleted' ? conflictSubject(c, annotations) : `${fieldWords(c.field).toLowerCase()} of ${conflictSubject(c, annotations)}`;
  return `${side === 'ours' ? 'Keep mine' : 'Take theirs'}: ${what}`;
}

export type Resolution = { readonly annotations: Annotations; readonly label: string } | { readonly problem: string };

/**
 * The annotations with one conflict resolved, named by its `conflictKey` (or its place in the
 * list). The annotations hold the merged value, ours for a field, the changed version for a
 * deletion; the side kept decides the field, or whether the annotation stays. The record goes,
 * and with the last one the `conflicts` key. A conflict that is not there, an annotation that
 * is gone, or a value the sidecar could not hold is a problem, and nothing changes. Anchors
 * taken from theirs are found again in `articleText`, as the merge may have moved the text.
 */
export function resolveConflict(annotations: Annotations, key: string | number, side: ConflictSide, articleText?: string, stamp?: Stamp): Resolution {
  const index = typeof key === 'number' ? key : (annotations.conflicts ?? []).findIndex((c) => conflictKey(c) === key);
  const conflict = annotations.conflicts?.[index];
  if (!conflict) {
    return { problem: 'That conflict is no longer in the sidecar (it was resolved already, or the sidecar changed); nothing was changed.' };
  }
  const next: Annotations = { ...annotations, actors: [...annotations.actors], claims: [...annotations.claims] };
  const rest = annotations.conflicts!.filter((_, i) => i !== index);
  if (rest.length) {
    next.conflicts = rest;
  } else {
    delete next.conflicts;
  }
  const problem = conflict.field === 'deleted' ? keepOrRemove(next, conflict, side) : setField(next, conflict, side, articleText, stamp);
  return problem ? { problem } : { annotations: next, label: resolutionLabel(conflict, side, annotations) };
}

/** A deletion against a change: the changed version is in the annotations, so removing is all there is to do. */
function keepOrRemove(next: Annotations, conflict: MergeConflict, side: ConflictSide): string | undefined {
  if (conflict.kind === 'article') {
    return 'The article cannot be removed from its own sidecar; nothing was changed.';
  }
  if ((side === 'ours' ? conflict.ours : conflict.theirs) !== 'deleted') {
    return undefined;
  }
  if (conflict.kind === 'actor') {
    next.actors = next.actors.filter((a) => a.id !== conflict.id);
    next.claims = next.claims.map((c) => (c.claimant === conflict.id ? withoutField(c, 'claimant') : c));
  } else {
    next.claims = next.claims.filter((c) => c.id !== conflict.id);
  }
  return undefined;
}

function setField(next: Annotations, conflict: MergeConflict, side: ConflictSide, articleText: string | undefined, stamp: Stamp | undefined): string | undefined {
  const item = conflict.kind === 'article' ? next.article : conflict.kind === 'actor' ? next.actors.find((a) => a.id === conflict.id) : next.claims.find((c) => c.id === conflict.id);
  if (!item) {
    return `${conflictSubject(conflict).replace(/^./, (c) => c.toUpperCase())} is no longer in the annotations, so there is nothing to keep a side of; nothing was changed.`;
  }
  if (side === 'ours') {
    return undefined;
  }
  const checked = checkValue(conflict, conflict.theirs, next);
  if ('problem' in checked) {
    return checked.problem;
  }
  let value = checked.value;
  if (conflict.field === 'anchor' && articleText !== undefined) {
    value = reattach(articleText, value as Anchor).anchor;
  }
  const changed = value === undefined ? withoutField(item, conflict.field) : { ...item, [conflict.field]: value };
  if (conflict.kind === 'claim' && (conflict.field === 'verdict' || conflict.field === 'status')) {
    // Taking their verdict or status is the resolver's review of the claim: the record holds values, not who set them.
    markReviewed(changed as Claim, stamp);
  }
  if (conflict.kind === 'article') {
    next.article = changed as Annotations['article'];
  } else if (conflict.kind === 'actor') {
    next.actors = next.actors.map((a) => (a.id === conflict.id ? (changed as Actor) : a));
  } else {
    next.claims = next.claims.map((c) => (c.id === conflict.id ? (changed as Claim) : c));
  }
  return undefined;
}

/** Fields an annotation cannot be without. */
const REQUIRED: Record<MergeConflict['kind'], readonly string[]> = { actor: ['name', 'type'], claim: ['anchor', 'status'], article: [] };
/** Fields that are not a conflict's to set: identity and what the merge keeps as sets. */
const NOT_SETTABLE = new Set(['id', 'mentions', 'sources', 'file', 'sha256']);

/**
 * Theirs, as the sidecar could hold it. The record is read from a file like any other, so a
 * hand-edited one may name a status that does not exist or a claimant that is gone.
 */
function checkValue(conflict: MergeConflict, value: unknown, annotations: Annotations): { value: unknown } | { problem: string } {
  const subject = conflictSubject(conflict, annotations);
  const refuse = (why: string) => ({ problem: `Their ${fieldWords(conflict.field).toLowerCase()} of ${subject} ${why}; nothing was changed.` });
  if (NOT_SETTABLE.has(conflict.field)) {
    return refuse('is not something a conflict can set');
  }
  if (value === undefined || value === null) {
    return REQUIRED[conflict.kind].includes(conflict.field) ? refuse('is missing') : { value: undefined };
  }
  if (conflict.kind === 'claim' && conflict.field === 'status' && !(CLAIM_STATUSES as readonly unknown[]).includes(value)) {
    return refuse(`is ${describeValue(value)}, which is not a status (${CLAIM_STATUSES.join(', ')})`);
  }
  if (conflict.kind === 'claim' && conflict.field === 'claimant' && !annotations.actors.some((a) => a.id === value)) {
    return refuse(`names ${describeValue(value)}, which is not an actor in this article`);
  }
  if (conflict.kind === 'claim' && conflict.field === 'anchor') {
    return isAnchor(value) ? { value: { ...value, prefix: value.prefix ?? '', suffix: value.suffix ?? '' } } : refuse('is not a place in the article (start, end and quote)');
  }
  const ours = conflict.ours;
  if (ours !== undefined && ours !== null && (typeof ours !== typeof value || Array.isArray(ours) !== Array.isArray(value))) {
    return refuse(`is ${describeValue(value)}, not the kind of value yours is`);
  }
  if (typeof value === 'string' && REQUIRED[conflict.kind].includes(conflict.field) && !value.trim()) {
    return refuse('is empty');
  }
  return { value };
}

function isAnchor(value: unknown): value is Anchor {
  const a = value as Partial<Anchor> | null;
  return (
    typeof a === 'object' &&
    a !== null &&
    Number.isInteger(a.start) &&
    Number.isInteger(a.end) &&
    a.start! >= 0 &&
    a.end! >= a.start! &&
    typeof a.quote === 'string' &&
    a.quote.length > 0 &&
    (a.prefix === undefined || typeof a.prefix === 'string') &&
    (a.suffix === undefined || typeof a.suffix === 'string')
  );
}

function withoutField<T extends object>(item: T, field: string): T {
  const copy = { ...item } as Record<string, unknown>;
  delete copy[field];
  return copy as T;
}

/**
 * Resolves a conflict in the annotations given, in place: the store's live annotations, inside
 * its change, so the resolution is written, merged and undone like any other change.
 */
export function resolveConflictIn(annotations: Annotations, key: string, side: ConflictSide, articleText: string, stamp?: Stamp): { label: string } | { problem: string } {
  const result = resolveConflict(annotations, key, side, articleText, stamp);
  if ('problem' in result) {
    return result;
  }
  const { article, actors, claims, conflicts } = result.annotations;
  Object.assign(annotations, { article, actors, claims });
  if (conflicts) {
    annotations.conflicts = conflicts;
  } else {
    delete annotations.conflicts;
  }
  return { label: result.label };
}
