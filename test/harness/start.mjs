// `npm start`: builds the extension and serves VS Code 1.100.3 (code-server) with it loaded on samples/, until Ctrl-C.
//
// Usage: node test/harness/start.mjs [--port N] [--skip-setup] [--skip-build] [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  REPO_ROOT,
  buildUrl,
  freePort,
  installCleanup,
  log,
  runSetup,
  runTracked,
  startCodeServer,
} from './codeserver.mjs';

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string' },
    'skip-setup': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

// Settings, opened editors and UI state survive restarts here (gitignored).
const STATE_DIR = path.join(REPO_ROOT, '.vscode-test');
const WORKSPACE = path.join(REPO_ROOT, 'samples');

let server = null;
const cleanup = installCleanup(async () => {
  await server?.stop();
});

async function main() {
  if (!opts['skip-setup']) await runSetup();

  if (!opts['skip-build']) {
    if (fs.existsSync(path.join(REPO_ROOT, 'scripts', 'build.mjs'))) {
      log('npm run build');
      await runTracked('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' }, 'npm run build');
    } else {
      log('scripts/build.mjs not found; serving the extension as it is');
    }
  }

  // An explicit --port is a promise to whoever bookmarked the URL; 8080 is only a preference.
  let port;
  if (opts.port) {
    port = Number(opts.port);
    if ((await freePort(port)) !== port) throw new Error(`port ${port} is in use`);
  } else {
    port = await freePort(8080);
  }

  if (!fs.existsSync(WORKSPACE)) fs.mkdirSync(WORKSPACE, { recursive: true });
  server = await startCodeServer({
    workspace: WORKSPACE,
    userDataDir: path.join(STATE_DIR, 'code-server-user'),
    extensionsDir: path.join(STATE_DIR, 'code-server-extensions'),
    port,
    echo: opts.verbose,
  });

  const url = buildUrl({ port, workspace: WORKSPACE, extensionDevelopmentPath: REPO_ROOT });
  const bar = '='.repeat(72);
  console.log(`\n${bar}\n  Newsmark in VS Code ${'1.100.3'} (code-server) is running.\n  Open this URL in a browser:\n\n  ${url}\n\n  After rebuilding (npm run build), run "Developer: Reload Window".\n  Server log: ${path.relative(process.cwd(), server.logFile)}\n  Stop with Ctrl-C.\n${bar}\n`);

  const code = await server.exited;
  throw new Error(`code-server exited unexpectedly (${code}); see ${server.logFile}`);
}

try {
  await main();
} catch (err) {
  if (!cleanup.stopping) console.error(`[harness] ERROR: ${err.message}`);
  await cleanup();
  process.exit(cleanup.signalExitCode ?? 1);
}
