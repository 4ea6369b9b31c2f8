import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, posix, resolve } from 'node:path';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { type Plugin, type ProxyOptions, type UserConfig, defineConfig } from 'vite';

const root = import.meta.dirname;

/** Libraries the npm entries leave to the user's bundler; `dist/sabaq.js` bundles them. */
const PEER_LIBRARIES = ['lit', 'marked', 'idb', 'dompurify'];
const isPeer = (id: string) => PEER_LIBRARIES.some((name) => id === name || id.startsWith(`${name}/`));

/** The Markdown pipeline and DOMPurify are fetched when a page first needs them, not imported with the rest. */
const SPLIT_LOADERS = [{ find: /^(.*)\/(markdown|sanitizer)-loader\.js$/, replacement: '$1/$2-loader.split.ts' }];

/**
 * Vite wraps every dynamic import in its preload helper (about 1 KB gzipped, and its preload list
 * would hold paths from the site root, wrong wherever a partner serves the files), even with
 * `modulePreload: false` (vitejs/vite#18551). sabaq's lazily loaded files import nothing the page has
 * not loaded already: call the import directly, and the unused helper is dropped.
 */
const plainDynamicImports: Plugin = {
  name: 'sabaq-plain-dynamic-imports',
  renderChunk: (code) => code.replaceAll('__vitePreload(', '((load) => load())('),
};

/**
 * `vite build --mode bundle`: `dist/sabaq.js`, the one module a page includes, fully minified (not a
 * library-mode build, which leaves ES output's whitespace unminified). What a first screen does not need
 * (the Markdown pipeline, the certificate's drawing, the xAPI client) goes into `dist/sabaq-*.js` files
 * beside it, which it imports by relative URLs when needed: the folder serves from any path or origin.
 */
const bundle: UserConfig = {
  // Lit's html`` and css`` templates keep their indentation unless minified too.
  plugins: [
    minifyTemplateLiterals(),
    plainDynamicImports,
    {
      // Lazy files are named by their content: drop the last build's, which nothing imports any more.
      name: 'remove-old-lazy-files',
      buildStart: () => {
        const dist = resolve(root, 'dist');
        for (const file of existsSync(dist) ? readdirSync(dist) : []) {
          if (/^sabaq-.+\.js(\.map)?$/.test(file)) rmSync(resolve(dist, file));
        }
      },
    },
  ],
  resolve: { alias: SPLIT_LOADERS },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    // Vite's preload helper would import lazy files from the site's root; plain import() resolves them
    // against sabaq.js itself.
    modulePreload: false,
    rolldownOptions: {
      input: resolve(root, 'src/sabaq.ts'),
      // Code the lazy files share with the entry stays in it, rather than in a third file fetched after it.
      preserveEntrySignatures: 'allow-extension',
      output: { format: 'es', entryFileNames: 'sabaq.js', chunkFileNames: 'sabaq-[name]-[hash].js' },
    },
  },
};

/**
 * sabaq's own files for the service worker to precache: `dist/sabaq.js` and every `.js` file of dist
 * that it (or a file it loads) names by a relative URL, each with a hash of its content as its
 * revision. Read from the bundle build's output, so files split off `sabaq.js` are found by any name.
 */
function sabaqFiles(): { url: string; revision: string }[] {
  const dist = resolve(root, 'dist');
  if (!existsSync(resolve(dist, 'sabaq.js'))) throw new Error('Build dist/sabaq.js first: vite build --mode bundle');
  const found = new Map<string, string>();
  const visit = (name: string) => {
    if (found.has(name)) return;
    const text = readFileSync(resolve(dist, name), 'utf8');
    found.set(name, createHash('sha256').update(text).digest('hex').slice(0, 16));
    for (const [, named] of text.matchAll(/["'`](\.{1,2}\/[\w./-]+\.js)["'`]/g)) {
      const path = posix.join(posix.dirname(name), named!);
      if (!path.startsWith('..') && existsSync(resolve(dist, path))) visit(path);
    }
  };
  visit('sabaq.js');
  return [...found].map(([url, revision]) => ({ url, revision }));
}

/** `vite build --mode sw`: `dist/sabaq-sw.js`, the service worker (src/sw), one classic script. */
const serviceWorker = (): UserConfig => ({
  define: {
    // Workbox's development logging and checks are left out of the build.
    'process.env.NODE_ENV': JSON.stringify('production'),
    SABAQ_PRECACHE: JSON.stringify(sabaqFiles()),
  },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: false,
    target: 'es2020',
    minify: true,
    rolldownOptions: {
      input: resolve(root, 'src/sw/sabaq-sw.ts'),
      output: { format: 'iife', entryFileNames: 'sabaq-sw.js' },
    },
  },
});

/** `vite build`: the npm entries, `dist/index.js` and `dist/define.js`, with the peer libraries external. */
const library: UserConfig = {
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: { entry: { index: resolve(root, 'src/index.ts'), define: resolve(root, 'src/define.ts') }, formats: ['es'] },
    rolldownOptions: { external: isPeer, output: { chunkFileNames: 'shared-[hash].js' } },
  },
};

