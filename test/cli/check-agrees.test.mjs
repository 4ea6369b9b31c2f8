// `sabaq check` and `sabaq build` report what the player reports, at the line to change: nesting marked
// cannot read, manifest values the player would otherwise replace by defaults, files not saved as UTF-8,
// HTML pages saved as lessons, backslashes in links; and they read links from the site's root.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { buildCli, sabaq } from './run-sabaq.mjs';

before(buildCli);

/** Writes the files (text, or bytes as a Buffer) under a new folder; returns it. */
async function folder(files) {
  const dir = await mkdtemp(join(tmpdir(), 'sabaq-agree-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

const manifest = (links, frontMatter = '') => `---\nid: c\n${frontMatter}---\n# C\n\n## M\n${links}\n`;
const lines = (stdout) => stdout.trim().split('\n');

describe('sabaq check agrees with the player', () => {
  it('reports quotes and lists nested too deep at their lines', async () => {
    const dir = await folder({
      'course.md': manifest('- [A](a.md)\n- [Deep](deep.md)'),
      'a.md': 'Fine.\n',
      'deep.md': `Text.\n\n${'>'.repeat(2000)} x\n\n${'- '.repeat(5000)}y\n`,
    });
    const result = await sabaq(['check', 'course.md'], dir);
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stdout), [
      'deep.md:3:1: this line nests quotes (">") or lists more than 100 levels deep, which cannot be shown: use fewer levels',
      'deep.md:5:1: this line nests quotes (">") or lists more than 100 levels deep, which cannot be shown: use fewer levels',
      '2 errors in course.md',
    ]);
  });

  it('reports every invalid manifest value and a lesson linked twice at its line', async () => {
    const dir = await folder({
      'course.md': manifest('- [A](a.md)\n- [Again](a.md)', 'sequential: yes\npass: 80%\nlang: English\ncertificate: maybe\n'),
      'a.md': 'Fine.\n',
    });
    const result = await sabaq(['check', 'course.md'], dir);
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stdout), [
      'course.md:3:1: "sequential" must be "true" or "false", not "yes"',
      'course.md:4:1: "pass" must be a percentage from 0 to 100, without the % sign, not "80%"',
      'course.md:5:1: "lang: English" is not a language tag: write one such as "en" or "ur"',
      'course.md:6:1: "certificate" must be "true" or "false", not "maybe"',
      'course.md:12:3: "a.md" is already listed on line 11: list each lesson file once',
      '5 errors in course.md',
    ]);
  });

  it('says to save a lesson or manifest that is not UTF-8 as UTF-8, at the first line it cannot read', async () => {
    const dir = await folder({
      'course.md': manifest('- [Café](cafe.md)'),
      // "Café" in Windows-1252: é is the single byte 0xE9.
      'cafe.md': Buffer.from('# Menu\n\nCaf\xe9 au lait.\n', 'latin1'),
    });
    const result = await sabaq(['check', 'course.md'], dir);
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stdout), [
      'cafe.md:3:4: this file is not saved as UTF-8, so some of its letters cannot be read (they show as "�"): ' +
        'save it again with the encoding "UTF-8" (in Notepad: File, Save as, Encoding: UTF-8)',
      '1 error in course.md',
    ]);
  });

  it('reports an HTML page saved as a lesson as the player does', async () => {
    const dir = await folder({
      'course.md': manifest('- [Page](page.md)'),
      'page.md': '<!DOCTYPE html>\n<html><body><p>Saved from the browser</p></body></html>\n',
    });
    const result = await sabaq(['check', 'course.md'], dir);
    assert.equal(result.code, 1);
    assert.equal(
      lines(result.stdout)[0],
      'course.md:7:3: the lesson file "page.md" is an HTML web page, not Markdown: if it is the lesson, save it as ' +
        'Markdown text; if not, check the link (a web server may answer a missing file with its home page)',
    );
  });

  it('blames a backslash in a link, not the id, and reads the lesson', async () => {
    const dir = await folder({ 'course.md': manifest('- [Win](lessons\\win.md)'), 'lessons/win.md': 'Fine.\n' });
    const result = await sabaq(['check', 'course.md'], dir);
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stdout), [
      'course.md:7:3: the link "lessons\\win.md" separates folders with "\\": write "/" instead, as in "lessons/win.md"',
      '1 error in course.md',
    ]);
  });
});

describe('links from the site root', () => {
  const SITE = {
    'courses/c/course.md': manifest('- [A](/courses/c/lessons/a.md)\n- [B](lessons/b.md)'),
    'courses/c/lessons/a.md': 'A.\n',
    'courses/c/lessons/b.md': 'B.\n',
  };

  it('reads them from the current folder, or from --root', async () => {
    const site = await folder(SITE);
    const fromRoot = await sabaq(['check', 'courses/c/course.md'], site);
    assert.equal(fromRoot.stdout, 'c: 1 module, 2 lessons, 0 quizzes, 0 questions; no errors\n');
    const fromCourse = await sabaq(['check', 'course.md', '--root', '../..'], join(site, 'courses/c'));
    assert.equal(fromCourse.stdout, 'c: 1 module, 2 lessons, 0 quizzes, 0 questions; no errors\n');
  });

  it('says where they are read from when the file is not there', async () => {
    const site = await folder(SITE);
    const result = await sabaq(['check', 'course.md'], join(site, 'courses/c'));
    assert.equal(result.code, 1);
    assert.equal(
      lines(result.stdout)[0],
      'course.md:7:3: the lesson file "/courses/c/lessons/a.md" could not be read (no such file): check the link, ' +
        "which starts at the site's root (for sabaq check, the current folder or the one given with --root)",
    );
  });

  it('builds a course with them, which the player resolves from the site root', async () => {
    const site = await folder(SITE);
    const result = await sabaq(['build', 'courses/c/course.md', '-o', 'courses/c/course.json'], site);
    assert.equal(result.code, 0, result.stdout);
    const { course } = JSON.parse(await readFile(join(site, 'courses/c/course.json'), 'utf8'));
    assert.deepEqual(
      course.lessons.map((lesson) => lesson.file),
      ['/courses/c/lessons/a.md', 'lessons/b.md'],
    );
  });
});
