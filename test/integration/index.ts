// Mocha entry point that VS Code loads inside the extension host for the integration suite.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

export interface TestResults {
  passed: number;
  /** The full titles of the failed tests, for the run's closing summary. */
  failures?: string[];
  failed: number;
  pending: number;
}

// Everything next to this file (compiled into out/test/integration/) that
// ends in .test.js is part of the suite, so new test files need no registration.
function findTestFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}

// The harness reads this file because VS Code only reports an exit code;
// the path comes through the environment the extension host inherits.
function writeResults(results: TestResults): void {
  const target = process.env.NEWSMARK_TEST_RESULTS;
  if (!target) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(results));
}

// VS Code relays the extension host's console arguments joined by spaces
// without applying printf-style placeholders, and mocha's reporters print
// through `consoleLog('%s%s', ...)`; formatting here keeps the report legible.
// console.log is captured now so tests that stub it cannot swallow the report.
const consoleLog = console.log.bind(console);
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => consoleLog(util.format(...args));

export async function run(): Promise<void> {
  const grep = process.env.NEWSMARK_TEST_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 20000,
    ...(grep ? { grep } : {}),
  });

  const results: TestResults = { passed: 0, failed: 0, pending: 0, failures: [] };
  try {
    const files = findTestFiles(__dirname);
    if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}`);
    for (const f of files) mocha.addFile(f);

    // Files load synchronously through require so that `import * as vscode`
    // in tests resolves to the extension host's API module.
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => results.passed++);
      // Also fires for failing hooks, which abort their tests.
      runner.on('fail', (test: Mocha.Test) => {
        results.failed++;
        results.failures?.push(test.fullTitle());
      });
      runner.on('pending', () => results.pending++);
    });
  } catch (err) {
    // A test file that throws while loading must still count as a failure.
    console.error('Integration suite could not run:', err);
    results.failed++;
    results.failures?.push(`the suite could not run: ${String(err)}`);
  }

  writeResults(results);
  if (results.failed > 0) {
    throw new Error(`${results.failed} integration test(s) failed`);
  }
}
