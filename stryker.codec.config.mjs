// The sidecar codec's own mutation run (reader, writer, problems, spliced write) against the tests that read and write sidecars: `npm run mutation -- --config stryker.codec.config.mjs`.

import base from './stryker.config.mjs';

// The property tests run once per mutant: a tenth of their generated cases keeps a full run to minutes. The test
// runners Stryker starts inherit this.
process.env.NEWSMARK_MUTATION_RUN = '1';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/core/sidecar.ts', 'src/core/sidecarWriter.ts', 'src/core/sidecarProblems.ts', 'src/core/sidecarSplice.ts', 'src/core/sidecarItems.ts', 'src/core/sidecarKnown.ts'],
  // The codec's dedicated tests: every other suite decodes sidecars too (malformed.test runs the command line on
  // each of ~90 files), and would add seconds to each of ~1,500 mutants.
  mochaOptions: {
    ...base.mochaOptions,
    spec: ['sidecar', 'sidecar.mutants', 'sidecar.fastRead', 'sidecar.rewrite', 'sidecar.codec', 'sidecar.survivors', 'sidecarItems', 'sidecarWriter', 'sidecarSplice', 'sidecarSplice.edges', 'samples'].map((name) => `out/test/unit/core/${name}.test.js`),
  },
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'out/mutation/codec.html' },
  jsonReporter: { fileName: 'out/mutation/codec.json' },
};
