// @ts-check
/** Fails the build when dist/sabaq.js grows past its budget: every kilobyte reaches a learner's phone. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 55;

export function gzippedKb(path = 'dist/sabaq.js') {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = gzippedKb();
  const verdict = size <= BUDGET_KB ? 'within' : 'OVER';
  console.log(`dist/sabaq.js: ${size.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB: ${verdict})`);
  if (size > BUDGET_KB) process.exit(1);
}
