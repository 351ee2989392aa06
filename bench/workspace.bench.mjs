// Workspace index benchmark: the core of indexing 1,000 sidecars × 100 annotations from disk (read, decode, group) and of re-indexing one changed sidecar.

import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { FIRST, generate, LAST, pick } from './archive.mjs';
import { median, prng } from './lib.mjs';

/** NEWSMARK_BENCH_ARCHIVE=10000 measures the archive of goal 4; 1,000 by default, for a quick run. */
const ARTICLES = Number(process.env.NEWSMARK_BENCH_ARCHIVE ?? 1_000);
const ACTORS = 20;
const MENTIONS = 3;
const CLAIMS = 40;
const RUNS = 3;
const REINDEX_RUNS = 31;
/** The full read is slow; it is timed on a sample for comparison. */
const FULL_SAMPLE = 50;

export async function run(ctx) {
  const require = createRequire(import.meta.url);
  const { decodeSidecar, encodeSidecar } = require(join(ctx.root, 'out/src/core/sidecar.js'));
  const { groupActors, IndexCache } = require(join(ctx.root, 'out/src/core/workspace.js'));
  const { anchorAt } = require(join(ctx.root, 'out/src/core/model.js'));

  const random = prng(1_000_100);
  const people = Array.from({ length: 400 }, (_, i) => `${pick(random, FIRST)} ${pick(random, LAST)} ${i}`);
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-bench-'));
  try {
    const files = [];
    let bytes = 0;
    for (let i = 0; i < ARTICLES; i++) {
      const { text, annotations } = generate(random, people, anchorAt, `article-${i}.txt`);
      const article = join(dir, `article-${i}.txt`);
      const sidecar = `${article}.annotations.yaml`;
      const yaml = encodeSidecar(annotations, text);
      writeFileSync(article, text);
      writeFileSync(sidecar, yaml);
      bytes += yaml.length;
      files.push({ article, sidecar });
    }
    ctx.log(`${ARTICLES} sidecars, ${(bytes / 1e6).toFixed(1)} MB of YAML, ${ACTORS * MENTIONS + CLAIMS} annotations each`);

    const readAndDecode = async ({ article, sidecar }, options, cache) => {
      const [source, text] = await Promise.all([readFile(sidecar, 'utf8'), readFile(article, 'utf8')]);
      const stamp = cache && IndexCache.stamp(source, text);
      const cached = cache?.get(sidecar, stamp);
      if (cached) {
        return { article, annotations: cached };
      }
      const result = decodeSidecar(source, text, options);
      cache?.set(sidecar, stamp, result.annotations);
      if (!result.annotations) {
        throw new Error(`${sidecar}: ${result.problems[0]?.message}`);
      }
      return { article, annotations: result.annotations };
    };

    // What the editor's index does: read and decode every sidecar, then group the actors.
    const full = async (options, cache) => {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      // Four at a time, as the index does (src/features/workspaceIndex.ts).
      const decoded = new Array(files.length);
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < files.length) {
            const i = next++;
            decoded[i] = await readAndDecode(files[i], options, cache);
          }
        }),
      );
      const t1 = performance.now();
      const groups = groupActors(decoded);
      const t2 = performance.now();
      const cpu = process.cpuUsage(cpu0);
      return { total: t2 - t0, decode: t1 - t0, group: t2 - t1, cpu: (cpu.user + cpu.system) / 1000, decoded, groups };
    };

    const indexOptions = { dataOnly: true };
    let last;
    const totals = [];
    const decodes = [];
    const groupings = [];
    const cpus = [];
    for (let r = 0; r < RUNS; r++) {
      last = await full(indexOptions);
      cpus.push(last.cpu);
      totals.push(last.total);
      decodes.push(last.decode);
      groupings.push(last.group);
    }
    ctx.record(`index ${ARTICLES.toLocaleString('en')} sidecars × 100 annotations (median)`, median(totals), 'ms', `goal ≤ 2000 ms; ${last.groups.length} workspace actors`);
    ctx.record('  of which read + decode', median(decodes), 'ms');
    ctx.record('  of which group actors', median(groupings), 'ms');
    // On a shared machine wall time includes waiting for the CPU; this process's own CPU time does not.
    ctx.record('  CPU time of this process (median)', median(cpus), 'ms');

    // The next session: the index reads its cache, then every file to check it is unchanged.
    const cacheFile = join(dir, 'workspace-index.json');
    const cache = IndexCache.parse(undefined);
    await full(indexOptions, cache);
    await writeFile(cacheFile, cache.serialize());
    const warm = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const again = IndexCache.parse(await readFile(cacheFile, 'utf8'));
      await full(indexOptions, again);
      warm.push(performance.now() - t0);
    }
    ctx.record('index again, from the cache of the previous session (median)', median(warm), 'ms', 'goal ≤ 2000 ms; every file read and hashed');

    const t0 = performance.now();
    for (const f of files.slice(0, FULL_SAMPLE)) {
      await readAndDecode(f, {});
    }
    ctx.record('full read of one sidecar, as when an article is opened (mean)', (performance.now() - t0) / FULL_SAMPLE, 'ms', `for comparison; ${FULL_SAMPLE} sidecars`);

    // One sidecar changes on disk: decode it again and regroup the workspace.
    const decoded = last.decoded;
    const times = [];
    for (let r = 0; r < REINDEX_RUNS; r++) {
      const i = Math.floor(random() * files.length);
      const t0 = performance.now();
      decoded[i] = await readAndDecode(files[i], indexOptions);
      groupActors(decoded);
      times.push(performance.now() - t0);
    }
    ctx.record('re-index one changed sidecar (median)', median(times), 'ms', `goal ≤ 20 ms; ${REINDEX_RUNS} runs`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
