// Character boundaries: where a match may start or end without splitting a surrogate pair, an accent from its letter, a flag or an emoji sequence.

export const CR = 0x0d;
export const LF = 0x0a;
export const BOM = 0xfeff;

/**
 * Whether a user-perceived character (grapheme cluster) boundary falls at `offset`, for what
 * articles contain: surrogate pairs, combining accents (NFD text), emoji with modifiers and ZWJ
 * sequences (👩‍👩‍👧), flags (two regional indicators, 🇦🇲), CR LF.
 */
export function isClusterBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) {
    return true;
  }
  if (!onBoundary(text, offset)) {
    return false;
  }
  const next = text.codePointAt(offset)!;
  const previous = codePointBefore(text, offset);
  if (previous === CR && next === LF) {
    return false;
  }
  if (previous === ZWJ || next === ZWJ || isExtender(next)) {
    return false;
  }
  if (isRegionalIndicator(previous) && isRegionalIndicator(next)) {
    // Inside a flag when an odd number of indicators precede: they pair from the left.
    let count = 0;
    for (let i = offset; i > 0 && isRegionalIndicator(codePointBefore(text, i)); i -= 2) {
      count++;
    }
    return count % 2 === 0;
  }
  return true;
}

const ZWJ = 0x200d;
const COMBINING = /^\p{M}$/u;

/** Code points that attach to the one before: combining marks, variation selectors, skin tones, tags. */
function isExtender(cp: number): boolean {
  return (
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x300 && COMBINING.test(String.fromCodePoint(cp)))
  );
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

function codePointBefore(text: string, offset: number): number {
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) {
      return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    }
  }
  return low;
}

/** Not between the two halves of a surrogate pair. */
export function onBoundary(text: string, offset: number): boolean {
  // At or past either end charCodeAt gives NaN, which is no surrogate: the ends are boundaries.
  const low = text.charCodeAt(offset);
  const high = text.charCodeAt(offset - 1);
  return !(low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff);
}

/** The nearest character boundary at or before (after) `offset`: no half flags, no bare accents. */
export function snap(text: string, offset: number, direction: 'back' | 'forward'): number {
  let at = Math.max(0, Math.min(offset, text.length));
  while (!isClusterBoundary(text, at)) {
    at += direction === 'back' ? -1 : 1;
  }
  return at;
}
