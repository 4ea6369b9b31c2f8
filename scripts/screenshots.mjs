// @ts-check
/**
 * Screenshots of the demo, as a learner sees it: phone and desktop widths, English and Urdu, light and
 * dark, written to .screenshots/ to be looked at. `node scripts/screenshots.mjs [url]` (default: starts
 * Vite on a free port). Optional steps, comma-separated, run in order before each shot:
 * SABAQ_SHOT_STEPS=start,next,contents clicks Start, then Next, then opens the contents drawer (on a
 * phone; at desktop width the contents are always shown). SABAQ_SHOT_NAME=lesson adds a suffix to the
 * file names, so several runs can keep their shots side by side.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './browsers.mjs';

const out = '.screenshots';
mkdirSync(out, { recursive: true });
const port = 5300 + Math.floor(Math.random() * 500);
const server = process.argv[2] ? undefined : spawn('npx', ['vite', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
const url = process.argv[2] ?? `http://localhost:${port}/`;
// Wait for the dev server to answer (up to 30 s on a busy machine).
for (let tries = 0; server && tries < 60; tries++) {
  const up = await fetch(url).then(
    () => true,
    () => false,
  );
  if (up) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS,
});
try {
  for (const language of ['en', 'ur']) {
    for (const scheme of /** @type {const} */ (['light', 'dark'])) {
      for (const width of [375, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const page = await context.newPage();
        page.on('pageerror', (error) => console.error(`${language} ${scheme} ${width}: page error`, error.message));
        page.on('console', (message) => message.type() === 'error' && console.error(`${language} ${scheme} ${width}:`, message.text()));
        await page.addInitScript(
          ([lang, theme]) => {
            if (location.protocol.startsWith('http')) {
              localStorage.setItem('sabaq-demo-settings', JSON.stringify({ language: lang, learner: 'guest', theme }));
            }
          },
          [language, scheme === 'dark' ? 'dark' : 'academy'],
        );
        await page.goto(url);
        await page.waitForTimeout(1500);
        for (const step of (process.env.SABAQ_SHOT_STEPS ?? '').split(',').filter(Boolean)) {
          if (step === 'start') await page.locator('sabaq-course-player .start .button').click();
          if (step === 'next') await page.locator('sabaq-course-player .lesson-nav .button:not(.secondary)').click();
          if (step === 'contents') {
            const toggle = page.locator('sabaq-course-player .contents-toggle');
            if (await toggle.isVisible()) await toggle.click();
          }
          await page.waitForTimeout(700);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) console.error(`${language} ${scheme} ${width}: scrolls sideways by ${overflow}px`);
        const suffix = process.env.SABAQ_SHOT_NAME ? `-${process.env.SABAQ_SHOT_NAME}` : '';
        const file = `${out}/${language}-${scheme}-${width}${suffix}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server?.kill();
}
