/** Every state of the progress tracker, checked with axe in English and in Urdu. */
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../src/define.js';
import type { SabaqProgressTracker } from '../../src/components/progress-tracker/progress-tracker.js';
import { forgetCourse } from '../../src/lib/course/loader.js';
import { type ProgressStore, openStore } from '../../src/lib/store/index.js';
import { type Language, beforeTheCourse, checkStates } from './a11y.js';
import { freshNamespace, shadowElement } from './helpers.js';

const course = (name: string) => new URL(`../fixtures/courses/${name}/course.md`, import.meta.url).href;
const ACADEMY = course('academy');
const academy = { learner: 'default', courseId: 'academy' };

interface TrackerOptions {
  src?: string;
  layout?: 'full' | 'compact';
  /** Writes the learner's progress before the tracker opens. */
  seed?: (store: ProgressStore) => Promise<unknown>;
}

/** A tracker in `lang`, once it shows something: the course, or a notice instead of it. */
async function tracker(lang: Language, { src = ACADEMY, layout = 'full', seed }: TrackerOptions = {}) {
  const namespace = freshNamespace();
  await seed?.(openStore({ namespace }));
  const element = await fixture<SabaqProgressTracker>(
    html`<sabaq-progress-tracker src=${src || nothing} namespace=${namespace} layout=${layout} lang=${lang}></sabaq-progress-tracker>`,
  );
  await shadowElement(element, '.tracker, .notice');
  return element;
}

/** Welcome done (five minutes in it) and the Marketplaces quiz passed at the second try. */
async function twoLessonsDone(store: ProgressStore) {
  await store.openLesson(academy, 'welcome');
  await store.addTimeSpent(academy, 'welcome', 5 * 60_000);
  await store.completeLesson(academy, 'welcome');
  await store.addQuizAttempt(academy, { quizId: 'marketplaces-1', answers: { q1: 1 }, score: 0, passed: false, quizHash: 'h' });
  await store.addQuizAttempt(academy, { quizId: 'marketplaces-1', answers: { q1: 0 }, score: 100, passed: true, quizHash: 'h' });
}

describe('<sabaq-progress-tracker> accessibility', () => {
  beforeEach(() => forgetCourse());

  checkStates({
    ...beforeTheCourse((lang, src) => tracker(lang, { src })),

    'a new learner: 0%, Continue to the first lesson': async (lang) => {
      const element = await tracker(lang);
      await shadowElement(element, 'a[part=continue]');
      return element;
    },

    'in progress: modules, quiz scores, time spent and Continue': async (lang) => {
      const element = await tracker(lang, { seed: twoLessonsDone });
      await shadowElement(element, 'h3 + ul');
      await shadowElement(element, '.muted');
      return element;
    },

    'the course complete: no Continue': async (lang) => {
      const element = await tracker(lang, {
        seed: async (store) => {
          await twoLessonsDone(store);
          await store.addQuizAttempt(academy, { quizId: 'final', answers: { q1: 0, q2: 0 }, score: 100, passed: true, quizHash: 'h' });
        },
      });
      await shadowElement(element, '[part=progress][aria-valuenow="100"]');
      expect(element.shadowRoot!.querySelector('a[part=continue]')).to.equal(null);
      return element;
    },

    'the compact layout, in progress': async (lang) => {
      const element = await tracker(lang, { layout: 'compact', seed: twoLessonsDone });
      await shadowElement(element, 'a[part=continue]');
      return element;
    },
  });
});
