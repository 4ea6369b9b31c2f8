// @ts-check
/**
 * Fails the build when dist/sabaq.js grows: every kilobyte reaches a learner's phone.
 *
 * Two figures. BUDGET_KB is the size issue 4 asks for. It is not met: marked, DOMPurify, Lit and idb
 * alone come to about 34 KB gzipped, leaving 21 KB for four elements, the course and quiz readers with
 * their author messages, the progress store and two languages, which take about 34 KB. Until that is
 * decided (a larger budget or less in the bundle), CEILING_KB holds the line where it is: the build
 * fails when the bundle grows past it, and lowering it is how a saving is kept. Raised from 70 to 71
 * for SPEC §2.3's Quizdown compatibility in the quiz parser (issue 15: 1.2 KB).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 55;
export const CEILING_KB = 71;

export function gzippedKb(path = 'dist/sabaq.js') {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = gzippedKb();
  const target = size <= BUDGET_KB ? 'within' : `over by ${(size - BUDGET_KB).toFixed(1)} KB`;
  console.log(`dist/sabaq.js: ${size.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB: ${target}; the build fails past ${CEILING_KB} KB)`);
  if (size > CEILING_KB) {
    console.error(`dist/sabaq.js grew past ${CEILING_KB} KB gzipped: find what added the weight (npm run bench prints the size).`);
    process.exit(1);
  }
}
