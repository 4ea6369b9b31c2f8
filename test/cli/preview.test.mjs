// `sabaq preview` as an author runs it: a real server on a fixture course, real file edits, the page,
// the course the player loads and the refresh channel fetched over HTTP, and Ctrl-C.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { COURSE, openEvents, startPreview, writeFiles } from './preview-fixture.mjs';

before(() => import('../../scripts/build-cli.mjs'));

const text = async (url) => (await fetch(url)).text();

describe('sabaq preview of a course', () => {
  let dir;
  let preview;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sabaq-preview-'));
    await writeFiles(dir, COURSE);
    preview = await startPreview('course.md', dir);
  });
  after(async () => {
    await preview?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a page with the player, tracker and certificate in the preview namespace, every lesson open', async () => {
    const page = await text(preview.url);
    assert.match(page, /<sabaq-course-player src="\/course\/course\.md\.preview\.json" namespace="sabaq-preview">/);
    assert.match(page, /<sabaq-progress-tracker src="\/course\/course\.md\.preview\.json" namespace="sabaq-preview">/);
    assert.match(page, /<sabaq-certificate src="\/course\/course\.md\.preview\.json" namespace="sabaq-preview">/);
    assert.match(page, /Every lesson is open here/);
    assert.match(page, /id="preview-start-over"/);
    assert.match(page, /<select id="preview-lang">/);
    assert.match(page, /No problems/);
    assert.match(preview.output.text, /No problems\./);

    const course = JSON.parse(await text(new URL('course/course.md.preview.json', preview.url))).course;
    assert.equal(course.sequential, false, 'the manifest says sequential: true; the preview opens every lesson');
    assert.deepEqual(
      course.lessons.map((lesson) => [lesson.id, lesson.file, lesson.requires]),
      [
        ['a', 'lessons/a.md', []],
        ['b', 'lessons/b.md', []],
      ],
    );
    // The course's own files (an image a lesson shows) and the browser bundle's folder are served too.
    const image = await fetch(new URL('course/lessons/chart.svg', preview.url));
    assert.equal(image.headers.get('content-type'), 'image/svg+xml');
    assert.equal((await fetch(new URL('course/../package.json', preview.url))).status, 404);
    assert.equal((await fetch(new URL('course/%2e%2e/%2e%2e/etc/passwd', preview.url))).status, 404);
  });

  it('announces a saved lesson on the refresh channel and serves the change', async () => {
    const events = await openEvents(preview.url);
    try {
      const first = await events.next(0);
      await writeFile(join(dir, 'lessons/a.md'), '# A\n\nText two, just saved.\n');
      const second = await events.next(1);
      assert.notEqual(second, first);
      const course = JSON.parse(await text(new URL('course/course.md.preview.json', preview.url))).course;
      assert.match(JSON.stringify(course.lessons[0].blocks), /Text two, just saved\./);
      assert.match(await text(preview.url), new RegExp(`data-version="${second}"`));

      // Saving an image counts too: the page reloads to show it.
      await writeFile(join(dir, 'lessons/chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"/>');
      assert.notEqual(await events.next(2), second);
    } finally {
      events.close();
    }
  });

  it('shows a broken quiz as file:line:column next to its lesson, on the page and in the terminal', async () => {
    const events = await openEvents(preview.url);
    try {
      await events.next(0);
      await writeFile(join(dir, 'lessons/b.md'), COURSE['lessons/b.md'].replace('[ ] wrong', '[x] wrong'));
      await events.next(1);
      const message = 'single-choice question "Pick one" has 2 answers marked \\[x\\]';
      const page = await text(preview.url);
      assert.match(page, /<h2 id="preview-problems-title">1 error<\/h2>/);
      assert.match(page, /Lesson “Lesson B” <code>lessons\/b\.md<\/code> <button type="button" class="open" data-open-lesson="b">/);
      assert.match(page, new RegExp(`<code>lessons/b\\.md:8:1</code> ${message}`));
      assert.match(preview.output.text, new RegExp(`lessons/b\\.md:8:1: ${message}`));
      // The player gets the same problem with the lesson, and shows it in place of the lesson.
      const course = JSON.parse(await text(new URL('course/course.md.preview.json', preview.url))).course;
      assert.match(course.lessons[1].problems[0].message, new RegExp(message));
    } finally {
      events.close();
    }
  });

  it('shows a manifest that cannot be read as an error, never a blank page, and recovers', async () => {
    const events = await openEvents(preview.url);
    try {
      await events.next(0);
      await rm(join(dir, 'course.md'));
      await events.next(1);
      const page = await text(preview.url);
      assert.match(page, /<code>course\.md:1:1<\/code> the course file could not be read \(no such file\)/);
      assert.doesNotMatch(page, /<sabaq-course-player/);
      await writeFile(join(dir, 'course.md'), COURSE['course.md']);
      await events.next(2);
      assert.match(await text(preview.url), /<sabaq-course-player/);
    } finally {
      events.close();
    }
  });

  it('stops cleanly on Ctrl-C', async () => {
    const { code } = await preview.stop();
    assert.equal(code, 0);
    assert.match(preview.output.text, /Preview stopped\.\n$/);
    await assert.rejects(fetch(preview.url));
    preview = undefined;
  });
});

