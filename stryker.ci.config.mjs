// The short mutation run CI makes: the modules that guard the user's data, against the tests that exercise them, with a break threshold.

import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/core/offsets.ts', 'src/core/edits.ts', 'src/core/merge.ts', 'src/core/sidecar.ts'],
  // The core's own tests, without the exporters' suites: those decode fixtures while mocha loads them,
  // which would make every mutant in the codec "static" and run the whole suite for each.
  mochaOptions: {
    ...base.mochaOptions,
    spec: ['out/test/unit/core/*.test.js'],
    ignore: ['out/test/unit/core/{brat,w3c,report,claimreview,workspace}.test.js'],
  },
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'out/mutation/ci.json' },
  thresholds: { high: 90, low: 85, break: 85 },
};
