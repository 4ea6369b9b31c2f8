// @ts-check
/**
 * Offline after the first visit (SPEC §7, issue 13) in real browsers: a partner site served by this
 * file, with the built dist/sabaq.js under /sabaq/, dist/sabaq-sw.js copied beside the course page under
 * /learn/ and registered there with `?sabaq=/sabaq/` (the README's recipe), and a course under /courses/.
 *
 * How each engine goes offline (each test checks it: a request for a URL nothing stored must fail):
 * - Chromium, driven by playwright-core: the DevTools protocol's network emulation
 *   (Network.emulateNetworkConditions through `context.setOffline`), which reaches the service worker's
 *   own requests too.
 * - Firefox ESR, driven by puppeteer-core over WebDriver BiDi: its offline emulation stops the page's
 *   requests but not the service worker's (a worker's fetch of an unstored URL still reached the server),
 *   so the server goes away instead: it drops every connection, as an unreachable host would.
 * - WebKitGTK: skipped. Its only driver here is classic WebDriver (WebKitWebDriver under Xvfb, which
 *   `npm test` starts for web-test-runner alone), with no offline emulation and no second tab.
 *
 * Also the demo academy as `npm run build:demo` writes it (its last step run here, into dist-demo/),
 * under /academy/, and pages that send their learning records to a real LRS (Learning Locker).
 *
 * Needs dist/sabaq.js and dist/sabaq-sw.js built (npm test builds both before its Node tests).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { chromiumPath, firefoxPath, selectedEngines } from '../../scripts/browsers.mjs';
import { lrsService } from '../../scripts/wtr/lrs.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** A real LRS (Learning Locker), started by the first test that asks for it; each engine is a session. */
const lrs = lrsService();
const dist = join(root, 'dist');
const courseFolder = join(root, 'test/fixtures/courses/offline');
const demoFolder = join(root, 'dist-demo');
/** @type {Promise<unknown> | undefined} `npm run build:demo`'s last step, once for all engines. */
let demoBuilt;

const PAGE = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Export course</title>
<script type="module" src="/sabaq/sabaq.js"></script>
<sabaq-course-player src="/courses/offline/course.md" namespace="offline-test"></sabaq-course-player>
<script>navigator.serviceWorker.register('sabaq-sw.js?sabaq=/sabaq/');</script>
`;

/**
 * The course page with the learner's records sent to an LRS (the README's `connectLrs` recipe); the
 * LRS, its credentials and the learner come in the query. It keeps every `sabaq-sync` in `window.syncs`.
 */
const LRS_PAGE = PAGE.replace(
  '<script type="module" src="/sabaq/sabaq.js"></script>',
  `<script type="module">
  import { connectLrs } from '/sabaq/sabaq.js';
  const query = new URLSearchParams(location.search);
  document.querySelector('sabaq-course-player').setAttribute('learner', query.get('learner'));
  window.syncs = [];
  document.addEventListener('sabaq-sync', (event) => window.syncs.push(event.detail));
  connectLrs({ endpoint: query.get('endpoint'), auth: () => query.get('auth'), namespace: 'offline-test' });
