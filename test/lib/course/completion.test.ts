import { expect } from '@open-wc/testing';
import { courseScore, isLessonComplete, lessonLock, lessonState, summarizeCourse } from '../../../src/lib/course/completion.js';
import { readCourse } from '../../../src/lib/course/course.js';
import { type CourseProgress, type QuizAttempt, emptyProgress } from '../../../src/lib/progress.js';

const FILES: Record<string, string> = {
  'a.md': 'Reading only.',
  'b.md': '```quiz\n# Q\n= 1\n```\n```quiz\n# R\n= 2\n```\n',
  'c.md': '---\nrequires: [a]\n---\n```quiz\n---\nid: final-1\nfinal: true\n---\n# Q\n= 1\n```\n',
  'd.md': '```quiz\n---\nid: final-2\nfinal: true\n---\n# Q\n= 1\n```\n',
};

async function course(frontMatter = '') {
  return readCourse({
    text: `---\nid: c\npass: 70\n${frontMatter}\n---\n# T\n\n## One\n- [A](a.md)\n- [B](b.md)\n\n## Two\n- [C](c.md)\n- [D](d.md)\n`,
    file: 'course.md',
    url: 'https://x.test/course.md',
    readLesson: async (url) => FILES[url.split('/').pop()!]!,
  });
}

function attempt(quizId: string, score: number, passed = score >= 70): QuizAttempt {
  return { quizId, attempt: 1, answers: {}, score, passed, submittedAt: 1, quizHash: 'h' };
}

function progress(parts: Partial<CourseProgress> = {}): CourseProgress {
  return { ...emptyProgress('c'), ...parts };
}

const complete = (lessonId: string) => ({ lessonId, status: 'complete' as const, timeSpentMs: 0 });

describe('completion rules', () => {
  it('a lesson without quizzes is complete once marked complete (left forward)', async () => {
    const c = await course();
    const a = c.lessons[0]!;
    expect(isLessonComplete(a, progress())).to.equal(false);
    expect(isLessonComplete(a, progress({ lessons: { a: { lessonId: 'a', status: 'in-progress', timeSpentMs: 5 } } }))).to.equal(false);
    expect(isLessonComplete(a, progress({ lessons: { a: complete('a') } }))).to.equal(true);
  });

  it('a lesson with quizzes is complete only when every quiz is passed', async () => {
    const c = await course();
    const b = c.lessons[1]!;
    expect(isLessonComplete(b, progress({ lessons: { b: complete('b') } }))).to.equal(false);
    expect(isLessonComplete(b, progress({ attempts: { 'b-1': [attempt('b-1', 100)] } }))).to.equal(false);
    const both = { 'b-1': [attempt('b-1', 0), attempt('b-1', 100)], 'b-2': [attempt('b-2', 100)] };
    expect(isLessonComplete(b, progress({ attempts: both }))).to.equal(true);
  });

  it('locks lessons in a sequential course until every earlier lesson is complete', async () => {
    const c = await course('sequential: true');
    const [a, b, cc] = c.lessons;
    const p = progress({ lessons: { a: complete('a') } });
    expect(lessonLock(c, a!, p)).to.equal(undefined);
    expect(lessonLock(c, b!, p)).to.equal(undefined);
    expect(lessonLock(c, cc!, p)).to.deep.equal({ reason: 'sequential', lessonIds: ['b'] });
    expect(lessonState(c, cc!, p)).to.equal('locked');
  });

  it('locks a lesson until the lessons it requires are complete', async () => {
    const c = await course();
    const cc = c.lessons[2]!;
    expect(lessonLock(c, cc, progress())).to.deep.equal({ reason: 'requires', lessonIds: ['a'] });
    expect(lessonLock(c, cc, progress({ lessons: { a: complete('a') } }))).to.equal(undefined);
  });

  it('tells each lesson state apart', async () => {
    const c = await course();
    const p = progress({
      lessons: { a: complete('a'), b: { lessonId: 'b', status: 'in-progress', timeSpentMs: 1 } },
    });
    expect(c.lessons.map((lesson) => lessonState(c, lesson, p))).to.deep.equal(['complete', 'in-progress', 'not-started', 'not-started']);
  });

  it('scores the course as the mean best score of its final quizzes, 100 without any', async () => {
    const c = await course();
    expect(courseScore(c, progress())).to.equal(0);
    const p = progress({
      attempts: { 'final-1': [attempt('final-1', 50), attempt('final-1', 90)], 'final-2': [attempt('final-2', 60)] },
    });
    expect(courseScore(c, p)).to.equal(75);
    const noFinals = { ...c, lessons: c.lessons.slice(0, 2) };
    expect(courseScore(noFinals, progress())).to.equal(100);
  });

  it('summarises progress: done of total, percent rounded down, per module, next lesson', async () => {
    const c = await course();
    const p = progress({ lessons: { a: complete('a') }, attempts: { 'b-1': [attempt('b-1', 100)] } });
    expect(summarizeCourse(c, p)).to.deep.equal({
      completed: 1,
      total: 4,
      percent: 25,
      complete: false,
      score: 0,
      certificateEarned: false,
      modules: [
        { title: 'One', completed: 1, total: 2 },
        { title: 'Two', completed: 0, total: 2 },
      ],
      nextLessonId: 'b',
    });
  });

  it('earns the certificate only when complete with a score of at least pass', async () => {
    const c = await course();
    const passedAll = (finalScore: number) =>
      progress({
        lessons: { a: complete('a') },
        attempts: {
          'b-1': [attempt('b-1', 100)],
          'b-2': [attempt('b-2', 100)],
          'final-1': [attempt('final-1', finalScore, true)],
          'final-2': [attempt('final-2', 100)],
        },
      });
    expect(summarizeCourse(c, passedAll(40))).to.deep.include({ complete: true, percent: 100, score: 70, certificateEarned: true });
    expect(summarizeCourse(c, passedAll(38))).to.deep.include({ complete: true, score: 69, certificateEarned: false });
    expect(summarizeCourse(c, passedAll(100)).nextLessonId).to.equal(undefined);
    const noCertificate = await course('certificate: false');
    expect(summarizeCourse(noCertificate, passedAll(100)).certificateEarned).to.equal(false);
  });
});

