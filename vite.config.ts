import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { type UserConfig, defineConfig } from 'vite';

const root = import.meta.dirname;

/** Libraries the npm entries leave to the user's bundler; `dist/sabaq.js` bundles them. */
const PEER_LIBRARIES = ['lit', 'marked', 'idb', 'dompurify'];
const isPeer = (id: string) => PEER_LIBRARIES.some((name) => id === name || id.startsWith(`${name}/`));

/** `vite build --mode bundle`: `dist/sabaq.js`, one fully minified module with everything inside. Not a
 * library-mode build, which leaves ES output's whitespace unminified. */
const bundle: UserConfig = {
  // Lit's html`` and css`` templates keep their indentation unless minified too.
  plugins: [minifyTemplateLiterals()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    rolldownOptions: {
      input: resolve(root, 'src/sabaq.ts'),
      preserveEntrySignatures: 'strict',
      output: { format: 'es', entryFileNames: 'sabaq.js' },
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

/** `vite` serves the demo academy, importing the library from ../src; `vite build --mode demo` writes it
 * to `dist-demo/` as a static site a partner could host as it is, courses included. */
const demo: UserConfig = {
  root: resolve(root, 'demo'),
  base: './',
  server: { fs: { allow: [root] } },
  plugins: [
    minifyTemplateLiterals(),
    {
      name: 'copy-demo-courses',
      apply: 'build',
      closeBundle: () => cpSync(resolve(root, 'demo/courses'), resolve(root, 'dist-demo/courses'), { recursive: true }),
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
