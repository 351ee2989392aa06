// Mocha reporter: the usual spec output, plus the counts written to $NEWSMARK_TEST_RESULTS for scripts/test.mjs.
const fs = require('node:fs');
const Mocha = require('mocha');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const counts = { passed: 0, failed: 0, pending: 0, failures: [] };
    runner.on('pass', () => counts.passed++);
    runner.on('fail', (test) => {
      counts.failed++;
      counts.failures.push(test.fullTitle());
    });
    runner.on('pending', () => counts.pending++);
    runner.once('end', () => {
      if (process.env.NEWSMARK_TEST_RESULTS) {
        fs.writeFileSync(process.env.NEWSMARK_TEST_RESULTS, JSON.stringify(counts));
      }
    });
  }
}

module.exports = CountReporter;
