// Reliability coefficients for annotators: Krippendorff's alpha (any number of coders, missing values) and Cohen's kappa.

/** How far apart two values are, as Krippendorff defines his metrics. */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** One value per coder for one unit; `undefined` is a missing value (the coder did not code the unit). */
export type Unit<T> = readonly (T | undefined)[];

/**
 * Krippendorff's alpha over units coded by any number of coders, following "Computing
 * Krippendorff's Alpha-Reliability" (2011): values are paired within each unit, units with
 * fewer than two values are not pairable and drop out, and alpha = 1 − D_o / D_e on the
 * coincidence matrix. Undefined when nothing is pairable or every value is the same
 * (no variation, so agreement cannot be told from chance).
 */
export function krippendorffAlpha<T extends string | number>(units: readonly Unit<T>[], level: AlphaLevel): number | undefined {
  const { values, coincidences, totals } = coincidenceMatrix(units, level);
  const n = totals.reduce((sum, t) => sum + t, 0);
  if (n <= 1 || values.length < 2) {
    return undefined;
  }
  const delta = distance(level, values, totals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c++) {
    for (let k = 0; k < values.length; k++) {
      const d = delta(c, k);
      observed += coincidences[c][k] * d;
      expected += totals[c] * totals[k] * d;
    }
  }
  if (expected === 0) {
    return undefined;
  }
  // alpha = 1 - D_o / D_e with D_o = observed / n and D_e = expected / (n (n - 1)).
  return 1 - ((n - 1) * observed) / expected;
}

interface Coincidences<T> {
  /** The distinct values, sorted (numbers numerically), so ordinal ranks follow the order. */
  values: T[];
  coincidences: number[][];
  /** n_c: how often each value was pairable. */
  totals: number[];
}

function coincidenceMatrix<T extends string | number>(units: readonly Unit<T>[], level: AlphaLevel): Coincidences<T> {
  const pairable = units.map((u) => u.filter((v): v is T => v !== undefined)).filter((u) => u.length >= 2);
  const values = [...new Set(pairable.flat())].sort(compareValues);
  if (level !== 'nominal' && values.some((v) => typeof v !== 'number')) {
    throw new TypeError(`${level} agreement needs numeric values`);
  }
  const index = new Map(values.map((v, i) => [v, i]));
  const coincidences = values.map(() => values.map(() => 0));
  for (const unit of pairable) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) {
        if (i !== j) {
          coincidences[index.get(unit[i])!][index.get(unit[j])!] += weight;
        }
      }
    }
  }
  const totals = coincidences.map((row) => row.reduce((sum, x) => sum + x, 0));
  return { values, coincidences, totals };
}

function compareValues(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/** δ² between the c-th and k-th value, for the level's metric. */
function distance<T>(level: AlphaLevel, values: T[], totals: number[]): (c: number, k: number) => number {
  const num = values as unknown as number[];
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => (num[c] - num[k]) ** 2;
    case 'ratio':
      return (c, k) => (num[c] + num[k] === 0 ? 0 : ((num[c] - num[k]) / (num[c] + num[k])) ** 2);
    case 'ordinal': {
      // Ranks, not magnitudes: the values between two ranks, halving the two ends.
      const cumulative = [0];
      for (const t of totals) {
        cumulative.push(cumulative[cumulative.length - 1] + t);
      }
      return (c, k) => {
        const [lo, hi] = c <= k ? [c, k] : [k, c];
        const between = cumulative[hi + 1] - cumulative[lo];
        return (between - (totals[lo] + totals[hi]) / 2) ** 2;
      };
    }
  }
}

/**
 * Cohen's kappa for two coders who both coded every item: (p_o − p_e) / (1 − p_e), chance
 * agreement from each coder's own marginals. Undefined for no items, or when chance alone
 * would agree on everything (both gave one and the same value throughout).
 */
export function cohenKappa<T>(pairs: readonly (readonly [T, T])[]): number | undefined {
  if (pairs.length === 0) {
    return undefined;
  }
  const first = new Map<T, number>();
  const second = new Map<T, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
    if (a === b) {
      agreed++;
    }
  }
  const n = pairs.length;
  let chance = 0;
  for (const [value, count] of first) {
    chance += (count / n) * ((second.get(value) ?? 0) / n);
  }
  if (chance === 1) {
    return undefined;
  }
  return (agreed / n - chance) / (1 - chance);
}
