// Runs every test suite — type check, lint, unit (mocha in Node), grammar, integration (mocha inside a real VS Code) and ui (the workbench driven by keyboard and mouse) — and sums them.
//
// Usage: node scripts/test.mjs [typecheck] [lint] [unit] [grammar] [integration] [ui]   (default: all)
//
// The last line is the total over all suites, "N passed, N failed"; the exit code is non-zero
// when any test failed or a suite could not run.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const wanted = (suite) => only.length === 0 || only.includes(suite);
const totals = { passed: 0, failed: 0 };
const lines = [];
/** "suite: full title" of every failed test, printed again just above the totals so that the end of a long log names them. */
const failures = [];

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

function record(suite, passed, failed, failedTitles = []) {
  failures.push(...failedTitles.map((title) => `${suite}: ${title}`));
  totals.passed += passed;
  totals.failed += failed;
  lines.push(`${suite}: ${passed} passed, ${failed} failed`);
}

// Build once: the bundle for VS Code, the compiled tests for mocha.
if (sh('node', ['scripts/build.mjs']) !== 0 || sh('npx', ['tsc', '-p', 'tsconfig.test.json']) !== 0) {
  console.log('build failed');
  console.log(`0 passed, 1 failed`);
  process.exit(1);
}

// Type errors and lint findings fail the run like a failing test; each counts as one check.
if (wanted('typecheck')) {
  const status = sh('npx', ['tsc', '--noEmit', '-p', '.']);
  record('typecheck', status === 0 ? 1 : 0, status === 0 ? 0 : 1);
}
if (wanted('lint')) {
  const status = sh('npx', ['eslint', 'src', 'test', 'scripts', 'bench']);
  record('lint', status === 0 ? 1 : 0, status === 0 ? 0 : 1);
}

if (wanted('unit')) {
  const results = join(mkdtempSync(join(tmpdir(), 'newsmark-unit-')), 'results.json');
  const status = sh('npx', ['mocha', '--config', '.mocharc.json', '--reporter', join(root, 'scripts', 'count-reporter.cjs')], {
    env: { ...process.env, NEWSMARK_TEST_RESULTS: results },
  });
  const counts = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : { passed: 0, failed: 1 };
  record('unit', counts.passed, counts.failed + (status !== 0 && counts.failed === 0 ? 1 : 0), counts.failures);
}

if (wanted('grammar') && existsSync(join(root, 'test', 'grammar'))) {
  // One test per grammar fixture file: each holds many scope assertions.
  const files = readdirSync(join(root, 'test', 'grammar')).filter((f) => /\.(article|news)$/.test(f));
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const status = sh('npx', ['vscode-tmgrammar-test', '-g', 'syntaxes/news-article.tmLanguage.json', join('test', 'grammar', file)]);
    if (status === 0) passed++;
    else failed++;
  }
  record('grammar', passed, failed);
}

if (wanted('integration')) {
  const results = join(mkdtempSync(join(tmpdir(), 'newsmark-integration-')), 'results.json');
  const status = sh('node', ['test/harness/run-integration.mjs', '--results', results]);
  const counts = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : { passed: 0, failed: 0 };
  record('integration', counts.passed, counts.failed + (status !== 0 && counts.failed === 0 ? 1 : 0), counts.failures);
}

if (wanted('ui')) {
  const results = join(mkdtempSync(join(tmpdir(), 'newsmark-ui-')), 'results.json');
  // The integration suite has just run setup.sh; the UI suite needs nothing more.
  const status = sh('node', ['test/harness/run-ui.mjs', '--results', results, ...(wanted('integration') ? ['--skip-setup'] : [])]);
  const counts = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : { passed: 0, failed: 0 };
  record('ui', counts.passed, counts.failed + (status !== 0 && counts.failed === 0 ? 1 : 0), counts.failures);
}

console.log('');
for (const failure of failures) {
  console.log(`failed: ${failure}`);
}
for (const line of lines) {
  console.log(line);
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
