/** Every state of the course player, checked with axe in English and in Urdu. */
import { fixtureSync, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../src/define.js';
import type { SabaqCoursePlayer } from '../../src/components/course-player/course-player.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { forgetCourse } from '../../src/lib/course/loader.js';
import { type ProgressStore, openStore } from '../../src/lib/store/index.js';
import { type Language, beforeTheCourse, checkStates, findButton, termsOf } from './a11y.js';
import { button, freshNamespace, shadowElement, until } from './helpers.js';

const course = (name: string) => new URL(`../fixtures/courses/${name}/course.md`, import.meta.url).href;
const ACADEMY = course('academy');
/** A lesson with every kind of content and a quiz of every question type, and a lesson whose quiz is broken. */
const SHOWCASE = course('showcase');
const academy = { learner: 'default', courseId: 'academy' };

interface PlayerOptions {
  src?: string;
  width?: number;
  /** Writes the learner's progress before the player opens. */
  seed?: (store: ProgressStore) => Promise<unknown>;
}

/** A player in a box `width` pixels wide (its layout follows its own width), once it shows the course. */
async function player(lang: Language, { src = ACADEMY, width = 800, seed }: PlayerOptions = {}) {
  const namespace = freshNamespace();
  await seed?.(openStore({ namespace }));
  // fixtureSync: fixture() waits for an animation frame for a plain <div>, which a background page lacks.
  const box = fixtureSync<HTMLDivElement>(html`<div style="width: ${width}px">
    <sabaq-course-player src=${src || nothing} namespace=${namespace} lang=${lang}></sabaq-course-player>
  </div>`);
  const element = box.querySelector<SabaqCoursePlayer>('sabaq-course-player')!;
  await shadowElement(element, '.player[aria-busy=false], .notice');
  return element;
}

const root = (element: Element) => element.shadowRoot!;
const lessonTitle = (element: Element) => root(element).querySelector('.lesson-title')?.textContent;

/** Waits for the player to show `title` as its lesson, with each quiz in it ready to answer or showing its result
 * (a lesson's quizzes come once the whole course is read). */
async function showsLesson(element: SabaqCoursePlayer, title: string) {
  await until(() => lessonTitle(element) === title, `the lesson "${title}" is not shown`);
  await shadowElement(element, '.player[aria-busy=false]');
  for (const quiz of root(element).querySelectorAll<SabaqQuiz>('sabaq-quiz')) await shadowElement(quiz, '.quiz[aria-busy=false] .question');
  return element;
}

/** The academy with Welcome complete and Marketplaces open, its quiz not taken. */
async function atMarketplaces(store: ProgressStore) {
  await store.completeLesson(academy, 'welcome');
  await store.openLesson(academy, 'marketplaces');
}

/** The academy with Welcome complete, the Marketplaces quiz passed (B2B is its first option) and the Final check open. */
async function atFinal(store: ProgressStore) {
  await store.openLesson(academy, 'welcome');
  await store.completeLesson(academy, 'welcome');
  await store.openLesson(academy, 'marketplaces');
  await store.addQuizAttempt(academy, { quizId: 'marketplaces-1', answers: { q1: 0 }, score: 100, passed: true, quizHash: 'h' });
  await store.openLesson(academy, 'final');
}

describe('<sabaq-course-player> accessibility', () => {
  beforeEach(() => forgetCourse());

  checkStates({
    ...beforeTheCourse((lang, src) => player(lang, { src })),

    'the start page of a new learner, later lessons locked in the contents': async (lang) => {
      const element = await player(lang);
      await shadowElement(element, '.player[aria-busy=false] .start');
      await shadowElement(element, 'nav .state-locked');
      button(element, termsOf(lang).start);
      return element;
    },

    'a locked lesson asked for: the player says why': async (lang) => {
      const element = await player(lang);
      await shadowElement(element, '.player[aria-busy=false] .toc-item');
      [...root(element).querySelectorAll<HTMLButtonElement>('.toc-item')][2]!.click();
      await shadowElement(element, '.notice[role=status]');
      return element;
    },

    'the start page of a learner with progress, with Continue': async (lang) => {
      // A completed lesson but none opened last: the start page offers to continue.
      const element = await player(lang, { seed: (store) => store.completeLesson(academy, 'welcome') });
      await until(() => findButton(element, termsOf(lang).continueCourse), 'no Continue');
      return element;
    },

    'a lesson with a callout': async (lang) =>
      showsLesson(await player(lang, { seed: (store) => store.openLesson(academy, 'welcome') }), 'Welcome'),

    'a lesson whose quiz is not passed yet: Next disabled, and why': async (lang) => {
      const element = await showsLesson(await player(lang, { seed: atMarketplaces }), 'Marketplaces');
      await until(() => button(element, termsOf(lang).next).disabled);
      return element;
    },

    'a lesson whose quiz was just passed': async (lang) => {
      const element = await showsLesson(await player(lang, { seed: atMarketplaces }), 'Marketplaces');
      const quiz = root(element).querySelector<SabaqQuiz>('sabaq-quiz')!;
      root(quiz).querySelector<HTMLInputElement>('input[type=radio]')!.click(); // B2B, the first option: right
      await quiz.updateComplete;
      button(quiz, termsOf(lang).submit).click();
      await shadowElement(quiz, '.result.passed');
      await until(() => !button(element, termsOf(lang).next).disabled, 'Next did not open');
      return element;
    },

    'a lesson with a table, code, every callout, a task list and a quiz of every question type': async (lang) =>
      showsLesson(
        await player(lang, { src: SHOWCASE, seed: (store) => store.openLesson({ learner: 'default', courseId: 'showcase' }, 'content') }),
        'Every kind of content',
      ),

    'a lesson that could not be read, its errors shown in its place': async (lang) => {
      const element = await player(lang, {
        src: SHOWCASE,
        seed: (store) => store.openLesson({ learner: 'default', courseId: 'showcase' }, 'broken'),
      });
      await showsLesson(element, 'A broken quiz');
      await shadowElement(element, 'article [role=alert] .problems');
      return element;
    },

    'a lesson whose file is missing, the error shown in its place': async (lang) => {
      const element = await player(lang, {
        src: course('basic'),
        seed: (store) => store.openLesson({ learner: 'default', courseId: 'basic' }, 'missing'),
      });
      await shadowElement(element, 'article [role=alert] .problems');
      return element;
    },

    'the last lesson, with Finish': async (lang) => {
      const element = await showsLesson(await player(lang, { seed: atFinal }), 'Final check');
      button(element, termsOf(lang).finish);
      return element;
    },

    'the course completed, after Finish': async (lang) => {
      const element = await player(lang, {
        seed: async (store) => {
          await atFinal(store);
          await store.addQuizAttempt(academy, { quizId: 'final', answers: { q1: 0, q2: 0 }, score: 100, passed: true, quizHash: 'h' });
        },
      });
      await showsLesson(element, 'Final check');
      button(element, termsOf(lang).finish).click();
      await until(() => lessonTitle(element) === termsOf(lang).courseComplete, 'the course is not shown as complete');
      return element;
    },

    'a phone-wide player, the contents folded away': async (lang) =>
      showsLesson(await player(lang, { width: 360, seed: (store) => store.openLesson(academy, 'welcome') }), 'Welcome'),

    'a phone-wide player showing a table, code and a quiz of every question type': async (lang) =>
      showsLesson(
        await player(lang, {
          src: SHOWCASE,
          width: 360,
          seed: (store) => store.openLesson({ learner: 'default', courseId: 'showcase' }, 'content'),
        }),
        'Every kind of content',
      ),

    'a phone-wide player with the contents drawer open': async (lang) => {
      const element = await showsLesson(
        await player(lang, { width: 360, seed: (store) => store.openLesson(academy, 'welcome') }),
        'Welcome',
      );
      button(element, termsOf(lang).openContents).click();
      await until(
        () => findButton(element, termsOf(lang).closeContents)?.getAttribute('aria-expanded') === 'true',
        'the toggle does not say the drawer is open',
      );
      await until(() => getComputedStyle(root(element).querySelector('nav')!).display !== 'none', 'the drawer did not open');
      return element;
    },
  });
});
