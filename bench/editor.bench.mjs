// Editor figures from a real VS Code (code-server): activation, opening an article with 1,000 annotations until decorated, typing in a 1 MB article with 10,000 anchors, and the .vsix size.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './lib.mjs';

const ARTICLES = 5;
const WORDS = ['Kyrgyzstan', 'Armenia', 'Russia', 'Kazakhstan', 'Belarus', 'Tajikistan', 'the alliance', 'the ministry'];

// Padding that makes the typing article's 10,000 sentences weigh about 1 MB.
const FILLER = ' Observers watched.';

/**
 * A long article (one paragraph per 6 sentences) with one annotation per sentence, four mentions
 * to each claim, as Newsmark writes it: 1,000 annotations by default.
 */
function makeArticle(core, seed, sentences = 1000, filler = '') {
  let text = '';
  const mentions = [];
  const claims = [];
  const file = sentences === 1000 ? `thousand-${seed}.txt` : `typing-${seed}.txt`;
  for (let i = 0; i < sentences; i++) {
    const actor = WORDS[(i * 7 + seed) % WORDS.length];
    const sentence = `In paragraph ${i}, ${actor} said that approximately ${1000 + ((i * 37 + seed) % 9000)} personnel took part on day ${i % 30}.${filler}`;
    const at = text.length;
    if (i % 5 !== 4) {
      const s = at + sentence.indexOf(actor);
      mentions.push({ name: actor, start: s, end: s + actor.length });
    }
    if (i % 5 === 4) {
      const s = at + sentence.indexOf('approximately');
      claims.push({ start: s, end: at + sentence.indexOf(' personnel') });
    }
    text += sentence + (i % 6 === 5 ? '\n\n' : ' ');
  }
  const annotations = { article: { file }, actors: [], claims: [] };
  const byName = new Map();
  for (const m of mentions) {
    let actor = byName.get(m.name);
    if (!actor) {
      actor = { id: m.name.toLowerCase().replace(/\W+/g, '-'), name: m.name, type: 'country', mentions: [] };
      byName.set(m.name, actor);
      annotations.actors.push(actor);
    }
    actor.mentions.push(core.model.anchorAt(text, m.start, m.end));
  }
  const statuses = ['unchecked', 'in-progress', 'checked'];
  claims.forEach((c, i) => {
    const claim = { id: `c${i + 1}`, anchor: core.model.anchorAt(text, c.start, c.end), status: statuses[i % 3], sources: [] };
    if (i % 3 === 2) {
      claim.verdict = 'mostly-true';
    }
    annotations.claims.push(claim);
  });
  const count = mentions.length + claims.length;
  if (count !== sentences) {
    throw new Error(`generated ${count} annotations, not ${sentences}`);
  }
  const yaml = core.sidecar.encodeSidecar(annotations, text);
  const check = core.sidecar.decodeSidecar(yaml, text);
  if (!check.annotations) {
    throw new Error(`generated sidecar does not read back: ${check.problems[0]?.message}`);
  }
  return { text, yaml };
}

/**
 * The editor benchmark's workspace: ARTICLES articles with 1,000 annotations, each also as a
 * bare copy without a sidecar (the floor for opening), and the 1 MB typing article, also with
 * a bare copy (the floor for typing). Autosave is
 * off, as in desktop VS Code: code-server saves a second after typing stops, and every save
 * writes the sidecar, which would put the sidecar codec's cost into the typing figures.
 */
export function makeWorkspace(ctx) {
  const require = createRequire(import.meta.url);
  const core = {
    model: require(join(ctx.root, 'out/src/core/model.js')),
    sidecar: require(join(ctx.root, 'out/src/core/sidecar.js')),
  };
  const workspace = mkdtempSync(join(tmpdir(), 'newsmark-bench-'));
  mkdirSync(join(workspace, '.vscode'));
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off' }));
  for (let seed = 0; seed < ARTICLES; seed++) {
    const { text, yaml } = makeArticle(core, seed);
    writeFileSync(join(workspace, `thousand-${seed}.txt`), text);
    writeFileSync(join(workspace, `thousand-${seed}.txt.annotations.yaml`), yaml);
    writeFileSync(join(workspace, `bare-${seed}.txt`), text);
  }
  ctx.log('[editor] writing a 1 MB article with 10,000 anchors…');
  const typing = makeArticle(core, 0, 10_000, FILLER);
  writeFileSync(join(workspace, 'typing-0.txt'), typing.text);
  writeFileSync(join(workspace, 'typing-0.txt.annotations.yaml'), typing.yaml);
  writeFileSync(join(workspace, 'typing-bare.txt'), typing.text);
  ctx.log(`[editor] typing article: ${(typing.text.length / 1e6).toFixed(2)} MB of text, sidecar ${(typing.yaml.length / 1e6).toFixed(2)} MB`);
  return workspace;
}

