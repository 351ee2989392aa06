// Measures the suggester against the labelled articles in test/fixtures/eval: precision, recall and F1 for actors, claims and claimants.
//
// Usage: npm run eval [-- --json] [-- --split dev|test] [-- --verbose] [-- --min-score N]
//        npm run eval -- --task match   (claim matching: see scripts/eval-match.mjs)
// Reads the compiled core (out/src/core/suggest/index.js); `npm run eval` compiles it first.
//
// How predictions are matched to the gold labels (each article's <name>.gold.json):
// - Actors, by name and type. The predicted actors of an article are the distinct (name, type)
//   pairs of its suggestions; a pair is right when its name, normalised as rejections are
//   (case, apostrophes, a leading “the”, a possessive), equals the gold actor's name or one of
//   its aliases and the types agree. Precision counts predicted pairs, recall gold actors.
//   “actors (name only)” is the same without the type.
// - Claims, by sentence overlap. A suggested claim matches a gold sentence when their spans
//   overlap by at least half of the shorter one; matching is one to one, best overlap first.
// - Claimants, over matched claims: a guessed claimant is right when it names the gold
//   claimant (its name or an alias); a guess where the gold has none, or the wrong one, is a
//   false positive; a gold claimant not guessed, or guessed wrong, is a false negative.
// No workspace gazetteer is given, so every actor comes from the article itself.
//
// Gold labelling rules: actors are the named people, organisations, countries and places in the
// headline and body, not the byline or the dateline's place; descriptions (“the government”) and
// demonyms (“Russian”) are not actors. Claims are sentences a fact-checker could verify: figures,
// dated events, comparisons, statements attributed to someone; not opinions or forecasts.

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Claim matching has its own labelled set and measures.
if (process.argv.slice(2).join(' ').includes('--task match')) {
  await import('./eval-match.mjs');
  process.exit(0);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { suggestAll, normaliseActorText, DEFAULT_MIN_CLAIM_SCORE } = require(join(root, 'out/src/core/suggest/index.js'));

const args = process.argv.slice(2);
const json = args.includes('--json');
const verbose = args.includes('--verbose');
const splitAt = args.indexOf('--split');
const onlySplit = splitAt >= 0 ? args[splitAt + 1] : undefined;
const minScoreAt = args.indexOf('--min-score');
// Another threshold shows the trade-off between claims found and claims suggested in vain.
const minScore = minScoreAt >= 0 ? Number(args[minScoreAt + 1]) : DEFAULT_MIN_CLAIM_SCORE;

const dir = join(root, 'test/fixtures/eval');
const articles = readdirSync(dir)
  .filter((f) => f.endsWith('.gold.json'))
  .sort()
  .map((f) => {
    const name = f.replace(/\.gold\.json$/, '');
    return { name, text: readFileSync(join(dir, `${name}.txt`), 'utf8'), gold: JSON.parse(readFileSync(join(dir, f), 'utf8')) };
  })
  .filter((a) => !onlySplit || a.gold.split === onlySplit);

const counter = () => ({ tp: 0, fp: 0, fn: 0 });
const totals = {};
const tally = (split, key) => {
  totals[split] ??= { actors: counter(), actorNames: counter(), claims: counter(), claimants: counter(), matchedClaims: 0, claimantAgree: 0, articles: 0 };
  return totals[split][key];
};

for (const article of articles) {
  // Every sentence is scored so that --verbose can say why a gold claim was missed.
  const { actors, claims: scored } = suggestAll(article.text, { claims: { minScore: -Infinity } });
  const claims = scored.filter((c) => c.score >= minScore);
  const splits = [article.gold.split ?? 'dev', 'all'];
  const log = [];
  for (const split of splits) {
    tally(split, 'actors'); // creates the split's counters
    totals[split].articles++;
  }

  // Actors.
  const goldActors = article.gold.actors.map((a) => ({ ...a, keys: new Set([a.name, ...(a.aliases ?? [])].map(normaliseActorText)) }));
  const predicted = new Map();
  for (const s of actors) {
    predicted.set(`${normaliseActorText(s.name)}\u0000${s.type}`, { name: s.name, type: s.type });
  }
  const predictedNames = new Map([...predicted.values()].map((p) => [normaliseActorText(p.name), p]));
  const hitTyped = new Set();
  const hitNamed = new Set();
  for (const p of predicted.values()) {
    const key = normaliseActorText(p.name);
    const gold = goldActors.find((g) => g.keys.has(key) && g.type === p.type);
    for (const split of splits) tally(split, 'actors')[gold ? 'tp' : 'fp']++;
    if (gold) hitTyped.add(gold);
    else log.push(`  actor  FP ${p.name} (${p.type})${goldActors.find((g) => g.keys.has(key)) ? ' — wrong type' : ''}`);
  }
  for (const [key] of predictedNames) {
    const gold = goldActors.find((g) => g.keys.has(key));
    for (const split of splits) tally(split, 'actorNames')[gold ? 'tp' : 'fp']++;
    if (gold) hitNamed.add(gold);
  }
  for (const g of goldActors) {
    for (const split of splits) {
      if (!hitTyped.has(g)) tally(split, 'actors').fn++;
      if (!hitNamed.has(g)) tally(split, 'actorNames').fn++;
    }
    if (!hitTyped.has(g)) log.push(`  actor  FN ${g.name} (${g.type})`);
  }

  // Claims.
  const goldClaims = article.gold.claims.map((c) => {
    const start = article.text.indexOf(c.sentence);
    if (start < 0) throw new Error(`${article.name}: gold sentence not in the article: ${c.sentence}`);
    return { ...c, start, end: start + c.sentence.length };
  });
  const pairs = [];
  for (const g of goldClaims) {
    for (const p of claims) {
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      const shorter = Math.min(g.end - g.start, p.end - p.start);
      if (overlap > 0 && overlap >= shorter / 2) pairs.push({ g, p, overlap });
    }
  }
  pairs.sort((a, b) => b.overlap - a.overlap);
  const usedGold = new Set();
  const usedPredicted = new Set();
  const matched = [];
  for (const pair of pairs) {
    if (!usedGold.has(pair.g) && !usedPredicted.has(pair.p)) {
      usedGold.add(pair.g);
      usedPredicted.add(pair.p);
      matched.push(pair);
    }
  }
  for (const split of splits) {
    const c = tally(split, 'claims');
    c.tp += matched.length;
    c.fp += claims.length - matched.length;
    c.fn += goldClaims.length - matched.length;
  }
  for (const p of claims) if (!usedPredicted.has(p)) log.push(`  claim  FP [${p.score}] ${p.text}\n           ${p.reasons.join('; ')}`);
  for (const g of goldClaims) {
    if (usedGold.has(g)) continue;
    const near = scored.find((p) => Math.min(g.end, p.end) - Math.max(g.start, p.start) > 0);
    log.push(`  claim  FN [${near?.score ?? '-'}] ${g.sentence}\n           ${near?.reasons.join('; ') ?? ''}`);
  }

  // Claimants.
  for (const { g, p } of matched) {
    const goldActor = g.claimant ? goldActors.find((a) => a.name === g.claimant) : undefined;
    const guessed = p.claimant ? normaliseActorText(p.claimant.name) : undefined;
    const right = goldActor && guessed !== undefined && goldActor.keys.has(guessed);
    for (const split of splits) {
      const c = tally(split, 'claimants');
      if (right) c.tp++;
      if (guessed !== undefined && !right) c.fp++;
      if (goldActor && !right) c.fn++;
      totals[split].matchedClaims++;
      if (right || (!goldActor && guessed === undefined)) totals[split].claimantAgree++;
    }
    if (!right && (goldActor || guessed !== undefined)) {
      log.push(`  claimant ${p.claimant?.name ?? '—'} ≠ ${g.claimant ?? '—'}: ${g.sentence.slice(0, 70)}…`);
    }
  }
  if (verbose && !json) {
    process.stdout.write(`\n${article.name} (${article.gold.split})\n${log.join('\n')}\n`);
  }
}

const prf = ({ tp, fp, fn }) => {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const round = (x) => Math.round(x * 1000) / 1000;
  return { precision: round(precision), recall: round(recall), f1: round(f1), tp, fp, fn };
};

const report = {};
const order = (split) => ['dev', 'test', 'all'].indexOf(split);
for (const [split, t] of Object.entries(totals).sort(([a], [b]) => order(a) - order(b))) {
  report[split] = {
    articles: t.articles,
    actors: prf(t.actors),
    actorNames: prf(t.actorNames),
    claims: prf(t.claims),
    claimants: { ...prf(t.claimants), agreement: t.matchedClaims ? Math.round((t.claimantAgree / t.matchedClaims) * 1000) / 1000 : 0 },
  };
}

if (json) {
  process.stdout.write(JSON.stringify(report) + '\n');
} else {
  for (const [split, r] of Object.entries(report)) {
    process.stdout.write(`\n${split} (${r.articles} articles)\n`);
    process.stdout.write(`  ${'measure'.padEnd(20)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'F1'.padStart(10)}    tp/fp/fn\n`);
    for (const [label, m] of [
      ['actors (name+type)', r.actors],
      ['actors (name only)', r.actorNames],
      ['claims', r.claims],
      ['claimants', r.claimants],
    ]) {
      const f = (x) => x.toFixed(3).padStart(10);
      process.stdout.write(`  ${label.padEnd(20)}${f(m.precision)}${f(m.recall)}${f(m.f1)}    ${m.tp}/${m.fp}/${m.fn}\n`);
    }
    process.stdout.write(`  claimant agreement on matched claims (nulls included): ${r.claimants.agreement.toFixed(3)}\n`);
  }
}
