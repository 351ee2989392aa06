// Where anchors were before edits that collapsed or cut them, so that undoing the edit puts them back, and orphans whose text came back are found again.

import type { TextEdit } from '../edits';
import { sha256 } from '../hash';
import type { Anchor, Annotations } from '../model';

/** How many texts an article remembers anchors for; an undo further back falls back on finding orphans again. */
export const ANCHOR_HISTORY_LIMIT = 50;

/**
 * How far from where an orphan was cut out its text may come back and still count as its
 * old place: a pasted paragraph lands near the cut, not across the article.
 */
export const REFIND_DISTANCE = 4096;

interface Position {
  start: number;
  end: number;
  orphaned: boolean;
}

/** An anchor as it was: what it is (owner, quote, context, sharing the anchor's strings) and where. */
interface Remembered extends Position {
  readonly owner: string;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
}

interface Snapshot {
  readonly length: number;
  readonly hash: string;
  /** Kept flat and keyed only when restored, since most snapshots are never used. */
  readonly anchors: readonly Remembered[];
}

/** One anchor with the annotation that owns it. */
export interface OwnedAnchor {
  readonly owner: string;
  readonly anchor: Anchor;
}

/** Every anchor with its owner's key: `actor:<id>` for mentions, `claim:<id>` for claims. */
export function ownedAnchors(annotations: Annotations): OwnedAnchor[] {
  return [
    ...annotations.actors.flatMap((a) => a.mentions.map((anchor) => ({ owner: `actor:${a.id}`, anchor }))),
    ...annotations.claims.map((c) => ({ owner: `claim:${c.id}`, anchor: c.anchor })),
  ];
}

/**
 * What an anchor is, whatever its position: its owner, its quote and the context it was made
 * in. Positions move with every edit and objects are replaced by merges and undos; this stays.
 */
export function anchorIdentity(owner: string, anchor: Pick<Anchor, 'quote' | 'prefix' | 'suffix'>): string {
  return `${owner}\u0000${anchor.quote}\u0000${anchor.prefix}\u0000${anchor.suffix}`;
}

/** Whether an edit would cut into or across a live anchor, so that shifting loses where it was. */
export function cutsAnchors(annotations: Annotations, edits: readonly TextEdit[]): boolean {
  // Runs on every keystroke: walks the anchors in place, without a list or an iterator.
  for (const actor of annotations.actors) {
    for (const mention of actor.mentions) {
      if (cuts(mention, edits)) {
        return true;
      }
    }
  }
  for (const claim of annotations.claims) {
    if (cuts(claim.anchor, edits)) {
      return true;
    }
  }
  return false;
}

function cuts(anchor: Anchor, edits: readonly TextEdit[]): boolean {
  if (anchor.orphaned) {
    return false;
  }
  for (const edit of edits) {
    const end = edit.offset + edit.length;
    const deletesInside = edit.length > 0 && edit.offset < anchor.end && end > anchor.start;
    const insertsInside = edit.offset > anchor.start && edit.offset < anchor.end;
    if (deletesInside || insertsInside) {
      return true;
    }
  }
  return false;
}

/**
 * The anchors of one article as they were in recent texts, each remembered before an edit
 * that cut into anchors. When the text becomes one of those texts again (an undo, a redo, the
 * passage pasted back), its anchors go back exactly where they were.
 */
export class AnchorHistory {
  private snapshots: Snapshot[] = [];

  /** Remembers where every anchor is in `text`, the text before an edit that cuts anchors. */
  record(text: string, annotations: Annotations): void {
    const hash = sha256(text);
    const anchors = ownedAnchors(annotations).map(({ owner, anchor: { start, end, orphaned, quote, prefix, suffix } }) => ({
      owner,
      quote,
      prefix,
      suffix,
      start,
      end,
      orphaned: Boolean(orphaned),
    }));
    // The newest picture of a text replaces an older one: annotations may have changed since.
    this.snapshots = this.snapshots.filter((s) => s.hash !== hash);
    this.snapshots.push({ length: text.length, hash, anchors });
    if (this.snapshots.length > ANCHOR_HISTORY_LIMIT) {
      this.snapshots.shift();
    }
  }

