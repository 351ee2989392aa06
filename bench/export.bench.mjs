// Export benchmark: the newsmark command-line tool exporting 1,000 generated articles in each format, whole command and per article.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { median, prng } from './lib.mjs';

const ARTICLES = 1000;
const RUNS = 3;
const SINGLE_RUNS = 15;
const FORMATS = ['brat', 'w3c', 'claimreview', 'markdown', 'csv'];

const PEOPLE = [
  ['Nikol Pashinyan', undefined],
  ['Ilham Aliyev', undefined],
  ['Marta Vidal', undefined],
  ['Daniel Roca', undefined],
  ['Charles Michel', undefined],
];
const PLACES = [
  ['Armenia', 'Q399'],
  ['Azerbaijan', 'Q227'],
  ['Brussels', 'Q239'],
  ['Yerevan', 'Q1953'],
];
const ORGANISATIONS = ['the Fiscal Council', 'the European Union', 'the Central Bank', 'the opposition'];
const VERDICTS = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'unproven'];


/** A news article of about 4,000 characters with emoji, ~25 mentions and 6 claims, and its sidecar. */
export function makeArticle(core, random, n) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const paragraphs = [`Talks in ${pick(PLACES)[0]} end without agreement 🕊️`];
  const claims = [];
  for (let p = 0; p < 12; p++) {
    const [person] = pick(PEOPLE);
    const [place] = pick(PLACES);
    const figure = (10 + random() * 80).toFixed(1);
    const claim = `spending on pensions rose ${figure}% in ${2015 + Math.floor(random() * 9)}`;
    paragraphs.push(
      `${person} said in ${place} on ${pick(['Monday', 'Tuesday', 'Friday'])} that ${claim}, a figure ${pick(ORGANISATIONS)} disputed 📉. ` +
        `"We will publish the full accounts," ${person.split(' ')[1]} told reporters, adding that ${pick(ORGANISATIONS)} had been consulted.`,
    );
    if (p % 2 === 0) {
      claims.push({ paragraph: p + 1, claim, person });
    }
  }
  const text = paragraphs.join('\n\n') + '\n';
  const annotations = core.model.emptyAnnotations(`article-${String(n).padStart(4, '0')}.txt`);
  annotations.article.url = `https://news.example.com/2024/${n}`;
  const actors = new Map();
  const mention = (name, type, wikidata) => {
    let from = 0;
    for (let at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, from)) {
      from = at + name.length;
      let actor = actors.get(name);
      if (!actor) {
        actor = { id: core.model.slugId(name, new Set(actors.keys())), name, type, mentions: [], ...(wikidata ? { wikidata } : {}) };
        actors.set(name, actor);
        annotations.actors.push(actor);
      }
      actor.mentions.push(core.model.anchorAt(text, at, at + name.length));
    }
  };
  PEOPLE.forEach(([name, q]) => mention(name, 'person', q));
  PLACES.forEach(([name, q]) => mention(name, 'country', q));
  ORGANISATIONS.forEach((name) => mention(name.replace(/^the /, ''), 'organisation'));
  let from = 0;
  for (const c of claims) {
    const start = text.indexOf(c.claim, from);
    from = start + c.claim.length;
    const checked = random() < 0.5;
    annotations.claims.push({
      id: core.model.nextClaimId(annotations.claims),
      anchor: core.model.anchorAt(text, start, start + c.claim.length),
      claimant: actors.get(c.person)?.id,
      status: checked ? 'checked' : pick(['unchecked', 'in-progress']),
      ...(checked ? { verdict: pick(VERDICTS) } : {}),
      sources: [{ url: `https://stats.example.org/pensions/${n}`, title: 'Pension statistics', accessed: '2024-05-01' }],
    });
  }
  return { file: annotations.article.file, text, yaml: core.sidecar.encodeSidecar(annotations, text) };
}


