// Small text helpers the core needs in several places: the one home for each.

/**
 * Text for a one-line message, cut with an ellipsis at `max` units: line breaks and tabs shown
 * as ⏎ and ⇥, so a quote from the article cannot break the message's line or hide its spaces.
 */
export function shorten(text: string, max = 60): string {
  const oneLine = text.replace(/\r?\n/g, '⏎').replace(/\t/g, '⇥');
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}

/** "1 sidecar", "2 sidecars": a number with its noun, plural unless one. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Levenshtein distance of a and b, or max + 1 once it is known to exceed max: only a band of
 * the table is filled, so comparing long texts for a few edits stays cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) {
    return max + 1;
  }
  const over = max + 1;
  let previous = new Int32Array(n + 1).fill(over);
  let current = new Int32Array(n + 1).fill(over);
  for (let j = 0; j <= Math.min(n, max); j++) {
    previous[j] = j;
  }
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    current.fill(over);
    current[0] = i <= max ? i : over;
    let rowMin = current[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(previous[j - 1] + cost, previous[j] + 1, current[j - 1] + 1, over);
      current[j] = v;
      if (v < rowMin) {
        rowMin = v;
      }
    }
    if (rowMin > max) {
      return over;
    }
    [previous, current] = [current, previous];
  }
  return Math.min(previous[n], over);
}