  /**
   * When `text` is a text remembered, puts back the anchors still there with the same owner,
   * quote and context; returns whether it was one. Anchors added or re-made since are left
   * as they are, and so is a group whose count changed, since which is which is not known.
   */
  restore(text: string | { readonly length: number; readonly text: string }, annotations: Annotations): boolean {
    const candidates = this.snapshots.filter((s) => s.length === text.length);
    if (!candidates.length) {
      return false;
    }
    // Made whole only here: most texts have no snapshot of their length.
    const hash = sha256(typeof text === 'string' ? text : text.text);
    const snapshot = candidates.find((s) => s.hash === hash);
    if (!snapshot) {
      return false;
    }
    const positions = groupBy(snapshot.anchors, (a) => anchorIdentity(a.owner, a));
    const groups = groupBy(ownedAnchors(annotations), (o) => anchorIdentity(o.owner, o.anchor));
    for (const [key, owned] of groups) {
      const was = positions.get(key);
      if (!was || was.length !== owned.length) {
        continue;
      }
      // Shifting keeps the order of anchors with one identity, so the i-th was the i-th.
      const ordered = owned.map((o) => o.anchor).sort((a, b) => a.start - b.start);
      was.sort((a, b) => a.start - b.start);
      ordered.forEach((anchor, i) => place(anchor, was[i]));
    }
    return true;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) {
      group.push(item);
    } else {
      groups.set(k, [item]);
    }
  }
  return groups;
}

function place(anchor: Anchor, position: Position): void {
  anchor.start = position.start;
  anchor.end = position.end;
  if (position.orphaned) {
    anchor.orphaned = true;
  } else {
    delete anchor.orphaned;
  }
}

/**
 * Finds again, in place, each orphan whose quote stands near where it was cut out, with the
 * whole context it was made in, in one place only there, and not on a span its annotation
 * already holds. Returns how many were found. Anything less certain is left to the user's
 * Re-attach. Looks only near each orphan, so a hundred orphans in a long article cost a few
 * milliseconds per pause in typing.
 */
export function refindOrphans(text: string, annotations: Annotations): number {
  // Runs at every pause in typing: most articles have no orphan, and need no list of owned anchors.
  if (!annotations.claims.some((c) => c.anchor.orphaned) && !annotations.actors.some((a) => a.mentions.some((m) => m.orphaned))) {
    return 0;
  }
  let found = 0;
  const owned = ownedAnchors(annotations);
  for (const { owner, anchor } of owned) {
    if (!anchor.orphaned) {
      continue;
    }
    const start = wholeContextNear(text, anchor);
    if (start === undefined) {
      continue;
    }
    const end = start + anchor.quote.length;
    const taken = owned.some((o) => o.owner === owner && !o.anchor.orphaned && o.anchor.start === start && o.anchor.end === end);
    if (!taken) {
      place(anchor, { start, end, orphaned: false });
      found++;
    }
  }
  return found;
}

/** Where the quote stands with its whole prefix and suffix near its old place, when that is in one place only. */
function wholeContextNear(text: string, anchor: Anchor): number | undefined {
  if (!anchor.quote) {
    return undefined;
  }
  const window = anchor.prefix + anchor.quote + anchor.suffix;
  const from = Math.max(0, anchor.start - REFIND_DISTANCE - anchor.prefix.length);
  const near = text.slice(from, anchor.start + REFIND_DISTANCE + anchor.quote.length + anchor.suffix.length);
  const at = near.indexOf(window);
  if (at < 0 || near.indexOf(window, at + 1) >= 0) {
    return undefined;
  }
  return from + at + anchor.prefix.length;
}