</script>`,
);

/** Another page of the partner's site in the worker's scope, with no player. */
const ABOUT_PAGE = `<!doctype html><meta charset="utf-8"><title>About us</title><p>About the academy</p>`;

/** The README's way to remove the worker, served at its URL. */
const REMOVAL_WORKER = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  .match(/Removing it\.[\s\S]*?```js\n([\s\S]*?)```/)?.[1]
  ?.replace(/^ {2}/gm, '');

const TYPES = {
  '.js': 'text/javascript',
  '.md': 'text/markdown',
  '.svg': 'image/svg+xml',
  '.html': 'text/html',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * The partner's server. `changed` replaces a file's content by its path, `down` drops every connection;
 * every answer says `no-cache`,
 * so that the browser's HTTP cache cannot stand in for the service worker once offline.
 */
const site = {
  /** @type {Map<string, string>} */
  changed: new Map(),
  /** The host cannot be reached: every connection is dropped. */
  down: false,
  /** @type {Set<string>} Paths answered with `Cache-Control: no-store` instead. */
  noStore: new Set(),
  /** @type {import('node:http').Server | undefined} */
  server: undefined,
  origin: '',
  /** The same server under another name: another origin, such as a partner's CDN or analytics. */
  otherOrigin: '',
};

/** @param {string} path @returns {string | undefined} */
function fileFor(path) {
  if (site.changed.has(path)) return site.changed.get(path);
  if (path === '/learn/' || path === '/learn/index.html') return PAGE;
  if (path === '/learn/about.html') return ABOUT_PAGE;
  if (path === '/learn/lrs.html') return LRS_PAGE;
  if (path === '/learn/elsewhere.html') return PAGE.replace('/courses/offline/', `${site.otherOrigin}/courses/offline/`);
  if (path === '/collect') return ''; // A partner's analytics.
  if (path === '/plain/') return PAGE.replace(/<script>navigator.serviceWorker.*<\/script>\n/, '');
  if (path === '/learn/sabaq-sw.js') return readFileSync(join(dist, 'sabaq-sw.js'), 'utf8');
  if (path === '/academy/') return readFileSync(join(demoFolder, 'index.html'), 'utf8');
  const local = path.startsWith('/sabaq/')
    ? join(dist, normalize(path.slice('/sabaq/'.length)))
    : path.startsWith('/academy/')
      ? join(demoFolder, normalize(path.slice('/academy/'.length)))
      : path.startsWith('/courses/offline/')
        ? join(courseFolder, normalize(path.slice('/courses/offline/'.length)))
        : undefined;
  return local && existsSync(local) && statSync(local).isFile() ? readFileSync(local, 'utf8') : undefined;
}

/**
 * Deploys a release of sabaq as a partner would copy a new build of dist/: `sabaq.js` marked with its
 * version (`globalThis.sabaqBuild`), the files it loads renamed for it as a new build's content hashes
 * would rename them, and a `sabaq-sw.js` that precaches exactly these. The previous release's files are
 * gone from the server.
 * @param {string} version
 */
function deploy(version) {
  for (const path of site.changed.keys()) if (path.startsWith('/sabaq/') || path === '/learn/sabaq-sw.js') site.changed.delete(path);
  const lazyFiles = sabaqLazyFiles();
  /** @param {string} text */
  const renamed = (text) => lazyFiles.reduce((result, name) => result.replaceAll(name, releaseName(name, version)), text);
  for (const name of lazyFiles) site.changed.set(`/sabaq/${releaseName(name, version)}`, renamed(readFileSync(join(dist, name), 'utf8')));
  site.changed.set('/sabaq/sabaq.js', `${renamed(readFileSync(join(dist, 'sabaq.js'), 'utf8'))}\nglobalThis.sabaqBuild = '${version}';\n`);
  const worker = readFileSync(join(dist, 'sabaq-sw.js'), 'utf8');
  const revised = renamed(worker).replace(/(url:`sabaq\.js`,revision:`)[^`]+/, `$1${version}`);
  assert.notEqual(revised, worker, 'the worker names sabaq.js with its revision');
  site.changed.set('/learn/sabaq-sw.js', revised);
}

/** @param {string} name A file of dist/ that sabaq.js loads. @param {string} version */
const releaseName = (name, version) => name.replace(/\.js$/, `.${version}.js`);

/** The files of dist/ that sabaq.js loads when it first needs them. */
const sabaqLazyFiles = () => readdirSync(dist).filter((name) => /^sabaq-.+\.js$/.test(name) && name !== 'sabaq-sw.js');

/**
 * What the tests need of a browser, the same for both drivers.
 * @typedef {{ goto(url: string): Promise<unknown>, reload(): Promise<unknown>, close(): Promise<void>,
 *   evaluate(check: any, arg?: any): Promise<any> }} Page
 * @typedef {{ newPage(): Promise<Page>, offline(on: boolean): Promise<void>, idle(page: Page): Promise<void>,
 *   close(): Promise<void>, workerAnswers?: (page: Page) => Map<string, boolean>,
 *   stopWorkers?: (page: Page) => Promise<void> }} Context
 * Only Chromium's driver (the DevTools protocol) can do the last two; Firefox's BiDi neither tells a
 * response its service worker gave from one of the network nor stops a worker:
 * - `workerAnswers` starts recording, by URL, whether each response to the page came from the service
 *   worker (it answered the request) or straight from the network (it let the request pass untouched);
 * - `stopWorkers` stops the service workers, as the browser does with one left idle.
 * @typedef {{ newContext(): Promise<Context>, close(): Promise<void> }} Browser
 */

/** @type {Record<'chromium' | 'firefox', () => Promise<Browser>>} */
const LAUNCH = {
  async chromium() {
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    return {
      async newContext() {
        const context = await browser.newContext();
        return {
          newPage: () => context.newPage(),
          offline: (on) => context.setOffline(on),
          idle: (page) => /** @type {import('playwright-core').Page} */ (/** @type {unknown} */ (page)).waitForLoadState('networkidle'),
          close: () => context.close(),
          workerAnswers: (page) => {
            /** @type {Map<string, boolean>} */
            const answers = new Map();
            /** @type {import('playwright-core').Page} */ (/** @type {unknown} */ (page)).on('response', (response) =>
              answers.set(response.url(), response.fromServiceWorker()),
            );
            return answers;
          },
          stopWorkers: async (page) => {
            const devtools = await context.newCDPSession(/** @type {import('playwright-core').Page} */ (/** @type {unknown} */ (page)));
            await devtools.send('ServiceWorker.enable');
            await devtools.send('ServiceWorker.stopAllWorkers');
            await devtools.detach();
          },
        };
      },
      close: () => browser.close(),
    };
  },
  async firefox() {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true, handleSIGINT: false });
    return {
      async newContext() {
        const context = await browser.createBrowserContext();
        return {
          newPage: () => context.newPage(),
          offline: async (on) => {
            site.down = on;
          },
          idle: (page) => /** @type {import('puppeteer-core').Page} */ (/** @type {unknown} */ (page)).waitForNetworkIdle(),
          close: async () => {
            site.down = false;
            await context.close();
          },
        };
      },
      close: () => browser.close(),
    };
  },
};

/**
 * Waits until `check` (run in the page, awaited if it returns a promise) returns something truthy, and
 * returns it. Asked again every 50 ms; a reload in between is waited out, and so is an answer that never
 * comes (an evaluation caught in a navigation can wait forever: it is asked again instead).
 * @template T, A @param {Page} page @param {((arg: A) => T) | string} check @param {A} [arg] @param {string} [what]
 */
async function until(page, check, arg, what = 'the condition') {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const unanswered = new Promise((resolve) => setTimeout(() => resolve(undefined), 5_000));
    const value = await Promise.race([page.evaluate(/** @type {any} */ (check), arg), unanswered]).catch(() => undefined);
    if (value) return /** @type {Awaited<T>} */ (value);
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The player's shadow root's text. */
const playerText = () => document.querySelector('sabaq-course-player')?.shadowRoot?.textContent ?? '';
/** @param {string} title */
const lessonShown = (title) =>
  document.querySelector('sabaq-course-player')?.shadowRoot?.querySelector('.lesson-title')?.textContent?.trim() === title;
/** The player shows the course: its start page or a lesson. */
const lessonShownOrStart = () =>
  document.querySelector('sabaq-course-player')?.shadowRoot?.querySelector('.start .button, .lesson-title') != null;
/** @param {string} name The image's file name: true once it is shown (loaded with a size). */
const imageShown = (name) => {
  const image = document.querySelector('sabaq-course-player')?.shadowRoot?.querySelector(`img[src$="${name}"]`);
  return image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0;
};
/** @param {string} title Opens a lesson from the table of contents. */
const openLesson = (title) => {
  const root = document.querySelector('sabaq-course-player')?.shadowRoot;
  const item = [...(root?.querySelectorAll('button.toc-item') ?? [])].find((button) => button.textContent?.includes(title));
  if (item instanceof HTMLElement) item.click();
  return Boolean(item);
};
/**
 * @param {string} title True once the learner's opening of the lesson is saved: the contents show it
 * started (the player reads the state back after writing it), so a reload reopens it.
 */
const lessonStarted = (title) => {
  const items = document.querySelector('sabaq-course-player')?.shadowRoot?.querySelectorAll('button.toc-item') ?? [];
  const item = [...items].find((button) => button.textContent?.includes(title));
  return item?.closest('li')?.matches('.state-in-progress, .state-complete') ?? false;
};
/** The version of sabaq the page runs, and the one it is served if it fetches `sabaq.js` now. */
const versions = () =>
  fetch('/sabaq/sabaq.js')
    .then((response) => response.text())
    .then((text) => [/** @type {any} */ (globalThis).sabaqBuild, /sabaqBuild = '(\w+)'/.exec(text)?.[1]]);
/** A new version of the worker is installed and waits. */
const waiting = () => navigator.serviceWorker.getRegistration().then((registration) => Boolean(registration?.waiting));
/** The player is shown. */
const shown = () => document.querySelector('sabaq-course-player')?.shadowRoot?.querySelector('.player') != null;
/** @param {string} url Whether any of the page's caches holds the URL. */
const stored = (url) => caches.match(url).then((response) => response !== undefined);
/**
 * Announces the page and `files` to the worker as a player does (src/internal/offline-announce.ts);
 * resolves to its answer: whether all of them are stored.
 * @param {string[]} files
 */
const keepOffline = (files) =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data?.complete);
    const message = { type: 'sabaq-keep-offline', pages: [location.href], files, images: [] };
    navigator.serviceWorker.controller?.postMessage(message, [channel.port2]);
  });
/** @param {string} label Clicks the player's button with this text; false while it has none. */
const clickButton = (label) => {
  const buttons = document.querySelector('sabaq-course-player')?.shadowRoot?.querySelectorAll('button') ?? [];
  const button = [...buttons].find((candidate) => candidate.textContent?.trim() === label);
  button?.click();
  return Boolean(button);
};
/**
 * Answers the lesson's quiz with the options of these texts and submits it; false while it cannot.
 * @param {string[]} choices
 */
const submitQuiz = (choices) => {
  const quiz = document.querySelector('sabaq-course-player')?.shadowRoot?.querySelector('sabaq-quiz')?.shadowRoot;
  const labels = [...(quiz?.querySelectorAll('label') ?? [])];
  const options = choices.map((choice) => labels.find((label) => label.textContent?.includes(choice)));
  const submit = [...(quiz?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.trim() === 'Submit');
  if (options.includes(undefined) || !submit || quiz?.querySelector('.question input:not([disabled])') == null) return false;
  for (const option of options) option?.click();
  submit.click();
  return true;
};
/** The lesson's quiz shows a passed result. */
const quizPassed = () =>
  document.querySelector('sabaq-course-player')?.shadowRoot?.querySelector('sabaq-quiz')?.shadowRoot?.querySelector('.result.passed') !=
  null;
/** A request for a URL that nothing stored: fails only when the browser is really offline. */
const reachesServer = () =>
  fetch('/never-stored.txt').then(
    () => true,
    () => false,
  );

/**
 * Loads the course page and waits until the player says it is stored.
 * @param {Page} page @param {string} [path] The page's path on the site.
 */
async function firstVisit(page, path = '/learn/') {
  await page.goto(`${site.origin}${path}`);
  await until(page, () => navigator.serviceWorker.controller !== null, undefined, 'the service worker to control the page');
  await until(
    page,
    () => (document.querySelector('sabaq-course-player')?.shadowRoot?.textContent ?? '').includes('Available offline'),
    undefined,
    '"Available offline"',
  );
}

before(async () => {
  for (const file of ['sabaq.js', 'sabaq-sw.js']) {
    assert.ok(existsSync(join(dist, file)), `dist/${file} is missing: run "npm run build" (npm test builds it) first.`);
  }
  site.server = createServer((request, response) => {
    if (site.down) return void request.socket.destroy();
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const body = fileFor(path);
    if (body === undefined) return void response.writeHead(404).end();
    const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(path) || '.html')] ?? 'text/plain';
    const caching = site.noStore.has(path) ? 'no-store' : 'no-cache';
    // Any origin may read it (CORS), as a course served from a CDN must be readable.
    const headers = { 'content-type': `${type}; charset=utf-8`, 'cache-control': caching, 'access-control-allow-origin': '*' };
    response.writeHead(200, headers).end(body);
  });
  await new Promise((listening) => site.server?.listen(0, '127.0.0.1', () => listening(undefined)));
  const address = site.server.address();
  site.origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  site.otherOrigin = site.origin.replace('127.0.0.1', 'localhost');
});

after(async () => {
  site.server?.close();
  await lrs.stop();
});

test('WebKit: offline after the first visit', { skip: 'no driver here takes WebKitGTK offline (see the top of this file)' }, () => {});

for (const engine of /** @type {const} */ (['chromium', 'firefox'])) {
  describe(
    `Offline after the first visit (dist/sabaq-sw.js), ${engine}`,
    { skip: !selectedEngines().includes(engine) && `${engine} is not among SABAQ_ENGINES` },
    () => {
      /** @type {Browser} */
      let browser;

      before(async () => {
        browser = await LAUNCH[engine]();
      });

      after(async () => {
        site.down = false;
        await browser?.close();
      });

      /**
       * Runs `steps` on a page of a new browser context (nothing stored, no service worker yet) while
       * the site serves its own files with its usual headers, and closes the context however they end.
       * @param {(context: Context, page: Page) => Promise<void>} steps
       */
      async function inNewContext(steps) {
        site.changed.clear();
        site.noStore.clear();
        const context = await browser.newContext();
        try {
          await steps(context, await context.newPage());
        } finally {
          await context.close();
        }
      }

      test("offline, a reload shows the learner's lesson, an unopened lesson opens with its image, a quiz is kept", async () => {
        await inNewContext(async (context, page) => {
          await firstVisit(page);
          await until(page, openLesson, 'Packing', 'the Packing lesson in the contents');
          await until(page, imageShown, 'carton.svg', "the Packing lesson's image");
          await until(page, lessonStarted, 'Packing', 'the opening of the Packing lesson saved');

          await context.offline(true);
          assert.equal(await page.evaluate(reachesServer), false, 'the browser should be offline');
          await page.reload();
          await until(page, lessonShown, 'Packing', "the learner's lesson after an offline reload");
          await until(page, imageShown, 'carton.svg', "the image of the learner's lesson offline");

          // A lesson never opened, with an image never shown.
          await until(page, openLesson, 'Shipping', 'the Shipping lesson in the contents');
          await until(page, lessonShown, 'Shipping', 'a lesson never opened before, offline');
          await until(page, imageShown, 'ship.svg', 'an image never shown before, offline');

          // A quiz, submitted offline and still there after another offline reload.
          await until(page, openLesson, 'Check', 'the Check lesson in the contents');
          await until(page, submitQuiz, ['The buyer'], 'the quiz offline');
          await until(page, quizPassed, undefined, 'the passed result offline');
          await page.reload();
          await until(page, lessonShown, 'Check', "the quiz's lesson after another offline reload");
          await until(page, quizPassed, undefined, 'the kept quiz result after an offline reload');
          assert.equal(await page.evaluate(reachesServer), false, 'the browser should still be offline');
        });
      });

      test('a course file changed on the server shows on the next visit online, and offline after it', async () => {
        await inNewContext(async (context, page) => {
          await firstVisit(page);
          await until(page, openLesson, 'Packing', 'the Packing lesson in the contents');
          await until(page, () =>
            (document.querySelector('sabaq-course-player')?.shadowRoot?.textContent ?? '').includes('survives the sea'),
          );
          // The reload must find the lesson the learner opened: wait until its opening is saved.
          await until(page, lessonStarted, 'Packing', 'the opening of the Packing lesson saved');

          site.changed.set('/courses/offline/lessons/packing.md', 'Pack each carton twice.\n');
          await page.reload();
          await until(
            page,
            () => (document.querySelector('sabaq-course-player')?.shadowRoot?.textContent ?? '').includes('carton twice'),
            undefined,
            'the changed lesson online',
          );

          await context.offline(true);
          await page.reload();
          await until(page, lessonShown, 'Packing', 'the lesson offline');
          const text = await page.evaluate(playerText);
          assert.match(text, /carton twice/, 'offline, the learner keeps the changed lesson');
        });
      });

      test('a new sabaq-sw.js waits while other pages of the old one are open; the only page gets it on its next load, unmixed', async () => {
        await inNewContext(async (context, page) => {
          deploy('v1');
          await firstVisit(page);
          const otherTab = await context.newPage();
          await otherTab.goto(`${site.origin}/learn/`);
          await until(otherTab, shown);
          assert.deepEqual(await page.evaluate(versions), ['v1', 'v1']);

          deploy('v2');
          await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
          await until(page, waiting, undefined, 'the new worker installed and waiting');
          assert.deepEqual(await page.evaluate(versions), ['v1', 'v1'], 'the open page is served the files of its own version');
          // Another page of the old version is open: a reload keeps the old version, whole.
          await page.reload();
          await until(page, shown);
          assert.deepEqual(await page.evaluate(versions), ['v1', 'v1'], 'no mix of versions in one page');
          assert.equal(await page.evaluate(waiting), true, 'the new worker waits while another page is open');

          // The only page left: its next load is the new version, whole. The worker may count the closed
          // tab for a moment longer, or stop sending the page round before the new version is active
          // (sabaq-sw.js caps that at three empty pages): then a reload still gets the old version, whole.
          await otherTab.close();
          for (let load = 0; load < 5 && (await page.evaluate(versions))[0] !== 'v2'; load++) {
            await page.reload();
            await until(page, shown);
          }
          assert.deepEqual(await page.evaluate(versions), ['v2', 'v2']);
          assert.equal(await page.evaluate(waiting), false);
        });
      });
      test('a tab opened while a new sabaq-sw.js waits leaves the open page on its version, whole; the new one comes once that page is closed', async () => {
        /** @param {string} name Imports a file of sabaq's, as sabaq.js loads one when first needed. */
        const loads = (name) =>
          import(new URL(`/sabaq/${name}`, location.href).href).then(
            () => true,
            () => false,
          );
        await inNewContext(async (context, page) => {
          deploy('v1');
          await firstVisit(page);
          const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
          const notLoadedYet = sabaqLazyFiles().find((name) => !loaded.includes(`/sabaq/${releaseName(name, 'v1')}`));
          assert.ok(notLoadedYet, 'a file of sabaq the page has not loaded yet (the certificate drawing, say)');
          deploy('v2');
          await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
          await until(page, waiting, undefined, 'the new worker installed and waiting');

          const newTab = await context.newPage();
          await newTab.goto(`${site.origin}/learn/`);
          await until(newTab, shown, undefined, 'the course in the new tab');
          assert.deepEqual(await newTab.evaluate(versions), ['v1', 'v1'], 'the new tab gets the version of the open page, whole');
          assert.deepEqual(await page.evaluate(versions), ['v1', 'v1'], 'the open page keeps its version');
          assert.equal(
            await page.evaluate(loads, releaseName(notLoadedYet, 'v1')),
            true,
            'a file the open page loads only now still loads',
          );
          assert.equal(await page.evaluate(waiting), true, 'the new worker waits while the first page is open');

          // The first page closed, the new version comes with the next load of the other, whole. As above,
          // a reload may still get the old version, whole, first.
          await page.close();
          for (let load = 0; load < 5 && (await newTab.evaluate(versions))[0] !== 'v2'; load++) {
            await newTab.reload();
            await until(newTab, shown, undefined, 'the course after a reload');
          }
          assert.deepEqual(await newTab.evaluate(versions), ['v2', 'v2']);
          assert.equal(await newTab.evaluate(loads, releaseName(notLoadedYet, 'v2')), true);
        });
      });

      test('never stores another page of the site, even one in its scope', async () => {
        await inNewContext(async (context, page) => {
          await firstVisit(page);
          await page.goto(`${site.origin}/learn/about.html`);
          await until(page, () => document.body.textContent?.includes('About the academy'));
          await context.offline(true);
          await page.reload().catch(() => {}); // The browser's error page.
          const title = await page.evaluate(() => document.title).catch(() => '');
          assert.notEqual(title, 'About us', 'offline, the page without a player fails as before');
          const coursePage = await context.newPage();
          await coursePage.goto(`${site.origin}/learn/`);
          await until(coursePage, lessonShownOrStart, undefined, 'the course page offline');
        });
      });

      test('never stores a page or a course file sent with Cache-Control: no-store', async () => {
        await inNewContext(async (context, page) => {
          site.noStore = new Set(['/learn/', '/courses/offline/lessons/shipping.md']);
          await page.goto(`${site.origin}/learn/`);
          await until(page, () => navigator.serviceWorker.controller !== null, undefined, 'the service worker to control the page');
          await until(page, lessonShownOrStart, undefined, 'the course');
          const shipping = `${site.origin}/courses/offline/lessons/shipping.md`;
          // What the player announces, asked again so that the answer comes after every attempt to store.
          assert.equal(await page.evaluate(keepOffline, [shipping]), false, 'the worker says the course is not all stored');
          assert.equal(await page.evaluate(stored, `${site.origin}/learn/`), false, 'the page is not stored');
          assert.equal(await page.evaluate(stored, shipping), false, 'the lesson is not stored');
          assert.equal(await page.evaluate(stored, `${site.origin}/courses/offline/lessons/check.md`), true, 'other lessons are');
          assert.doesNotMatch(await page.evaluate(playerText), /Available offline/);

          await context.offline(true);
          await page.reload().catch(() => {}); // The browser's error page.
          assert.notEqual(await page.evaluate(() => document.title).catch(() => ''), 'Export course', 'offline, the page fails as before');
        });
      });

      test('drops a stored course file once the server sends it with Cache-Control: no-store', async () => {
        await inNewContext(async (context, page) => {
          await firstVisit(page);
          const packing = `${site.origin}/courses/offline/lessons/packing.md`;
          assert.equal(await page.evaluate(stored, packing), true);
          site.noStore = new Set(['/courses/offline/lessons/packing.md']);
          await page.reload();
          await until(
            page,
            (url) => caches.match(url).then((response) => response === undefined),
            packing,
            'the lesson dropped from the stores',
          );
        });
      });

      test("requests to other origins than the site's and its courses' go to the network untouched", async (t) => {
        await inNewContext(async (context, page) => {
          if (!context.workerAnswers) return t.skip("Firefox's driver cannot tell a response of the worker from one of the network");
          const answers = context.workerAnswers(page);
          await firstVisit(page);
          await page.reload(); // Under the worker from the start.
          await until(page, lessonShownOrStart, undefined, 'the course');
          const lesson = `${site.origin}/courses/offline/lessons/packing.md`;
          assert.equal(answers.get(lesson), true, "the course's files are answered by the worker");
          const analytics = `${site.otherOrigin}/collect?event=lesson`;
          const cdnImage = `${site.otherOrigin}/courses/offline/images/ship.svg`;
          await page.evaluate(
            ([url, image]) =>
              Promise.all([
                fetch(url),
                new Promise((loaded) => {
                  const img = new Image();
                  img.onload = img.onerror = loaded;
                  img.src = image;
                }),
              ]),
            [analytics, cdnImage],
          );
          assert.equal(answers.get(analytics), false, "a partner's analytics request passes untouched");
          assert.equal(answers.get(cdnImage), false, "an image from a partner's CDN passes untouched");
        });
      });

      test('a course on another origin works offline, also once the worker has stopped and started again', async () => {
        await inNewContext(async (context, page) => {
          await firstVisit(page, '/learn/elsewhere.html');
          await until(page, openLesson, 'Packing', 'the Packing lesson in the contents');
          await until(page, lessonStarted, 'Packing', 'the opening of the Packing lesson saved');

          await context.offline(true);
          await context.stopWorkers?.(page);
          await page.reload();
          await until(page, lessonShown, 'Packing', "the learner's lesson offline");
          await until(page, imageShown, 'carton.svg', "the lesson's image offline");
          await context.stopWorkers?.(page);
          await until(page, openLesson, 'Shipping', 'the Shipping lesson in the contents');
          await until(page, imageShown, 'ship.svg', 'an image never shown before, offline');
        });
      });

      test('back online, the learning records made offline reach the LRS, once each', async () => {
        const { endpoint, auth } = await lrs.command('lrs-start', undefined, engine);
        const learner = `learner-${randomUUID()}`;
        const agent = { objectType: 'Agent', account: { homePage: site.origin, name: learner } };
        await inNewContext(async (context, page) => {
          await firstVisit(page, `/learn/lrs.html?${new URLSearchParams({ endpoint, auth, learner })}`);

          // Offline, the LRS is out of reach too (Firefox's way offline takes down only the site).
          await context.offline(true);
          await lrs.command('lrs-fault', { fault: 'down' }, engine);
          await until(page, clickButton, 'Start the course', 'the start button offline');
          await until(page, lessonShown, 'Packing', 'the first lesson offline');
          await until(page, clickButton, 'Next', 'the Next button'); // The lesson is complete.
          await until(page, lessonShown, 'Check', 'the next lesson offline');
          await until(page, submitQuiz, ['The buyer'], 'the quiz offline');
          await until(page, quizPassed, undefined, 'the passed result offline');
          await page.reload();
          await until(page, lessonShown, 'Check', 'the lesson after an offline reload');
          const waiting = await until(page, () => /** @type {any} */ (window).syncs.at(-1)?.pending, undefined, 'the records waiting');
          assert.ok(waiting > 0, 'the records wait in the outbox');
          assert.deepEqual(await lrs.command('lrs-statements', { agent }, engine), []);

          await context.offline(false);
          await lrs.command('lrs-fault', { fault: 'none' }, engine);
          await page.reload();
          await until(
            page,
            () => /** @type {any} */ (window).syncs?.some((/** @type {any} */ sync) => sync.pending === 0 && sync.rejected === 0),
            undefined,
            'the records delivered',
          );
          /** @type {{ verb: { id: string }, object: { id: string } }[]} */
          const stored = await lrs.command('lrs-statements', { agent }, engine);
          const course = `${site.origin}/courses/offline/course.md`;
          const summary = stored.map((statement) => `${statement.verb.id.split('/').pop()} ${statement.object.id.slice(course.length)}`);
          // Each held once. (Chromium starts sending as it comes online; the reload may cut that short
          // and the batch go again, which the LRS takes as the same statements: their ids are.)
          assert.deepEqual(summary.sort(), [
            'answered /quizzes/check-1/questions/1',
            'attempted /lessons/check',
            'attempted /lessons/packing',
            'completed /lessons/check',
            'completed /lessons/packing',
            'passed /quizzes/check-1',
          ]);
        });
      });

      test('the demo academy as npm run build:demo writes it works offline after one visit', async () => {
        demoBuilt ??= promisify(execFile)(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'demo'], {
          cwd: root,
        });
        await demoBuilt;
        // Its lessons open one after another: the first one's quiz, answered right, opens the second.
        const { course } = JSON.parse(readFileSync(join(demoFolder, 'courses/export-academy/course.json'), 'utf8'));
        /** @type {{ title: string, quizzes: { questions: { options: { text: string, correct: boolean }[] }[] }[] }[]} */
        const [first, second] = course.lessons;
        const rightAnswers = first.quizzes.flatMap((quiz) =>
          quiz.questions.flatMap((question) => question.options.filter((option) => option.correct).map((option) => option.text)),
        );
        await inNewContext(async (context, page) => {
          await firstVisit(page, '/academy/');
          await until(page, clickButton, 'Start the course', 'the start button');
          await until(page, lessonShown, first.title, 'the first lesson');
          await until(page, submitQuiz, rightAnswers, "the first lesson's quiz");
          await until(page, quizPassed, undefined, 'the passed result');
          await until(page, lessonStarted, first.title, 'the opening of the first lesson saved');

          await context.offline(true);
          await page.reload();
          await until(page, lessonShown, first.title, "the learner's lesson after an offline reload");
          await until(page, clickButton, 'Next', 'the Next button offline');
          await until(page, lessonShown, second.title, 'a lesson never opened before, offline');
          assert.equal(await page.evaluate(reachesServer), false, 'the browser should be offline');
        });
      });

      test('without the service worker nothing changes: no offline code is fetched and nothing is said', async () => {
        await inNewContext(async (context, page) => {
          await page.goto(`${site.origin}/plain/`);
          await until(page, lessonShownOrStart, undefined, 'the course');
          // The lessons' images and anything else the page would fetch in the meantime.
          await context.idle(page);
          const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
          assert.ok(fetched.includes('/sabaq/sabaq.js'), 'the resource list is read');
          assert.deepEqual(
            fetched.filter((path) => path.startsWith('/sabaq/') && path.includes('offline')),
            [],
          );
          assert.doesNotMatch(await page.evaluate(playerText), /Available offline/);
          assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
        });
      });

      test("the README's removal worker deletes sabaq's stores and unregisters", async () => {
        assert.ok(REMOVAL_WORKER, 'the README shows a removal worker');
        await inNewContext(async (context, page) => {
          await firstVisit(page);
          const stores = () => caches.keys().then((names) => names.filter((name) => name.startsWith('sabaq-')).length);
          assert.ok((await page.evaluate(stores)) >= 3, 'sabaq stored its files');
          site.changed.set('/learn/sabaq-sw.js', REMOVAL_WORKER);
          await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
          await until(
            page,
            () => navigator.serviceWorker.getRegistration().then((registration) => registration === undefined),
            undefined,
            'the worker to unregister',
          );
          assert.equal(await page.evaluate(stores), 0);
        });
      });
    },
  );
}
