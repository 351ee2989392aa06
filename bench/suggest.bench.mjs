// Suggestion benchmark: actors and claims for a 5,000-word article, cold (a fresh process: module load and first call) and warm.

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './lib.mjs';

const WORDS = 5_000;
const COLD_PROCESSES = 3;
const WARM_RUNS = 5;

export async function run(ctx) {
  const text = article(ctx.root);
  const words = text.split(/\s+/).filter(Boolean).length;
  ctx.log(`article: ${words} words, ${text.length} UTF-16 units`);
  const modulePath = join(ctx.root, 'out/src/core/suggest/index.js');

  // Cold means what the user waits for the first time: a process that has not loaded compromise yet.
  const cold = [];
  for (let i = 0; i < COLD_PROCESSES; i++) {
    const script = `
      const text = require('node:fs').readFileSync(0, 'utf8');
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const { suggestAll } = require(${JSON.stringify(modulePath)});
      const t1 = performance.now();
      suggestAll(text);
      const t2 = performance.now();
      const cpu = process.cpuUsage(c0);
      process.stdout.write(JSON.stringify({ load: t1 - t0, first: t2 - t1, cpu: (cpu.user + cpu.system) / 1000 }));`;
    cold.push(JSON.parse(execFileSync(process.execPath, ['-e', script], { input: text, encoding: 'utf8' })));
  }
  const load = median(cold.map((c) => c.load));
  const first = median(cold.map((c) => c.first));
  const total = median(cold.map((c) => c.load + c.first));
  ctx.record('suggest: 5,000-word article, cold: load + first call (median)', total, 'ms', `goal < 1 s; ${COLD_PROCESSES} fresh processes`);
  // CPU time as well: on a shared machine, waiting for a core inflates the wall clock but not this.
  ctx.record('suggest: 5,000-word article, cold: CPU time (median)', median(cold.map((c) => c.cpu)), 'ms');
  ctx.record('suggest: loading the module (compromise) (median)', load, 'ms');
  ctx.record('suggest: first call after loading (median)', first, 'ms');

  const require = createRequire(import.meta.url);
  const { suggestAll } = require(modulePath);
  suggestAll(text);
  const warm = [];
  const warmCpu = [];
  let result;
  for (let i = 0; i < WARM_RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = suggestAll(text);
    warm.push(performance.now() - t0);
    const cpu = process.cpuUsage(c0);
    warmCpu.push((cpu.user + cpu.system) / 1000);
  }
  ctx.record('suggest: 5,000-word article, warm: actors and claims (median)', median(warm), 'ms', `goal < 1 s; ${WARM_RUNS} runs`);
  ctx.record('suggest: 5,000-word article, warm: CPU time (median)', median(warmCpu), 'ms');
  ctx.record('suggest: actor suggestions in the article', result.actors.length, 'mentions');
  ctx.record('suggest: claim suggestions in the article', result.claims.length, 'sentences');
}

/** A long article made of the evaluation articles' bodies under one headline, repeated to the word count. */
function article(root) {
  const dir = join(root, 'test/fixtures/eval');
  const bodies = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').split('\n').slice(2).join('\n'));
  let text = 'Central Asia and the South Caucasus: A Week in Review\n\n';
  for (let i = 0; text.split(/\s+/).length < WORDS; i++) {
    text += bodies[i % bodies.length] + '\n';
  }
  return text;
}

