// @ts-check
/**
 * The first screen, measured as a learner meets it: fresh pages (cold cache, empty IndexedDB) that load
 * the built `dist/sabaq.js` the way a partner page does, each against a static-HTML page of the same
 * content, the floor no script can beat. Runs alternate page and floor so that both see the same load
 * on this shared machine; the figures are medians. Also sums the gzipped JavaScript each page fetched
 * before its first screen appeared.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../browsers.mjs';
import { BUDGETS } from '../check-size.mjs';
import { contentType } from '../content-type.mjs';
import { TWENTY_QUESTION_QUIZ } from './twenty-question-quiz.mjs';

/** Alternating measured runs of each page and its floor (the issue asks for at least 9). */
const RUNS = 9;

/** What the watcher in each page writes on the console when the first screen is there, then the time. */
const FIRST_SCREEN_AT = 'sabaq-bench first screen at ';

/** A phone on a 3G connection, as DevTools emulates one. */
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };
const CPU_SLOWDOWN = 4;

/**
 * @param {{ root: string, out: string, chromiumArgs: string[], print: (label: string, value: string) => void }} options
 */
export async function benchFirstScreen({ root, out, chromiumArgs, print }) {
  const site = join(out, 'site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  buildSite(root, site);
  await writePages(root, site);

  /** @type {Map<string, Buffer>} */
  const gzipped = new Map();
  const compressed = (/** @type {string} */ file) => gzipped.get(file) ?? gzipped.set(file, gzipSync(readFileSync(file))).get(file);
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent((request.url ?? '/').split(/[?#]/)[0] ?? '/'));
    const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(site) || !existsSync(file)) return void response.writeHead(404).end();
    // Compressed, as any real host serves text (once: the pages must not wait for this machine to gzip).
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding']));
    const body = gzip ? compressed(file) : readFileSync(file);
    response.writeHead(200, {
      'content-type': contentType(file),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });

  /** The gzipped kilobytes of the JavaScript files fetched by a page, from the files served. */
  const gzippedKb = (/** @type {string[]} */ urls) =>
    [...new Set(urls)].reduce((sum, url) => sum + gzipSync(readFileSync(join(site, new URL(url).pathname)), { level: 9 }).length, 0) / 1024;

  /**
   * Opens `path` in a fresh context and waits until `selector` matches in the page or in a sabaq
   * element's shadow root; returns that moment (ms after navigation started) and the scripts fetched.
   * @param {string} path @param {string} selector @param {boolean} [slow]
   */
  async function firstScreen(path, selector, slow = false) {
    const context = await browser.newContext();
    const page = await context.newPage();
    /** @type {string[]} */
    const scripts = [];
    let shown = false;
    page.on('request', (request) => {
      if (!shown && new URL(request.url()).pathname.endsWith('.js')) scripts.push(request.url());
    });
    if (slow) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }
    // The same watcher on every page: it checks after each task until the selector matches, then says
    // when on the console. (Polling from here with page.waitForFunction ran Playwright's own script in
    // the page while it loaded: some 25 ms of a page's first screen, and none of the floor's, which is
    // shown before the first poll.)
    await page.addInitScript(
      ({ target, prefix }) => {
        const hosts = 'sabaq-course-player, sabaq-quiz';
        const find = () =>
          document.querySelector(target) ??
          [...document.querySelectorAll(hosts)].some(
            (host) =>
              host.shadowRoot?.querySelector(target) ||
              [...(host.shadowRoot?.querySelectorAll(hosts) ?? [])].some((inner) => inner.shadowRoot?.querySelector(target)),
          );
        const check = () => (find() ? console.debug(`${prefix}${performance.now()}`) : setTimeout(check, 0));
        check();
      },
      { target: selector, prefix: FIRST_SCREEN_AT },
    );
    const errors = /** @type {string[]} */ ([]);
    page.on('pageerror', (error) => errors.push(String(error)));
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let giveUp;
    const firstScreenAt = new Promise((resolve, reject) => {
      page.on('console', (message) => {
        if (message.text().startsWith(FIRST_SCREEN_AT)) resolve(Number(message.text().slice(FIRST_SCREEN_AT.length)));
      });
      giveUp = setTimeout(
        () => reject(new Error(`${path}: "${selector}" never appeared${errors.length ? ` (${errors.join('; ')})` : ''}`)),
        60000,
      );
    });
    /** @type {number} */
    let at;
    try {
      await page.goto(`${origin}/${path}`);
      at = /** @type {number} */ (await firstScreenAt);
    } finally {
      clearTimeout(giveUp);
    }
    shown = true;
    await context.close();
    return { ms: at, kb: gzippedKb(scripts) };
  }

  /**
   * Median of RUNS alternating runs of a page and its floor, after one unmeasured run of each.
   * @param {{ label: string, page: string, floor: string, selector: string, slow?: boolean, overFloor?: number, budget?: number }} measure
   */
  async function compare({ label, page, floor, selector, slow, overFloor, budget }) {
    /** @type {{ ms: number, kb: number }[]} */
    const pageRuns = [];
    /** @type {number[]} */
    const floorRuns = [];
    for (let run = 0; run <= RUNS; run++) {
      const pageRun = await firstScreen(page, selector, slow);
      const floorRun = await firstScreen(floor, selector, slow);
      if (run === 0) continue;
      pageRuns.push(pageRun);
      floorRuns.push(floorRun.ms);
    }
    const median = (/** @type {number[]} */ values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    const pageMs = median(pageRuns.map((run) => run.ms));
    const floorMs = median(floorRuns);
    const limit = overFloor !== undefined ? floorMs + overFloor : budget;
    const rule = overFloor !== undefined ? `floor + ${overFloor} ms = ${limit?.toFixed(0)} ms` : `${budget} ms`;
    const verdict = limit === undefined ? '' : ` (budget ${rule}: ${pageMs <= limit ? 'within' : 'OVER'})`;
    print(`${label}, median of ${RUNS}`, `${pageMs.toFixed(0)} ms${verdict}`);
    print('  static HTML of the same content (the floor)', `${floorMs.toFixed(0)} ms`);
    return median(pageRuns.map((run) => run.kb));
  }

  try {
    console.log(` first screen (fresh page, built dist/sabaq.js, against static HTML)`);
    const quizKb = await compare({
      label: 'first answer control, 20-question inline quiz',
      page: 'quiz.html',
      floor: 'quiz-floor.html',
      selector: 'input',
      overFloor: 120,
    });
    const jsonKb = await compare({
      label: 'first lesson text, 200-lesson course from course.json',
      page: 'lesson-json.html#sabaq-lesson=lesson-1',
      floor: 'lesson-floor.html',
      selector: '.prose p',
      overFloor: 100,
    });
    await compare({
      label: 'demo academy Start button, 1.6 Mbps / 150 ms RTT / CPU 4x slower',
      page: 'demo/index.html',
      floor: 'demo/floor.html',
      selector: '.start .button',
      slow: true,
      budget: 1600,
    });
    const markdown = await firstScreen('lesson-md.html#sabaq-lesson=lesson-1', '.prose p');
    console.log(` JavaScript fetched before the first screen (gzipped)`);
    const size = (/** @type {string} */ label, /** @type {number} */ kb, /** @type {number} */ budget) =>
      print(label, `${kb.toFixed(1)} KB (budget ${budget} KB: ${kb <= budget ? 'within' : 'OVER'})`);
    size('course.json course, up to its first lesson', jsonKb, BUDGETS.prebuiltCourse);
    size('Markdown course, up to its first lesson', markdown.kb, BUDGETS.markdown);
    size('inline quiz, up to its first answer control', quizKb, BUDGETS.markdown);
  } finally {
    await browser.close();
    server.close();
  }
}

/** The built library, the demo academy as `npm run build:demo` writes it, and the generated course. */
function buildSite(/** @type {string} */ root, /** @type {string} */ site) {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  // The demo's build copies the service worker beside the library: both are built first.
  for (const mode of ['bundle', 'sw']) {
    execFileSync(process.execPath, [vite, 'build', '--mode', mode, '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  }
  mkdirSync(join(site, 'dist'));
  for (const name of readdirSync(join(root, 'dist')).filter((file) => file.endsWith('.js'))) {
    cpSync(join(root, 'dist', name), join(site, 'dist', name));
  }
  execFileSync(process.execPath, [vite, 'build', '--mode', 'demo', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  cpSync(join(root, 'dist-demo'), join(site, 'demo'), { recursive: true });
}

async function writePages(/** @type {string} */ root, /** @type {string} */ site) {
  const generator = join(site, '..', 'first-screen-generate.mjs');
  await build({
    stdin: {
      contents: `export { generateCourse } from './test/fixtures/generate-course.ts';
        export { readCourse } from './src/lib/course/course.ts';
        export { toCourseFile } from './src/lib/course/course-file.ts';
        export { markdown } from './src/lib/markdown.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    outfile: generator,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  const { generateCourse, readCourse, toCourseFile, markdown } = await import(generator);

  // The 200-lesson course as files and as the one course.json `npx sabaq build` writes.
  const course = generateCourse(200);
  mkdirSync(join(site, 'course/lessons'), { recursive: true });
  writeFileSync(join(site, 'course/course.md'), course.manifest);
  for (const [path, text] of Object.entries(course.files)) writeFileSync(join(site, 'course', path), /** @type {string} */ (text));
  const parsed = await readCourse({
    text: course.manifest,
    file: 'course.md',
    url: 'file:///course/course.md',
    readLesson: async (/** @type {string} */ url) => course.files[url.slice('file:///course/'.length)],
  });
  writeFileSync(join(site, 'course/course.json'), JSON.stringify(toCourseFile(parsed)));

  const head = '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">';
  const script = '<script type="module" src="dist/sabaq.js"></script>';
  writeFileSync(
    join(site, 'quiz.html'),
    `${head}<title>quiz</title>${script}<body><sabaq-quiz><script type="text/markdown">\n${TWENTY_QUESTION_QUIZ}</script></sabaq-quiz>`,
  );
  writeFileSync(join(site, 'quiz-floor.html'), `${head}<title>quiz floor</title><body>${staticQuiz(TWENTY_QUESTION_QUIZ, markdown)}`);
  // As the README recommends, the page preloads its course.json while the script loads.
  writeFileSync(
    join(site, 'lesson-json.html'),
    `${head}<title>lesson</title>${script}<link rel="preload" href="course/course.json" as="fetch" crossorigin>` +
      '<body><sabaq-course-player src="course/course.json"></sabaq-course-player>',
  );
  writeFileSync(
    join(site, 'lesson-md.html'),
    `${head}<title>lesson</title>${script}<body><sabaq-course-player src="course/course.md"></sabaq-course-player>`,
  );
  const firstLesson = /** @type {string} */ (course.files['lessons/lesson-1.md']).replace(/^---[\s\S]*?\n---\n/, '');
  writeFileSync(
    join(site, 'lesson-floor.html'),
    `${head}<title>lesson floor</title><body><h2 class="lesson-title">Lesson 1</h2><div class="prose">${markdown.parse(firstLesson)}</div>`,
  );

  // The demo's start page as static HTML: its own page and stylesheet, the player's start page inlined.
  const demo = readFileSync(join(site, 'demo/index.html'), 'utf8');
  const manifest = readFileSync(join(root, 'demo/courses/export-academy/course.md'), 'utf8');
  const description =
    manifest
      .replace(/^---[\s\S]*?\n---\n/, '')
      .split(/\n## /)[0]
      ?.replace(/^# .*\n/, '') ?? '';
  const title = /^# (.*)$/m.exec(manifest)?.[1] ?? '';
  const start = `<div class="start"><h2>${title}</h2><div class="prose">${markdown.parse(description)}</div><button class="button">Start the course</button></div>`;
  writeFileSync(
    join(site, 'demo/floor.html'),
    demo.replace(/<script type="module"[^>]*><\/script>/g, '').replace(/<sabaq-course-player[^>]*><\/sabaq-course-player>/, start),
  );
}

/**
 * The quiz as the static HTML a hand-written page would have: each question a fieldset of native
 * controls, its text rendered from the same Markdown.
 * @param {string} source @param {{ parseInline: (text: string) => string }} markdown
 */
function staticQuiz(source, markdown) {
  let n = 0;
  return source
    .split(/^### /m)
    .slice(1)
    .map((block) => {
      n++;
      const [prompt = '', ...lines] = block.split('\n');
      const controls = lines
        .filter((line) => /^(1\.|-|\d\.|=) /.test(line))
        .map((line) => {
          const text = line.replace(/^(1\.|-|\d\.|=) (\[[ x]\] )?/, '');
          if (line.startsWith('= ')) return `<label>Answer <input type="text" name="q${n}"></label>`;
          return `<label><input type="${line.startsWith('-') ? 'checkbox' : 'radio'}" name="q${n}"> ${markdown.parseInline(text)}</label>`;
        });
      return `<fieldset class="question"><legend>${markdown.parseInline(prompt)}</legend>${controls.join('')}<button>Hint</button></fieldset>`;
    })
    .concat('<button>Submit</button>')
    .join('');
}
