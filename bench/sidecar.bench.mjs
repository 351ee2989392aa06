// Sidecar codec benchmark: decoding for display against js-yaml's load of the same file, writing one changed annotation against a full encode, re-encoding after every anchor moved, and `newsmark reanchor` end to end.

import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { median, prng } from './lib.mjs';

const CODEC_SIZES = [1_000, 10_000];
const CODEC_RUNS = 9;

const SIZES = [1_000, 5_000, 20_000];
const ENCODE_RUNS = 5;
const DATELINE = 'Updated at 10:40 with a statement from the ministry.\n';

export async function run(ctx) {
  const require = createRequire(import.meta.url);
  const { decodeSidecar, encodeSidecar } = require(join(ctx.root, 'out/src/core/sidecar.js'));
  const { anchorAt } = require(join(ctx.root, 'out/src/core/model.js'));
  const { main } = require(join(ctx.root, 'out/src/cli.js'));
  const codec = { decodeSidecar, encodeSidecar, anchorAt, writer: require(join(ctx.root, 'out/src/core/sidecarWriter.js')), jsYaml: require('js-yaml') };
  for (const size of CODEC_SIZES) {
    benchDecode(ctx, codec, size);
    benchOneChange(ctx, codec, size);
  }

  for (const size of SIZES) {
    const { text, annotations } = generate(prng(size), size, anchorAt);
    const yaml = encodeSidecar(annotations, text);
    const moved = DATELINE + text;

    const times = [];
    const cpus = [];
    for (let r = 0; r < ENCODE_RUNS; r++) {
      const read = decodeSidecar(yaml, moved);
      for (const actor of read.annotations.actors) {
        for (const mention of actor.mentions) {
          mention.start += DATELINE.length;
          mention.end += DATELINE.length;
        }
      }
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      encodeSidecar(read.annotations, moved, read.document);
      times.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      cpus.push((cpu.user + cpu.system) / 1000);
    }
    const label = size.toLocaleString('en');
    ctx.record(`re-encode ${label} moved mentions (median)`, median(times), 'ms', `${(yaml.length / 1e6).toFixed(1)} MB; ${ENCODE_RUNS} runs`);
    // On a shared machine wall time includes waiting for the CPU; this process's own CPU time does not.
    ctx.record(`  CPU time of this process (median)`, median(cpus), 'ms');

    const dir = mkdtempSync(join(tmpdir(), 'newsmark-bench-'));
    try {
      mkdirSync(join(dir, '.git'));
      writeFileSync(join(dir, 'a.txt'), moved);
      writeFileSync(join(dir, 'a.txt.annotations.yaml'), yaml);
      const quiet = { cwd: dir, out: () => {}, err: () => {} };
      const t0 = performance.now();
      const code = await main(['reanchor', 'a.txt'], quiet);
      const elapsed = performance.now() - t0;
      if (code !== 0 || readFileSync(join(dir, 'a.txt.annotations.yaml'), 'utf8') === yaml) {
        throw new Error(`reanchor of ${label} mentions did not rewrite the sidecar (exit ${code})`);
      }
      ctx.record(`newsmark reanchor, ${label} moved mentions`, elapsed, 'ms', size === 20_000 ? 'goal < 1000 ms; read, re-attach, encode, write' : 'read, re-attach, encode, write');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

const NAMES = ['Nikol Pashinyan', 'Armenia', 'CSTO', 'Kyrgyzstan', 'Sadyr Japarov', 'Moscow', 'Ana Petrosyan', 'Zoë Aldám', 'Tomáš Řehoř', 'Yerevan'];
const WORDS = 'the minister said that reservoirs in the valley hold of capacity farmers union leader called figure rationing began on June in municipalities exercise troops security'.split(' ');

/** An article of `size` sentences, each mentioning one of a few actors, as a long live blog would. */
function generate(random, size, anchorAt) {
  let text = '';
  const spans = NAMES.map(() => []);
  for (let i = 0; i < size; i++) {
    const who = Math.floor(random() * NAMES.length);
    const words = Array.from({ length: 4 + Math.floor(random() * 8) }, () => WORDS[Math.floor(random() * WORDS.length)]);
    text += `${words.slice(0, 2).join(' ')} `;
    spans[who].push(text.length);
    text += `${NAMES[who]} ${words.slice(2).join(' ')}.${i % 7 === 6 ? '\n\n' : ' '}`;
  }
  const actors = NAMES.map((name, i) => ({
    id: `actor-${i + 1}`,
    name,
    type: 'person',
    mentions: spans[i].map((start) => anchorAt(text, start, start + name.length)),
  }));
  return { text, annotations: { article: { file: 'a.txt' }, actors, claims: [] } };
}

/** Calls of `f` not timed, so that what is timed runs compiled, as it does in a long session. */
const WARM_UP = 2;

/** Wall and CPU time of `f`, median of `runs` calls after the warm-up; `prepare(r)` runs untimed before each. */
function measure(runs, f, prepare = () => undefined) {
  for (let r = 0; r < WARM_UP; r++) {
    f(prepare(runs + r), runs + r);
  }
  const walls = [];
  const cpus = [];
  for (let r = 0; r < runs; r++) {
    const input = prepare(r);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    f(input, r);
    walls.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

function recordPair(ctx, name, { wall, cpu }, note) {
  ctx.record(name, wall, 'ms', note);
  ctx.record(`  CPU time of this process (median)`, cpu, 'ms');
}

/** Opening for display: js-yaml's load is the floor; the full Document read is what a write needs. */
function benchDecode(ctx, codec, size) {
  const { text, yaml } = thousandsArticle(codec, size);
  const label = size.toLocaleString('en');
  const kb = `${Math.round(yaml.length / 1000)} KB`;
  const floor = measure(CODEC_RUNS, () => codec.jsYaml.load(yaml));
  const display = measure(CODEC_RUNS, () => {
    if (!codec.decodeSidecar(yaml, text, { lazyDocument: true }).annotations) {
      throw new Error(`the ${label}-annotation sidecar does not read back`);
    }
  });
  const full = measure(Math.ceil(CODEC_RUNS / 3), () => codec.decodeSidecar(yaml, text));
  recordPair(ctx, `decode ${label} annotations: js-yaml load (floor)`, floor, kb);
  recordPair(ctx, `decode ${label} annotations: for display`, display, 'Document built on first write');
  ctx.record(`decode ${label} annotations: display / js-yaml`, display.wall / floor.wall, '×', `CPU ${(display.cpu / floor.cpu).toFixed(2)}×; goal ≤ 2`);
  recordPair(ctx, `decode ${label} annotations: full Document (reference)`, full, 'comments, key order, positions');
}

/**
 * One claim's status changed, written after an earlier write: a full encode against the
 * splice into the previous output (which falls back to a full encode when it cannot be sure).
 */
function benchOneChange(ctx, codec, size) {
  const { text, yaml } = thousandsArticle(codec, size);
  const label = size.toLocaleString('en');
  const read = codec.decodeSidecar(yaml, text);
  const annotations = read.annotations;
  const incremental = codec.writer.encodeSidecarState;
  // The earlier write: what the next one splices into.
  let state = incremental ? incremental(annotations, text, read.document) : undefined;
  const statuses = ['unchecked', 'in-progress', 'checked'];
  const change = (r) => {
    const claim = annotations.claims[(r * 97) % annotations.claims.length];
    claim.status = statuses[(statuses.indexOf(claim.status) + 1) % statuses.length];
  };
  const base = state?.document ?? read.document;
  const full = measure(CODEC_RUNS, () => codec.encodeSidecar(annotations, text, base), change);
  let spliced = 0;
  const splice = measure(
    CODEC_RUNS,
    () => {
      if (!state) {
        codec.encodeSidecar(annotations, text, read.document);
        return;
      }
      state = incremental(annotations, text, state);
      spliced += state.spliced ? 1 : 0;
    },
    change,
  );
  recordPair(ctx, `write one change in ${label} annotations: full encode`, full);
  recordPair(ctx, `write one change in ${label} annotations: splice`, splice, incremental ? `${spliced} of ${CODEC_RUNS + WARM_UP} writes spliced` : 'not available: full encode');
  ctx.record(`write one change in ${label} annotations: splice / full`, splice.wall / full.wall, '×', `CPU ${(splice.cpu / full.cpu).toFixed(2)}×; goal ≤ 5 ms at 10,000`);
}

const COUNTRIES = ['Kyrgyzstan', 'Armenia', 'Russia', 'Kazakhstan', 'Belarus', 'Tajikistan', 'the alliance', 'the ministry'];

/**
 * A long article with one annotation per sentence, four mentions to each claim, as Newsmark
 * writes it (the editor benchmark's shape: 1,000 annotations make a 153 KB sidecar).
 */
function thousandsArticle({ encodeSidecar, anchorAt }, sentences) {
  let text = '';
  const actors = new Map();
  const claims = [];
  const statuses = ['unchecked', 'in-progress', 'checked'];
  for (let i = 0; i < sentences; i++) {
    const name = COUNTRIES[(i * 7) % COUNTRIES.length];
    const sentence = `In paragraph ${i}, ${name} said that approximately ${1000 + ((i * 37) % 9000)} personnel took part on day ${i % 30}.`;
    const at = text.length;
    text += sentence + (i % 6 === 5 ? '\n\n' : ' ');
    if (i % 5 !== 4) {
      const s = at + sentence.indexOf(name);
      if (!actors.has(name)) {
        actors.set(name, { id: name.toLowerCase().replace(/\W+/g, '-'), name, type: 'country', mentions: [] });
      }
      actors.get(name).mentions.push({ start: s, end: s + name.length });
    } else {
      const n = claims.length;
      claims.push({ id: `c${n + 1}`, span: [at + sentence.indexOf('approximately'), at + sentence.indexOf(' personnel')], status: statuses[n % 3], verdict: n % 3 === 2 ? 'mostly-true' : undefined });
    }
  }
  const annotations = {
    article: { file: 'thousands.txt' },
    actors: [...actors.values()].map((a) => ({ ...a, mentions: a.mentions.map((m) => anchorAt(text, m.start, m.end)) })),
    claims: claims.map(({ span, verdict, ...c }) => ({ ...c, anchor: anchorAt(text, span[0], span[1]), sources: [], ...(verdict ? { verdict } : {}) })),
  };
  return { text, yaml: encodeSidecar(annotations, text) };
}
