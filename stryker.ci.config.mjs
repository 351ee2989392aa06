// The short mutation run CI makes: the modules that guard the user's data, against the tests that exercise them, with a break threshold.

import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  // About 1,000 mutants, 10 minutes on two loaded cores (3.5 minutes of CPU). The codec (sidecar*.ts, about 2,000
  // mutants: stryker.codec.config.mjs) and the store's session (another 3 to 4 minutes) would take it past the 15
  // minutes CI gives it, so they run with `npm run mutation`; CI mutates the smaller modules that write the user's data.
  mutate: ['src/core/offsets.ts', 'src/core/edits.ts', 'src/core/merge.ts', 'src/core/files.ts', 'src/core/fileRules.ts', 'src/core/store/writer.ts'],
  // The dedicated tests of these modules only: the others add seconds to every mutant they cover.
  mochaOptions: {
    ...base.mochaOptions,
    spec: ['offsets', 'edits', 'merge', 'model', 'anchoring', 'operations', 'files', 'files.edges', 'files.faults', 'files.blocking', 'fileRules', 'store/writer', 'store/writer.edges', 'store/articleSession', 'store/articleStore', 'store/history'].map((name) => `out/test/unit/core/${name}.test.js`),
  },
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'out/mutation/ci.json' },
  // Stryker's own break counts the listed equivalents as survivors; scripts/mutation.mjs gates each file without them.
  thresholds: { high: 90, low: 85, break: null },
};