/** Writes a course as one course.json with the `sabaq build` command, as a partner would. */
function buildCourseJson(manifest: string, out: string): void {
  execFileSync(process.execPath, [resolve(root, 'bin/sabaq.js'), 'build', manifest, '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * The demo's "LRS" setting sends learning records to `/xAPI/` on its own origin: a proxy to the LRS that
 * `npm run lrs` starts, which adds the LRS's credentials itself, as the README tells partners to do.
 */
const LRS_PROXY: Record<string, ProxyOptions> = {
  '/xAPI/': {
    target: `http://127.0.0.1:${process.env.LRS_PORT || 8090}`,
    headers: { Authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}` },
  },
};

/** `vite` serves the demo academy, importing the library from ../src; `vite build --mode demo` writes it
 * to `dist-demo/` as a static site a partner could host as it is, courses included. */
const demo: UserConfig = {
  root: resolve(root, 'demo'),
  base: './',
  // As dist/sabaq.js does, so that the demo loads what a partner's page loads.
  resolve: { alias: SPLIT_LOADERS },
  server: { fs: { allow: [root] }, proxy: LRS_PROXY },
  preview: { proxy: LRS_PROXY },
  plugins: [
    minifyTemplateLiterals(),
    {
      name: 'copy-demo-courses',
      apply: 'build',
      closeBundle: () => {
        cpSync(resolve(root, 'demo/courses'), resolve(root, 'dist-demo/courses'), { recursive: true });
        for (const course of readdirSync(resolve(root, 'demo/courses'))) {
          buildCourseJson(resolve(root, 'demo/courses', course, 'course.md'), resolve(root, 'dist-demo/courses', course, 'course.json'));
        }
      },
    },
    {
      // The dev server builds a course.json from its course.md on each request, as `sabaq build` would.
      name: 'serve-demo-course-json',
      apply: 'serve',
      configureServer(server) {
        server.middlewares.use((request, response, next) => {
          const course = /^\/courses\/([\w-]+)\/course\.json(?:\?|$)/.exec(request.url ?? '')?.[1];
          const manifest = course && resolve(root, 'demo/courses', course, 'course.md');
          if (!manifest || !existsSync(manifest)) return next();
          const out = resolve(mkdtempSync(resolve(tmpdir(), 'sabaq-demo-')), 'course.json');
          try {
            buildCourseJson(manifest, out);
            response.setHeader('content-type', 'application/json');
            response.end(readFileSync(out));
          } catch (error) {
            next(error);
          } finally {
            rmSync(dirname(out), { recursive: true, force: true });
          }
        });
      },
    },
    {
      // The academy works offline after one visit, as a partner's site would: the worker beside the
      // pages, with the files it precaches (build:demo builds them first).
      name: 'copy-service-worker',
      apply: 'build',
      closeBundle: () => {
        for (const file of ['sabaq-sw.js', ...sabaqFiles().map(({ url }) => url)]) {
          cpSync(resolve(root, 'dist', file), resolve(root, 'dist-demo', file));
        }
      },
    },
  ],
  build: {
    outDir: resolve(root, 'dist-demo'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: [resolve(root, 'demo/index.html'), resolve(root, 'demo/quiz.html')] },
  },
};

export default defineConfig(({ command, mode }) =>
  command === 'serve' || mode === 'demo' ? demo : mode === 'bundle' ? bundle : mode === 'sw' ? serviceWorker() : library,
);