describe('sabaq preview of a quiz file', () => {
  it('serves the quiz alone and its problems with file:line:column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sabaq-preview-quiz-'));
    await writeFiles(dir, { 'quiz.md': '### Two plus two?\n= 4\n\n### Pick\n1. [x] a\n1. [ ] b\n' });
    const preview = await startPreview('quiz.md', dir);
    try {
      const page = await text(preview.url);
      assert.match(page, /<sabaq-quiz src="\/course\/quiz\.md" namespace="sabaq-preview">/);
      assert.doesNotMatch(page, /sabaq-course-player/);
      assert.equal(await text(new URL('course/quiz.md', preview.url)), '### Two plus two?\n= 4\n\n### Pick\n1. [x] a\n1. [ ] b\n');

      const events = await openEvents(preview.url);
      await events.next(0);
      await writeFile(join(dir, 'quiz.md'), '### Two plus two?\n= 4\n\n### Pick\n1. [x] a\n1. [x] b\n');
      await events.next(1);
      events.close();
      assert.match(await text(preview.url), /<code>quiz\.md:5:1<\/code> single-choice question "Pick" has 2 answers marked \[x\]/);
    } finally {
      await preview.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('sabaq preview of a course whose lessons lie outside its folder', () => {
  it('serves and watches the folder that holds them all, but not beyond for a mistyped link', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sabaq-preview-shared-'));
    await writeFiles(dir, {
      'course/course.md': '---\nid: shared\n---\n# Shared\n\n## M\n- [Intro](../shared/intro.md)\n- [Typo](../../../../nowhere/x.md)\n',
      'shared/intro.md': '# Intro\n\n![map](map.svg)\n',
      'shared/map.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const preview = await startPreview('course/course.md', dir);
    try {
      const page = await text(preview.url);
      assert.match(page, /<sabaq-course-player src="\/course\/course\/course\.md\.preview\.json"/);
      assert.match(page, /<code>course\/course\.md:8:3<\/code> the lesson file "\.\.\/\.\.\/\.\.\/\.\.\/nowhere\/x\.md" could not be read/);
      const course = JSON.parse(await text(new URL('course/course/course.md.preview.json', preview.url))).course;
      // Resolved against the course file's address, the lesson's path finds the lesson and its image.
      const lessonUrl = new URL(course.lessons[0].file, new URL('course/course/course.md.preview.json', preview.url));
      assert.equal(lessonUrl.pathname, '/course/shared/intro.md');
      assert.equal((await fetch(new URL('map.svg', lessonUrl))).status, 200);

      const events = await openEvents(preview.url);
      await events.next(0);
      await writeFile(join(dir, 'shared/intro.md'), '# Intro\n\nChanged.\n');
      await events.next(1);
      events.close();
      assert.match(await text(new URL('course/course/course.md.preview.json', preview.url)), /Changed\./);
    } finally {
      await preview.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
