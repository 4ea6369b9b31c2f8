/**
 * `sabaq preview course.md` (or a quiz file): serves the course on this machine and reloads the page on
 * every save, printing every problem `sabaq check` would print, until Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../../lib/problems.js';
import type { CliIo } from '../sabaq.js';
import { type PreviewState, detectKind } from './course-state.js';
import { PREVIEW_NAMESPACE } from './page.js';
import { startPreview } from './server.js';

export const PREVIEW_USAGE = '  sabaq preview <course.md | quiz.md> [--port <n>]   show it in the browser, reloading on every save';

/** Tried first, so that the preview's address, and with it the progress kept in the browser, stays the same. */
const PREFERRED_PORT = 5730;

export async function preview(args: string[], io: CliIo): Promise<number> {
  const portAt = args.indexOf('--port');
  const portText = portAt === -1 ? undefined : args[portAt + 1];
  const paths = args.filter((arg, i) => !arg.startsWith('-') && (portAt === -1 || i !== portAt + 1));
  const port = portText === undefined ? undefined : Number(portText);
  if (paths.length !== 1 || (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))) {
    io.err(`sabaq: preview needs one course or quiz file, and optionally --port <n>\n${PREVIEW_USAGE}`);
    return 2;
  }

  const path = resolve(io.cwd, paths[0]!);
  if (!existsSync(path)) {
    io.err(`${relative(io.cwd, path) || paths[0]}:1:1: the file could not be read (no such file)`);
    return 1;
  }
  const kind = await detectKind(path);
  // The bundled CLI lives in the package's dist/, beside the browser bundle it serves.
  const dist = fileURLToPath(new URL('.', import.meta.url));
  const onChange = (state: PreviewState, changed: string[]) => {
    const time = new Date().toTimeString().slice(0, 8);
    io.out(`\n[${time}] ${changed.filter(Boolean).join(', ') || 'a file'} changed; page reloaded`);
    report(state, io);
  };

  let server;
  try {
    const options = { path, kind, cwd: io.cwd, dist, onChange };
    server = await startPreview({ ...options, port: port ?? PREFERRED_PORT }).catch((error: NodeJS.ErrnoException) => {
      // The preferred port is taken (another preview?): any free one will do. A port asked for is kept to.
      if (port === undefined && error.code === 'EADDRINUSE') return startPreview({ ...options, port: 0 });
      throw error;
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      `sabaq: could not start the preview${code === 'EADDRINUSE' ? `: port ${port} is in use; choose another with --port` : ` (${String(error)})`}`,
    );
    return 1;
  }

  const state = server.state();
  io.out(`Previewing ${state.kind === 'course' ? 'the course' : 'the quiz'} "${state.title}" at ${server.url}`);
  io.out(
    `${state.kind === 'course' ? 'Every lesson is open; ' : ''}progress is kept in the "${PREVIEW_NAMESPACE}" namespace. ` +
      'Saving a file reloads the page. Ctrl-C stops.',
  );
  if (!existsSync(resolve(dist, 'sabaq.js'))) io.err('sabaq: dist/sabaq.js is missing from this package: run "npm run build" in it');
  report(state, io);

  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => {
        io.out('Preview stopped.');
        done(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Every problem as `sabaq check` prints it, then a count. */
function report(state: PreviewState, io: CliIo): void {
  state.problems.forEach((problem) => io.out(formatProblem(problem)));
  const errors = state.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = state.problems.length - errors;
  if (state.problems.length === 0) io.out('No problems.');
  else io.out(`${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`);
}
