// `npm run test:desktop`: runs the integration suite in desktop VS Code 1.100.3 via @vscode/test-electron, where it can be downloaded.
//
// Usage: node test/harness/run-desktop.mjs [--grep <pattern>] [--results <file>] [--keep]
// Needs internet access to the VS Code download site on first use (cached in
// .vscode-test/), and a display: on a headless Linux box run it under `xvfb-run -a`.
// Machines without either use `npm run test:integration` (code-server) instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import testElectron from '@vscode/test-electron';

const { downloadAndUnzipVSCode, runTests } = testElectron;

const VSCODE_VERSION = '1.100.3';
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const { values: opts } = parseArgs({
  options: {
    grep: { type: 'string' },
    results: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const log = (...args) => console.log('[harness]', ...args);

function fixtureSource() {
  const fixture = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
  return fs.existsSync(fixture) ? fixture : path.join(REPO_ROOT, 'samples');
}

async function main() {
  const extensionTestsPath = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) {
    throw new Error(`${extensionTestsPath} missing: run \`npm run test:desktop\` so its pretest compiles the tests`);
  }

  let vscodeExecutablePath;
  try {
    // Downloading separately tells a missing network apart from failing tests.
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: VSCODE_VERSION,
      cachePath: path.join(REPO_ROOT, '.vscode-test'),
      timeout: 30_000,
    });
  } catch (err) {
    console.error(
      `[harness] ERROR: could not download VS Code ${VSCODE_VERSION} (${err.message}).\n` +
        '  test:desktop needs the VS Code download site. Without it, run `npm run test:integration`,\n' +
        '  which runs the same suite in code-server (VS Code 1.100.3 for the browser) fully offline.',
    );
    return 1;
  }

  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('warning: no DISPLAY; Electron needs one. Re-run as `xvfb-run -a npm run test:desktop` if VS Code fails to start.');
  }

  // Tests write sidecars: they get a copy, never the repository's fixtures.
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-desktop-'));
  const workspace = path.join(tempDir, 'workspace');
  const source = fixtureSource();
  if (fs.existsSync(source)) fs.cpSync(source, workspace, { recursive: true });
  else fs.mkdirSync(workspace);
  const resultsFile = path.join(tempDir, 'results.json');

  const extensionTestsEnv = { NEWSMARK_TEST_RESULTS: resultsFile };
  if (opts.grep) extensionTestsEnv.NEWSMARK_TEST_GREP = opts.grep;

  let code;
  try {
    code = await runTests({
      version: VSCODE_VERSION,
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv,
    });
  } catch (err) {
    // runTests rejects with TestRunFailedError when VS Code exits non-zero,
    // which is also how failing tests surface.
    code = err?.code ?? 1;
    log(`VS Code exited with ${err?.code ?? err?.signal ?? err?.message}`);
  }

  let results = null;
  try {
    results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch (err) {
    log(`no results file from the test index (${err.code ?? err.message})`);
  }
  if (!opts.keep) fs.rmSync(tempDir, { recursive: true, force: true });
  if (!results) return 1;

  if (opts.results) {
    fs.mkdirSync(path.dirname(path.resolve(opts.results)), { recursive: true });
    fs.writeFileSync(opts.results, JSON.stringify(results));
  }
  log(`results: ${JSON.stringify(results)}`);
  console.log(`integration: ${results.passed} passed, ${results.failed} failed, ${results.pending} skipped`);
  if (results.failed > 0) return 1;
  if (code !== 0) return code || 1;
  return results.passed > 0 ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  console.error(`[harness] ERROR: ${err.message}`);
}
process.exit(exitCode);
