// @ts-check
/**
 * The three engines the browser tests run in, where their binaries live, and how to get them on a
 * fresh Debian machine. Every browser comes from Debian: no test tool ever downloads one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export const ENGINES = /** @type {const} */ (['chromium', 'firefox', 'webkit']);
/** @typedef {typeof ENGINES[number]} Engine */

/** Flags for Chromium as root in a container with no network but the package registries. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const chromiumPath = () => process.env.CHROME_PATH || '/usr/bin/chromium';
export const firefoxPath = () => process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const webkitDriverPath = () => '/usr/bin/WebKitWebDriver';
export const xvfbPath = () => '/usr/bin/Xvfb';

/** WebKitGTK's MiniBrowser, under the multiarch directory (x86_64-linux-gnu, aarch64-linux-gnu…). */
export function miniBrowserPath() {
  const dirs = existsSync('/usr/lib') ? readdirSync('/usr/lib') : [];
  const found = dirs.map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`).find((path) => existsSync(path));
  return found ?? '/usr/lib/<arch>-linux-gnu/webkit2gtk-4.1/MiniBrowser';
}

/** What each engine needs: the files that must exist and the Debian packages that provide them. */
const NEEDS = {
  chromium: { files: () => [chromiumPath()], packages: ['chromium'] },
  firefox: { files: () => [firefoxPath()], packages: ['firefox-esr'] },
  webkit: { files: () => [webkitDriverPath(), miniBrowserPath(), xvfbPath()], packages: ['webkit2gtk-driver', 'xvfb'] },
};

/**
 * The engines to run, from SABAQ_ENGINES (comma-separated) or all three.
 * @returns {Engine[]}
 */
export function selectedEngines() {
  const wanted = (process.env.SABAQ_ENGINES || ENGINES.join(',')).split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !ENGINES.includes(/** @type {Engine} */ (name)));
  if (unknown.length) throw new Error(`Unknown engine ${unknown.join(', ')}: choose from ${ENGINES.join(', ')}.`);
  return /** @type {Engine[]} */ (wanted);
}

/**
 * Makes sure every engine in `engines` is installed. As root on Debian it installs the missing
 * packages (one `apt-get update`, then one `apt-get install`); elsewhere it throws, saying exactly
 * what to install.
 * @param {readonly Engine[]} engines
 */
export function ensureBrowsers(engines) {
  const missing = engines.filter((engine) => !NEEDS[engine].files().every((path) => existsSync(path)));
  if (missing.length === 0) return;
  const packages = missing.flatMap((engine) => NEEDS[engine].packages);
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing ${packages.join(' ')} from Debian for ${missing.join(', ')}…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
    return;
  }
  const lines = [
    `Missing browser engine(s): ${missing.join(', ')}.`,
    `On Debian, install them with: sudo apt-get install ${packages.join(' ')}`,
  ];
  if (missing.includes('chromium')) lines.push(`Elsewhere, set CHROME_PATH to a Chromium or Chrome binary (looked for ${chromiumPath()}).`);
  if (missing.includes('firefox')) lines.push(`Elsewhere, set FIREFOX_PATH to a Firefox binary (looked for ${firefoxPath()}).`);
  if (missing.includes('webkit')) {
    lines.push('WebKit runs as WebKitGTK (WebKitWebDriver, MiniBrowser) under Xvfb, which only Linux has; elsewhere run');
    lines.push('the other engines alone (npm run test:chromium, npm run test:firefox) or run npm test in a Debian container.');
  }
  throw new Error(lines.join('\n'));
}

/**
 * The installed version of each engine, for the log, e.g. "Chromium 156.0.8078.108".
 * @param {Engine} engine
 */
export function engineVersion(engine) {
  /** @param {string} file @param {string[]} args */
  const run = (file, args) => {
    try {
      return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  if (engine === 'chromium') return run(chromiumPath(), ['--version']).replace(/ built on.*/, '') || 'Chromium';
  if (engine === 'firefox') return run(firefoxPath(), ['--version']).replace(/^Mozilla /, '') || 'Firefox';
  const version = run('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0']);
  return `WebKitGTK ${version.replace(/-.*/, '')}`.trim();
}
