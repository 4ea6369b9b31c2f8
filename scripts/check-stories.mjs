// @ts-check
/**
 * Opens every story and docs page of the built Storybook (storybook-static/ from `npm run
 * build-storybook`, or the folder given) in Chromium, each in a fresh browser context, and fails on
 * any console error, uncaught exception or failed request, apart from the files the error stories
 * ask for on purpose. Ends with "Stories: N passed, N failed" and exits 1 on any failure.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, ensureBrowsers } from './browsers.mjs';
import { contentType } from './content-type.mjs';

/** The built Storybook: storybook-static/, or the folder given as the first argument. */
const ROOT = resolve(process.argv[2] ?? join(import.meta.dirname, '../storybook-static'));
/** Missing on purpose (stories/support.ts COURSES): the error stories' course and quiz, a test course's lesson. */
const EXPECTED_MISSING = new Set(['/no-such-file.md', '/courses/basic/lessons/missing.md']);
/** After the page has rendered and the network is quiet, how long to let the elements settle. */
const SETTLE_MS = 300;
const TIMEOUT_MS = 20_000;
const PARALLEL = 4;

/** Serves storybook-static/ on a free loopback port. */
async function serve() {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    // Chromium asks every page without an icon link for one; Storybook's iframe.html has none.
    if (path === '/favicon.ico') return response.writeHead(204).end();
    const file = join(ROOT, path.endsWith('/') ? `${path}index.html` : path);
    try {
      if (!file.startsWith(ROOT + sep)) throw new Error('outside');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': contentType(file) });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/**
 * Loads one story or docs page; returns what went wrong.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {{ id: string, type: string }} entry
 */
async function check(browser, origin, { id, type }) {
  /** @type {string[]} */
  const problems = [];
  const expected = (/** @type {string} */ url) => url.startsWith(origin) && EXPECTED_MISSING.has(new URL(url).pathname);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (message) => {
    // Chromium logs every failed request as a console error; the expected ones are left out.
    if (message.type() === 'error' && !expected(message.location().url)) problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !expected(response.url())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    const viewMode = type === 'docs' ? 'docs' : 'story';
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=${viewMode}`, { timeout: TIMEOUT_MS });
    // Storybook marks the body once the story has rendered, or failed to.
    await page.waitForFunction(
      () => ['sb-show-main', 'sb-show-errordisplay', 'sb-show-nopreview'].some((name) => document.body.classList.contains(name)),
      undefined,
      { timeout: TIMEOUT_MS },
    );
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
    const { shown, blank } = await page.evaluate(async () => {
      const elements = [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('sabaq-'));
      await Promise.all(elements.map((element) => /** @type {{ updateComplete?: Promise<unknown> }} */ (element).updateComplete));
      return {
        shown: document.body.classList.contains('sb-show-main'),
        blank: elements.filter((element) => !element.shadowRoot?.textContent?.trim()).map((element) => element.localName),
      };
    });
    if (!shown) problems.push('Storybook shows an error instead of the story');
    if (blank.length) problems.push(`rendered nothing: ${blank.join(', ')}`);
    await page.waitForTimeout(SETTLE_MS);
  } catch (error) {
    problems.push(String(error instanceof Error ? error.message : error).split('\n')[0] ?? '');
  } finally {
    await context.close();
  }
  return problems;
}

ensureBrowsers(['chromium']);
if (!existsSync(join(ROOT, 'index.json'))) {
  console.error(`${join(ROOT, 'index.json')} is missing: run npm run build-storybook first.`);
  console.log('Stories: 0 passed, 1 failed');
  process.exit(1);
}
/** @type {{ entries: Record<string, { id: string, type: string }> }} */
const index = JSON.parse(await readFile(join(ROOT, 'index.json'), 'utf8'));
const entries = Object.values(index.entries);
const { server, origin } = await serve();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS,
});
let passed = 0;
let failed = 0;
try {
  const queue = [...entries];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        const problems = await check(browser, origin, entry);
        if (problems.length === 0) passed++;
        else failed++;
        console.log(`${problems.length ? 'FAIL' : 'ok  '} ${entry.type === 'docs' ? 'docs ' : 'story'} ${entry.id}`);
        for (const problem of problems) console.log(`       ${problem}`);
      }
    }),
  );
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
console.log(`\nStories: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
