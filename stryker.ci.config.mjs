// The short mutation run CI makes: the modules that guard the user's data, against the tests that exercise them, with a break threshold.

import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: [
    'src/core/offsets.ts',
    'src/core/edits.ts',
    'src/core/merge.ts',
    'src/core/files.ts',
    'src/core/fileRules.ts',
    'src/core/sidecar.ts',
    'src/core/sidecarWriter.ts',
    'src/core/sidecarProblems.ts',
    'src/core/store/writer.ts',
    'src/core/store/articleSession.ts',
  ],
  // The dedicated tests of the core, not the exporters' and suggesters' suites (seconds each), nor the malformed
  // corpus (half a minute) or the kill -9 test (child processes that would not see the active mutant).
  mochaOptions: {
    ...base.mochaOptions,
    spec: [
      ...['offsets', 'edits', 'merge', 'sidecar', 'sidecar.mutants', 'sidecar.rewrite', 'samples', 'model', 'anchoring', 'operations'],
      ...['verdicts', 'citation', 'lint', 'describe', 'files', 'store/writer', 'store/articleStore', 'store/history'],
    ].map((name) => `out/test/unit/core/${name}.test.js`),
  },
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'out/mutation/ci.json' },
  thresholds: { high: 90, low: 85, break: 85 },
};
