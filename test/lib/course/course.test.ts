import { expect } from '@open-wc/testing';
import { type CourseSoFar, joinPath, readCourse } from '../../../src/lib/course/course.js';
import { courseErrors } from '../../../src/lib/course/course-problems.js';
import { MAX_SOURCE_CHARACTERS } from '../../../src/lib/course/lesson.js';
import { formatProblem } from '../../../src/lib/problems.js';

const BASE = 'https://academy.example/courses/export/course.md';

/** Reads a course from in-memory files, named relative to the manifest's folder. */
function read(manifest: string, files: Record<string, string>) {
  return readCourse({
    text: manifest,
    file: 'course.md',
    url: BASE,
    readLesson: async (url) => {
      const path = url.slice(new URL('.', BASE).href.length);
      if (path in files) return files[path]!;
      throw new Error('not found');
    },
  });
}

const MANIFEST = `---
id: export-basics
lang: ur
issuer: Trade Development Authority of Pakistan
pass: 60
sequential: true
---
# Selling Abroad Online

A short **description**.

## Getting started
Start here.

- [Why sell abroad online](lessons/why.md)
- [Choosing a marketplace](lessons/marketplaces.md)

## Pricing and payment
- [Incoterms in practice](lessons/incoterms.md)
`;

const LESSONS = {
  'lessons/why.md': '---\nduration: 5\n---\n# Why\n\nText.\n',
  'lessons/marketplaces.md': '---\nid: markets\ntitle: Marketplaces\nduration: 7.5\n---\nText.\n\n```quiz\n# Q\n= 1\n```\n',
  'lessons/incoterms.md': '---\nrequires: [why, markets]\n---\n```quiz\n---\nfinal: true\n---\n# Q\n= 1\n```\n\n```quiz\n# R\n= 2\n```\n',
};

function where(course: Awaited<ReturnType<typeof read>>) {
  return course.problems.map((p) => `${p.file}:${p.line}:${p.code}`);
}

