// @ts-check
/**
 * `npm run bench`: prints speed figures against the budgets the issues set. Runs each
 * `scripts/bench/*.bench.ts` in headless Chromium (served from this machine), and the engine's bench in
 * Node too. Figures, not pass/fail: timing tests would be flaky on a shared 2-core machine.
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, ensureBrowsers } from './browsers.mjs';
import { benchFirstScreen } from './bench/first-screen.mjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.bench');
mkdirSync(out, { recursive: true });
const benches = readdirSync(join(root, 'scripts/bench')).filter((name) => name.endsWith('.bench.ts')).sort();

/** @param {string} label @param {string} value */
const print = (label, value) => console.log(`  ${label.padEnd(76)} ${value}`);

console.log('Node', process.version);
await build({ entryPoints: ['scripts/bench/engine.bench.ts'], outfile: join(out, 'engine.node.mjs'), bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
const engine = await import(join(out, 'engine.node.mjs'));
await engine.bench(print);

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
await build({ entryPoints: [join(out, 'entry.ts')], outfile: join(out, 'bench.js'), bundle: true, format: 'esm', target: 'es2022', minify: true, logLevel: 'warning' });
writeFileSync(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><title>sabaq bench</title><script type="module" src="bench.js"></script>');

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
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
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

await benchFirstScreen({ root, out, chromiumArgs: CHROMIUM_ARGS, print });