/** Starts of VS Code that only activate Newsmark: the first writes the code cache, the others read it. */
const ACTIVATION_STARTS = 4;

/** One start of VS Code (code-server) running the editor figures; `env` says which. Resolves with its figures. */
function startVsCode(ctx, workspace, userData, env = {}) {
  const results = join(userData, '..', `results-${Date.now()}.json`);
  const run = spawnSync(
    'node',
    ['test/harness/run-integration.mjs', '--workspace', workspace, '--user-data', userData, '--tests-path', join(ctx.root, 'out/test/bench/index.js'), '--results', results],
    { cwd: ctx.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  if (!existsSync(results)) {
    ctx.log(run.stdout + run.stderr);
    throw new Error('the editor benchmark produced no figures');
  }
  return JSON.parse(readFileSync(results, 'utf8')).figures;
}

export async function run(ctx) {
  const workspace = makeWorkspace(ctx);
  // One user profile for every start, as a user's: the code cache the first start writes is there for the next.
  const userData = join(mkdtempSync(join(tmpdir(), 'newsmark-bench-profile-')), 'user-data');
  const codeCache = join(userData, 'User', 'globalStorage', 'newsmark.newsmark', 'code-cache', 'extension.js.v8cache');
  // Measured as installed: the production bundle (minified, no source maps), as `npm run package` builds it.
  execFileSync('node', ['scripts/build.mjs', '--production'], { cwd: ctx.root, stdio: 'ignore' });
  ctx.log(`[editor] starting VS Code (code-server) ${ACTIVATION_STARTS} times for activation, then once for the editor figures…`);
  const activations = new Map();
  for (let i = 0; i < ACTIVATION_STARTS; i++) {
    const started = startVsCode(ctx, workspace, userData, { NEWSMARK_BENCH_ACTIVATION_ONLY: '1', NEWSMARK_BENCH_CODE_CACHE: codeCache });
    ctx.log(`[editor] start ${i + 1}: ${started.map((f) => `${f.name} ${f.value.toFixed(1)} ms`).join('; ')}`);
    for (const figure of started) {
      activations.set(figure.name, [...(activations.get(figure.name) ?? []), figure.value]);
    }
  }
  for (const [name, values] of activations) {
    const cached = name.includes('with the code cache');
    const goal = name.startsWith('activation of') && !name.endsWith('CPU') ? '; goal ≤ 20 ms' : '';
    const note = cached ? `median of ${values.length} starts${goal}` : `first start (${values.length} sample)${goal}`;
    ctx.record(`editor: ${name}`, median(values), 'ms', note);
  }
  for (const figure of startVsCode(ctx, workspace, userData)) {
    if (!figure.name.startsWith('activation')) {
      ctx.record(`editor: ${figure.name}`, figure.value, figure.unit, figure.note);
    }
  }

  ctx.log('[editor] packaging the .vsix…');
  const out = join(mkdtempSync(join(tmpdir(), 'newsmark-vsix-')), 'newsmark.vsix');
  mkdirSync(join(out, '..'), { recursive: true });
  execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], { cwd: ctx.root, stdio: 'ignore' });
  const size = statSync(out).size;
  ctx.record('package: .vsix size', size / 1024, 'KiB');
  // The suggester's bundle (compromise and its dictionary) is loaded lazily; the rest is what every user loads.
  const listing = spawnSync('unzip', ['-lv', out], { encoding: 'utf8' });
  const suggester = /^\s*\d+\s+\S+\s+(\d+)\s.*extension\/dist\/suggest\.js$/m.exec(listing.stdout ?? '');
  if (suggester) {
    ctx.record('package: .vsix size without the suggester bundle', (size - Number(suggester[1])) / 1024, 'KiB', 'goal ≤ 293 KiB (300 KB)');
  }
}
