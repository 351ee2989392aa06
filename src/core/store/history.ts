// Undo and redo of annotation changes: each change kept as the actors and claims it touched, before and after, and put back without undoing anything else.

import { isDeepStrictEqual } from 'node:util';
import { reattach } from '../anchoring';
import { sha256 } from '../hash';
import type { Actor, Anchor, Annotations, Claim } from '../model';
import { anchorIdentity } from './anchorHistory';

/** How many annotation changes an article can undo. */
export const UNDO_LIMIT = 100;

interface ItemChange<T> {
  readonly id: string;
  /** Undefined: the item did not exist on that side. */
  readonly before?: T;
  readonly after?: T;
  /** Where the item stood in its list on each side, so a removed one comes back in its place. */
  readonly beforeIndex: number;
  readonly afterIndex: number;
}

/** What an annotation change touched besides actors and claims. */
interface Rest {
  readonly article: Omit<Annotations['article'], 'sha256'>;
  readonly suggestions?: Annotations['suggestions'];
  readonly extra?: Annotations['extra'];
  readonly conflicts?: Annotations['conflicts'];
}

export interface Step {
  /** What the user did, in the words of the command ("Mark Actor “Russia”"). */
  readonly label: string;
  /** The article text the step's offsets refer to. */
  readonly textHash: string;
  readonly actors: readonly ItemChange<Actor>[];
  readonly claims: readonly ItemChange<Claim>[];
  readonly rest?: { readonly before: Rest; readonly after: Rest };
}

type Side = 'before' | 'after';

/** The annotations of one article before a change, taken so the change can be recorded once made. */
export interface PendingStep {
  readonly before: Annotations;
  readonly text: string;
}

/**
 * The undo and redo stacks of one article. A step holds copies of only what it changed, so a
 * hundred steps cost what a hundred small edits cost, not a hundred copies of the article.
 */
export class AnnotationHistory {
  private undos: Step[] = [];
  private redos: Step[] = [];

  get canUndo(): boolean {
    return this.undos.length > 0;
  }

  get canRedo(): boolean {
    return this.redos.length > 0;
  }

  /** The label of the step an undo would revert. */
  get nextUndo(): string | undefined {
    return this.undos.at(-1)?.label;
  }

  get nextRedo(): string | undefined {
    return this.redos.at(-1)?.label;
  }

  begin(annotations: Annotations, text: string): PendingStep {
    return { before: copyData(annotations), text };
  }

  /** Records the change since `begin`; returns it, or undefined when nothing changed. */
  commit(pending: PendingStep, annotations: Annotations, label?: string): Step | undefined {
    const step = diff(pending.before, annotations, pending.text, label);
    if (!step) {
      return undefined;
    }
    this.undos.push(step);
    if (this.undos.length > UNDO_LIMIT) {
      this.undos.shift();
    }
    this.redos = [];
    return step;
  }

  /** Reverts the latest step on `annotations` (in place), anchored to `text`; returns it. */
  undo(annotations: Annotations, text: string): Step | undefined {
    return this.move(this.undos, this.redos, 'before', annotations, text);
  }

  redo(annotations: Annotations, text: string): Step | undefined {
    return this.move(this.redos, this.undos, 'after', annotations, text);
  }

  private move(from: Step[], to: Step[], side: Side, annotations: Annotations, text: string): Step | undefined {
    const step = from.pop();
    if (!step) {
      return undefined;
    }
    apply(step, side, annotations, text);
    to.push(step);
    return step;
  }
}

function diff(before: Annotations, after: Annotations, text: string, label?: string): Step | undefined {
  const actors = diffList(before.actors, after.actors);
  const claims = diffList(before.claims, after.claims);
  const restBefore = restOf(before);
  const restAfter = restOf(after);
  const restChanged = !isDeepStrictEqual(restBefore, restAfter);
  if (!actors.length && !claims.length && !restChanged) {
    return undefined;
  }
  const step: Step = {
    label: '',
    textHash: sha256(text),
    actors,
    claims,
    rest: restChanged ? { before: restBefore, after: copyData(restAfter) } : undefined,
  };
  return { ...step, label: label ?? describeStep(step) };
}

function diffList<T extends { id: string }>(before: readonly T[], after: readonly T[]): ItemChange<T>[] {
  const changes: ItemChange<T>[] = [];
  const beforeAt = new Map(before.map((item, i) => [item.id, i]));
  const afterAt = new Map(after.map((item, i) => [item.id, i]));
  for (const id of new Set([...beforeAt.keys(), ...afterAt.keys()])) {
    const beforeIndex = beforeAt.get(id) ?? -1;
    const afterIndex = afterAt.get(id) ?? -1;
    const b = before[beforeIndex];
    const a = after[afterIndex];
    if (!isDeepStrictEqual(b, a)) {
      // `before` is already a private copy; `after` is live and goes on changing.
      changes.push({ id, before: b, after: a === undefined ? undefined : copyData(a), beforeIndex, afterIndex });
    }
  }
  return changes;
}

function restOf(annotations: Annotations): Rest {
  const { sha256: _fingerprint, ...article } = annotations.article;
  return { article, suggestions: annotations.suggestions, extra: annotations.extra, conflicts: annotations.conflicts };
}

