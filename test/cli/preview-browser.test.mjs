// The preview page in a real Chromium, served by `sabaq preview` from the built package: the author
// sees the lesson (a locked one too), saving reloads on the same lesson, a broken quiz shows in the
// error panel, the language switch and Start over work.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../scripts/browsers.mjs';
import { COURSE, startPreview, writeFiles } from './preview-fixture.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the preview page in Chromium', () => {
  let dir;
  let preview;
  let browser;
  let page;
  before(async () => {
    await import('../../scripts/build-cli.mjs');
    // `npm test` builds dist/sabaq.js before the Node tests; run alone, build it if it is not there.
    if (!existsSync(join(root, 'dist/sabaq.js'))) {
      execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'bundle', '--logLevel', 'error'], {
        cwd: root,
      });
    }
    dir = await mkdtemp(join(tmpdir(), 'sabaq-preview-browser-'));
    await writeFiles(dir, COURSE);
    preview = await startPreview('course.md', dir);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(preview.url);
  });
  after(async () => {
    await browser?.close();
    await preview?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const player = () => page.locator('sabaq-course-player');
  const lessonText = () => player().locator('article .prose');

  it('opens a lesson the course locks (sequential, requires) and says why', async () => {
    await page.getByText('Every lesson is open here').waitFor();
    await player().locator('.toc-item', { hasText: 'Lesson B' }).click();
    await lessonText().getByText('Quiz time.').waitFor();
    await player().getByRole('radio', { name: 'right' }).waitFor();
    await page.locator('#preview-status', { hasText: 'Live' }).waitFor();
  });

  it('reloads on save and stays on the lesson the author was on', async () => {
    const reloaded = page.waitForEvent('load');
    await writeFile(join(dir, 'lessons/b.md'), COURSE['lessons/b.md'].replace('Quiz time.', 'Quiz time, edited.'));
    await reloaded;
    await lessonText().getByText('Quiz time, edited.').waitFor();
  });

  it('shows a broken quiz in the error panel with file:line:column, and in place of the lesson', async () => {
    const reloaded = page.waitForEvent('load');
    await writeFile(join(dir, 'lessons/b.md'), COURSE['lessons/b.md'].replace('[ ] wrong', '[x] wrong'));
    await reloaded;
    const panel = page.locator('#preview-problems');
    await panel.getByRole('heading', { name: '1 error' }).waitFor();
    await panel.getByText('lessons/b.md:8:1').waitFor();
    assert.match(await panel.innerText(), /Lesson “Lesson B”[\s\S]*single-choice question "Pick one" has 2 answers marked \[x\]/);
    await player().getByText('This lesson cannot be shown because it has errors').waitFor();

    // Its button opens the broken lesson from elsewhere in the course.
    await player().locator('.toc-item', { hasText: 'Lesson A' }).click();
    await lessonText().getByText('Text one.').waitFor();
    await panel.getByRole('button', { name: 'Open this lesson' }).click();
    await player().getByText('This lesson cannot be shown because it has errors').waitFor();
  });

  it('switches the elements to Urdu and keeps the choice', async () => {
    await page.locator('#preview-lang').selectOption('ur');
    await player().getByRole('button', { name: 'پچھلا' }).waitFor();
    await page.reload();
    await player().getByRole('button', { name: 'پچھلا' }).waitFor();
    await page.locator('#preview-lang').selectOption('');
    await player().getByRole('button', { name: 'Previous' }).waitFor();
  });

  it('starts over: the preview namespace forgets the lessons opened', async () => {
    await page.locator('#preview-start-over').click();
    await player().getByRole('button', { name: 'Start the course' }).waitFor();
    assert.equal(await player().locator('article').count(), 0);
  });
});
