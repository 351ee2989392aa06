// Helpers shared by the benchmarks: a seeded random source, so every run measures the same data, and the median.

import { createRequire } from 'node:module';

// The tests' own seeded source, compiled to out/ before any benchmark runs, so a seed makes the same data in both.
export const { prng } = createRequire(import.meta.url)('../out/test/random.js');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