/** Puts the items the step touched as they were on `side`, leaving every other item as it is. */
function apply(step: Step, side: Side, annotations: Annotations, text: string): void {
  const textChanged = sha256(text) !== step.textHash;
  for (const change of step.actors) {
    applyItem(annotations.actors, change, side, (live, target) => {
      target.mentions = carryAnchors(`actor:${change.id}`, live?.mentions ?? [], target.mentions, textChanged, text);
    });
  }
  for (const change of step.claims) {
    applyItem(annotations.claims, change, side, (live, target) => {
      target.anchor = carryAnchors(`claim:${change.id}`, live ? [live.anchor] : [], [target.anchor], textChanged, text)[0];
    });
  }
  if (step.rest) {
    const rest = copyData(step.rest[side]);
    annotations.article = { ...rest.article, sha256: annotations.article.sha256 };
    setOrDelete(annotations, 'suggestions', rest.suggestions);
    setOrDelete(annotations, 'extra', rest.extra);
    setOrDelete(annotations, 'conflicts', rest.conflicts);
  }
  // A claimant that is no longer an actor leaves the claim to the article, as a merge does.
  const ids = new Set(annotations.actors.map((a) => a.id));
  for (const claim of annotations.claims) {
    if (claim.claimant !== undefined && !ids.has(claim.claimant)) {
      delete claim.claimant;
    }
  }
}

function applyItem<T extends { id: string }>(list: T[], change: ItemChange<T>, side: Side, anchor: (live: T | undefined, target: T) => void): void {
  const at = list.findIndex((i) => i.id === change.id);
  const target = change[side];
  if (target === undefined) {
    if (at >= 0) {
      list.splice(at, 1);
    }
    return;
  }
  const copy = copyData(target);
  anchor(at >= 0 ? list[at] : undefined, copy);
  if (at >= 0) {
    list[at] = copy;
  } else {
    const index = side === 'before' ? change.beforeIndex : change.afterIndex;
    list.splice(Math.min(Math.max(index, 0), list.length), 0, copy);
  }
}

/**
 * The anchors to restore, placed in today's text: an anchor the live item still has (same
 * quote and context) keeps its live place, which has followed every edit since; one that
 * comes back is found again if the text changed since the step.
 */
function carryAnchors(owner: string, live: readonly Anchor[], target: Anchor[], textChanged: boolean, text: string): Anchor[] {
  const available = new Map<string, Anchor[]>();
  for (const anchor of [...live].sort((a, b) => a.start - b.start)) {
    const key = anchorIdentity(owner, anchor);
    available.set(key, [...(available.get(key) ?? []), anchor]);
  }
  return target.map((anchor) => {
    const same = available.get(anchorIdentity(owner, anchor))?.shift();
    if (same) {
      return copyData(same);
    }
    if (!textChanged) {
      return anchor;
    }
    return reattach(text, anchor).anchor;
  });
}

/**
 * A deep copy of annotation data (plain objects, arrays, strings, numbers, booleans). Taken
 * before every change, so it is written for speed: several times faster than structuredClone
 * on an article's thousand small anchors.
 */
function copyData<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(copyData) as T;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      copy[key] = copyData((value as Record<string, unknown>)[key]);
    }
    return copy as T;
  }
  return value;
}

function setOrDelete<K extends 'suggestions' | 'extra' | 'conflicts'>(annotations: Annotations, key: K, value: Annotations[K]): void {
  if (value === undefined) {
    delete annotations[key];
  } else {
    annotations[key] = value;
  }
}

/** Words for a step whose caller gave none, from what it changed. */
export function describeStep(step: Omit<Step, 'label'>): string {
  const changes = [...step.actors.map(describeActor), ...step.claims.map(describeClaim)];
  if (changes.length === 1) {
    return changes[0];
  }
  if (changes.length > 1) {
    return `${changes.length} annotation changes`;
  }
  return JSON.stringify(step.rest?.before.suggestions) !== JSON.stringify(step.rest?.after.suggestions) ? 'Review of suggestions' : 'Article details';
}

function describeActor(change: ItemChange<Actor>): string {
  const { before, after } = change;
  const name = `“${(after ?? before)!.name}”`;
  if (!before) {
    return `Mark Actor ${name}`;
  }
  if (!after) {
    return `Remove actor ${name}`;
  }
  if (after.mentions.length > before.mentions.length) {
    return `Mark mention of ${name}`;
  }
  if (after.mentions.length < before.mentions.length) {
    return `Remove mention of ${name}`;
  }
  return `Change actor ${name}`;
}

function describeClaim(change: ItemChange<Claim>): string {
  const { before, after } = change;
  const quote = (after ?? before)!.anchor.quote;
  const name = `“${quote.length > 40 ? `${quote.slice(0, 39)}…` : quote}”`;
  if (!before) {
    return `Mark Claim ${name}`;
  }
  if (!after) {
    return `Remove claim ${name}`;
  }
  if (before.verdict !== after.verdict) {
    return `Set Verdict of ${name}`;
  }
  if (before.status !== after.status) {
    return `Set Status of ${name}`;
  }
  if (before.claimant !== after.claimant) {
    return `Set Claimant of ${name}`;
  }
  if (JSON.stringify(before.sources) !== JSON.stringify(after.sources)) {
    return `Change sources of ${name}`;
  }
  if (before.notes !== after.notes) {
    return `Change note of ${name}`;
  }
  return `Change claim ${name}`;
}
