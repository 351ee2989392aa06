// Matching the spans two annotators marked, and grouping every annotator's spans into units of comparison.

export interface Span {
  start: number;
  end: number;
}

export type SpanMode = 'exact' | 'overlap';

/** How two annotators' spans compare: matched pairs and both totals, from which precision, recall and F1 follow. */
export interface SpanCounts {
  matched: number;
  /** Spans the first annotator marked. */
  first: number;
  /** Spans the second annotator marked. */
  second: number;
}

/** F1 of two annotators' spans: 2·matched / (first + second). Undefined when neither marked anything. */
export function f1(counts: SpanCounts): number | undefined {
  const total = counts.first + counts.second;
  return total === 0 ? undefined : (2 * counts.matched) / total;
}

export function addCounts(a: SpanCounts, b: SpanCounts): SpanCounts {
  return { matched: a.matched + b.matched, first: a.first + b.first, second: a.second + b.second };
}

export const NO_COUNTS: SpanCounts = Object.freeze({ matched: 0, first: 0, second: 0 });

function overlap(a: Span, b: Span): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/**
 * Pairs spans one to one. Exact: the same start and end. Overlap: spans that share at least
 * one character, the largest overlaps paired first, so one long span cannot claim two short ones.
 */
export function matchSpans(first: readonly Span[], second: readonly Span[], mode: SpanMode): [number, number][] {
  const candidates: { i: number; j: number; shared: number }[] = [];
  if (mode === 'exact') {
    const byKey = new Map<string, number[]>();
    second.forEach((s, j) => byKey.set(`${s.start}:${s.end}`, [...(byKey.get(`${s.start}:${s.end}`) ?? []), j]));
    first.forEach((s, i) => {
      for (const j of byKey.get(`${s.start}:${s.end}`) ?? []) {
        candidates.push({ i, j, shared: s.end - s.start });
      }
    });
  } else {
    // A sweep over both lists sorted by start finds every overlapping pair without comparing all.
    const order = (spans: readonly Span[]) => spans.map((_s, k) => k).sort((x, y) => spans[x].start - spans[y].start);
    const a = order(first);
    const b = order(second);
    let from = 0;
    for (const i of a) {
      while (from < b.length && second[b[from]].end <= first[i].start) {
        from++;
      }
      for (let k = from; k < b.length && second[b[k]].start < first[i].end; k++) {
        const shared = overlap(first[i], second[b[k]]);
        if (shared > 0) {
          candidates.push({ i, j: b[k], shared });
        }
      }
    }
  }
  candidates.sort((x, y) => y.shared - x.shared || x.i - y.i || x.j - y.j);
  const usedFirst = new Set<number>();
  const usedSecond = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { i, j } of candidates) {
    if (!usedFirst.has(i) && !usedSecond.has(j)) {
      usedFirst.add(i);
      usedSecond.add(j);
      pairs.push([i, j]);
    }
  }
  return pairs;
}

export function countSpans(first: readonly Span[], second: readonly Span[], mode: SpanMode): SpanCounts {
  return { matched: matchSpans(first, second, mode).length, first: first.length, second: second.length };
}

/**
 * Groups the spans of several annotators into units: spans of different annotators that
 * overlap belong to one unit (transitively). Each unit holds, per annotator, the value of
 * that annotator's span there — its largest one when it marked several — or undefined.
 */
export function spanUnits<T>(annotators: readonly (readonly { span: Span; value: T }[])[]): (T | undefined)[][] {
  const all = annotators.flatMap((items, who) => items.map((item) => ({ ...item, who })));
  all.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
  const units: (T | undefined)[][] = [];
  let current: { end: number; best: ({ value: T; length: number } | undefined)[] } | undefined;
  const close = () => {
    if (current) {
      units.push(current.best.map((b) => b?.value));
    }
  };
  for (const item of all) {
    if (!current || item.span.start >= current.end) {
      close();
      current = { end: item.span.end, best: annotators.map(() => undefined) };
    }
    current.end = Math.max(current.end, item.span.end);
    const length = item.span.end - item.span.start;
    const held = current.best[item.who];
    if (!held || length > held.length) {
      current.best[item.who] = { value: item.value, length };
    }
  }
  close();
  return units;
}
