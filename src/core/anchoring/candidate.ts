// A place where an anchor's quote may be now, scored on how much of its stored context agrees there and how near it is.

import { agreeAfter, agreeBefore } from './context';
import type { Form } from './forms';
import { ERROR_COST } from './thresholds';

/** Where an anchor is expected to start now, and how far off that may reasonably be. */
export interface Expected {
  at: number;
  slack: number;
  /** Within this of `at` is as expected as `at` itself (half the bracket of two neighbours' shifts). */
  core?: number;
}

export interface Candidate {
  start: number;
  end: number;
  /** Where the text agreeing with the stored prefix begins, and with the suffix ends. */
  from: number;
  to: number;
  errors: number;
  before: number;
  after: number;
  /** The same, stopped at a line break: context from another paragraph moves on its own. */
  beforeInLine: number;
  afterInLine: number;
  /** The whole stored prefix and suffix agree (and the article's edges, where the context stopped at one). */
  full: boolean;
  agreement: number;
  /** From the nearest expected place. */
  distance: number;
  /** Within the slack of some expected place. */
  near: boolean;
  /**
   * How wide a window around the expected place this candidate's nearness stands for: twice
   * its distance from the expected place (a bracket's width counting as no distance). A
   * look-alike is as likely to fall that near as this window is wide.
   */
  nearSpan: number;
  form: Form;
}

/** Scores the place text[start, end) for `form`: how much of its context agrees there, and how near it is to where it is expected. */
export function measure(text: string, form: Form, start: number, end: number, errors: number, centers: Expected[]): Candidate {
  const b = agreeBefore(text, start, form.prefix);
  const a = agreeAfter(text, end, form.suffix);
  const prefixFull = b.matched === form.prefix.length && (!form.prefixAtEdge || b.atEdge);
  const suffixFull = a.matched === form.suffix.length && (!form.suffixAtEdge || a.atEdge);
  const before = b.matched + (prefixFull && form.prefixAtEdge ? form.edgeCreditBefore : 0);
  const after = a.matched + (suffixFull && form.suffixAtEdge ? form.edgeCreditAfter : 0);
  let distance = Infinity;
  let near = false;
  let offBy = Infinity;
  for (const c of centers) {
    const d = Math.abs(start - c.at);
    distance = Math.min(distance, d);
    if (d <= c.slack) {
      near = true;
      offBy = Math.min(offBy, 2 * (c.core ?? 0) + 2 * Math.max(0, d - (c.core ?? 0)));
    }
  }
  return {
    start,
    end,
    from: b.from,
    to: a.to,
    errors,
    before,
    after,
    beforeInLine: b.inLine + (prefixFull && form.prefixAtEdge ? form.edgeCreditBefore : 0),
    afterInLine: a.inLine + (suffixFull && form.suffixAtEdge ? form.edgeCreditAfter : 0),
    full: prefixFull && suffixFull && errors === 0,
    agreement: form.quote.length - ERROR_COST * errors + before + after,
    distance,
    near,
    nearSpan: near ? offBy : Infinity,
    form,
  };
}

/** One candidate per start (the same place found twice). */
export function mergeByStart(candidates: Candidate[]): Candidate[] {
  const seen = new Map<number, Candidate>();
  for (const c of candidates) {
    seen.set(c.start, c);
  }
  return [...seen.values()];
}

export function mergeOverlapping(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => b.agreement - a.agreement || a.distance - b.distance);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) {
      kept.push(c);
    }
  }
  return kept;
}
