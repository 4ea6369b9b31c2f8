/**
 * What the element stories share: rendering an element from its args, the courses they show, and
 * loaders that seed a learner's progress through the real store before a story renders.
 *
 * Progress lives in the browser's IndexedDB under each story's own `namespace`, and is seeded only
 * while that learner has none: what you do in a story is still there when you come back to it. Change
 * the `namespace` or `learner` control to start afresh.
 */
import type { ArgTypes, Args, Decorator, Loader, StoryContext } from '@storybook/web-components-vite';
import { html } from 'lit';
import { certificateCode } from '../src/lib/certificate.js';
import { summarizeCourse } from '../src/lib/course/completion.js';
import { forgetCourse, loadCourse } from '../src/lib/course/loader.js';
import { ProblemList } from '../src/lib/problems.js';
import { parseQuiz } from '../src/lib/quiz/parse.js';
import { scoreQuiz } from '../src/lib/quiz/score.js';
import { type CourseRef, type NewQuizAttempt, openStore } from '../src/lib/store/index.js';
import type { Quiz } from '../src/lib/types.js';
import { holdFiles } from '../test/fixtures/hold-files.js';
import { holdProgressDatabase } from '../test/fixtures/hold-progress.js';
import { rightAnswer } from '../test/fixtures/right-answer.js';

/** Files served by .storybook/main.ts `staticDirs`, relative to the story's page. */
export const COURSES = {
  demo: 'demo-courses/export-academy/course.md',
  urdu: 'demo-courses/export-academy-ur/course.md',
  /** A test course whose third lesson file does not exist. */
  missingLesson: 'courses/basic/course.md',
  /** Answers 404: the error state. */
  notFound: 'no-such-file.md',
  /** Never answers (see .storybook/preview.ts): the loading state. */
  pending: 'never-answers.md',
  /** The academy test course prebuilt (`npx sabaq build test/fixtures/courses/academy/course.md -o test/fixtures/courses/academy/course.json`; run it again after changing the course). */
  prebuilt: 'courses/academy/course.json',
  /** A test course whose second lesson's server answers HTTP 500 and whose third is lost to the network (faked below). */
  unreachableLessons: 'courses/unreachable-lessons/course.md',
  /** A manifest with author mistakes (`sequential: yes`, `pass: 80%`, …) and lessons saved the wrong way. */
  authorMistakes: 'courses/author-mistakes/course.md',
  /** Three lessons whose front matter has a mistake, between two good ones. */
  brokenMetadata: 'courses/broken-metadata/course.md',
  /** One word in the title longer than a phone is wide. */
  longTitle: 'courses/long-title/course.md',
  /** The same, in an Urdu course. */
  longTitleUrdu: 'courses/long-title-ur/course.md',
};

// The unreachable lessons fail without a request leaving the page: the static server only knows 200 and 404.
const failing: Record<string, () => Promise<Response>> = {
  [new URL('courses/unreachable-lessons/lessons/server-error.md', document.baseURI).href]: async () =>
    new Response('Internal Server Error', { status: 500, statusText: 'Internal Server Error' }),
  [new URL('courses/unreachable-lessons/lessons/offline.md', document.baseURI).href]: () =>
    Promise.reject(new TypeError('Failed to fetch')),
};
const realFetch = window.fetch.bind(window);
window.fetch = (input, init) =>
  failing[input instanceof Request ? input.url : new URL(input, document.baseURI).href]?.() ?? realFetch(input, init);

/** Attributes every element shares (SabaqElement); custom-elements.json gives each element's own. */
export const sharedArgTypes: ArgTypes = {
  learner: {
    control: 'text',
    description: 'Separates learners who share a browser (default `default`).',
    table: { category: 'attributes' },
  },
  namespace: {
    control: 'text',
    description: 'Separates sites on one origin (default `default`). Each story has its own.',
    table: { category: 'attributes' },
  },
  lang: {
    control: 'select',
    options: ['', 'en', 'ur'],
    description: "The UI language; default the course's, then the page's.",
    table: { category: 'attributes' },
  },
};

/**
 * The story's element (the meta's `component`): each non-empty string arg becomes an attribute, or a
 * CSS custom property for `--sabaq-*`, and each `onSabaqSomething` action listens to the
 * `sabaq-something` event, so the Actions panel logs it.
 */
