// The map from old text to new that the anchors placed so far draw, and what it says about a candidate place.

import { upperBound } from '../search';
import { ALIGN_SLACK, SAME_SPAN } from './thresholds';

/**
 * What the anchors already placed say about a candidate place for the one being placed, in
 * {@link reattachAll}.
 */
export interface Witnesses {
  /**
   * Whether a neighbour (by old position) moved by the same amount: placed there, or (if it
   * was a couple of sentences away, so that one duplicated sentence cannot hold both) found
   * there with its whole context. Returns how far off that neighbour's shift is, or undefined.
   */
  confirm(start: number): number | undefined;
  judge(start: number, end: number): Verdict;
  /** How much text was put in around a new place (the shifts of the anchors there rise by it). */
  insertedAt(start: number): number | undefined;
}

/**
 * same: the anchors placed around it were around this anchor's old place too. other: old text
 * from elsewhere, so another occurrence. moved-in: text put in since, so possibly this passage
 * moved there. unknown: no placed anchors on both sides to tell.
 */
export type Verdict = 'same' | 'other' | 'moved-in' | 'unknown';

/** Placed anchors by new start, with their old starts: the map from old text to new that re-attachment has found so far. */
export class Alignment {
  /** By new start. */
  private readonly starts: number[] = [];
  private readonly hints: number[] = [];
  /** The same old starts, ascending. */
  private readonly oldOrder: number[];

  /** From [new start, old start] pairs. */
  constructor(placed: [number, number][]) {
    placed.sort((a, b) => a[0] - b[0]);
    for (const [start, hint] of placed) {
      this.starts.push(start);
      this.hints.push(hint);
    }
    this.oldOrder = placed.map((p) => p[1]).sort((a, b) => a - b);
  }

  add(start: number, hint: number): void {
    const at = upperBound(this.starts, start);
    this.starts.splice(at, 0, start);
    this.hints.splice(at, 0, hint);
    this.oldOrder.splice(upperBound(this.oldOrder, hint), 0, hint);
  }

  judge(start: number, length: number, hint: number): Verdict {
    const around = this.around(start);
    if (!around) {
      return 'unknown';
    }
    const [x, y] = around;
    // Between the same two placed anchors in the old text and the new: where it should be,
    // however the text between them was edited. (Two placed anchors far apart say little.)
    if (hint >= this.hints[x] - ALIGN_SLACK && hint <= this.hints[y] + ALIGN_SLACK) {
      return this.hints[y] - this.hints[x] <= SAME_SPAN ? 'same' : 'unknown';
    }
    // Otherwise it is old text from between them, unless text was put in there since.
    const inserted = this.starts[y] - this.hints[y] - (this.starts[x] - this.hints[x]);
    return inserted >= Math.max(1, length) ? 'moved-in' : 'other';
  }

  inserted(start: number): number | undefined {
    const around = this.around(start);
    if (!around) {
      return undefined;
    }
    const [x, y] = around;
    return this.starts[y] - this.hints[y] - (this.starts[x] - this.hints[x]);
  }

  /**
   * The placed anchors right before and after `start`, if they were neighbours in the old text
   * too (no placed anchor between them there): only then is the text between them the old
   * text between them, edited in place. A passage that moved in brings anchors from elsewhere.
   */
  private around(start: number): [number, number] | undefined {
    const y = upperBound(this.starts, start);
    const x = y - 1;
    if (x < 0 || y >= this.starts.length || this.hints[x] > this.hints[y]) {
      return undefined;
    }
    const between = upperBound(this.oldOrder, this.hints[x]);
    if (between < this.oldOrder.length && this.oldOrder[between] < this.hints[y]) {
      return undefined;
    }
    return [x, y];
  }
}
