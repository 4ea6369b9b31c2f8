// The authors' CLI as an author runs it: `sabaq check` and `sabaq build` on real files, in Node.
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildCli, sabaq } from './run-sabaq.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

before(buildCli);

async function writeCourse(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

const GOOD = {
  'course.md': '---\nid: good\n---\n# Good\n\n## M\n- [A](lessons/a.md)\n- [B](lessons/b.md)\n',
  'lessons/a.md': '# A\n\nText.\n',
  'lessons/b.md': '```quiz\n# Q\n= 1\n\n# R\n- [x] a\n- [ ] b\n```\n',
};

describe('sabaq check', () => {
  let dir;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sabaq-cli-'));
  });

  it('prints a one-line summary and exits 0 for a good course', async () => {
    await writeCourse(join(dir, 'good'), GOOD);
    const result = await sabaq(['check', 'good/course.md'], dir);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, 'good: 1 module, 2 lessons, 1 quiz, 2 questions; no errors\n');
  });

  it('prints every error as file:line:column: message, sorted, and exits 1', async () => {
    await writeCourse(join(dir, 'bad'), {
      'course.md': '---\nid: bad\natempts: 2\n---\n# Bad\n\n## M\n- [A](lessons/a.md)\n- [Gone](lessons/gone.md)\n',
      'lessons/a.md': '---\nrequires: [nobody]\n---\n:::tip\nopen\n\n```quiz\n# Q\n1. [x] a\n1. [x] b\n```\n',
    });
    const result = await sabaq(['check', 'bad/course.md'], dir);
    assert.equal(result.code, 1);
    assert.deepEqual(result.stdout.trim().split('\n'), [
      'bad/course.md:3:1: warning: unknown front matter key "atempts"; it is ignored',
      'bad/course.md:9:3: the lesson file "lessons/gone.md" could not be read (no such file): check the link, which is relative to course.md',
      'bad/lessons/a.md:4:1: the ":::tip" callout opened here is never closed: add a line ":::" where it ends',
      'bad/lessons/a.md:9:1: single-choice question "Q" has 2 answers marked [x]; mark exactly one, or use "- [x]" items for multiple choice',
      '3 errors, 1 warning in bad/course.md',
    ]);
  });

  it('keeps warnings from changing the exit status', async () => {
    await writeCourse(join(dir, 'warn'), { ...GOOD, 'course.md': GOOD['course.md'].replace('id: good', 'id: good\nsequental: true') });
    const result = await sabaq(['check', 'warn/course.md'], dir);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /warn\/course.md:3:1: warning: unknown front matter key "sequental"; did you mean "sequential"\?/);
    assert.match(result.stdout, /no errors, 1 warning\n$/);
  });

  it('explains a missing course file and wrong usage', async () => {
    const missing = await sabaq(['check', 'nowhere/course.md'], dir);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, 'nowhere/course.md:1:1: the course file could not be read (no such file)\n');
    const usage = await sabaq(['check'], dir);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Usage:/);
    const unknown = await sabaq(['lint', 'x.md'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "lint"/);
  });

  it('passes on the demo course', async () => {
    const result = await sabaq(['check', 'demo/courses/export-basics/course.md'], root);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /^export-basics: 2 modules, 3 lessons, 2 quizzes, 4 questions; no errors\n$/);
  });
});