describe('readCourse', () => {
  it('reads the manifest: keys, title, description, modules and lessons in order', async () => {
    const course = await read(MANIFEST, LESSONS);
    expect(course.problems).to.deep.equal([]);
    expect(course).to.deep.include({
      id: 'export-basics',
      title: 'Selling Abroad Online',
      lang: 'ur',
      issuer: 'Trade Development Authority of Pakistan',
      pass: 60,
      sequential: true,
      certificate: true,
      description: 'A short **description**.',
      duration: 12.5,
      url: BASE,
    });
    expect(course.modules).to.deep.equal([
      { title: 'Getting started', description: 'Start here.', lessonIds: ['why', 'markets'] },
      { title: 'Pricing and payment', lessonIds: ['incoterms'] },
    ]);
  });

  it('reads lessons: id from the file name or front matter, title from the link or front matter, URLs', async () => {
    const course = await read(MANIFEST, LESSONS);
    const [why, markets, incoterms] = course.lessons;
    expect(why).to.deep.include({ id: 'why', title: 'Why sell abroad online', duration: 5, module: 0 });
    expect(why!.url).to.equal('https://academy.example/courses/export/lessons/why.md');
    expect(markets).to.deep.include({ id: 'markets', title: 'Marketplaces', file: 'lessons/marketplaces.md' });
    expect(incoterms!.requires).to.deep.equal(['why', 'markets']);
    expect(incoterms!.quizzes.map((quiz) => [quiz.id, quiz.settings.final, quiz.settings.pass])).to.deep.equal([
      ['incoterms-1', true, 70],
      ['incoterms-2', false, 100],
    ]);
  });

  it('applies the defaults of SPEC §2.1', async () => {
    const course = await read('---\nid: c\n---\n# T\n\n## M\n- [A](a.md)\n', { 'a.md': 'x' });
    expect(course).to.deep.include({ lang: 'en', pass: 70, sequential: false, certificate: true });
    expect(course.description).to.equal(undefined);
  });

  it('takes the title from front matter over the heading', async () => {
    const course = await read('---\nid: c\ntitle: Set title\n---\n# Heading\n\n## M\n- [A](a.md)\n', { 'a.md': 'x' });
    expect(course.title).to.equal('Set title');
  });

  it('changes the course hash when a lesson changes, and only that lesson hash', async () => {
    const before = await read(MANIFEST, LESSONS);
    const after = await read(MANIFEST, { ...LESSONS, 'lessons/why.md': `${LESSONS['lessons/why.md']}More.\n` });
    expect(after.hash).to.not.equal(before.hash);
    expect(after.lessons.map((l) => l.hash === before.lessons.find((b) => b.id === l.id)!.hash)).to.deep.equal([false, true, true]);
    expect((await read(MANIFEST, LESSONS)).hash).to.equal(before.hash);
  });

  it('keeps a missing lesson file to that lesson, reported at its link', async () => {
    const rest: Record<string, string> = { ...LESSONS };
    delete rest['lessons/marketplaces.md'];
    const course = await read(MANIFEST, rest);
    expect(where(course)).to.deep.equal(['course.md:16:file-missing']);
    expect(formatProblem(course.problems[0]!)).to.equal(
      'course.md:16:3: the lesson file "lessons/marketplaces.md" could not be read (not found): ' +
        'check the link, which is relative to course.md',
    );
    const broken = course.lessons[1]!;
    expect(broken.problems).to.have.length(1);
    expect(course.lessons[0]!.problems).to.deep.equal([]);
    expect(course.lessons[2]!.quizzes).to.have.length(2);
  });

  describe('errors across the course', () => {
    it('reports a missing or invalid course id', async () => {
      expect(where(await read('# T\n\n## M\n- [A](a.md)\n', { 'a.md': 'x' }))).to.deep.equal(['course.md:1:missing-id']);
      const invalid = await read('---\nid: Export Basics\n---\n# T\n\n## M\n- [A](a.md)\n', { 'a.md': 'x' });
      expect(where(invalid)).to.deep.equal(['course.md:2:invalid-id']);
      expect(invalid.problems[0]!.message).to.equal(
        '"id: Export Basics" is not a valid id: use only lowercase letters a–z, digits and hyphens, ' +
          'starting with a letter or digit, for example "export-basics"',
      );
    });

    it('reports a lesson id that comes from a file name that is not a valid id', async () => {
      const course = await read('---\nid: c\n---\n# T\n\n## M\n- [A](lessons/01_Intro.md)\n', { 'lessons/01_Intro.md': 'x' });
      expect(where(course)).to.deep.equal(['lessons/01_Intro.md:1:invalid-id']);
      expect(course.problems[0]!.message).to.contain('"01-intro"');
    });

    it('reports duplicate lesson ids and duplicate quiz ids', async () => {
      const course = await read('---\nid: c\n---\n# T\n\n## M\n- [A](a.md)\n- [B](b.md)\n', {
        'a.md': '---\nid: same\n---\n```quiz\n---\nid: check\n---\n# Q\n= 1\n```\n',
        'b.md': '---\ntitle: B\nid: same\n---\n\n```quiz\n---\nid: check\n---\n# Q\n= 1\n```\n',
      });
      expect(where(course)).to.deep.equal(['b.md:3:duplicate-id', 'b.md:7:duplicate-id']);
      expect(course.problems[0]!.message).to.equal('the lesson id "same" is already used by a.md: give each lesson its own id');
      expect(course.lessons[1]!.problems).to.have.length(2);
    });

    it('reports a link listed twice, a course without lessons or title', async () => {
      const twice = await read('---\nid: c\n---\n# T\n\n## M\n- [A](a.md)\n- [Again](a.md)\n', { 'a.md': 'x' });
      expect(where(twice)).to.deep.equal(['course.md:8:duplicate-lesson-link']);
      expect(where(await read('---\nid: c\n---\nJust text.\n', {}))).to.deep.equal(['course.md:4:no-title', 'course.md:4:no-lessons']);
    });

    it('reports requires naming an unknown lesson', async () => {
      const course = await read('---\nid: c\n---\n# T\n\n## M\n- [A](a.md)\n', {
        'a.md': '---\ntitle: A\nrequires: [ghost]\n---\nx',
      });
      expect(where(course)).to.deep.equal(['a.md:3:unknown-requirement']);
      expect(course.problems[0]!.message).to.equal(
        '"requires" names "ghost", but no lesson has that id: use the id of a lesson in this course',
      );
    });

    it('reports requirements that form a circle, once', async () => {
      const course = await read('---\nid: c\n---\n# T\n\n## M\n- [A](a.md)\n- [B](b.md)\n- [C](c.md)\n- [D](d.md)\n', {
        'a.md': '---\nrequires: [c]\n---\n',
        'b.md': '---\nrequires: [a]\n---\n',
        'c.md': '---\nrequires: b\n---\n',
        'd.md': '---\nrequires: [d]\n---\n',
      });
      expect(where(course)).to.deep.equal(['a.md:2:requirement-cycle', 'd.md:2:requirement-cycle']);
      expect(course.problems[0]!.message).to.contain('(a → c → b → a)');
    });

    it('reports a requirement on a later lesson in a sequential course', async () => {
      const course = await read('---\nid: c\nsequential: true\n---\n# T\n\n## M\n- [A](a.md)\n- [B](b.md)\n', {
        'a.md': '---\nrequires: [b]\n---\n',
        'b.md': 'x',
      });
      expect(where(course)).to.deep.equal(['a.md:2:requirement-unreachable']);
    });

    it('reports a file over the size cap without parsing it', async () => {
      const huge = `# Big\n${'x'.repeat(MAX_SOURCE_CHARACTERS)}`;
      const course = await read('---\nid: c\n---\n# T\n\n## M\n- [A](a.md)\n', { 'a.md': huge });
      expect(where(course)).to.deep.equal(['a.md:1:file-too-large']);
      expect(course.problems[0]!.message).to.contain('split it into several lessons');
      expect(course.lessons[0]!.blocks).to.deep.equal([]);
    });

    it('collects errors from every file, quiz errors included, and keeps warnings apart', async () => {
      const course = await read('---\nid: c\npas: 50\n---\n# T\n\n## M\n- [A](a.md)\n- [B](b.md)\n', {
        'a.md': '```quiz\n# Q\n1. [x] a\n1. [x] b\n```\n',
        'b.md': ':::warning\nnever closed\n',
      });
      expect(where(course)).to.deep.equal(['course.md:3:unknown-key', 'a.md:3:single-choice-correct-count', 'b.md:1:admonition-unclosed']);
      expect(courseErrors(course)).to.have.length(2);
      expect(course.problems[0]!.message).to.contain('did you mean "pass"?');
    });
  });
});

