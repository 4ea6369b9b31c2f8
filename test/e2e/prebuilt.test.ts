/**
 * A course built with `sabaq build` (SPEC §2.6) shows exactly what its Markdown shows, lesson by lesson
 * and quiz by quiz, on a page with only the built `dist/sabaq.js`, and that page never fetches the
 * Markdown pipeline: the lessons and quizzes arrive rendered and parsed. (The test server builds each
 * fixture's course.json from its course.md with the CLI; npm test builds dist/ first.)
 */
import { expect } from '@open-wc/testing';
import { freshNamespace, until } from '../components/helpers.js';

type FrameWindow = Window & typeof globalThis & { pageErrors: string[] };

/** What a learner sees of the player and its quizzes, without Lit's markers (random per page) and namespaces. */
function shown(frame: HTMLIFrameElement): string {
  const main = frame.contentDocument!.querySelector('sabaq-course-player')?.shadowRoot?.querySelector('main');
  if (!main) return '';
  const quizzes = [...main.querySelectorAll('sabaq-quiz')].map((quiz) => quiz.shadowRoot?.innerHTML ?? '');
  return [main.innerHTML, ...quizzes]
    .join('\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/ namespace="[^"]*"/g, '');
}

/** Opens the player on `lessonId`, or on its start page. */
async function open(frame: HTMLIFrameElement, src: string, namespace: string, lessonId?: string): Promise<void> {
  const page = new URL('prebuilt.html', import.meta.url);
  // The lesson in the query too: a change of hash alone would not load the page again.
  page.search = new URLSearchParams({ src, namespace, lesson: lessonId ?? '' }).toString();
  if (lessonId) page.hash = `sabaq-lesson=${encodeURIComponent(lessonId)}`;
  frame.src = page.href;
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const player = () => frame.contentDocument!.querySelector('sabaq-course-player')?.shadowRoot;
  // The whole course read: a Markdown course's lesson shows its quizzes only then.
  await until(
    () => player()?.querySelector('.player[aria-busy=false] :is(.lesson-title, .start)'),
    `${src}: the player did not appear`,
    20000,
  );
  // Every quiz in the lesson has drawn its questions (or its error).
  await until(
    () =>
      [...(player()!.querySelectorAll('sabaq-quiz') ?? [])].every((quiz) =>
        quiz.shadowRoot?.querySelector('.quiz[aria-busy=false] .question, [role="alert"]'),
      ),
    `${src}: a quiz did not appear`,
    20000,
  );
}

describe('a prebuilt course.json on a page with only dist/sabaq.js', function () {
  this.timeout(120000);
  let fromMarkdown: HTMLIFrameElement;
  let prebuilt: HTMLIFrameElement;

  before(() => {
    [fromMarkdown, prebuilt] = [0, 1].map(() => {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width: 1000px; height: 800px';
      document.body.append(frame);
      return frame;
    }) as [HTMLIFrameElement, HTMLIFrameElement];
  });

  after(() => [fromMarkdown, prebuilt].forEach((frame) => frame.remove()));

  /** Opens the start page and every lesson from the Markdown and from `built`, and compares what they show. */
  async function expectSameAsMarkdown(built: string, version: number): Promise<void> {
    // One lesson with every kind of content and every kind of question, none shuffled.
    const folder = new URL('../fixtures/courses/every-kind/', import.meta.url);
    const file = (await (await fetch(new URL(built, folder))).json()) as { version: number; course: { lessons: { id: string }[] } };
    expect(file.version).to.equal(version);
    // One learner in both frames: a quiz's order of items and answers is drawn from the learner and attempt.
    const namespace = freshNamespace();
    for (const lessonId of [undefined, ...file.course.lessons.map((lesson) => lesson.id)]) {
      await open(fromMarkdown, new URL('course.md', folder).href, namespace, lessonId);
      await open(prebuilt, new URL(built, folder).href, namespace, lessonId);
      expect(shown(prebuilt), `lesson ${lessonId ?? '(start page)'}`).to.equal(shown(fromMarkdown));
      expect(shown(prebuilt)).to.contain(lessonId ? 'class="question' : 'class="start"');

      const scripts = (prebuilt.contentWindow as FrameWindow).performance.getEntriesByType('resource').map((entry) => entry.name);
      expect(scripts.filter((name) => name.includes('sabaq-markdown-pipeline'))).to.deep.equal([]);
      expect((prebuilt.contentWindow as FrameWindow).pageErrors).to.deep.equal([]);
    }
  }

  it('shows the start page, every lesson and every quiz as the Markdown does, without the Markdown pipeline', async () => {
    await expectSameAsMarkdown('course.json', 3);
  });

  // course.v2.json is the file `sabaq build` wrote before format 3 (every text's HTML in one table).
  it('shows a course.json of format version 2 as the Markdown does, without the Markdown pipeline', async () => {
    await expectSameAsMarkdown('course.v2.json', 2);
  });
});
