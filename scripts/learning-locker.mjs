// @ts-check
/**
 * Learning Locker's statements service (`@learninglocker/xapi-statements`, a devDependency), a real
 * xAPI Learning Record Store that keeps its statements in memory, bound to 127.0.0.1: for the tests
 * (scripts/wtr/lrs.mjs) and for the demo (`npm run lrs`). It needs no MongoDB and no Redis; it logs four
 * "Failed Mongo connection" lines as it starts, and then serves.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SERVICE = join(root, 'node_modules', '@learninglocker', 'xapi-statements', 'dist', 'index.js');
const BIND_LOOPBACK = fileURLToPath(new URL('./wtr/bind-loopback.cjs', import.meta.url));

/**
 * @typedef {{ port: number, output(): string, stop(): Promise<void> }} LearningLocker
 */

/**
 * Starts the service on `port` and resolves once it answers (about 2 s). `authEndpoint`: real Basic
 * auth, each request's `Authorization` header checked by that URL (`AUTH_REPO=fetch`, see
 * ../shared/notes/xapi-lrs.md); without it any credentials are accepted (`AUTH_REPO=test`).
 * @param {{ port: number, authEndpoint?: string }} options
 * @returns {Promise<LearningLocker>}
 */
export async function startLearningLocker({ port, authEndpoint }) {
  const dir = mkdtempSync(join(tmpdir(), 'lrs-'));
  const service = spawn(process.execPath, ['-r', BIND_LOOPBACK, SERVICE], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      EXPRESS_PORT: String(port),
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      EVENTS_REPO: 'test',
      ...(authEndpoint ? { AUTH_REPO: 'fetch', LL_CLIENT_INFO_ENDPOINT: authEndpoint } : { AUTH_REPO: 'test' }),
      FS_LOCAL_STORAGE_DIR: join(dir, 'storage'),
      EXPRESS_MORGAN_DIRECTORY: join(dir, 'logs'),
      SERVICE_AWAIT_UPDATES: 'true',
    },
  });
  // Should this process die without stopping it, the service goes with it.
  const kill = () => service.kill('SIGKILL');
  process.once('exit', kill);
  let output = '';
  const keep = (/** @type {Buffer} */ chunk) => (output = (output + chunk).slice(-4000));
  service.stdout?.on('data', keep);
  service.stderr?.on('data', keep);

  const stop = async () => {
    process.off('exit', kill);
    if (service.exitCode === null && service.signalCode === null) {
      const exited = new Promise((resolve) => service.once('exit', resolve));
      service.kill('SIGTERM');
      const timer = setTimeout(kill, 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  while (!(await answers(port))) {
    if (service.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Learning Locker's statements service did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, output: () => output, stop };
}

/** @param {number} port */
async function answers(port) {
  try {
    return (await fetch(`http://127.0.0.1:${port}/xAPI/about`)).ok;
  } catch {
    return false;
  }
}