export function renderElement(args: Args, { component }: StoryContext): HTMLElement {
  const element = document.createElement(component!);
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === 'string' && value) {
      if (name.startsWith('--')) element.style.setProperty(name, value);
      else element.setAttribute(name, value);
    }
    if (typeof value === 'function' && /^onSabaq/.test(name)) {
      element.addEventListener(
        name.slice(2).replace(/[A-Z]/g, (letter, at) => `${at ? '-' : ''}${letter.toLowerCase()}`),
        value as EventListener,
      );
    }
  }
  return element;
}

/** A 360-pixel-wide column: a phone. */
export const narrow: Decorator = (story) => html`<div style="max-width: 360px">${story()}</div>`;

function learnerOf(args: Args): Pick<CourseRef, 'learner'> & { namespace: string } {
  return { learner: (args.learner as string) || 'default', namespace: (args.namespace as string) || 'default' };
}

/** An attempt with every answer right, or with none answered. */
function attempt(quiz: Quiz, right: boolean): NewQuizAttempt {
  const answers = right ? Object.fromEntries(quiz.questions.map((question) => [question.id, rightAnswer(question)])) : {};
  const { score, passed } = scoreQuiz(quiz.questions, answers, quiz.settings);
  return { quizId: quiz.id, answers, score, passed, quizHash: quiz.hash };
}

export interface CourseSeed {
  /** How many lessons, in course order, the learner has completed (their quizzes passed): `Infinity` for all. */
  complete: number;
  /** The lesson opened last, by its index in the course (negative: from the end). */
  open?: number;
  /** Issue the certificate to this name. */
  certificate?: string;
}

/** Seeds the learner's progress in the course at `args.src`, unless they already have some. */
export function seedCourse({ complete, open, certificate }: CourseSeed): Loader {
  return async ({ args }) => {
    const course = await loadCourse(args.src as string);
    const { learner, namespace } = learnerOf(args);
    const store = openStore({ namespace });
    const ref = { learner, courseId: course.id };
    const before = await store.getProgress(ref);
    if (Object.keys(before.lessons).length > 0 || Object.keys(before.attempts).length > 0) return {};
    for (const lesson of course.lessons.slice(0, complete)) {
      await store.openLesson(ref, lesson.id);
      await store.addTimeSpent(ref, lesson.id, 4 * 60_000);
      for (const quiz of lesson.quizzes) await store.addQuizAttempt(ref, attempt(quiz, true));
      if (lesson.quizzes.length === 0) await store.completeLesson(ref, lesson.id);
    }
    if (open !== undefined) await store.openLesson(ref, course.lessons.at(open)!.id);
    if (certificate) {
      const { score } = summarizeCourse(course, await store.getProgress(ref));
      const issued = { learnerName: certificate, issuedAt: Date.UTC(2026, 2, 23), score };
      const code = certificateCode({ courseId: course.id, courseTitle: course.title, issuer: course.issuer, ...issued });
      await store.setLearnerName(learner, certificate);
      await store.saveCertificate(ref, { ...issued, code });
    }
    return {};
  };
}

/** Seeds one attempt at the inline quiz in `args.markdown` (all right, or all unanswered), unless there is one. */
export function seedQuiz({ right }: { right: boolean }): Loader {
  return async ({ args }) => {
    const quiz = parseQuiz(args.markdown as string, { file: 'quiz', defaultId: 'quiz', inLesson: false }, new ProblemList());
    const { learner, namespace } = learnerOf(args);
    const store = openStore({ namespace });
    // A quiz alone on a page keeps its attempts under the course id `quiz:<quiz id>`.
    const ref = { learner, courseId: `quiz:${quiz.id}` };
    if (!(await store.getProgress(ref)).attempts[quiz.id]?.length) await store.addQuizAttempt(ref, attempt(quiz, right));
    return {};
  };
}

/** How long {@link holdProgress} and {@link holdLessons} hold: long enough to look at, short enough to see it end. */
const HOLD_MS = 5000;

/** Keeps the progress database busy for a few seconds: the elements show what they can from the course
 * alone, then the learner's state fills in. */
export const holdProgress: Loader = async () => {
  const release = await holdProgressDatabase();
  setTimeout(() => void release(), HOLD_MS);
  return {};
};

/** Holds back the lesson files of the course at `args.src` for a few seconds, as a slow connection does:
 * the player shows what the manifest tells, then the lessons fill in. */
export const holdLessons: Loader = async ({ args }) => {
  const src = args.src as string;
  forgetCourse(src); // Fetched again, as on a first visit, even if another story has read it.
  const release = holdFiles(new URL('lessons/', new URL(src, document.baseURI)).href);
  setTimeout(release, HOLD_MS);
  return {};
};
