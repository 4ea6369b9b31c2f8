// @ts-check
/**
 * `npm test`: installs what the browsers need, runs every browser test in Chromium, Firefox and
 * WebKit in one web-test-runner run, then the CLI's Node tests and (when Storybook is built) a check of
 * every story, and ends with one line
 * `N passed, N failed` that counts them all. Exits non-zero if anything failed.
 *
 *   node scripts/test.mjs [--engines=chromium,firefox,webkit] [web-test-runner options, e.g. --files x]
 *
 * For WebKit it starts a virtual display (Xvfb) and WebKitWebDriver, and stops both (with the
 * browsers they started) however the run ends, Ctrl-C included.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineVersion, ensureBrowsers, selectedEngines, webkitDriverPath, xvfbPath } from './browsers.mjs';
import { freePort } from './wtr/free-port.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const enginesArg = args.find((arg) => arg.startsWith('--engines='));
if (enginesArg) process.env.SABAQ_ENGINES = enginesArg.slice('--engines='.length);
const runnerArgs = args.filter((arg) => arg !== enginesArg);

/** @type {import('./browsers.mjs').Engine[]} */
let engines = [];
try {
  engines = selectedEngines();
  ensureBrowsers(engines);
} catch (error) {
  // Still end with the count line that CI reads.
  console.error(error instanceof Error ? error.message : error);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(`Engines: ${engines.map(engineVersion).join(', ')}`);

// The end-to-end tests load dist/sabaq.js as a partner page would: build it from the current source.
try {
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--mode', 'bundle', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
  });
} catch {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** @type {import('node:child_process').ChildProcess[]} Xvfb and WebKitWebDriver, each leading its own process group. */
const helpers = [];
/** @type {import('node:child_process').ChildProcess | undefined} */
let runner;
/** @type {NodeJS.Signals | undefined} */
let interrupted;

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    // Killing web-test-runner now would orphan its browsers: let it finish stopping them.
    if (interrupted) return;
    interrupted = signal;
    console.log(`\n${signal}: stopping the browsers…`);
    // web-test-runner closes its browsers on SIGINT; the helpers are stopped once it has exited.
    runner?.kill('SIGINT');
  });
}
// Last resort if this script dies of an exception: never leave a display or a driver running.
process.on('exit', () => {
  for (const helper of helpers) signalGroup(helper, 'SIGKILL');
});

