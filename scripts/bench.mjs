// @ts-check
/**
 * `npm run bench`: prints speed figures against the budgets the issues set. Runs each
 * `scripts/bench/*.bench.ts` in headless Chromium (served from this machine), and the engine's bench in
 * Node too. Figures, not pass/fail: timing tests would be flaky on a shared 2-core machine.
 *
 *   node scripts/bench.mjs [name]   with a name (`xapi`), only the browser benches whose file name holds it
 */
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, ensureBrowsers } from './browsers.mjs';
import { benchFirstScreen } from './bench/first-screen.mjs';
import { contentType } from './content-type.mjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.bench');
mkdirSync(out, { recursive: true });
const only = process.argv[2];
const benches = readdirSync(join(root, 'scripts/bench'))
  .filter((name) => name.endsWith('.bench.ts') && (!only || name.includes(only)))
  .sort();

/** @param {string} label @param {string} value */
const print = (label, value) => console.log(`  ${label.padEnd(76)} ${value}`);

console.log('Node', process.version);
if (!only) {
  await build({
    entryPoints: ['scripts/bench/engine.bench.ts'],
    outfile: join(out, 'engine.node.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  const engine = await import(join(out, 'engine.node.mjs'));
  await engine.bench(print);
}

// One page runs every bench in turn and hands each figure to Node through an exposed function.
const entry = benches
  .map((name, i) => `import { bench as bench${i} } from '../scripts/bench/${name}';`)
  .concat([
    'const report = (label, value) => window.sabaqBenchReport(label, value);',
    'try {',
    ...benches.map((name, i) => `  await window.sabaqBenchSection(${JSON.stringify(name)}); await bench${i}(report);`),
    '  window.sabaqBenchDone();',
    '} catch (error) { window.sabaqBenchDone(String(error && error.stack || error)); }',
  ])
  .join('\n');
writeFileSync(join(out, 'entry.ts'), entry);
await build({
  entryPoints: [join(out, 'entry.ts')],
  outfile: join(out, 'bench.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
});
writeFileSync(
  join(out, 'index.html'),
  '<!doctype html><meta charset="utf-8"><title>sabaq bench</title><script type="module" src="bench.js"></script>',
);

const server = createServer((request, response) => {
  const name = (request.url ?? '/').split('?')[0] === '/' ? 'index.html' : (request.url ?? '').slice(1).split('?')[0];
  try {
    const body = readFileSync(join(out, name ?? ''));
    response.writeHead(200, { 'content-type': name?.endsWith('.js') ? 'text/javascript' : 'text/html' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

ensureBrowsers(['chromium']);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
let failure;
try {
  const page = await browser.newPage();
  console.log(`\nChromium ${browser.version()}`);
  await page.exposeFunction('sabaqBenchReport', print);
  await page.exposeFunction('sabaqBenchSection', (/** @type {string} */ name) => console.log(` ${name}`));
  const done = new Promise((finish) => page.exposeFunction('sabaqBenchDone', finish));
  page.on('pageerror', (error) => console.error(error));
  await page.goto(`http://127.0.0.1:${port}/`);
  failure = await done;
} finally {
  await browser.close();
  server.close();
}
if (failure) {
  console.error(failure);
  process.exitCode = 1;
}

if (only) process.exit();
await benchFirstScreen({ root, out, chromiumArgs: CHROMIUM_ARGS, print });
const { serviceWorkerKb, BUDGETS } = await import('./check-size.mjs');
const worker = serviceWorkerKb();
console.log(
  `  ${'dist/sabaq-sw.js (service worker), gzipped'.padEnd(72)} ${worker.toFixed(1)} KB (budget ${BUDGETS.serviceWorker} KB: ${worker <= BUDGETS.serviceWorker ? 'within' : 'OVER'})`,
);
await benchOfflineLesson();

/**
 * Reload to the learner's lesson offline, from sabaq-sw.js's caches, on a phone: CPU slowed 4x, and the
 * first visit online at 1.6 Mbps with 150 ms latency. The demo's English course (19 lessons) as Markdown
 * files, beside the built dist/sabaq.js and dist/sabaq-sw.js.
 */
async function benchOfflineLesson() {
  const site = join(out, 'offline');
  rmSync(site, { recursive: true, force: true });
  cpSync(join(root, 'dist'), site, { recursive: true, filter: (path) => !path.endsWith('.map') });
  cpSync(join(root, 'demo/courses/export-academy'), join(site, 'course'), { recursive: true });
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><meta charset="utf-8"><body>
    <script type="module" src="./sabaq.js"></script>
    <sabaq-course-player src="course/course.md" namespace="bench-offline"></sabaq-course-player>
    <script type="module">
      navigator.serviceWorker.register('./sabaq-sw.js');
      const player = document.querySelector('sabaq-course-player');
      const check = () => (player.shadowRoot?.querySelector('.lesson-title') ? (window.lessonShownAt = performance.now()) : setTimeout(check, 0));
      check();
    </script>`,
  );
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
    try {
      const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': contentType(file) });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 200_000,
      uploadThroughput: 200_000,
    });
    await page.goto(url);
    const shadowText = () => document.querySelector('sabaq-course-player')?.shadowRoot?.textContent ?? '';
    await page.waitForFunction(`(${shadowText})().includes('Available offline')`, null, { timeout: 120_000 });
    await page.evaluate(() =>
      /** @type {HTMLElement} */ (document.querySelector('sabaq-course-player')?.shadowRoot?.querySelector('.start .button'))?.click(),
    );
    await page.waitForFunction(() => /** @type {any} */ (window).lessonShownAt, null, { timeout: 30_000 });
    await context.setOffline(true);
    /** @type {{ shown: number, script: number, course: number }[]} */
    const runs = [];
    for (let run = 0; run < 7; run++) {
      await page.reload();
      await page.waitForFunction(() => /** @type {any} */ (window).lessonShownAt, null, { timeout: 30_000 });
      runs.push(
        await page.evaluate(() => {
          const ends = (part) =>
            performance
              .getEntriesByType('resource')
              .filter((entry) => entry.name.includes(part))
              .map((entry) => entry.responseEnd);
          return {
            shown: /** @type {any} */ (window).lessonShownAt,
            script: Math.max(...ends('sabaq.js')),
            course: Math.max(...ends('/course/')),
          };
        }),
      );
    }
    /** @param {(run: typeof runs[number]) => number} figure */
    const median = (figure) => runs.map(figure).sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? NaN;
    const shown = median((run) => run.shown);
    const label = "offline reload to the learner's lesson, phone (4x CPU), 19 lessons, median of 7";
    console.log(`  ${label.padEnd(72)} ${shown.toFixed(0)} ms (budget 1000 ms: ${shown <= 1000 ? 'within' : 'OVER'})`);
    console.log(`  ${'  of which: sabaq.js received from the worker'.padEnd(72)} ${median((run) => run.script).toFixed(0)} ms`);
    console.log(`  ${'  course files (20) received from the worker'.padEnd(72)} ${median((run) => run.course).toFixed(0)} ms`);
  } finally {
    await browser.close();
    server.close();
  }
}