describe('sabaq check on a quiz file', () => {
  let dir;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sabaq-quiz-'));
  });

  it('checks a standalone Quizdown quiz, told from a course by its content', async () => {
    await writeCourse(dir, {
      'quiz.md':
        '---\nshuffle_answers: true\nlocale: de\n---\n\n### Capital of Germany?\n- [x] Berlin\n> right\n- [ ] Bonn\n\n' +
        '### Order these\n1. One\n2. Two\n',
    });
    const result = await sabaq(['check', 'quiz.md'], dir);
    assert.equal(result.code, 0, result.stdout);
    assert.deepEqual(result.stdout.trim().split('\n'), [
      'quiz.md:3:1: warning: "locale: de": the quiz is shown in English; sabaq speaks en and ur',
      'quiz: a quiz of 2 questions; no errors, 1 warning',
    ]);
  });

  it("prints a quiz's errors and exits 1, even when no question survives them", async () => {
    await writeCourse(dir, { 'broken.md': '# Q\n1. [x] a\n1. [x] b\n' });
    const result = await sabaq(['check', 'broken.md'], dir);
    assert.equal(result.code, 1);
    assert.deepEqual(result.stdout.trim().split('\n'), [
      'broken.md:2:1: single-choice question "Q" has 2 answers marked [x]; mark exactly one, or use "- [x]" items for multiple choice',
      '1 error in broken.md',
    ]);
  });

  it('still reads a manifest, even one without lessons, as a course', async () => {
    await writeCourse(dir, { 'empty/course.md': '# Title\n\n## Module\n\n- coming soon\n' });
    const result = await sabaq(['check', 'empty/course.md'], dir);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /the course has no id/);
  });

  it('passes every quiz of the Quizdown corpus, with the questions Quizdown shows', async () => {
    const corpus = join(root, 'test/fixtures/quizdown');
    const expected = JSON.parse(await readFile(join(corpus, 'expected.json'), 'utf8'));
    const names = Object.keys(expected).filter((name) => name.endsWith('.md'));
    assert.ok(names.length >= 15, `only ${names.length} quizzes in the corpus`);
    for (const name of names) {
      const { kinds, warnings } = expected[name];
      const result = await sabaq(['check', name], corpus);
      assert.equal(result.code, 0, `${name}: ${result.stdout}`);
      const summary = `${kinds.length === 1 ? 'a quiz of 1 question' : `a quiz of ${kinds.length} questions`}; no errors`;
      const warned = warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
      assert.match(result.stdout, new RegExp(`: ${summary}${warned}\\n$`), name);
    }
  });

  it('builds courses only', async () => {
    await writeCourse(dir, { 'q.md': '# Q\n= 1\n' });
    const result = await sabaq(['build', 'q.md', '-o', 'q.json'], dir);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      'q.md:1:1: this file is a quiz, not a course: "sabaq build" writes a course; check the quiz with "sabaq check q.md"\n',
    );
    await assert.rejects(readFile(join(dir, 'q.json')), { code: 'ENOENT' });
  });
});

describe('sabaq build', () => {
  it('writes the whole validated course as one JSON file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sabaq-build-'));
    await writeCourse(dir, GOOD);
    const result = await sabaq(['build', 'course.md', '-o', 'course.json'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'good: 1 module, 2 lessons, 1 quiz, 2 questions; written to course.json\n');
    const file = JSON.parse(await readFile(join(dir, 'course.json'), 'utf8'));
    assert.equal(file.format, 'sabaq-course');
    assert.equal(file.version, 3);
    assert.equal(file.course.id, 'good');
    assert.deepEqual(
      file.course.lessons.map((lesson) => [lesson.id, lesson.file, lesson.url]),
      [
        ['a', 'lessons/a.md', ''],
        ['b', 'lessons/b.md', ''],
      ],
    );
    assert.equal(file.course.lessons[1].quizzes[0].questions.length, 2);
    // Rendered ahead, so that a page showing the course needs no Markdown reader (SPEC §2.6): a lesson's
    // text in place of its Markdown, a quiz's texts (which learning records quote) beside theirs.
    assert.deepEqual(file.course.lessons[0].blocks, [{ type: 'html', html: '<p>Text.</p>\n', line: 2 }]);
    assert.equal(file.course.lessons[1].quizzes[0].questions[1].options[0].text, 'a');
    assert.equal(file.html.inline.a, 'a');
  });

  it('writes nothing for a course with errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sabaq-build-'));
    await writeCourse(dir, { ...GOOD, 'lessons/a.md': ':::note\n' });
    const result = await sabaq(['build', 'course.md', '-o', 'course.json'], dir);
    assert.equal(result.code, 1);
    await assert.rejects(readFile(join(dir, 'course.json')), { code: 'ENOENT' });
  });
});