describe('a lesson with errors in its metadata', () => {
  /** A course whose lessons are the given files, in order, named by their file names. */
  async function courseOf(files: Record<string, string>, frontMatter = '') {
    const links = Object.keys(files)
      .map((name) => `- [${name}](${name})`)
      .join('\n');
    return readCourse({
      text: `---\nid: c\n${frontMatter}\n---\n# T\n\n## M\n${links}\n`,
      file: 'course.md',
      url: 'https://x.test/course.md',
      readLesson: async (url) => files[url.split('/').pop()!]!,
    });
  }
  const states = (c: Awaited<ReturnType<typeof courseOf>>, p: CourseProgress) => c.lessons.map((l) => lessonState(c, l, p));

  it('that requires itself is an error on it, and it is not locked forever', async () => {
    const c = await courseOf({ 'one.md': '---\nrequires: one\n---\nText.\n', 'two.md': 'Text.' });
    expect(c.lessons[0]!.problems.map((p) => `${p.line}:${p.code}`)).to.deep.equal(['2:requirement-cycle']);
    expect(states(c, progress())).to.deep.equal(['not-started', 'not-started']);
  });

  it('(duration: 5 min) is an error on it, and a sequential course goes on past it', async () => {
    const c = await courseOf({ 'a.md': 'Text.', 'b.md': '---\nduration: 5 min\n---\nText.\n', 'c.md': 'Text.' }, 'sequential: true');
    expect(c.lessons[1]!.problems.map((p) => `${p.line}:${p.code}`)).to.deep.equal(['2:invalid-value']);
    expect(states(c, progress())).to.deep.equal(['not-started', 'locked', 'locked']);
    expect(states(c, progress({ lessons: { a: complete('a') } }))).to.deep.equal(['complete', 'not-started', 'not-started']);
    // It cannot be completed until it is fixed, so neither can the course.
    const rest = progress({ lessons: { a: complete('a'), c: complete('c') } });
    expect(summarizeCourse(c, rest)).to.deep.include({ complete: false, completed: 2, nextLessonId: 'b' });
  });

  it('locks nothing that requires it', async () => {
    const c = await courseOf({ 'a.md': '---\nduration: soon\n---\nText.', 'b.md': '---\nrequires: a\n---\nText.' });
    expect(lessonLock(c, c.lessons[1]!, progress())).to.equal(undefined);
  });

  it('with a duplicate id gets an id of its own, so the first lesson keeps its id, title and place', async () => {
    const c = await courseOf({ 'one.md': '---\nid: one\ntitle: First\n---\nA', 'two.md': '---\nid: one\ntitle: Second\n---\nB' });
    const [first, second] = c.lessons;
    expect([first!.id, first!.title, first!.problems]).to.deep.equal(['one', 'First', []]);
    expect(second!.problems.map((p) => `${p.file}:${p.line}:${p.code}`)).to.deep.equal(['two.md:2:duplicate-id']);
    expect(second!.id).not.to.equal('one');
    expect(second!.title).to.equal('Second');
    expect(c.modules[0]!.lessonIds).to.deep.equal([first!.id, second!.id]);
    expect(states(c, progress({ lessons: { one: complete('one') } }))).to.deep.equal(['complete', 'not-started']);
  });
});
