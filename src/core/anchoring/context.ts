// How much of an anchor's stored prefix and suffix the text reproduces around a place.

import { BOM, CR, LF } from './boundaries';
import type { Span } from './fuzzy';
import type { Form } from './forms';

/**
 * How many units of `prefix`, read backwards, the text reproduces right before `pos`. A CR
 * before LF is skipped on either side so that a change of line endings is not a change of context.
 */
export function agreeBefore(text: string, pos: number, prefix: string): { matched: number; atEdge: boolean; from: number; inLine: number } {
  let i = pos - 1;
  let j = prefix.length - 1;
  let inLine = -1;
  // Until both run out: read backwards, the CR of a CR LF comes after its LF, so one side may
  // run out with the other's CR still to skip (an article that begins with a line break).
  while (i >= 0 || j >= 0) {
    const a = text.charCodeAt(i);
    const b = prefix.charCodeAt(j);
    if (a === b) {
      if (a === LF && inLine < 0) {
        inLine = prefix.length - j;
      }
      i--;
      j--;
    } else if (a === CR && text.charCodeAt(i + 1) === LF) {
      i--;
    } else if (b === CR && prefix.charCodeAt(j + 1) === LF) {
      j--;
    } else {
      break;
    }
  }
  // A byte-order mark added or removed at the top does not move the article's start.
  const atEdge = i < 0 || (i === 0 && text.charCodeAt(0) === BOM);
  const matched = prefix.length - 1 - j;
  return { matched, atEdge: atEdge && j < 0, from: i + 1, inLine: inLine < 0 ? matched : inLine };
}

export function agreeAfter(text: string, pos: number, suffix: string): { matched: number; atEdge: boolean; to: number; inLine: number } {
  let i = pos;
  let j = 0;
  let inLine = -1;
  while (i < text.length && j < suffix.length) {
    const a = text.charCodeAt(i);
    const b = suffix.charCodeAt(j);
    if (a === b) {
      if (a === LF && inLine < 0) {
        inLine = j + 1;
      }
      i++;
      j++;
    } else if (a === CR && text.charCodeAt(i + 1) === LF) {
      i++;
    } else if (b === CR && suffix.charCodeAt(j + 1) === LF) {
      j++;
    } else {
      break;
    }
  }
  return { matched: j, atEdge: i >= text.length && j >= suffix.length, to: i, inLine: inLine < 0 ? j : inLine };
}

/**
 * Moves fuzzy-match boundaries (within k units) to where the stored context ends and begins,
 * when the context agrees better there: an edit at the edge of the quote shifts the raw match.
 */
export function alignToContext(text: string, form: Form, start: number, end: number, k: number): Span {
  const before = bestWithin(start, k, text.length, (s) => agreeBefore(text, s, form.prefix).matched);
  const after = bestWithin(end, k, text.length, (e) => agreeAfter(text, e, form.suffix).matched);
  // Context that agrees only a unit or two (a space) is a coincidence, not a boundary.
  return {
    start: before.matched >= 4 ? before.at : start,
    end: after.matched >= 4 ? after.at : end,
  };
}

/** The offset within k of `at` where the most context agrees (the nearest of equals), and how much does. */
function bestWithin(at: number, k: number, length: number, agree: (offset: number) => number): { at: number; matched: number } {
  let best = at;
  let bestMatched = agree(at);
  for (let o = Math.max(0, at - k); o <= Math.min(length, at + k); o++) {
    const m = agree(o);
    if (m > bestMatched || (m === bestMatched && m > 0 && Math.abs(o - at) < Math.abs(best - at))) {
      best = o;
      bestMatched = m;
    }
  }
  return { at: best, matched: bestMatched };
}
