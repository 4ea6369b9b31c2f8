import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
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
