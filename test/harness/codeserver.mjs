// Helpers shared by the harness scripts: setup, code-server (VS Code 1.100.3 for the browser), Chromium, URLs, cleanup and the suite runners' options and deadline.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { URLSearchParams, fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const HARNESS_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HARNESS_DIR, '..', '..');
export const CHROMIUM = process.env.NEWSMARK_CHROMIUM || '/usr/bin/chromium';

const CODE_SERVER_ENTRY = path.join(HARNESS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// Without the networking flags Chromium keeps dialling Google hosts that this
// closed network refuses; --no-sandbox is needed because we run as root.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// Keeps the VS Code window quiet and deterministic: no welcome page, no
// marketplace or update calls that would hang offline.
const DEFAULT_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.autoDetect': 'off',
};

// Process groups still running; killed synchronously if Node exits anyway
// (uncaught error, process.exit) so no code-server outlives its runner.
const liveGroups = new Set();
process.on('exit', () => {
  for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
});

export function log(...args) {
  console.log('[harness]', ...args);
}

/**
 * Runs setup.sh; rejects when it fails so callers stop early. Asynchronous so
 * a caller's timeout or Ctrl-C can still stop it (a cold npm ci takes minutes).
 */
export function runSetup() {
  return runTracked('bash', [path.join(HARNESS_DIR, 'setup.sh')], { stdio: 'inherit' }, 'setup.sh');
}

/**
 * Runs a command in its own process group, killed with this process, and
 * rejects on a non-zero exit.
 */
export function runTracked(command, args, options, label = command) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, detached: true });
    liveGroups.add(child.pid);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      liveGroups.delete(child.pid);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (exit ${code ?? signal})`));
    });
  });
}

/** Resolves a free TCP port on 127.0.0.1; tries `preferred` first when given. */
export async function freePort(preferred) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.unref();
      srv.once('error', () => resolve(null));
      srv.listen({ host: '127.0.0.1', port }, () => {
        const { port: got } = srv.address();
        srv.close(() => resolve(got));
      });
    });
  if (preferred) {
    const got = await tryListen(preferred);
    if (got) return got;
  }
  const got = await tryListen(0);
  if (!got) throw new Error('could not find a free port');
  return got;
}

/** Makes a fresh directory under the OS temp dir. */
export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Builds the workbench URL. The payload is how the web workbench learns about
 * development extensions and tests, because code-server refuses the
 * --extensionDevelopmentPath command-line flag.
 */
export function buildUrl({ port, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${toPosixAbs(p)}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const q = new URLSearchParams();
  if (workspace) q.set('folder', toPosixAbs(workspace));
  q.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${q.toString()}`;
}

function toPosixAbs(p) {
  return path.resolve(p).split(path.sep).join('/');
}

function httpStatus(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
  });
}

async function waitForHttp(url, { timeoutMs, child, logFile }) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode}); see ${logFile}`);
    }
    try {
      const status = await httpStatus(url);
      if (status === 200) return;
      lastErr = new Error(`HTTP ${status}`);
    } catch (err) {
      lastErr = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms (${lastErr?.message}); see ${logFile}`);
}

/**
 * Starts code-server and resolves once its HTTP server answers.
 * Everything it writes goes to `<userDataDir>/code-server.log`, and to stdout
 * as well when `echo` is set.
 * The extension host is a child of code-server and inherits `env`.
 * Returns {port, url, stop(), exited (resolves with the exit code), logFile, ...}.
 */
export async function startCodeServer({
  workspace,
  userDataDir,
  extensionsDir,
  env = {},
  port,
  echo = false,
  settings = {},
  timeoutMs = 60_000,
} = {}) {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed (${CODE_SERVER_ENTRY} missing); run test/harness/setup.sh`);
  }
  const tempRoot = !userDataDir || !extensionsDir ? makeTempDir('newsmark-cs-') : null;
  userDataDir ??= path.join(tempRoot, 'user-data');
  extensionsDir ??= path.join(tempRoot, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });

  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile) || Object.keys(settings).length > 0) {
    let current = {};
    try {
      current = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    } catch {
      /* absent or commented: start over from our defaults */
    }
    fs.writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...current, ...settings }, null, 2));
  }
  // An empty config keeps code-server from writing a password config into ~/.config.
  const configFile = path.join(userDataDir, 'code-server.yaml');
  if (!fs.existsSync(configFile)) fs.writeFileSync(configFile, '');

  port ??= await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--config', configFile,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--log', 'info',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (workspace) args.push(workspace);

  const logFile = path.join(userDataDir, 'code-server.log');
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  // Its own process group, so stop() also reaches the extension host, pty
  // host and file watcher that code-server forks.
  const child = spawn(process.execPath, args, {
    cwd: workspace ?? REPO_ROOT,
    // An empty gallery switches the marketplace (open-vsx) off; offline it
    // would only add DNS errors to the test output.
    env: { EXTENSIONS_GALLERY: '{}', ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      logStream.write(chunk);
      if (echo) process.stdout.write(chunk);
    });
  }
  liveGroups.add(child.pid);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      liveGroups.delete(child.pid);
      resolve(code ?? signal);
    });
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await killGroup(child);
    logStream.end();
    if (tempRoot) fs.rmSync(tempRoot, { recursive: true, force: true });
  };

  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, { timeoutMs, child, logFile });
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, url: `http://127.0.0.1:${port}/`, stop, exited, logFile, userDataDir, extensionsDir, pid: child.pid };
}

