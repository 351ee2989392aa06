// The sidecar codec's own mutation run (reader, writer, problems) against the tests that read and write sidecars: `npm run mutation -- --config stryker.codec.config.mjs`.

import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/core/sidecar.ts', 'src/core/sidecarWriter.ts', 'src/core/sidecarProblems.ts'],
  // The codec's dedicated tests: every other suite decodes sidecars too (malformed.test runs the command line on
  // each of ~90 files), and would add seconds to each of ~1,500 mutants.
  mochaOptions: {
    ...base.mochaOptions,
    spec: ['sidecar', 'sidecar.mutants', 'sidecar.rewrite', 'sidecar.codec', 'samples'].map((name) => `out/test/unit/core/${name}.test.js`),
  },
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'out/mutation/codec.html' },
  jsonReporter: { fileName: 'out/mutation/codec.json' },
};
