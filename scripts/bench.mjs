// Runs every benchmark in bench/ and prints its figures: a table, or one JSON object per line with --json.
//
// Usage: npm run bench [-- --json] [-- --only <substring>]
// Benchmarks are measurements, never assertions: they print numbers and exit 0 unless one crashes.

import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;

// Benchmarks import the compiled core from out/; build it (and the bundle) first.
const quiet = { cwd: root, stdio: json ? 'ignore' : 'inherit' };
execFileSync('npx', ['tsc', '-p', 'tsconfig.test.json'], quiet);
execFileSync('node', ['scripts/build.mjs'], quiet);

const figures = [];
const context = {
  root,
  json,
  /** Records one figure. */
  record(name, value, unit, note) {
    const figure = { name, value: Math.round(value * 1000) / 1000, unit };
    if (note) {
      figure.note = note;
    }
    figures.push(figure);
    if (json) {
      process.stdout.write(JSON.stringify(figure) + '\n');
    } else {
      const shown = `${figure.value} ${unit}`.padStart(16);
      process.stdout.write(`${name.padEnd(64)} ${shown}${note ? `   ${note}` : ''}\n`);
    }
  },
  /** Progress and explanations go to stderr so --json output stays machine-readable. */
  log(message) {
    process.stderr.write(`${message}\n`);
  },
};

const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const file of files) {
  if (!json) {
    process.stdout.write(`\n# ${file.replace('.bench.mjs', '')}\n`);
  }
  try {
    const mod = await import(pathToFileURL(join(root, 'bench', file)).href);
    await mod.run(context);
  } catch (err) {
    failed++;
    process.stderr.write(`benchmark ${file} failed: ${err?.stack ?? err}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
