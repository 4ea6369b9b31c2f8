// @ts-check
/**
 * `npm test`: installs what the browsers need, runs every browser test and the CLI's Node tests, and
 * ends with one line `N passed, N failed` that counts them all. Exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBrowsers } from './browsers.mjs';

const extraArgs = process.argv.slice(2);
ensureBrowsers();

const countsFile = join(mkdtempSync(join(tmpdir(), 'sabaq-test-')), 'counts.json');
const browser = spawnSync('npx', ['web-test-runner', '--coverage', ...extraArgs], {
  stdio: 'inherit',
  env: { ...process.env, SABAQ_TEST_COUNTS: countsFile },
});
let counts = { passed: 0, failed: 0, skipped: 0 };
try {
  counts = JSON.parse(readFileSync(countsFile, 'utf8'));
} catch {
  counts.failed += 1; // The runner never got as far as reporting: count that as a failure.
}
if (browser.status !== 0 && counts.failed === 0) counts.failed += 1;

const node = spawnSync('node', ['--test', '--test-reporter=spec', 'test/cli/'], { encoding: 'utf8' });
process.stdout.write(node.stdout);
process.stderr.write(node.stderr);
const nodePassed = Number(/^ℹ pass (\d+)/m.exec(node.stdout)?.[1] ?? 0);
const nodeFailed = Number(/^ℹ fail (\d+)/m.exec(node.stdout)?.[1] ?? 0) + (node.status !== 0 && !/^ℹ fail [1-9]/m.test(node.stdout) ? 1 : 0);

const passed = counts.passed + nodePassed;
const failed = counts.failed + nodeFailed;
const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
console.log(`\n${passed} passed, ${failed} failed${skipped}`);
process.exit(failed > 0 ? 1 : 0);
