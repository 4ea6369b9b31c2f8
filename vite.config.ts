import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Libraries the npm entry leaves to the user's bundler; `dist/sabaq.js` bundles them. */
const PEER_LIBRARIES = ['lit', 'marked', 'idb', 'dompurify'];
const isPeer = (id: string) => PEER_LIBRARIES.some((name) => id === name || id.startsWith(`${name}/`));

export default defineConfig(({ command }) => ({
  // `npm start` serves the demo academy; the library itself is imported from ../src.
  root: command === 'serve' ? resolve(import.meta.dirname, 'demo') : import.meta.dirname,
  server: { fs: { allow: [import.meta.dirname] } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: { index: resolve(import.meta.dirname, 'src/index.ts') },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isPeer,
      output: { preserveModules: false },
    },
  },
}));
