// Command-line benchmark: reanchor after every mention moved (1k, 5k, 20k mentions), and the time and peak memory of validating a 30 MB sidecar.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { prng } from './lib.mjs';

/** Moved mentions per run; NEWSMARK_BENCH_MOVED=1000,5000 picks others (20,000 takes minutes while the encoder is quadratic). */
const MOVED = (process.env.NEWSMARK_BENCH_MOVED ?? '1000,5000,20000').split(',').map(Number);
/** Mentions in the large sidecar: about 30 MB of YAML. */
const LARGE_MENTIONS = 200_000;
const NAMES = ['Nikol Pashinyan', 'Ilham Aliyev', 'Marta Vidal', 'Daniel Roca', 'Armenia', 'Azerbaijan', 'the Fiscal Council', 'Brussels'];

// Sentences of random words, so that every mention has its own context, as in real text: a
// repeated sentence would make every anchor ambiguous, and reanchor rightly orphans those.
const WORDS = (
  'budget minister pension reform tuesday council figure report growth treaty border talks summit agreement ministry deficit vote ' +
  'parliament opposition election turnout spending inflation tax health school court judge police army exercise peace deal press ' +
  'release statement interview source official document record archive rise fall billion million region capital city village river ' +
  'mountain road bridge harbour airport railway market trade export import factory farm energy gas oil grid water price wage rent ' +
  'loan bank debt bond share index crisis strike protest march rally campaign party leader deputy mayor governor envoy delegation'
).split(' ');

/** An article in which each sentence mentions one actor, and a sidecar anchoring every mention. */
function makePair(core, random, mentions) {
  const sentences = [];
  const anchors = [];
  let length = 0;
  for (let i = 0; i < mentions; i++) {
    const name = NAMES[Math.floor(random() * NAMES.length)];
    const word = () => WORDS[Math.floor(random() * WORDS.length)];
    const before = `${word()} ${word()} ${word()} ${word()}, `;
    const sentence = `${before}${name} ${word()} ${word()} ${word()} ${word()} ${word()}. `;
    anchors.push([name, length + before.length]);
    sentences.push(sentence);
    length += sentence.length;
  }
  const text = sentences.join('') + '\n';
  const annotations = core.model.emptyAnnotations('article.txt');
  const actors = new Map();
  for (const [name, at] of anchors) {
    let actor = actors.get(name);
    if (!actor) {
      actor = { id: core.model.slugId(name, new Set(actors.keys())), name, type: 'person', mentions: [] };
      actors.set(name, actor);
      annotations.actors.push(actor);
    }
    actor.mentions.push(core.model.anchorAt(text, at, at + name.length));
  }
  return { text, yaml: core.sidecar.encodeSidecar(annotations, text) };
}

/** Runs the tool under /usr/bin/time -v where it exists, for its peak resident memory. */
function newsmark(ctx, cwd, args) {
  const cli = join(ctx.root, 'out/src/cli.js');
  const timed = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0) {
    throw new Error(`newsmark ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  // CPU time is reported too: on a shared machine the wall clock mostly measures the others.
  const cpu = ['User', 'System'].map((kind) => Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN));
  return { ms, cpuMs: (cpu[0] + cpu[1]) * 1000, peakMiB: rss ? Number(rss[1]) / 1024 : undefined, out: r.stdout };
}

export async function run(ctx) {
  const require = createRequire(import.meta.url);
  const core = { model: require(join(ctx.root, 'out/src/core/model.js')), sidecar: require(join(ctx.root, 'out/src/core/sidecar.js')) };
  const random = prng(20261201);
  for (const count of MOVED) {
    const dir = mkdtempSync(join(tmpdir(), 'newsmark-cli-bench-'));
    try {
      const { text, yaml } = makePair(core, random, count);
      // A paragraph added at the top moves every mention.
      writeFileSync(join(dir, 'article.txt'), 'UPDATED: a paragraph added above everything.\n\n' + text);
      writeFileSync(join(dir, 'article.txt.annotations.yaml'), yaml);
      const { ms, cpuMs, peakMiB, out } = newsmark(ctx, dir, ['reanchor', 'article.txt']);
      ctx.record(`cli reanchor: ${count.toLocaleString('en')} moved mentions, whole command`, ms, 'ms', out.trim().replace(/^article\.txt: /, ''));
      if (peakMiB !== undefined) {
        ctx.record(`cli reanchor: ${count.toLocaleString('en')} moved mentions, CPU time`, cpuMs, 'ms', `peak ${Math.round(peakMiB)} MiB resident`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const dir = mkdtempSync(join(tmpdir(), 'newsmark-cli-bench-'));
  try {
    const { text, yaml } = makePair(core, random, LARGE_MENTIONS);
    writeFileSync(join(dir, 'article.txt'), text);
    writeFileSync(join(dir, 'article.txt.annotations.yaml'), yaml);
    const mb = statSync(join(dir, 'article.txt.annotations.yaml')).size / 1e6;
    const { ms, cpuMs, peakMiB } = newsmark(ctx, dir, ['validate', 'article.txt']);
    ctx.record(`cli validate: one ${mb.toFixed(1)} MB sidecar (${LARGE_MENTIONS.toLocaleString('en')} mentions), whole command`, ms, 'ms');
    if (peakMiB !== undefined) {
      ctx.record(`cli validate: one ${mb.toFixed(1)} MB sidecar, CPU time`, cpuMs, 'ms');
      ctx.record(`cli validate: one ${mb.toFixed(1)} MB sidecar, peak resident memory`, peakMiB, 'MiB', '/usr/bin/time -v');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
