// The short mutation run CI makes: the modules that guard the user's data, against the tests that exercise them, with a break threshold.

import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/core/offsets.ts', 'src/core/edits.ts', 'src/core/merge.ts', 'src/core/sidecar.ts'],
  // The dedicated tests of the core, not the exporters' and suggesters' suites: those decode fixtures while
  // mocha loads them (which makes every codec mutant "static" and runs everything for each) or take seconds each.
  mochaOptions: {
    ...base.mochaOptions,
    spec: ['offsets', 'edits', 'merge', 'sidecar', 'sidecar.mutants', 'samples', 'model', 'anchoring', 'operations', 'verdicts', 'citation', 'lint', 'describe'].map(
      (name) => `out/test/unit/core/${name}.test.js`,
    ),
  },
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'out/mutation/ci.json' },
  thresholds: { high: 90, low: 85, break: 85 },
};
