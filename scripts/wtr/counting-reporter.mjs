// @ts-check
import { writeFileSync } from 'node:fs';

/**
 * Counts every test in every browser and, when SABAQ_TEST_COUNTS names a file, writes
 * `{ passed, failed, skipped }` there for scripts/test.mjs to add up.
 * @returns {import('@web/test-runner').Reporter}
 */
export function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        // A file that failed to load or threw outside a test has no results but must count as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
        countSuite(session.testResults, counts);
      }
      const target = process.env.SABAQ_TEST_COUNTS;
      if (target) writeFileSync(target, JSON.stringify(counts));
    },
  };
}

/** @param {any} suite @param {{ passed: number, failed: number, skipped: number }} counts */
function countSuite(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}
