import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { type Plugin, type UserConfig, defineConfig } from 'vite';

const root = import.meta.dirname;

/** Libraries the npm entries leave to the user's bundler; `dist/sabaq.js` bundles them. */
const PEER_LIBRARIES = ['lit', 'marked', 'idb', 'dompurify'];
const isPeer = (id: string) => PEER_LIBRARIES.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * Vite wraps every dynamic import in its preload helper (about 1 KB gzipped, and its preload list
 * would hold paths from the site root, wrong wherever a partner serves the files), even with
 * `modulePreload: false` (vitejs/vite#18551). sabaq's lazily loaded files import nothing the page has
 * not loaded already: call the import directly, and the unused helper is dropped.
 */
const plainDynamicImports: Plugin = {
  name: 'sabaq-plain-dynamic-imports',
  renderChunk: (code) => code.replaceAll('__vitePreload(() => import(', '((load) => load())(() => import('),
};

/** `vite build --mode bundle`: `dist/sabaq.js`, one fully minified module with everything inside. Not a
 * library-mode build, which leaves ES output's whitespace unminified. */
const bundle: UserConfig = {
  // Lit's html`` and css`` templates keep their indentation unless minified too.
  plugins: [minifyTemplateLiterals(), plainDynamicImports],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    // What sabaq.js loads later (the LRS connection) lies beside it and is found from its own URL:
    // no preload list of absolute paths.
    modulePreload: false,
    rolldownOptions: {
      input: resolve(root, 'src/sabaq.ts'),
      // The entry may export more than its signature, so the code it shares with a lazily loaded file
      // stays inside it instead of moving to a third file every page would load.
      preserveEntrySignatures: 'allow-extension',
      output: { format: 'es', entryFileNames: 'sabaq.js', chunkFileNames: 'sabaq-[name]-[hash].js' },
    },
  },
};

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
  ],
  build: {
    outDir: resolve(root, 'dist-demo'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: [resolve(root, 'demo/index.html'), resolve(root, 'demo/quiz.html')] },
  },
};

export default defineConfig(({ command, mode }) =>
  command === 'serve' || mode === 'demo' ? demo : mode === 'bundle' ? bundle : library,
);
