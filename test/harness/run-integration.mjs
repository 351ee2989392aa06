// Runs the mocha integration suite inside code-server's VS Code 1.100.3, driven by headless Chromium, and reports the counts.
//
// Usage: node test/harness/run-integration.mjs [--grep <pattern>] [--results <file>]
//          [--timeout <seconds>] [--skip-setup] [--keep]
//          [--extension-path <dir>] [--tests-path <index.js>] [--workspace <dir>] [--user-data <dir>]
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, buildUrl, countsExitCode, launchBrowser, log, makeTempDir, runSetup, runUntilDeadline, serverDied, startCodeServer, suiteOptions, suiteRun, writeResults } from './codeserver.mjs';

const opts = suiteOptions({
  'extension-path': { type: 'string', default: REPO_ROOT },
  'tests-path': { type: 'string', default: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js') },
  workspace: { type: 'string' },
  // Kept across runs (the benchmark's second start finds what the first left, as a user's does).
  'user-data': { type: 'string' },
});

const extensionPath = path.resolve(opts['extension-path']);
const testsPath = path.resolve(opts['tests-path']);
const screenshotDir = path.join(REPO_ROOT, 'out');
// The temp dir goes away on exit, so the server log is kept next to the screenshots.
const savedLog = path.join(screenshotDir, 'integration-code-server.log');

const run = suiteRun({ savedLog, keep: opts.keep });

function fixtureSource() {
  if (opts.workspace) return path.resolve(opts.workspace);
  const fixture = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
  if (fs.existsSync(fixture)) return fixture;
  return path.join(REPO_ROOT, 'samples');
}

function checkBuilt() {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  const main = pkg.main ? path.resolve(extensionPath, pkg.main) : null;
  const missing = [];
  if (main && !fs.existsSync(main) && !fs.existsSync(`${main}.js`)) missing.push(main);
  if (!fs.existsSync(testsPath)) missing.push(testsPath);
  if (missing.length) {
    throw new Error(
      `not built: ${missing.join(', ')}\n` +
        '  run `npm run test:integration` (its pretest runs `npm run build` and `npm run compile-tests`)',
    );
  }
}

// VS Code's web logger hands over either a preformatted string or the raw
// console arguments; mocha's reporter lines come through as strings.
function formatLogArgs(args) {
  if (typeof args === 'string') return args;
  if (Array.isArray(args)) {
    return args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ');
  }
  return safeJson(args);
}

function safeJson(v) {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

// VS Code forwards the extension host's console (mocha's spec reporter, and
// console.log in tests) through the same logger as the workbench's own
// messages, without a prefix. Known workbench chatter is dropped unless
// --verbose so the test report stays readable.
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Started local extension host/,
  /^\[driver\]/,
  /^Creation of workbench contribution '.*' took \d+ms/,
];
function relayLog(type, args) {
  const text = formatLogArgs(args);
  if (!opts.verbose && WORKBENCH_NOISE.some((re) => re.test(text))) return;
  const out = type === 'error' || type === 'warn' ? process.stderr : process.stdout;
  out.write(`${text}\n`);
}

async function screenshot(page, name) {
  try {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, name);
    await page.screenshot({ path: file });
    log(`screenshot: ${path.relative(process.cwd(), file) || file}`);
  } catch (err) {
    log(`screenshot failed: ${err.message}`);
  }
}

const started = Date.now();

async function main() {
  if (!opts['skip-setup']) await runSetup();
  checkBuilt();
  // A screenshot left by an earlier run would be mistaken for this run's.
  for (const name of ['integration-final.png', 'integration-failure.png', 'integration-timeout.png']) {
    fs.rmSync(path.join(screenshotDir, name), { force: true });
  }

  const tempDir = (run.tempDir = makeTempDir('newsmark-it-'));
  const workspace = path.join(tempDir, 'workspace');
  const source = fixtureSource();
  // Tests write sidecar files; they must never touch the repository's copies.
  if (fs.existsSync(source)) fs.cpSync(source, workspace, { recursive: true });
  else fs.mkdirSync(workspace);
  const resultsFile = path.join(tempDir, 'results.json');
  log(`workspace: ${workspace} (copy of ${path.relative(REPO_ROOT, source) || source})`);

  const env = { NEWSMARK_TEST_RESULTS: resultsFile };
  if (opts.grep) env.NEWSMARK_TEST_GREP = opts.grep;
  const codeServer = (run.codeServer = await startCodeServer({
    workspace,
    userDataDir: opts['user-data'] ? path.resolve(opts['user-data']) : path.join(tempDir, 'user-data'),
    extensionsDir: path.join(tempDir, 'extensions'),
    env,
    // Named, so that no machine's git user (or its absence, which asks) changes what the tests see.
    settings: { 'newsmark.annotator': 'Integration Tester' },
  }));
  log(`code-server on ${codeServer.url} (log kept in ${path.relative(process.cwd(), savedLog)})`);

  const { page } = (run.browser = await launchBrowser());
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  // Must exist before the workbench loads: VS Code looks them up once.
  await page.exposeFunction('codeAutomationLog', (type, args) => relayLog(type, args));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  if (opts.verbose) {
    page.on('console', (m) => process.stderr.write(`[browser:${m.type()}] ${m.text()}\n`));
  }
  page.on('pageerror', (err) => process.stderr.write(`[browser:pageerror] ${err.message}\n`));

  const url = buildUrl({
    port: codeServer.port,
    workspace,
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: testsPath,
  });
  if (opts.verbose) log(`opening ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  // A dead server or renderer would otherwise leave us waiting for the timeout.
  const pageCrashed = new Promise((_, reject) => page.once('crash', () => reject(new Error('the browser page crashed'))));
  const code = await Promise.race([exited, serverDied(codeServer, savedLog, 'tests'), pageCrashed]);
  await screenshot(page, 'integration-final.png');

  let results = null;
  try {
    results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch (err) {
    log(`no results file from the test index (${err.code ?? err.message}); see ${path.relative(process.cwd(), savedLog)}`);
  }
  if (results && opts.results) writeResults(opts.results, results);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`VS Code exited with ${code} after ${seconds} s`);
  if (!results) return 1;
  log(`results: ${JSON.stringify(results)}`);
  return countsExitCode('integration', results, {
    exitCode: code,
    nonePassed: 'no test passed: check --grep and that *.test.js files were compiled next to the index',
  });
}

await runUntilDeadline(main, {
  seconds: opts.timeout,
  cleanup: run.cleanup,
  timedOut: async () => {
    if (run.browser?.page) await screenshot(run.browser.page, 'integration-timeout.png');
    console.error(
      `[harness] ERROR: timed out after ${opts.timeout} s ` +
        `(raise with --timeout or NEWSMARK_TEST_TIMEOUT; see ${path.relative(process.cwd(), savedLog)})`,
    );
  },
  finish: async (exitCode) => {
    if (exitCode !== 0 && run.browser?.page && !run.cleanup.stopping) await screenshot(run.browser.page, 'integration-failure.png');
  },
});
