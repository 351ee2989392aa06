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
  while (i >= 0 && j >= 0) {
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
  let bestStart = start;
  let bestBefore = agreeBefore(text, start, form.prefix).matched;
  for (let s = Math.max(0, start - k); s <= Math.min(text.length, start + k); s++) {
    const m = agreeBefore(text, s, form.prefix).matched;
    if (m > bestBefore || (m === bestBefore && m > 0 && Math.abs(s - start) < Math.abs(bestStart - start))) {
      bestStart = s;
      bestBefore = m;
    }
  }
  let bestEnd = end;
  let bestAfter = agreeAfter(text, end, form.suffix).matched;
  for (let e = Math.max(0, end - k); e <= Math.min(text.length, end + k); e++) {
    const m = agreeAfter(text, e, form.suffix).matched;
    if (m > bestAfter || (m === bestAfter && m > 0 && Math.abs(e - end) < Math.abs(bestEnd - end))) {
      bestEnd = e;
      bestAfter = m;
    }
  }
  // Context that agrees only a unit or two (a space) is a coincidence, not a boundary.
  return {
    start: bestBefore >= 4 ? bestStart : start,
    end: bestAfter >= 4 ? bestEnd : end,
  };
}