const countsDir = mkdtempSync(join(tmpdir(), 'sabaq-test-'));
const countsFile = join(countsDir, 'counts.json');
/** @type {Record<string, { passed: number, failed: number, skipped: number }>} */
let counts = {};
let failed = 0;
try {
  const env = { ...process.env, SABAQ_TEST_COUNTS: countsFile };
  if (engines.includes('webkit')) env.SABAQ_WEBKIT_DRIVER_PORT = String(await startWebKitDriver());
  // V8 coverage exists only in Chromium; asking for it without Chromium would report 0 %.
  const coverage = engines.includes('chromium') ? ['--coverage'] : [];
  if (!interrupted) {
    const bin = join(root, 'node_modules', '.bin', 'web-test-runner');
    // In its own process group, so that only this script signals it (SIGINT, its graceful stop):
    // a SIGTERM sent to the whole group, as `timeout` and CI runners do, would kill it outright and
    // orphan its browsers.
    runner = spawn(process.execPath, [bin, ...coverage, ...runnerArgs], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env,
      detached: true,
    });
    const [status] = await onExit(runner);
    runner = undefined;
    try {
      counts = JSON.parse(readFileSync(countsFile, 'utf8'));
      // It failed without a failing test (a coverage or config error, say): count that as a failure.
      if (status !== 0 && Object.values(counts).every((c) => c.failed === 0)) failed += 1;
    } catch {
      failed += 1; // The runner never got as far as reporting: count that as a failure.
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  failed += 1;
} finally {
  await stopHelpers();
  rmSync(countsDir, { recursive: true, force: true });
}

const nodeCounts = interrupted ? undefined : await runNodeTests();
if (nodeCounts) counts.Node = nodeCounts;
const storyCounts = interrupted ? undefined : await runStoryChecks();
if (storyCounts) counts.Stories = storyCounts;

const total = { passed: 0, failed, skipped: 0 };
for (const c of Object.values(counts)) {
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
/** @param {{ passed: number, failed: number, skipped: number }} c */
const summary = (c) => `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
const perEngine = Object.entries(counts).map(([name, c]) => `${name} ${summary(c)}`);
if (perEngine.length) console.log(`\n${perEngine.join(' · ')}`);
console.log(summary(total));
process.exit(interrupted ? 130 : total.failed > 0 ? 1 : 0);

/** Starts Xvfb and WebKitWebDriver on it; resolves to the driver's port once it answers. */
async function startWebKitDriver() {
  // -displayfd: Xvfb picks a free display number itself and writes it to fd 3 once it accepts clients.
  const xvfb = start(xvfbPath(), ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    let written = '';
    xvfb.stdio[3]?.on('data', (chunk) => {
      written += chunk;
      if (written.endsWith('\n')) resolve(`:${written.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before opening a display:\n${xvfb.output}`)));
  });

  const port = await freePort();
  const driver = start(webkitDriverPath(), [`--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DISPLAY: display },
  });
  const deadline = Date.now() + 15_000;
  while (!(await answers(`http://127.0.0.1:${port}/status`))) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode}):\n${driver.output}`);
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer on port ${port}:\n${driver.output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return port;
}

/**
 * Spawns a helper as the leader of a new process group, so that stopping the group also stops what
 * it started (MiniBrowser and its web processes), and keeps the tail of its stderr for error messages.
 * @param {string} file @param {string[]} args @param {import('node:child_process').SpawnOptions} options
 */
function start(file, args, options) {
  const child = /** @type {import('node:child_process').ChildProcess & { output: string }} */ (
    spawn(file, args, { ...options, detached: true })
  );
  child.output = '';
  child.stderr?.on('data', (chunk) => (child.output = (child.output + chunk).slice(-4000)));
  helpers.push(child);
  return child;
}

/** Stops the helpers' process groups, driver first: SIGTERM, then SIGKILL whatever is left after 5 s. */
async function stopHelpers() {
  for (const helper of helpers.reverse()) {
    signalGroup(helper, 'SIGTERM');
    const deadline = Date.now() + 5_000;
    while (groupAlive(helper) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    signalGroup(helper, 'SIGKILL');
  }
  helpers.length = 0;
}

/** @param {import('node:child_process').ChildProcess} child @param {NodeJS.Signals | 0} signal */
function signalGroup(child, signal) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // The group is gone.
  }
}

/** @param {import('node:child_process').ChildProcess} child */
function groupAlive(child) {
  return signalGroup(child, 0);
}

/**
 * Resolves once the child has exited and its output is all read.
 * @param {import('node:child_process').ChildProcess} child @returns {Promise<[number | null, NodeJS.Signals | null]>}
 */
function onExit(child) {
  return new Promise((resolve) => child.once('close', (code, signal) => resolve([code, signal])));
}

/** @param {string} url */
async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/**
 * Opens every built Storybook story in Chromium (scripts/check-stories.mjs), when Storybook has been
 * built (CI builds it before the tests); returns its counts.
 */
async function runStoryChecks() {
  if (!existsSync(join(root, 'storybook-static', 'index.json'))) return undefined;
  const check = spawn(process.execPath, [join(root, 'scripts', 'check-stories.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  check.stdout?.on('data', (chunk) => {
    out += chunk;
    process.stdout.write(chunk);
  });
  const [status] = await onExit(check);
  const match = /^Stories: (\d+) passed, (\d+) failed$/m.exec(out);
  const counts = { passed: Number(match?.[1] ?? 0), failed: Number(match?.[2] ?? 0), skipped: 0 };
  if (status !== 0 && counts.failed === 0) counts.failed = 1; // It failed without saying which story.
  return counts;
}

/** Runs the Node tests (every file under test/ named *.test.mjs: the CLI, the npm entry, the manifest),
 * echoing their output; returns their counts, if there are any. */
async function runNodeTests() {
  const files = readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.mjs'))
    .map((file) => join('test', file))
    .sort();
  if (files.length === 0) return undefined;
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const node = spawn(process.execPath, ['--test', '--test-reporter=spec', ...files], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  node.stdout?.on('data', (chunk) => {
    out += chunk;
    process.stdout.write(chunk);
  });
  const [status] = await onExit(node);
  counts.passed = Number(/^ℹ pass (\d+)/m.exec(out)?.[1] ?? 0);
  counts.failed = Number(/^ℹ fail (\d+)/m.exec(out)?.[1] ?? 0);
  counts.skipped = Number(/^ℹ skipped (\d+)/m.exec(out)?.[1] ?? 0);
  if (status !== 0 && counts.failed === 0) counts.failed = 1; // It failed without saying which test.
  return counts;
}
