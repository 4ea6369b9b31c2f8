// @ts-check
import { writeFileSync } from 'node:fs';

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */

/**
 * Counts every test in every browser and, when SABAQ_TEST_COUNTS names a file, writes
 * `{ "<browser>": { passed, failed, skipped }, … }` there for scripts/test.mjs to add up.
 * @returns {import('@web/test-runner').Reporter}
 */
export function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      /** @type {Record<string, Counts>} */
      const byBrowser = {};
      for (const session of sessions) {
        const counts = (byBrowser[session.browser.name] ??= { passed: 0, failed: 0, skipped: 0 });
        const failedBefore = counts.failed;
        countSuite(session.testResults, counts);
        // A file that failed to load, threw outside a test or timed out has no failed test of its own
        // but must count as a failure.
        if (!session.passed && counts.failed === failedBefore) counts.failed += 1;
      }
      const target = process.env.SABAQ_TEST_COUNTS;
      if (target) writeFileSync(target, JSON.stringify(byBrowser));
    },
  };
}

/** @param {import('@web/test-runner').TestSuiteResult | undefined} suite @param {Counts} counts */
function countSuite(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites) countSuite(child, counts);
}
