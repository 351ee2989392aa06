// StrykerJS over the pure core: mutates src/core, rebuilds the compiled tests and runs mocha on them per mutant.
// `npm run mutation -- --mutate src/core/offsets.ts` picks files; stryker.equivalent.json lists the accepted survivors.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: ['src/core/**/*.ts'],
  // The tests import ../../src/... so the sandbox compiles both into out/, as `npm run test:unit` does.
  buildCommand: 'npx tsc -p tsconfig.test.json',
  testRunner: 'mocha',
  mochaOptions: { config: '.mocharc.json', spec: ['out/test/unit/**/*.test.js'] },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Nothing outside the compiled unit tests and their sources runs; copying the rest only slows the sandbox.
  ignorePatterns: ['out', 'dist', 'media', 'docs', 'bench', 'test/harness', 'test/integration', '.vscode-test', '*.vsix'],
  tempDirName: 'out/.stryker-tmp',
  cleanTempDir: 'always',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'out/mutation/index.html' },
  jsonReporter: { fileName: 'out/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 3000,
};
