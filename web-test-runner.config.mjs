// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countingReporter } from './scripts/wtr/counting-reporter.mjs';
import { chromiumPath } from './scripts/browsers.mjs';

/** Flags for Chromium as root in a container with no network but the package registries. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  coverageConfig: { include: ['src/**/*.ts'], report: true, reportDir: 'coverage' },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
};
