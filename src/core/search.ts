// Binary search over sorted offsets: the one place it is written.

/**
 * The first index in [0, length) at which `before` is false, for a `before` that is true up to
 * some index and false from there on (length if it is true everywhere).
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** The index of the first value not less than `value` in ascending `values`: how many are below it. */
export function lowerBound(values: ArrayLike<number>, value: number): number {
  return bound(values, value, false);
}

/** The index of the first value greater than `value` in ascending `values`: how many are at or below it. */
export function upperBound(values: ArrayLike<number>, value: number): number {
  return bound(values, value, true);
}

/**
 * The loop of partitionPoint with the comparison written out: re-attachment asks this for every
 * candidate place, and a call through a predicate that many callers share is not inlined.
 */
function bound(values: ArrayLike<number>, value: number, orEqual: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid];
    if (v < value || (orEqual && v === value)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
