#!/usr/bin/env node
// The `sabaq` command: runs the CLI bundled at dist/cli.js.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
let cli;
try {
  cli = await import('../dist/cli.js');
} catch {
  console.error('sabaq: the CLI is not built yet; run "npm install" (or "npm run build") in the sabaq folder.');
  process.exit(2);
}
const io = { out: (line) => console.log(line), err: (line) => console.error(line), cwd: process.cwd() };
process.exitCode = await cli.run(process.argv.slice(2), io, version);
