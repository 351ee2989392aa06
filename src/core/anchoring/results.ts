// What re-attachment returns for an anchor: the anchor at its new place, or an orphan that keeps its quote and old place.

import type { Anchor } from '../model';
import type { Candidate } from './candidate';

/** How an anchor was found again. `orphaned`: it was not, and it keeps its quote and old position. */
export type ReattachMethod = 'position' | 'exact' | 'fuzzy' | 'orphaned';

export interface Reattachment {
  /** A new anchor: same quote, prefix and suffix; `start`/`end` where the quote is now (UTF-16). */
  anchor: Anchor;
  method: ReattachMethod;
  /**
   * 0–1: how much of the stored quote and context the text at the new place reproduces.
   * 1 is the quote with its whole prefix and suffix; absent for orphans.
   */
  score?: number;
  /** Why an anchor was orphaned: nothing matched well enough, or several places matched equally. */
  reason?: 'not-found' | 'ambiguous';
}

export interface ReattachOptions {
  /**
   * UTF-16 units searched on each side of where an anchor is expected, in reattachAll's first
   * pass, for a passage that moved as a block. Wider finds bigger jumps in that cheap pass; the
   * rest of the article is searched later anyway.
   */
  window?: number;
}

export function attach(anchor: Anchor, c: Candidate, method: ReattachMethod): Reattachment {
  const { orphaned: _orphaned, ...rest } = anchor;
  const maxAgreement = c.form.quote.length + c.form.prefix.length + c.form.edgeCreditBefore + c.form.suffix.length + c.form.edgeCreditAfter;
  const score = maxAgreement === 0 ? 1 : Math.max(0, Math.min(1, c.agreement / maxAgreement));
  return { anchor: { ...rest, start: c.start, end: c.end }, method, score };
}

/** Keeps the quote and context; the old span, clamped into the text, marks where it was. */
export function orphan(text: string, anchor: Anchor, reason: 'not-found' | 'ambiguous'): Reattachment {
  const start = clampHint(anchor.start, text.length);
  const end = Math.max(start, clampHint(anchor.end, text.length));
  return { anchor: { ...anchor, start, end, orphaned: true }, method: 'orphaned', reason };
}

export function hintOf(anchor: Anchor): number {
  return Number.isFinite(anchor.start) ? Math.round(anchor.start) : 0;
}

export function clampHint(offset: number, length: number): number {
  if (!Number.isFinite(offset)) {
    return 0;
  }
  return Math.max(0, Math.min(Math.round(offset), length));
}
