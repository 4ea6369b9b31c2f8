import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/** Libraries the npm entries leave to the user's bundler; `dist/sabaq.js` bundles them. */
const PEER_LIBRARIES = ['lit', 'marked', 'idb', 'dompurify'];
const isPeer = (id: string) => PEER_LIBRARIES.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * `vite` serves the demo academy. `vite build` writes the npm entries (`dist/index.js`, `dist/define.js`)
 * with the peer libraries external; `vite build --mode bundle` writes `dist/sabaq.js`, one minified
 * module with everything inside, for partner pages without a build step.
 */
export default defineConfig(({ command, mode }) => {
  const bundle = mode === 'bundle';
  return {
    root: command === 'serve' ? resolve(root, 'demo') : root,
    server: { fs: { allow: [root] } },
    build: {
      outDir: resolve(root, 'dist'),
      emptyOutDir: !bundle,
      target: 'es2022',
      sourcemap: true,
      minify: bundle,
      lib: {
        entry: (bundle
          ? { sabaq: resolve(root, 'src/sabaq.ts') }
          : { index: resolve(root, 'src/index.ts'), define: resolve(root, 'src/define.ts') }) as Record<string, string>,
        formats: ['es'],
      },
      rolldownOptions: { external: bundle ? [] : isPeer },
    },
  };
});
