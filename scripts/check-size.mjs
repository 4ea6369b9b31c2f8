// @ts-check
/**
 * Fails the build when a page would fetch more JavaScript than its budget (issue 11): every kilobyte
 * reaches a learner's phone. `dist/sabaq.js` imports some files beside it only when needed, so what
 * counts is what each kind of page fetches before its first screen (gzipped):
 *
 * - a prebuilt course (`course.json`): `dist/sabaq.js` and the files it imports statically;
 * - a Markdown course or quiz: those and the Markdown pipeline (`sabaq-markdown-pipeline-*.js`).
 *
 * The prebuilt budget cannot hold while a `course.json` still has its lessons rendered in the browser
 * (SPEC §2.6, not yet done): until then ENTRY_CEILING_KB holds the line where it is, and lowering it
 * is how a saving is kept. `npm run bench` measures what the pages really fetch.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** In KB; the Markdown budget is what every page fetched when the issue was filed (69.3 KB, "69 KB"). */
export const BUDGETS = { prebuiltCourse: 40, markdown: 69.3 };
export const ENTRY_CEILING_KB = 48;

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

export function pageSizes() {
  const entry = withStaticImports('sabaq.js');
  const pipeline = readdirSync(DIST).find((file) => /^sabaq-markdown-pipeline-.*\.js$/.test(file));
  if (!pipeline) throw new Error('dist/ has no sabaq-markdown-pipeline-*.js: build with `vite build --mode bundle`');
  return { prebuiltCourse: gzippedKb(entry), markdown: gzippedKb(withStaticImports(pipeline, new Set(entry))) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = pageSizes();
  const failures = [];
  const line = (/** @type {string} */ label, /** @type {number} */ kb, /** @type {number} */ budget, /** @type {string} */ rule) => {
    console.log(`${label}: ${kb.toFixed(1)} KB gzipped (budget ${budget} KB: ${kb <= budget ? 'within' : `over by ${(kb - budget).toFixed(1)} KB`}${rule})`);
  };
  line('A prebuilt course page fetches', sizes.prebuiltCourse, BUDGETS.prebuiltCourse, `; the build fails past ${ENTRY_CEILING_KB} KB until SPEC §2.6 is done`);
  line('A Markdown course or quiz page fetches', sizes.markdown, BUDGETS.markdown, '; the build fails past it');
  if (sizes.prebuiltCourse > ENTRY_CEILING_KB) failures.push(`dist/sabaq.js and its static imports grew past ${ENTRY_CEILING_KB} KB`);
  if (sizes.markdown > BUDGETS.markdown) failures.push(`a Markdown page's JavaScript grew past ${BUDGETS.markdown} KB`);
  for (const failure of failures) console.error(`${failure}: find what added the weight (npm run bench measures each page).`);
  if (failures.length > 0) process.exit(1);
}
