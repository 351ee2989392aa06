// Measures claim matching against the labelled pairs in test/fixtures/eval/match/claims.yaml.
//
// Usage: npm run eval -- --task match [--split dev|test] [--json] [--verbose] [--threshold N]
// Reads the compiled core (out/src/core/match/index.js); `npm run eval` compiles it first.
//
// The archive holds every group's checked claim. Each "same" wording is a query whose right
// answer is its group's claim: precision at 1 and MRR rank the whole archive (below the
// threshold too). At the threshold, what is offered counts: its group's claim offered for a
// "same" query is a true positive, not offered a false negative; anything else offered —
// for a "different" or "unrelated" query, or another group's claim — a false positive,
// counted by what changed (number, negation, actor, place, time).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { ClaimArchive, MATCH_THRESHOLD } = require(join(root, 'out/src/core/match/index.js'));

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const json = args.includes('--json');
const verbose = args.includes('--verbose');
const threshold = option('--threshold') === undefined ? MATCH_THRESHOLD : Number(option('--threshold'));
const splits = option('--split') ? [option('--split')] : ['dev', 'test'];

const data = parse(readFileSync(join(root, 'test/fixtures/eval/match/claims.yaml'), 'utf8'));
const archive = new ClaimArchive(data.actors.map((names) => ({ key: names[0].toLowerCase(), names })));
data.groups.forEach((g, i) => archive.add({ key: `g${i}`, text: g.claim, article: `group-${i}`, verdict: g.verdict, source: 'workspace' }));

function measure(split) {
  const r = { split, queries: 0, atOne: 0, reciprocal: 0, tp: 0, fp: 0, fn: 0, falseByKind: {} };
  const falsePositive = (kind, query, match) => {
    r.fp++;
    r.falseByKind[kind] = (r.falseByKind[kind] ?? 0) + 1;
    if (verbose) console.log(`  false ${kind}: "${query}" → "${match.claim.text}" (${match.score})`);
  };
  data.groups.forEach((g, i) => {
    if (g.split !== split) return;
    const key = `g${i}`;
    for (const query of g.same) {
      const ranked = archive.search(query, { all: true, limit: archive.size });
      const rank = ranked.findIndex((m) => m.claim.key === key);
      r.queries++;
      r.atOne += rank === 0 ? 1 : 0;
      r.reciprocal += rank >= 0 ? 1 / (rank + 1) : 0;
      const offered = ranked.filter((m) => m.score >= threshold);
      if (offered.some((m) => m.claim.key === key)) r.tp++;
      else {
        r.fn++;
        if (verbose) console.log(`  missed: "${query}" → "${g.claim}" (${ranked[rank]?.score ?? 0})`);
      }
      offered.filter((m) => m.claim.key !== key).forEach((m) => falsePositive('other claim', query, m));
    }
    for (const { kind, text } of g.different) {
      archive.search(text, { threshold }).forEach((m) => falsePositive(m.claim.key === key ? kind : 'other claim', text, m));
    }
  });
  for (const u of data.unrelated.filter((x) => x.split === split)) {
    archive.search(u.text, { threshold }).forEach((m) => falsePositive('unrelated', u.text, m));
  }
  const ratio = (a, b) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
  return {
    split,
    pairs: r.queries + data.groups.filter((g) => g.split === split).reduce((n, g) => n + g.different.length, 0),
    precisionAt1: ratio(r.atOne, r.queries),
    mrr: ratio(r.reciprocal, r.queries),
    threshold,
    precision: ratio(r.tp, r.tp + r.fp),
    recall: ratio(r.tp, r.tp + r.fn),
    falsePositives: r.falseByKind,
  };
}

for (const split of splits) {
  const m = measure(split);
  if (json) {
    console.log(JSON.stringify({ task: 'match', ...m }));
    continue;
  }
  console.log(`claim matching, ${split} split (${m.pairs} labelled pairs, archive of ${archive.size} claims)`);
  console.log(`  precision at 1 ${m.precisionAt1}   MRR ${m.mrr}`);
  console.log(`  at threshold ${m.threshold}: precision ${m.precision}, recall ${m.recall}`);
  const kinds = Object.entries(m.falsePositives);
  console.log(`  offered in error: ${kinds.length ? kinds.map(([k, n]) => `${n} ${k}`).join(', ') : 'none'}`);
}
