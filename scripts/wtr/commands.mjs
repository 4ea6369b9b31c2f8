// @ts-check
/**
 * Server commands for browser tests that need more than their own page: a second tab of the same
 * origin (or of an origin of its own, whose storage no other test shares), and the DevTools protocol
 * where the engine speaks it (Chromium). Tests call them with `executeServerCommand` from
 * `@web/test-runner-commands`:
 *
 * - `sabaq-capabilities` → `{ tabs, cdp }`: whether this engine's launcher can open tabs (puppeteer
 *   can; WebDriver cannot without taking the runner's own window) and send DevTools commands.
 * - `sabaq-tab-open` `{ isolated? }` → `{ id, origin }`: a new tab showing an empty page of the test
 *   server, at the test page's origin or, with `isolated`, at a fresh `tab-N.localhost` origin.
 * - `sabaq-tab-call` `{ id, module, name, args }` → `{ value }`: imports `module` (a path on the test
 *   server) in the tab and returns what its export `name` resolves to when called with `args` (JSON).
 * - `sabaq-tab-reload` `{ id }`, `sabaq-tab-close` `{ id }` → `true`.
 * - `sabaq-cdp` `{ id, method, params }` → `{ value }`: a DevTools command sent from tab `id`. The
 *   session stays attached until the tab closes: `Storage.overrideQuotaForOrigin` holds only as long.
 *
 * It also serves the built `dist/` folder as a partner would copy it, at a sub-path ({@link VENDOR_FOLDER})
 * and to any origin (CORS), for tests of pages that load sabaq from elsewhere; and each fixture course
 * as the `course.json` that `sabaq build` writes from its `course.md`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

/** The empty page a tab shows; tests' own code reaches it through `sabaqCall`. */
export const TAB_PATH = '/__sabaq__/tab.html';
const TAB_HTML = `<!doctype html>
<meta charset="utf-8">
<title>sabaq test tab</title>
<script>
  window.sabaqCall = async (module, name, args) => (await import(module))[name](...args);
</script>
`;

/**
 * Where the test server serves a copy of `dist/`, with `Access-Control-Allow-Origin: *`:
 * `/__sabaq__/vendor/sabaq/`; and `/__sabaq__/vendor-without-<name>/sabaq/`, the same folder where
 * `sabaq-<name>-*.js` answers 503, a lazily loaded file that cannot be fetched (a connection lost
 * mid-page): `markdown` for the Markdown pipeline, `ur` for the Urdu strings.
 */
const VENDOR_FOLDER = /^\/__sabaq__\/vendor(?:-without-([\w-]+))?\/sabaq\//;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');

/** The CLI built from the current source, once per run (dist/cli.js may hold an older one). */
let cliBuilt;

/** `course.json` as `sabaq build` writes it from the `course.md` beside it. */
async function buildCourseJson(/** @type {string} */ manifest) {
  cliBuilt ??= promisify(execFile)(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
  await cliBuilt;
  const dir = await mkdtemp(join(tmpdir(), 'sabaq-course-json-'));
  try {
    await promisify(execFile)(process.execPath, [join(ROOT, 'bin/sabaq.js'), 'build', manifest, '-o', join(dir, 'course.json')]);
    return await readFile(join(dir, 'course.json'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * @typedef {import('puppeteer-core').Page} Page
 * @typedef {import('puppeteer-core').CDPSession} CDPSession
 * @typedef {{ page: Page, cdp?: CDPSession }} Tab
 */

/** @returns {import('@web/test-runner').TestRunnerPlugin<any>} */
export function sabaqCommandsPlugin() {
  /** @type {Map<number, Tab>} */
  const tabs = new Map();
  let lastId = 0;

  /** @param {number} id */
  function tab(id) {
    const found = tabs.get(id);
    if (!found) throw new Error(`No test tab ${id}: it was closed, or never opened.`);
    return found;
  }

  return {
    name: 'sabaq-commands',

    async serve(context) {
      if (context.path === TAB_PATH) return { body: TAB_HTML, type: 'html' };
      const [folder, without] = VENDOR_FOLDER.exec(context.path) ?? [];
      if (folder) {
        const name = context.path.slice(folder.length);
        if (!/^[\w.-]+$/.test(name)) return undefined;
        if (without && name.startsWith(`sabaq-${without}-`)) return { body: 'unavailable', status: 503, type: 'text' };
        const body = await readFile(join(DIST, name), 'utf8').catch(() => undefined);
        if (body === undefined) return undefined;
        context.set('access-control-allow-origin', '*');
        return { body, type: name.endsWith('.map') ? 'json' : 'js' };
      }
      const fixture = /^\/test\/fixtures\/courses\/([\w-]+)\/course\.json$/.exec(context.path)?.[1];
      const manifest = fixture && join(ROOT, 'test/fixtures/courses', fixture, 'course.md');
      if (manifest && existsSync(manifest)) return { body: await buildCourseJson(manifest), type: 'json' };
      return undefined;
    },

    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('sabaq-')) return undefined;
      /** @type {Page | undefined} */
      const testPage = 'getPage' in session.browser ? /** @type {any} */ (session.browser).getPage(session.id) : undefined;

      switch (command) {
        case 'sabaq-capabilities':
          return { tabs: testPage !== undefined, cdp: testPage !== undefined && (await speaksDevToolsProtocol(testPage)) };

        case 'sabaq-tab-open': {
          if (!testPage) throw new Error(`${session.browser.name} cannot open test tabs.`);
          const url = new URL(testPage.url());
          const origin = payload?.isolated ? `${url.protocol}//tab-${lastId + 1}.localhost:${url.port}` : url.origin;
          const page = await testPage.browserContext().newPage();
          await page.goto(`${origin}${TAB_PATH}`);
          tabs.set(++lastId, { page });
          return { id: lastId, origin };
        }

        case 'sabaq-tab-call': {
          const { page } = tab(payload.id);
          /** @type {(module: string, name: string, args: unknown[]) => Promise<unknown>} */
          const call = (module, name, args) => /** @type {any} */ (window).sabaqCall(module, name, args);
          return { value: await page.evaluate(call, payload.module, payload.name, payload.args ?? []) };
        }

        case 'sabaq-tab-reload':
          await tab(payload.id).page.reload({ waitUntil: 'load' });
          return true;

        case 'sabaq-tab-close': {
          const closing = tab(payload.id);
          tabs.delete(payload.id);
          await closing.page.close();
          return true;
        }

        case 'sabaq-cdp': {
          const found = tab(payload.id);
          found.cdp ??= await found.page.createCDPSession();
          return { value: (await found.cdp.send(payload.method, payload.params)) ?? null };
        }

        default:
          throw new Error(`Unknown command ${command}.`);
      }
    },

    async serverStop() {
      await Promise.all([...tabs.values()].map(({ page }) => page.close().catch(() => {})));
      tabs.clear();
    },
  };
}

/** @param {Page} page */
async function speaksDevToolsProtocol(page) {
  try {
    await (await page.createCDPSession()).detach();
    return true;
  } catch {
    return false; // Firefox, driven over WebDriver BiDi.
  }
}
