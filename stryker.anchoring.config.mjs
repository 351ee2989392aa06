// The anchoring folder's mutation run against the tests of its public behaviour: `npm run mutation -- --config stryker.anchoring.config.mjs`.

import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/core/anchoring/**/*.ts'],
  mochaOptions: {
    ...base.mochaOptions,
    // The property tests last: mocha stops at the first failure, and the quick tests kill most mutants first.
    spec: ['anchoring', 'anchoring/decisions', 'anchoring/scores', 'anchoring/boundaries', 'anchoring/alignment', 'anchoring/ngram', 'anchoring.property'].map((name) => `out/test/unit/core/${name}.test.js`),
  },
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'out/mutation/anchoring.html' },
  jsonReporter: { fileName: 'out/mutation/anchoring.json' },
};
