// The npm entry (`import … from 'sabaq'`) in Node, without a browser: the course engine parses, checks
// and scores a course. Built from src/index.ts as dist/index.js is, with the peer libraries left external.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the project, so that the external packages resolve from its node_modules.
const outfile = join(root, 'node_modules/.cache/sabaq-npm-entry/index.js');

const FILES = {
  'https://courses.example/c/course.md': '---\nid: trade\npass: 50\n---\n# Trade\n\n## Basics\n- [Why](why.md)\n- [Check](check.md)\n',
  'https://courses.example/c/why.md': '# Why\n\nSell abroad.\n',
  'https://courses.example/c/check.md':
    '```quiz\n---\nfinal: true\n---\n### Who pays under FOB?\n1. [ ] Seller\n1. [x] Buyer\n\n### Days?\n= 30\n```\n',
};

describe('the npm entry in Node', () => {
  let sabaq;
  before(async () => {
    await build({
      entryPoints: [join(root, 'src/index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    sabaq = await import(pathToFileURL(outfile).href);
  });

  it('imports without a window, then parses, checks and scores a course', async () => {
    const course = await sabaq.readCourse({
      text: FILES['https://courses.example/c/course.md'],
      file: 'course.md',
      url: 'https://courses.example/c/course.md',
      readLesson: async (url) => FILES[url] ?? Promise.reject(new Error('not found')),
    });
    assert.deepEqual(sabaq.courseErrors(course), []);
    assert.deepEqual(
      course.lessons.map((lesson) => lesson.id),
      ['why', 'check'],
    );

    const [quiz] = course.lessons[1].quizzes;
    const result = sabaq.scoreQuiz(quiz.questions, { [quiz.questions[0].id]: 1, [quiz.questions[1].id]: '30' }, quiz.settings);
    assert.equal(result.score, 100);
    assert.equal(result.passed, true);
    const half = sabaq.scoreQuiz(quiz.questions, { [quiz.questions[0].id]: 0, [quiz.questions[1].id]: '30' }, quiz.settings);
    assert.equal(half.score, 50);
  });
});