describe('readCourse, told of the course as it arrives', () => {
  /** Reads MANIFEST's course with each lesson file held until `arrive(path)`; every course so far is kept. */
  function readArriving(files: Record<string, string>) {
    const held = new Map<string, () => void>();
    const told: CourseSoFar[] = [];
    const whole = readCourse({
      text: MANIFEST,
      file: 'course.md',
      url: BASE,
      readLesson: (url) => {
        const path = url.slice(new URL('.', BASE).href.length);
        return new Promise((resolve) => held.set(path, () => resolve(files[path]!)));
      },
      onArrival: (soFar) => told.push(soFar),
    });
    const arrive = async (path: string) => {
      await new Promise((resolve) => setTimeout(resolve)); // The reader has asked for every file by now.
      held.get(path)!();
      await new Promise((resolve) => setTimeout(resolve));
    };
    /** The last course so far: each lesson's id, or its link text where it stands in. */
    const lessons = () =>
      told.at(-1)!.course.lessons.map((lesson) => (told.at(-1)!.standIns.has(lesson) ? `(${lesson.title})` : lesson.id));
    return { whole, told, arrive, lessons };
  }

  it('tells the manifest at once, then each lesson once it and those before it have arrived, as the whole course has it', async () => {
    const { whole, told, arrive, lessons } = readArriving(LESSONS);
    expect(told).to.have.length(1);
    const [manifest] = told;
    expect(manifest!.course).to.deep.include({
      id: 'export-basics',
      title: 'Selling Abroad Online',
      lang: 'ur',
      sequential: true,
      hash: '',
    });
    expect(manifest!.course.modules.map((module) => module.lessonIds.length)).to.deep.equal([2, 1]);
    expect(lessons()).to.deep.equal(['(Why sell abroad online)', '(Choosing a marketplace)', '(Incoterms in practice)']);

    await arrive('lessons/marketplaces.md');
    expect(told, 'a lesson whose earlier lesson has not arrived is not told').to.have.length(1);
    await arrive('lessons/why.md');
    expect(lessons(), 'both known, in order').to.deep.equal(['why', 'markets', '(Incoterms in practice)']);
    expect(told.at(-1)!.course.duration).to.equal(12.5);
    await arrive('lessons/incoterms.md');
    expect(lessons(), 'a lesson that requires others waits for the whole course').to.deep.equal([
      'why',
      'markets',
      '(Incoterms in practice)',
    ]);

    const course = await whole;
    expect(course.lessons.map((lesson) => lesson.id)).to.deep.equal(['why', 'markets', 'incoterms']);
    expect(told.at(-1)!.course.lessons.slice(0, 2), 'the very lessons of the whole course').to.deep.equal(course.lessons.slice(0, 2));
    expect(told.at(-1)!.course.lessons[0]).to.equal(course.lessons[0]);
  });

  it('tells a lesson that takes an earlier one’s id as the duplicate the whole course makes it', async () => {
    const { whole, arrive, lessons } = readArriving({ ...LESSONS, 'lessons/marketplaces.md': '---\nid: why\n---\nText.\n' });
    await arrive('lessons/marketplaces.md');
    await arrive('lessons/why.md');
    expect(lessons()).to.deep.equal(['why', 'why~2', '(Incoterms in practice)']);
    await arrive('lessons/incoterms.md');
    const course = await whole;
    expect(course.lessons[1]!.id).to.equal('why~2');
    expect(course.lessons[1]!.problems.map((problem) => problem.code)).to.deep.equal(['duplicate-id']);
  });
});

describe('joinPath', () => {
  it('joins a link to the manifest folder as authors see it', () => {
    expect(joinPath('course.md', 'lessons/a.md')).to.equal('lessons/a.md');
    expect(joinPath('demo/courses/x/course.md', './lessons/a.md')).to.equal('demo/courses/x/lessons/a.md');
    expect(joinPath('demo/x/course.md', '../shared/a.md')).to.equal('demo/shared/a.md');
    expect(joinPath('course.md', 'https://cdn.example/a.md')).to.equal('https://cdn.example/a.md');
  });
});
