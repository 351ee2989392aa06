// Runs StrykerJS on the core, then lists only the surviving mutants not already accepted as equivalent in stryker.equivalent.json.
//
// Usage: node scripts/mutation.mjs [--ci | --config stryker.codec.config.mjs] [stryker options, e.g. --mutate src/core/offsets.ts]
//        node scripts/mutation.mjs --report out/mutation/mutation.json   (read a report, run nothing)
//
// The score printed per file leaves out the accepted equivalents. With --ci the short
// configuration runs and the exit code is non-zero when any file scores below its break threshold.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ci = args.includes('--ci');
const reportAt = args.indexOf('--report');
const configAt = args.indexOf('--config');
const equivalentsFile = join(root, 'stryker.equivalent.json');

/**
 * The CI run fails below this adjusted score in any mutated file: each file's measured score less a small margin,
 * so a regression fails it. Every file of the CI run scores 100% without its listed equivalents. The codec's and
 * the anchoring folder's files are gated by the runs of their own configurations (--config); the run over the whole
 * core only reports.
 */
const BREAK = {
  'src/core/offsets.ts': 97,
  'src/core/edits.ts': 97,
  'src/core/merge.ts': 97,
  'src/core/fileRules.ts': 97,
  'src/core/files.ts': 97,
  'src/core/store/writer.ts': 97,
  // The codec, as measured by a full run of stryker.codec.config.mjs, less a small margin.
  'src/core/sidecar.ts': 88,
  'src/core/sidecarWriter.ts': 90,
  'src/core/sidecarProblems.ts': 84,
  'src/core/sidecarSplice.ts': 94,
  'src/core/sidecarItems.ts': 97,
  'src/core/sidecarKnown.ts': 97,
  // The anchoring folder, as measured by stryker.anchoring.config.mjs less a margin.
  'src/core/anchoring/article.ts': 66,
  'src/core/anchoring/passes.ts': 95,
  'src/core/anchoring/fuzzy.ts': 97,
  'src/core/anchoring/ngram.ts': 92,
  'src/core/anchoring/boundaries.ts': 98,
  'src/core/anchoring/alignment.ts': 98,
  'src/core/anchoring/context.ts': 98,
  'src/core/anchoring/forms.ts': 89,
  'src/core/anchoring/candidate.ts': 92,
  'src/core/anchoring/decisions.ts': 93,
  'src/core/anchoring/results.ts': 94,
  'src/core/anchoring/index.ts': 97,
  'src/core/anchoring/thresholds.ts': 97,
  default: 90,
};

const config = configAt >= 0 ? args[configAt + 1] : ci ? 'stryker.ci.config.mjs' : 'stryker.config.mjs';
// The report is wherever the configuration's JSON reporter writes it.
const { default: options } = await import(pathToFileURL(join(root, config)).href);
let report = reportAt >= 0 ? args[reportAt + 1] : join(root, options.jsonReporter.fileName);
if (reportAt < 0) {
  const forwarded = args.filter((a, i) => a !== '--ci' && (configAt < 0 || (i !== configAt && i !== configAt + 1)));
  const started = Date.now();
  const run = spawnSync('npx', ['stryker', 'run', config, ...forwarded], { cwd: root, stdio: 'inherit' });
  console.log(`\nStryker took ${Math.round((Date.now() - started) / 1000)} s.`);
  if (run.status !== 0 || !existsSync(report)) {
    process.exit(run.status || 1);
  }
}
report = JSON.parse(readFileSync(report, 'utf8'));

const equivalents = JSON.parse(readFileSync(equivalentsFile, 'utf8')).mutants;
const keyOf = (file, mutator, original, replacement) => JSON.stringify([file, mutator, original.replace(/\s+/g, ' '), replacement.replace(/\s+/g, ' ')]);
// An entry whose original text is common ("true") names a piece of its source line too, so that it covers only those places.
const accepted = new Map();
for (const e of equivalents) {
  const key = keyOf(e.file, e.mutator, e.original, e.replacement);
  accepted.set(key, [...(accepted.get(key) ?? []), e]);
}
const lineOf = (source, { start }) => source.split('\n')[start.line - 1] ?? '';
const entryFor = (key, source, location) => accepted.get(key)?.find((e) => e.line === undefined || lineOf(source, location).includes(e.line));
const used = new Set();

/** The text a mutant replaced, from the report's copy of the source (lines and columns count from 1). */
function originalText(source, { start, end }) {
  const lines = source.split('\n');
  const offset = (p) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  return source.slice(offset(start), offset(end));
}

const fresh = [];
const rows = [];
let failed = false;
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const count = { detected: 0, undetected: 0, equivalent: 0, invalid: 0 };
  for (const mutant of mutants) {
    if (mutant.status === 'Killed' || mutant.status === 'Timeout') {
      count.detected++;
    } else if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
      const key = keyOf(file, mutant.mutatorName, originalText(source, mutant.location), mutant.replacement ?? '');
      const entry = entryFor(key, source, mutant.location);
      if (entry) {
        used.add(entry);
        count.equivalent++;
      } else {
        count.undetected++;
        const { line, column } = mutant.location.start;
        fresh.push(`${file}:${line}:${column} ${mutant.mutatorName} (${mutant.status}): ${originalText(source, mutant.location).replace(/\s+/g, ' ')} → ${(mutant.replacement ?? '').replace(/\s+/g, ' ')}`);
      }
    } else {
      count.invalid++;
    }
  }
  const scored = count.detected + count.undetected;
  const score = scored ? (100 * count.detected) / scored : 100;
  const raw = scored + count.equivalent ? (100 * count.detected) / (scored + count.equivalent) : 100;
  const threshold = BREAK[file] ?? BREAK.default;
  failed ||= (ci || configAt >= 0) && score < threshold;
  rows.push(`| ${file} | ${mutants.length} | ${raw.toFixed(1)}% | ${count.equivalent} | ${score.toFixed(1)}% |`);
}

console.log('\n| file | mutants | score | equivalent | score without them |\n|---|---|---|---|---|');
console.log(rows.join('\n'));
console.log(fresh.length ? `\n${fresh.length} surviving mutants not listed in stryker.equivalent.json:\n${fresh.join('\n')}` : '\nNo surviving mutants beyond the listed equivalents.');
const mutated = new Set(Object.keys(report.files));
const unused = equivalents.filter((e) => mutated.has(e.file) && !used.has(e));
if (unused.length) {
  console.log(`\n${unused.length} entries of stryker.equivalent.json matched no survivor (killed now, or the code changed):`);
  console.log(unused.map((e) => `${e.file} ${e.mutator}: ${e.original} → ${e.replacement}`).join('\n'));
}
if (failed) {
  console.log(`\nA file scores below its threshold (${JSON.stringify(BREAK)}).`);
  process.exit(1);
}