function time(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function run(ctx) {
  const require = createRequire(import.meta.url);
  const core = {
    model: require(join(ctx.root, 'out/src/core/model.js')),
    sidecar: require(join(ctx.root, 'out/src/core/sidecar.js')),
    w3c: require(join(ctx.root, 'out/src/core/w3c.js')),
  };
  const cli = join(ctx.root, 'dist/cli.js');
  const workspace = mkdtempSync(join(tmpdir(), 'newsmark-export-bench-'));
  try {
    const random = prng(20240501);
    const files = [];
    let chars = 0;
    let annotationsCount = 0;
    mkdirSync(join(workspace, 'articles'));
    for (let n = 0; n < ARTICLES; n++) {
      const { file, text, yaml } = makeArticle(core, random, n);
      writeFileSync(join(workspace, 'articles', file), text);
      writeFileSync(join(workspace, 'articles', `${file}.annotations.yaml`), yaml);
      files.push(`articles/${file}`);
      chars += text.length;
      annotationsCount += (yaml.match(/\{ start: /g) ?? []).length;
    }
    ctx.log(`${ARTICLES} articles, ${Math.round(chars / ARTICLES)} characters and ${Math.round(annotationsCount / ARTICLES)} anchors each on average`);

    // CPU time (every thread) from /usr/bin/time where there is one: on a shared machine wall time mostly measures the others.
    const timer = existsSync('/usr/bin/time');
    let lastCpu = NaN;
    const newsmark = (args) => {
      const r = timer
        ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, cli, ...args], { cwd: workspace, encoding: 'utf8', maxBuffer: 1 << 30 })
        : spawnSync(process.execPath, [cli, ...args], { cwd: workspace, encoding: 'utf8', maxBuffer: 1 << 30 });
      if (r.status !== 0) {
        throw new Error(`newsmark ${args.slice(0, 3).join(' ')} … exited ${r.status}: ${r.stderr.slice(0, 500)}`);
      }
      const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
      lastCpu = cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN;
      return r;
    };
    ctx.record(`load average when the export run started (${availableParallelism()} cores)`, loadavg()[0], '', loadavg().map((l) => l.toFixed(2)).join(' '));

    // The floor: the same work in this process and thread, no command around it.
    const floor = time(() => {
      for (const f of files) {
        const text = readFileSync(join(workspace, f), 'utf8');
        const decoded = core.sidecar.decodeSidecar(readFileSync(join(workspace, `${f}.annotations.yaml`), 'utf8'), text, { dataOnly: true });
        JSON.stringify(core.w3c.exportW3C(decoded.annotations, text, { articleIri: `file:///${f}` }).collection);
      }
    });
    ctx.record('export floor: read + fast decode + export w3c of 1,000 articles in process, one thread', floor, 'ms');

    for (const format of FORMATS) {
      const out = join(workspace, `out-${format}`);
      const times = [];
      const cpus = [];
      for (let i = 0; i < RUNS; i++) {
        rmSync(out, { recursive: true, force: true });
        // A trailing slash names a folder, where csv writes one claims.csv for all articles.
        times.push(time(() => newsmark(['export', '--format', format, '-o', `${out}/`, ...files])));
        cpus.push(lastCpu);
      }
      const written = readdirSync(out).length;
      const total = median(times);
      ctx.record(`cli export ${format}: 1,000 articles, whole command (median of ${RUNS})`, total, 'ms', `goal ≤ 2000 ms; CPU ${Math.round(median(cpus))} ms; ${written} file${written === 1 ? '' : 's'} written`);
      // Every format against the same floor and goal: the machine's load moves them all together.
      ctx.record('  whole command ÷ the in-process floor', total / floor, '×', format === 'w3c' ? undefined : `the floor exports w3c`);
      ctx.record('  whole command ÷ 2 s goal', total / 2000, '×');
      ctx.record('  CPU of every thread ÷ the in-process floor', median(cpus) / floor, '×');
    }

    // One process per article, as a naive CI loop would run it: start-up dominates.
    const single = [];
    for (let i = 0; i < SINGLE_RUNS; i++) {
      single.push(time(() => newsmark(['export', '--format', 'w3c', files[i]])));
    }
    ctx.record(`cli export w3c: one article per process (median of ${SINGLE_RUNS})`, median(single), 'ms', 'process start-up included');

  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
