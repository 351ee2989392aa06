// Runs the UI suite (test/ui/*.test.mjs): mocha in Node driving code-server's VS Code 1.100.3 in Chromium as a user does.
//
// Usage: node test/harness/run-ui.mjs [--grep <pattern>] [--results <file>] [--pending]
//          [--timeout <seconds>] [--skip-setup] [--keep] [--verbose]
//
// One code-server serves every scenario; each scenario gets a fresh copy of its workspace and a
// fresh browser context, so nothing one leaves behind (sidecars, editors, UI state) reaches the next.
// Scenarios for behaviour not built yet live in *.pending.test.mjs and run only with --pending
// (or NEWSMARK_UI_PENDING=1).
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { REPO_ROOT, countsExitCode, launchBrowser, log, makeTempDir, runSetup, runUntilDeadline, serverDied, startCodeServer, suiteOptions, suiteRun, writeResults } from './codeserver.mjs';
import { configure, UI_SETTINGS } from '../ui/workbench.mjs';
import { printFigures } from '../ui/figures.mjs';

const opts = suiteOptions({
  pending: { type: 'boolean', default: process.env.NEWSMARK_UI_PENDING === '1' },
});

const UI_DIR = path.join(REPO_ROOT, 'test', 'ui');
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'out', 'ui');
const savedLog = path.join(SCREENSHOT_DIR, 'code-server.log');

const run = suiteRun({ savedLog, keep: opts.keep });

function testFiles() {
  return fs
    .readdirSync(UI_DIR)
    .filter((f) => f.endsWith('.test.mjs') && (opts.pending || !f.endsWith('.pending.test.mjs')))
    .sort()
    .map((f) => path.join(UI_DIR, f));
}

function checkBuilt() {
  const main = path.join(REPO_ROOT, 'dist', 'extension.js');
  if (!fs.existsSync(main)) throw new Error(`not built: ${main}\n  run \`npm run build\` first (npm run test:ui does)`);
}

async function runMocha(files) {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 120_000, ...(opts.grep ? { grep: opts.grep } : {}) });
  for (const f of files) mocha.addFile(f);
  await mocha.loadFilesAsync();
  const results = { passed: 0, failed: 0, pending: 0, failures: [] };
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => results.passed++);
    // Also fires for failing hooks, which abort their scenarios.
    runner.on('fail', (test) => {
      results.failed++;
      results.failures.push(test.fullTitle());
    });
    runner.on('pending', () => results.pending++);
  });
  return results;
}

const started = Date.now();

async function main() {
  if (!opts['skip-setup']) await runSetup();
  checkBuilt();
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  const tempDir = (run.tempDir = makeTempDir('newsmark-ui-'));
  const codeServer = (run.codeServer = await startCodeServer({
    userDataDir: path.join(tempDir, 'user-data'),
    extensionsDir: path.join(tempDir, 'extensions'),
    settings: UI_SETTINGS,
    // The machine's git user would name the annotator of a scenario run without the setting.
    env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  }));
  log(`code-server on ${codeServer.url} (log kept in ${path.relative(process.cwd(), savedLog)})`);
  const browser = (run.browser = await launchBrowser());
  configure({
    port: codeServer.port,
    browser: browser.browser,
    workspaces: path.join(tempDir, 'workspaces'),
    userSettings: path.join(tempDir, 'user-data', 'User', 'settings.json'),
    screenshots: SCREENSHOT_DIR,
    verbose: opts.verbose,
  });

  const files = testFiles();
  if (files.length === 0) throw new Error(`no *.test.mjs files in ${UI_DIR}`);
  const results = await Promise.race([runMocha(files), serverDied(codeServer, savedLog, 'scenarios')]);
  printFigures();

  if (opts.results) writeResults(opts.results, results);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`UI suite took ${seconds} s`);
  return countsExitCode('ui', results, { nonePassed: 'no scenario passed: check --grep' });
}

await runUntilDeadline(main, {
  seconds: opts.timeout,
  cleanup: run.cleanup,
  timedOut: async () => {
    console.error(`[harness] ERROR: timed out after ${opts.timeout} s (raise with --timeout or NEWSMARK_TEST_TIMEOUT)`);
  },
});
