/** Every state of a quiz alone on a page, checked with axe in English and in Urdu. */
import { fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../src/define.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { type Answers } from '../../src/lib/quiz/score.js';
import { openStore } from '../../src/lib/store/index.js';
import { type Language, checkStates, findButton, holdRequests, termsOf } from './a11y.js';
import { QUIZ } from '../fixtures/quizzes/every-type.js';
import { button, freshNamespace, shadowElement, until } from './helpers.js';

/** Every answer right, by question id, in the quiz's written order. */
const RIGHT: Answers = { q1: 1, q2: [0, 1], q3: [0, 1, 2], q4: [0, 1], q5: '52' };
/** "The seller", whose feedback is then shown; nothing else answered. */
const WRONG: Answers = { q1: 0 };

interface QuizOptions {
  markdown?: string;
  src?: string;
  /** Attempts already made, oldest first. */
  attempts?: { answers: Answers; score: number; passed: boolean }[];
}

/** A quiz in `lang`, once it shows something other than its loading notice. */
async function quiz(lang: Language, { markdown = QUIZ, src, attempts = [] }: QuizOptions = {}) {
  const namespace = freshNamespace();
  const store = openStore({ namespace });
  // A quiz alone on a page keeps its attempts under the course id `quiz:<quiz id>`.
  for (const attempt of attempts) {
    await store.addQuizAttempt(
      { learner: 'default', courseId: 'quiz:export-check' },
      { quizId: 'export-check', quizHash: 'h', ...attempt },
    );
  }
  const element = await fixture<SabaqQuiz>(html`<sabaq-quiz src=${src || nothing} namespace=${namespace} lang=${lang}>
    ${markdown ? html`<script type="text/markdown">${markdown}</script>` : nothing}
  </sabaq-quiz>`);
  await shadowElement(element, '.quiz[aria-busy=false], .notice');
  return element;
}

const root = (element: Element) => element.shadowRoot!;
/** The question box whose prompt includes `prompt`. */
const question = (element: Element, prompt: string) =>
  [...root(element).querySelectorAll<HTMLElement>('.question')].find((box) => box.querySelector('.prompt')!.textContent!.includes(prompt))!;

/** Answers every question through its controls (the ordering is answered as it stands). */
async function answerEverything(element: SabaqQuiz) {
  const choose = (prompt: string, option: string) =>
    [...question(element, prompt).querySelectorAll('label')]
      .find((label) => label.textContent!.includes(option))!
      .querySelector('input')!
      .click();
  choose('Under FOB', 'The buyer');
  choose('Which documents', 'Commercial invoice');
  choose('Which documents', 'Packing list');
  for (const select of question(element, 'Match each term').querySelectorAll('select')) {
    select.selectedIndex = 1;
    select.dispatchEvent(new Event('change'));
  }
  const input = question(element, 'Name the HS chapter').querySelector('input')!;
  input.value = '52';
  input.dispatchEvent(new Event('input'));
  await element.updateComplete;
}

describe('<sabaq-quiz> accessibility', () => {
  let release: (() => void) | undefined;
  afterEach(() => release?.());

  checkStates({
    'no quiz given': async (lang) => {
      const element = await quiz(lang, { markdown: '' });
      await shadowElement(element, '[role=alert]');
      return element;
    },

    'loading the quiz file': async (lang) => {
      release = holdRequests('held-quiz');
      const element = await quiz(lang, { markdown: '', src: new URL('../fixtures/quizzes/check.md?held-quiz', import.meta.url).href });
      await shadowElement(element, '.notice[role=status]');
      return element;
    },

    'the quiz file cannot be found': async (lang) => {
      const element = await quiz(lang, { markdown: '', src: new URL('../fixtures/quizzes/nowhere.md', import.meta.url).href });
      await shadowElement(element, '[role=alert]');
      return element;
    },

    'a quiz with a mistake, the author error shown': async (lang) => {
      const element = await quiz(lang, { markdown: '### Q\n1. [x] a\n1. [x] b\n' });
      await shadowElement(element, '[role=alert] .problems');
      return element;
    },

    'a quiz from a file, with an image': async (lang) => {
      const element = await quiz(lang, { markdown: '', src: new URL('../fixtures/quizzes/check.md', import.meta.url).href });
      await shadowElement(element, '.question img');
      return element;
    },

    'every question type, unanswered': async (lang) => {
      const element = await quiz(lang);
      await shadowElement(element, '.quiz[aria-busy=false] .question');
      return element;
    },

    'every question type, answered': async (lang) => {
      const element = await quiz(lang);
      await shadowElement(element, '.quiz[aria-busy=false] .question');
      await answerEverything(element);
      return element;
    },

    'Submit with questions unanswered: the warning': async (lang) => {
      const element = await quiz(lang);
      await shadowElement(element, '.quiz[aria-busy=false] .question');
      button(element, termsOf(lang).submit).click();
      await shadowElement(element, '.notice[role=alert]');
      return element;
    },

    'a hint shown': async (lang) => {
      const element = await quiz(lang);
      await shadowElement(element, '.quiz[aria-busy=false] .question');
      button(element, termsOf(lang).hint).click();
      await until(() => findButton(element, termsOf(lang).hideHint), 'the hint did not open');
      await shadowElement(element, '.hint:not([hidden])');
      return element;
    },

    'a time limit counting down': async (lang) => {
      const element = await quiz(lang, { markdown: QUIZ.replace('pass: 80', 'pass: 80\ntime: 2') });
      await shadowElement(element, '[role=timer]');
      return element;
    },

    'failed: feedback, explanations, the right answers, and Try again': async (lang) => {
      const element = await quiz(lang, { attempts: [{ answers: WRONG, score: 0, passed: false }] });
      await shadowElement(element, '.result.failed');
      await shadowElement(element, '.option-feedback');
      button(element, termsOf(lang).tryAgain);
      return element;
    },

    'passed, with Try again for a better score': async (lang) => {
      const element = await quiz(lang, { attempts: [{ answers: RIGHT, score: 100, passed: true }] });
      await shadowElement(element, '.result.passed');
      button(element, termsOf(lang).tryAgain);
      return element;
    },

    'no attempts left': async (lang) => {
      const failed = { answers: WRONG, score: 0, passed: false };
      const element = await quiz(lang, { attempts: [failed, failed] });
      await shadowElement(element, '.result.failed');
      await until(() => root(element).textContent!.includes(termsOf(lang).noAttemptsLeft), 'it does not say no attempts are left');
      return element;
    },
  });
});
