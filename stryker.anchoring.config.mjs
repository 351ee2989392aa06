// The anchoring folder's mutation run against the tests of its public behaviour: `npm run mutation -- --config stryker.anchoring.config.mjs`.

import base from './stryker.config.mjs';

// Every surviving mutant runs every test: 1,000 property cases with a fixed seed instead of 1,500
// random ones keep that to a second or two, and make two runs test the same cases. `npm test`
// keeps the full count. The test-runner processes inherit these.
process.env.ANCHORING_PROPERTY_RUNS ??= '1000';
process.env.ANCHORING_PROPERTY_SEED ??= '20261202';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/core/anchoring/**/*.ts'],
  mochaOptions: {
    ...base.mochaOptions,
    // The property tests last: mocha stops at the first failure, and the quick tests kill most mutants first.
    spec: ['anchoring', 'anchoring/decisions', 'anchoring/scores', 'anchoring/boundaries', 'anchoring/context', 'anchoring/forms', 'anchoring/candidate', 'anchoring/fuzzy', 'anchoring/edits', 'anchoring/alignment', 'anchoring/ngram', 'anchoring/passes', 'anchoring/article', 'anchoring.property'].map((name) => `out/test/unit/core/${name}.test.js`),
  },
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'out/mutation/anchoring.html' },
  jsonReporter: { fileName: 'out/mutation/anchoring.json' },
};
