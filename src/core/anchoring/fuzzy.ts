// Approximate matching of a quote whose wording changed: approx-string-match's matches, with the runners-up around them.

import search from 'approx-string-match';
import { editDistance } from '../text';
import { snap } from './boundaries';
import { type Candidate, type Expected, measure } from './candidate';
import { alignToContext } from './context';
import type { Form } from './forms';
import { MAX_FUZZY_CANDIDATES } from './thresholds';

export interface Span {
  start: number;
  end: number;
}

/**
 * Collects approximate matches of `quote` in text[lo, hi). approx-string-match reports only the
 * matches with the fewest edits, so the gaps around them are searched again for the runners-up:
 * a rival with one more edit is still a rival.
 */
export function approximateIn(text: string, quote: string, k: number, lo: number, hi: number, depth: number, out: Span[]): void {
  if (hi - lo < quote.length - k || out.length >= MAX_FUZZY_CANDIDATES * 2) {
    return;
  }
  const found = search(text.slice(lo, hi), quote, k);
  if (found.length === 0) {
    return;
  }
  // Matches ending at neighbouring offsets are one place seen several times.
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const places: Span[] = [];
  for (const m of found) {
    const last = places[places.length - 1];
    if (last && lo + m.start < last.end) {
      continue;
    }
    places.push({ start: lo + m.start, end: lo + m.end });
  }
  out.push(...places);
  // Several equally good places already make a crowd that only context or nearness can sort
  // out; looking for worse ones between them would only cost time.
  if (depth >= 1 || places.length > 3) {
    return;
  }
  let cursor = lo;
  for (const p of places) {
    approximateIn(text, quote, k, cursor, p.start, depth + 1, out);
    cursor = p.end;
  }
  approximateIn(text, quote, k, cursor, hi, depth + 1, out);
}

/**
 * The stretches of text a match with at most k edits could occupy, around each place where a
 * piece of the quote starts it (`starts`, where the quote would start): merged where they
 * overlap, the first MAX_FUZZY_CANDIDATES of them.
 */
export function windowsAround(starts: number[], quoteLength: number, k: number, textLength: number): [number, number][] {
  starts.sort((a, b) => a - b);
  const windows: [number, number][] = [];
  for (const s of starts) {
    const lo = Math.max(0, s - k - 1);
    const hi = Math.min(textLength, s + quoteLength + k + 1);
    const last = windows[windows.length - 1];
    if (last && lo <= last[1]) {
      last[1] = Math.max(last[1], hi);
    } else {
      windows.push([lo, hi]);
    }
  }
  return windows.slice(0, MAX_FUZZY_CANDIDATES);
}

/**
 * Turns a raw approximate match into a candidate: boundaries moved off the middle of a
 * character, then (if that agrees better) onto where the stored context ends and begins.
 */
export function refine(text: string, form: Form, span: Span, k: number, centers: Expected[]): Candidate | undefined {
  let start = snap(text, span.start, 'back');
  let end = snap(text, span.end, 'forward');
  const options: Span[] = [{ start, end }];
  // An exact occurrence keeps its bounds: stretching it over inserted words to reach the
  // context would turn intact text into changed text.
  const aligned = text.slice(start, end) === form.quote ? { start, end } : alignToContext(text, form, start, end, k);
  if (aligned.start !== start || aligned.end !== end) {
    start = snap(text, aligned.start, 'back');
    end = snap(text, aligned.end, 'forward');
    options.push({ start, end });
  }
  let best: Candidate | undefined;
  for (const o of options) {
    if (o.end < o.start) {
      continue;
    }
    const errors = editDistance(form.quote, text.slice(o.start, o.end), k);
    if (errors > k) {
      continue;
    }
    const c = measure(text, form, o.start, o.end, errors, centers);
    if (!best || c.agreement > best.agreement) {
      best = c;
    }
  }
  return best;
}
