// @ts-check
/** Bundles the CLI for Node into dist/cli.js (run by `npm install` through `prepare`, and by the build). */
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/sabaq.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
