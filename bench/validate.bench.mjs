// Validating 10,000 sidecars × 100 annotations with validateMany: on every core (worker threads) against one thread, wall and CPU time.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { makeArchive } from './archive.mjs';

const SIDECARS = 10_000;

/** Runs `fn` and returns its wall and CPU milliseconds (CPU of every thread of this process). */
async function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

export async function run(ctx) {
  const require = createRequire(import.meta.url);
  const { validateMany } = require(join(ctx.root, 'out/src/core/parallel.js'));
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-validate-bench-'));
  try {
    const { sidecars } = makeArchive(ctx, dir, SIDECARS, writeFileSync);
    const settings = {};
    const one = await timed(() => validateMany(sidecars, settings, 1));
    const all = await timed(() => validateMany(sidecars, settings));
    const problems = all.value.reduce((n, c) => n + c.problems.length + (c.missing || c.unreadable ? 1 : 0), 0);
    const same = JSON.stringify(one.value) === JSON.stringify(all.value);
    const cores = availableParallelism();
    ctx.record(`validate ${SIDECARS.toLocaleString('en')} sidecars × 100 annotations: one thread (baseline)`, one.wall, 'ms', `CPU ${Math.round(one.cpu)} ms`);
    ctx.record(`validate ${SIDECARS.toLocaleString('en')} sidecars × 100 annotations: ${cores} cores`, all.wall, 'ms', `CPU ${Math.round(all.cpu)} ms; ${problems} problems; same results: ${same}; floor 10,000 ms`);
    ctx.record('validate: one thread ÷ all cores (speed-up)', one.wall / all.wall, '×');
    ctx.record('validate: all cores ÷ 10 s goal', all.wall / 10_000, '×');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