async function killGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    liveGroups.delete(child.pid);
    signalGroup(child.pid, 'SIGKILL'); // stragglers such as the extension host
    return;
  }
  const exited = new Promise((r) => child.once('exit', r));
  signalGroup(child.pid, 'SIGTERM');
  const timer = new Promise((r) => setTimeout(r, 5000, 'timeout'));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    signalGroup(child.pid, 'SIGKILL');
    await exited;
  }
  signalGroup(child.pid, 'SIGKILL');
  liveGroups.delete(child.pid);
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* group already gone */
  }
}

/**
 * Launches Debian's Chromium through playwright-core with a throwaway profile
 * (Playwright creates and deletes it). Returns {browser, context, page, close}.
 */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found; run test/harness/setup.sh (Debian package chromium)`);
  }
  const { chromium } = await import('playwright-core');
  // Signals are handled by our own cleanup, which closes the browser first.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  };
  return { browser, context, page, close };
}

/**
 * Runs `cleanup` once on SIGINT/SIGTERM/SIGHUP, then exits with `128+n`.
 * Returns a function that runs the same cleanup for the normal path; its
 * `stopping` property turns true once cleanup has begun, so callers can tell
 * errors caused by the shutdown itself from real ones, and `signalExitCode`
 * holds the exit code a signal asked for.
 */
export function installCleanup(cleanup) {
  let running = null;
  const runOnce = () => {
    runOnce.stopping = true;
    return (running ??= Promise.resolve().then(cleanup).catch((err) => {
      console.error('[harness] cleanup failed:', err);
    }));
  };
  runOnce.stopping = false;
  runOnce.signalExitCode = null;
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [sig, code] of Object.entries(codes)) {
    process.once(sig, () => {
      runOnce.signalExitCode = code;
      console.error(`\n[harness] ${sig} received, stopping`);
      runOnce().finally(() => process.exit(code));
    });
  }
  return runOnce;
}

/**
 * The command line of a suite runner (run-integration, run-ui): the options both take, with
 * their environment defaults, and `extra`, a runner's own.
 */
export function suiteOptions(extra = {}) {
  const { values } = parseArgs({
    options: {
      grep: { type: 'string' },
      results: { type: 'string' },
      timeout: { type: 'string', default: process.env.NEWSMARK_TEST_TIMEOUT ?? '900' },
      'skip-setup': { type: 'boolean', default: process.env.NEWSMARK_SKIP_SETUP === '1' },
      keep: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: process.env.NEWSMARK_HARNESS_VERBOSE === '1' },
      ...extra,
    },
  });
  return values;
}

/**
 * What a suite run starts: its code-server, browser and temp dir, set as they are started and
 * cleaned up once (on a signal or at the end). The temp dir goes away on exit, so the server
 * log is kept at `savedLog`; `keep` leaves the temp dir for a look afterwards.
 */
export function suiteRun({ savedLog, keep }) {
  const run = { codeServer: null, browser: null, tempDir: null };
  run.cleanup = installCleanup(async () => {
    await run.browser?.close();
    await run.codeServer?.stop();
    if (run.codeServer?.logFile && fs.existsSync(run.codeServer.logFile)) {
      fs.mkdirSync(path.dirname(savedLog), { recursive: true });
      fs.copyFileSync(run.codeServer.logFile, savedLog);
    }
    if (run.tempDir && !keep) fs.rmSync(run.tempDir, { recursive: true, force: true });
  });
  return run;
}

/** Rejects once code-server exits, so a dead server ends the run instead of its timeout; `what` is what it died before. */
export function serverDied(codeServer, savedLog, what) {
  return codeServer.exited.then((c) => {
    throw new Error(`code-server exited (${c}) before the ${what} finished; see ${path.relative(process.cwd(), savedLog)}`);
  });
}

/** Writes the counts where --results asked for them. */
export function writeResults(file, results) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results));
}

/**
 * Prints the counts in the closing line CI tooling recognises ("ui: 3 passed, 0 failed, 0 skipped")
 * and answers the exit code: failing when a test failed, VS Code exited with an error, or
 * nothing passed at all (then `nonePassed` says what to check).
 */
export function countsExitCode(suite, results, { exitCode = 0, nonePassed }) {
  console.log(`${suite}: ${results.passed} passed, ${results.failed} failed, ${results.pending} skipped`);
  if (results.failed > 0) return 1;
  if (exitCode !== 0) return exitCode || 1;
  if (results.passed === 0) {
    log(nonePassed);
    return 1;
  }
  return 0;
}

class Timeout extends Error {}

/**
 * Runs `main` (which resolves with the exit code) under one deadline for everything, setup
 * included, so a hang anywhere (npm ci, code-server start, a test that never settles) ends the
 * run; then `finish(exitCode)`, the cleanup, and the exit. `timedOut` reports a timeout.
 */
export async function runUntilDeadline(main, { seconds, cleanup, timedOut, finish = async () => {} }) {
  let deadline;
  const expired = new Promise((_, reject) => {
    deadline = setTimeout(() => reject(new Timeout()), Number(seconds) * 1000);
  });
  let exitCode = 1;
  try {
    exitCode = await Promise.race([main(), expired]);
  } catch (err) {
    if (err instanceof Timeout) {
      await timedOut();
    } else if (!cleanup.stopping) {
      // After Ctrl-C the browser vanishes under main(); that is not worth a report.
      console.error(`[harness] ERROR: ${err.message}`);
    }
    exitCode = 1;
  }
  clearTimeout(deadline);
  await finish(exitCode);
  await cleanup();
  process.exit(cleanup.signalExitCode ?? exitCode);
}
