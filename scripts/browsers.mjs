// @ts-check
/** Where the test browsers live, and how to get them on a fresh Debian machine. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/**
 * Makes sure Chromium is installed: as root on Debian it installs the distribution's package (no test
 * tool ever downloads a browser of its own); elsewhere it says exactly what to install.
 */
export function ensureBrowsers() {
  if (existsSync(chromiumPath())) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Chromium from Debian (apt-get install chromium)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return;
  }
  throw new Error(
    `Chromium was not found at ${chromiumPath()}. Install it (Debian/Ubuntu: sudo apt-get install chromium) ` +
      'or point CHROME_PATH at a Chromium or Chrome binary.',
  );
}
