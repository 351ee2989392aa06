// Takes a PNG of VS Code 1.100.3 (code-server) with Newsmark loaded on a copy of samples/, optionally with one file open.
//
// Usage: node test/harness/screenshot.mjs <out.png> [--file <name in samples>] [--wait <ms>]
//          [--workspace <dir>] [--skip-setup] [--verbose]
//          [--command <palette entry>]... [--hover <text in the editor>]
// Build first (npm run build): this script serves dist/ as it is.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  REPO_ROOT,
  buildUrl,
  installCleanup,
  launchBrowser,
  log,
  makeTempDir,
  runSetup,
  startCodeServer,
} from './codeserver.mjs';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    file: { type: 'string' },
    wait: { type: 'string', default: '4000' },
    workspace: { type: 'string', default: path.join(REPO_ROOT, 'samples') },
    'skip-setup': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    command: { type: 'string', multiple: true, default: [] },
    hover: { type: 'string' },
  },
});

if (positionals.length !== 1) {
  console.error('usage: node test/harness/screenshot.mjs <out.png> [--file <name>] [--wait <ms>]');
  process.exit(2);
}
const outFile = path.resolve(positionals[0]);
const waitMs = Number(opts.wait);

let server = null;
let browser = null;
let tempDir = null;
const cleanup = installCleanup(async () => {
  await browser?.close();
  await server?.stop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

async function openWithQuickOpen(page, name) {
  // Focus the workbench first; a fresh page sends keys nowhere.
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(name);
  // Quick open searches asynchronously; Enter before results opens nothing.
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 45_000 });
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab.active', { hasText: path.basename(name) })
    .waitFor({ timeout: 10_000 });
}

async function runFromPalette(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 45_000 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
}

async function main() {
  if (!opts['skip-setup']) await runSetup();

  // A copy, so nothing the extension writes on activation lands in samples/;
  // it keeps the folder name so the window title matches `npm start`.
  tempDir = makeTempDir('newsmark-shot-');
  const source = path.resolve(opts.workspace);
  const workspace = path.join(tempDir, path.basename(source));
  if (fs.existsSync(source)) fs.cpSync(source, workspace, { recursive: true });
  else fs.mkdirSync(workspace);

  server = await startCodeServer({
    workspace,
    userDataDir: path.join(tempDir, 'user-data'),
    extensionsDir: path.join(tempDir, 'extensions'),
    echo: opts.verbose,
  });
  browser = await launchBrowser({ viewport: { width: 1400, height: 900 } });
  const { page } = browser;
  if (opts.verbose) page.on('console', (m) => process.stderr.write(`[browser:${m.type()}] ${m.text()}\n`));

  const url = buildUrl({ port: server.port, workspace, extensionDevelopmentPath: REPO_ROOT });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 30_000 }).catch(() => {});

  if (opts.file) {
    log(`opening ${opts.file}`);
    await openWithQuickOpen(page, opts.file);
  }
  for (const command of opts.command) {
    log(`running "${command}"`);
    await runFromPalette(page, command);
  }
  // Decorations, trees and the extension host settle after the editor shows.
  await page.waitForTimeout(waitMs);
  if (opts.hover) {
    log(`hovering over "${opts.hover}"`);
    await page.locator('.view-lines').getByText(opts.hover, { exact: false }).first().hover();
    await page.locator('.monaco-hover').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => log('no hover appeared'));
    await page.waitForTimeout(800);
  }

  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  await page.screenshot({ path: outFile });
  log(`screenshot: ${outFile}`);
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  if (!cleanup.stopping) console.error(`[harness] ERROR: ${err.message}`);
  exitCode = 1;
}
await cleanup();
process.exit(cleanup.signalExitCode ?? exitCode);
