// @ts-check
/**
 * Fails the build when a page would fetch more JavaScript than its budget (issue 11): every kilobyte
 * reaches a learner's phone. `dist/sabaq.js` imports some files beside it only when needed, so what
 * counts is what each kind of page fetches before its first screen (gzipped), in a browser with the
 * HTML Sanitizer API (Chromium, Firefox):
 *
 * - a prebuilt course (`course.json`): `dist/sabaq.js` and the files it imports statically;
 * - a Markdown course or quiz: those and the Markdown pipeline (`sabaq-markdown-pipeline-*.js`).
 *
 * A browser without that API (WebKit) also fetches DOMPurify (`sabaq-dompurify-sanitizer-*.js`),
 * printed beside. `npm run bench` measures what the pages really fetch. The service worker,
 * `dist/sabaq-sw.js`, has a budget of its own.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** In KB, where the build fails: the Markdown budget is what every page fetched when the issue was filed
 * (69.3 KB, "69 KB"); the service worker's is issue 13's (Workbox's modules and sabaq's routes). */
export const BUDGETS = { prebuiltCourse: 40, markdown: 69.3, serviceWorker: 12 };

const DIST = 'dist';

/** `file` and every file beside it that it imports statically, recursively. */
function withStaticImports(/** @type {string} */ file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(DIST, file), 'utf8');
  // Minified ES output: `import{a as b}from"./x.js"` or `import"./x.js"`; `import("./x.js")` is lazy.
  for (const [, name] of code.matchAll(/\bimport\s*(?:[\w$*{},\s]+from\s*)?["']\.\/([^"']+)["']/g)) {
    withStaticImports(/** @type {string} */ (name), seen);
  }
  return seen;
}

const gzippedKb = (/** @type {Set<string>} */ files) =>
  [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length, 0) / 1024;

/** The lazy file whose name starts with `name`. */
function lazyFile(/** @type {string} */ name) {
  const file = readdirSync(DIST).find((candidate) => candidate.startsWith(`sabaq-${name}-`) && candidate.endsWith('.js'));
  if (!file) throw new Error(`dist/ has no sabaq-${name}-*.js: build with \`vite build --mode bundle\``);
  return file;
}

/** dist/sabaq-sw.js, gzipped, in KB. */
export function serviceWorkerKb() {
  return gzippedKb(new Set(['sabaq-sw.js']));
}

export function pageSizes() {
  const entry = withStaticImports('sabaq.js');
  const markdown = withStaticImports(lazyFile('markdown-pipeline'), new Set(entry));
  return {
    prebuiltCourse: gzippedKb(entry),
    markdown: gzippedKb(markdown),
    domPurify: gzippedKb(withStaticImports(lazyFile('dompurify-sanitizer'), new Set(markdown))) - gzippedKb(markdown),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = pageSizes();
  const withoutSanitizer = `, and ${sizes.domPurify.toFixed(1)} KB more without the HTML Sanitizer API`;
  const failures = [];
  for (const [name, label, kb, more] of /** @type {const} */ ([
    ['prebuiltCourse', 'A prebuilt course page fetches', sizes.prebuiltCourse, withoutSanitizer],
    ['markdown', 'A Markdown course or quiz page fetches', sizes.markdown, withoutSanitizer],
    ['serviceWorker', 'dist/sabaq-sw.js', serviceWorkerKb(), ''],
  ])) {
    const budget = BUDGETS[name];
    const verdict = kb <= budget ? 'within' : `over by ${(kb - budget).toFixed(1)} KB`;
    console.log(`${label}: ${kb.toFixed(1)} KB gzipped (budget ${budget} KB: ${verdict})${more}`);
    if (kb > budget) failures.push(`${label} ${kb.toFixed(1)} KB, past its ${budget} KB budget`);
  }
  for (const failure of failures) console.error(`${failure}: find what added the weight (npm run bench measures each page).`);
  if (failures.length > 0) process.exit(1);
}
