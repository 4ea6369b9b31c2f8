// The CLI as an author runs it, for the Node tests: `bin/sabaq.js` built from the current source.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const bin = fileURLToPath(new URL('../../bin/sabaq.js', import.meta.url));

/** Builds bin/sabaq.js from the current source, not whatever an earlier build left (call in `before`). */
export const buildCli = () => import('../../scripts/build-cli.mjs');

/** Runs `sabaq …` in `cwd`; resolves with the exit code and output, never rejects. */
export function sabaq(args, cwd) {
  return new Promise((resolve) => {
    execFile('node', [bin, ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}
