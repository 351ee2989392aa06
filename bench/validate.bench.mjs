// Validating 10,000 sidecars × 100 annotations (goal 6): the whole `newsmark validate` command, and validateMany on every core against one thread and against reading + the fast decode alone.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { makeArchive } from './archive.mjs';

const SIDECARS = Number(process.env.NEWSMARK_BENCH_VALIDATE ?? 10_000);

/** Runs `fn` and returns its wall and CPU milliseconds (CPU of every thread of this process). */
async function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** The command as a user runs it, with its CPU time (every thread) from /usr/bin/time where there is one. */
function command(cli, cwd, args) {
  const timer = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = timer
    ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = performance.now() - t0;
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, status: r.status, summary: r.stderr.split('\n').find((l) => / in [\d,]+ sidecars?\./.test(l)) ?? '' };
}

export async function run(ctx) {
  const require = createRequire(import.meta.url);
  const { validateMany } = require(join(ctx.root, 'out/src/core/parallel.js'));
  const { decodeSidecar } = require(join(ctx.root, 'out/src/core/sidecar.js'));
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-validate-bench-'));
  const n = SIDECARS.toLocaleString('en');
  try {
    const { sidecars } = makeArchive(ctx, dir, SIDECARS, writeFileSync);
    const cores = availableParallelism();
    ctx.log(`${n} sidecars; ${cores} cores; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

    // The floor: reading each pair and the fast decode, in this thread, nothing else.
    const floor = await timed(() => {
      for (const sidecar of sidecars) {
        decodeSidecar(readFileSync(sidecar, 'utf8'), readFileSync(sidecar.slice(0, -'.annotations.yaml'.length), 'utf8'), { dataOnly: true });
      }
    });
    ctx.record(`validate floor: read + fast decode of ${n} sidecars, one thread`, floor.wall, 'ms', `CPU ${Math.round(floor.cpu)} ms`);

    const settings = {};
    const one = await timed(() => validateMany(sidecars, settings, 1));
    const all = await timed(() => validateMany(sidecars, settings));
    const problems = all.value.reduce((sum, c) => sum + c.problems.length + (c.missing || c.unreadable ? 1 : 0), 0);
    const same = JSON.stringify(one.value) === JSON.stringify(all.value);
    ctx.record(`validateMany ${n} sidecars: one thread (baseline)`, one.wall, 'ms', `CPU ${Math.round(one.cpu)} ms`);
    ctx.record(`validateMany ${n} sidecars: ${cores} cores`, all.wall, 'ms', `CPU ${Math.round(all.cpu)} ms; ${problems} problems; same results: ${same}`);
    ctx.record('  one thread ÷ all cores (speed-up)', one.wall / all.wall, '×');
    ctx.record('  all cores ÷ the one-thread floor', all.wall / floor.wall, '×');

    const cli = join(ctx.root, 'dist/cli.js');
    const whole = command(cli, dir, ['validate', '.']);
    ctx.record(`newsmark validate of ${n} sidecars, whole command`, whole.wall, 'ms', `goal ≤ 10,000 ms; CPU ${Math.round(whole.cpu)} ms; exit ${whole.status}; ${whole.summary.trim()}`);
    ctx.record('  whole command ÷ 10 s goal', whole.wall / 10_000, '×');
    ctx.record('  whole command ÷ the one-thread floor', whole.wall / floor.wall, '×');
    const start = command(cli, dir, ['--version']);
    ctx.record('  of which starting the process (newsmark --version)', start.wall, 'ms', `CPU ${Math.round(start.cpu)} ms`);
    ctx.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
