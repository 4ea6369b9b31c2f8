// @ts-check
/**
 * Runs every browser test in Chromium, Firefox ESR and WebKitGTK (or those named in SABAQ_ENGINES).
 * Start it through `npm test` / `npm run test:<engine>` (scripts/test.mjs): that installs the
 * browsers and starts the WebKit driver and its virtual display.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath, firefoxPath, miniBrowserPath, selectedEngines } from './scripts/browsers.mjs';
import { sabaqCommandsPlugin } from './scripts/wtr/commands.mjs';
import { lrsPlugin } from './scripts/wtr/lrs.mjs';
import { countingReporter } from './scripts/wtr/counting-reporter.mjs';
import { freePort } from './scripts/wtr/free-port.mjs';

/**
 * Puppeteer's options for both engines it drives. web-test-runner closes its browsers itself on
 * SIGINT; puppeteer's own handler would kill them and exit first, leaving their profiles in /tmp.
 */
const PUPPETEER_OPTIONS = { headless: true, handleSIGINT: false };

/**
 * An alert, confirm or prompt a test opens for real blocks its page until the run times out (Chromium
 * waits 120 s, then fails to stop the page): dismiss it at once, and say so. WebKitGTK's driver
 * dismisses it only at web-test-runner's next WebDriver command, up to a minute later.
 * @type {import('@web/test-runner-chrome').CreatePageFn}
 */
async function createPage({ context }) {
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    const call = `window.${dialog.type()}(${JSON.stringify(dialog.message())})`;
    console.warn(`\nA test called ${call}; dismissed it. Stub window.${dialog.type()} in the test instead.`);
    void dialog.dismiss();
  });
  return page;
}

/** The WebDriver launcher, named after the engine rather than after MiniBrowser, its shell. */
class WebKitLauncher extends WebdriverLauncher {
  /** @param {Parameters<WebdriverLauncher['initialize']>} args */
  async initialize(...args) {
    await super.initialize(...args);
    this.name = 'WebKit';
  }
}

const webkitDriverPort = Number(process.env.SABAQ_WEBKIT_DRIVER_PORT);

const launchers = {
  // Passing puppeteer-core names the browser "Chromium" in the output instead of "Chrome".
  chromium: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: { ...PUPPETEER_OPTIONS, executablePath: chromiumPath(), args: CHROMIUM_ARGS },
      createPage,
      concurrency: 2,
    }),
  // Puppeteer drives Firefox over WebDriver BiDi, so no geckodriver (which Debian lacks) is needed.
  firefox: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: { ...PUPPETEER_OPTIONS, browser: 'firefox', executablePath: firefoxPath() },
      createPage,
      // One page at a time: with two, Firefox gives keyboard focus to one of them only, and a test's
      // sendKeys in the other now and then goes nowhere (the quiz's keyboard test failed that way).
      concurrency: 1,
    }),
  // scripts/test.mjs starts WebKitWebDriver on a free port under Xvfb and passes the port.
  webkit: () =>
    new WebKitLauncher({
      hostname: '127.0.0.1',
      port: webkitDriverPort,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // Debian's WebKitWebDriver speaks only classic WebDriver; webdriverio 9 asks for BiDi otherwise.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
      },
    }),
};

// Run directly (`npx web-test-runner`) there is no WebKit driver: leave WebKit out and say so.
const engines = selectedEngines().filter((engine) => engine !== 'webkit' || webkitDriverPort);
if (engines.length < selectedEngines().length) console.warn('WebKit left out: it needs the driver that `npm test` starts.');
const browsers = engines.map((engine) => launchers[engine]());

/**
 * Stopped early (Ctrl-C), web-test-runner exits without closing the browsers still running and leaves
 * them to puppeteer's exit hook, which kills only the first (@puppeteer/browsers 2.13 skips the next
 * exit listener while removing one) and deletes no profile. Close them all as the server stops.
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const closeBrowsersOnStop = {
  name: 'close-browsers-on-stop',
  async serverStop() {
    const closed = Promise.all(browsers.map((browser) => browser.stop?.()));
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  },
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    sabaqCommandsPlugin(),
    lrsPlugin(),
    closeBrowsersOnStop,
  ],
  browsers,
  port: await freePort(),
  // One file at a time is what lets the WebDriver launcher run each test file in the top-level page,
  // where focus, sendKeys and sendMouse work; with more it uses iframes and rejects sendMouse.
  concurrency: 1,
  // All three engines at once (the default is two): WebKit, one file at a time, would otherwise wait
  // for another engine to finish before it starts.
  concurrentBrowsers: 3,
  testFramework: { config: { timeout: 10000 } },
  // V8 coverage: only Chromium reports it; the other engines simply add none.
  coverageConfig: { include: ['src/**/*.ts'], report: true, reportDir: 'coverage' },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
};
