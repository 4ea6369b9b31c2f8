/**
 * The first screen before IndexedDB answers (a phone's storage can take a while to open): the quiz's
 * questions and the linked lesson show from the course alone, and nothing is shown that the learner's
 * state could contradict: no control that works, no lesson a returning learner's progress would lock,
 * no shuffled order, no state of a lesson. The database is held busy (holdProgressDatabase), as a slow
 * phone's would be.
 */
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import '../../src/define.js';
import type { SabaqCoursePlayer } from '../../src/components/course-player/course-player.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { holdProgressDatabase } from '../fixtures/hold-progress.js';
import { QUIZ } from '../fixtures/quizzes/every-type.js';
import { button, freshNamespace, shadowElement, until } from './helpers.js';

const ACADEMY = new URL('../fixtures/courses/academy/course.md', import.meta.url).href;

const shadowText = (host: Element) => host.shadowRoot!.textContent!.replace(/\s+/g, ' ');
/** What the learner sees: hidden parts (visibility or the hidden attribute) are not seen. */
const seen = (element: Element | null) => element !== null && (element as HTMLElement).checkVisibility({ visibilityProperty: true });

describe('before the learner’s progress is read', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('a quiz shows its questions with disabled controls, no shuffled order and no result, then the result of a returning learner', async () => {
    const namespace = freshNamespace();
    const quizMarkdown = QUIZ.replace('attempts: 2', 'attempts: 1');
    const first = await fixture<SabaqQuiz>(
      html`<sabaq-quiz namespace=${namespace}><script type="text/markdown">${quizMarkdown}</script></sabaq-quiz>`,
    );
    await shadowElement(first, '.quiz[aria-busy=false] .question');
    button(first, 'Submit').click();
    button(first, 'Submit').click(); // The first Submit with gaps only warns.
    await shadowElement(first, '.result');
    first.remove();

    const release = await holdProgressDatabase();
    const element = fixtureSync<SabaqQuiz>(
      html`<sabaq-quiz namespace=${namespace}><script type="text/markdown">${quizMarkdown}</script></sabaq-quiz>`,
    );
    try {
      await shadowElement(element, '.quiz[aria-busy=true] .question');
      const root = element.shadowRoot!;
      // The first screenful first, the rest once it is painted: still before the attempt is read.
      await until(() => root.querySelectorAll('.question').length === 5, 'every question shows');
      expect(shadowText(element)).to.contain('Under FOB, who pays for the main sea freight?');
      const controls = [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')];
      expect(controls.length, 'the answer controls show').to.be.greaterThan(0);
      expect(
        controls.filter((control) => !control.disabled),
        'no control can be used yet',
      ).to.deep.equal([]);
      expect(root.querySelectorAll('.ordering li').length, 'the shuffled items are not shown in an order that could change').to.equal(0);
      expect(button(element, 'Submit').disabled).to.equal(true);
      expect(root.querySelector('.result'), 'no result yet').to.equal(null);
      expect(shadowText(element)).not.to.contain('attempt');
    } finally {
      await release();
    }
    // The learner's one attempt is used: the result fills in, the questions where they were.
    await shadowElement(element, '.quiz[aria-busy=false] .result');
    expect([...element.shadowRoot!.querySelectorAll('.question .prompt')].map((prompt) => prompt.textContent!.trim())[0]).to.equal(
      'Under FOB, who pays for the main sea freight?',
    );
    expect(element.shadowRoot!.querySelectorAll('.ordering li').length).to.equal(3);
  });

  it('a quiz that shuffles its questions shows none of them until its attempt is read', async () => {
    const release = await holdProgressDatabase();
    const shuffledQuiz = QUIZ.replace('attempts: 2', 'shuffle: questions');
    const element = fixtureSync<SabaqQuiz>(
      html`<sabaq-quiz namespace=${freshNamespace()}><script type="text/markdown">${shuffledQuiz}</script></sabaq-quiz>`,
    );
    try {
      await shadowElement(element, '.notice[role=status]');
      await new Promise((resolve) => setTimeout(resolve, 200)); // The quiz has been read by now.
      expect(element.shadowRoot!.querySelector('.question')).to.equal(null);
    } finally {
      await release();
    }
    await shadowElement(element, '.quiz[aria-busy=false] .question');
  });

  it('the player shows a linked lesson no progress can lock, with no state of any lesson, then the learner’s', async () => {
    const namespace = freshNamespace();
    // A returning learner: Welcome complete, in Marketplaces.
    const first = fixtureSync<SabaqCoursePlayer>(html`<sabaq-course-player src=${ACADEMY} namespace=${namespace}></sabaq-course-player>`);
    await shadowElement(first, '.player[aria-busy=false]');
    button(first, 'Start the course').click();
    await until(() => first.shadowRoot!.querySelector('.lesson-title')?.textContent === 'Welcome');
    button(first, 'Next').click();
    await until(() => first.shadowRoot!.querySelector('.lesson-title')?.textContent === 'Marketplaces');
    first.remove();

    const release = await holdProgressDatabase();
    location.hash = 'sabaq-lesson=welcome';
    const element = fixtureSync<SabaqCoursePlayer>(html`<sabaq-course-player src=${ACADEMY} namespace=${namespace}></sabaq-course-player>`);
    try {
      await shadowElement(element, '.player[aria-busy=true] .lesson-title');
      const root = element.shadowRoot!;
      expect(root.querySelector('.lesson-title')!.textContent).to.equal('Welcome');
      expect(seen(root.querySelector('.prose')), 'the lesson text shows').to.equal(true);
      const stateParts = root.querySelectorAll('.bar, .progress-label, .toc-state, .state-icon, .lesson-nav');
      expect([...stateParts].filter(seen), 'nothing that depends on progress is seen').to.deep.equal([]);
      expect(seen(root.querySelector('.toc-item')), 'the contents list the lessons').to.equal(true);
    } finally {
      await release();
    }
    await shadowElement(element, '.player[aria-busy=false]');
    expect([...element.shadowRoot!.querySelectorAll('.toc-state')].map((state) => state.textContent!.trim())).to.deep.equal([
      'Complete',
      'In progress',
      'Locked',
    ]);
    expect(seen(element.shadowRoot!.querySelector('.lesson-nav'))).to.equal(true);
  });

  it('the player never shows a lesson that progress could lock, nor the start page, until progress is read', async () => {
    const release = await holdProgressDatabase();
    location.hash = 'sabaq-lesson=marketplaces';
    const element = fixtureSync<SabaqCoursePlayer>(
      html`<sabaq-course-player src=${ACADEMY} namespace=${freshNamespace()}></sabaq-course-player>`,
    );
    try {
      await shadowElement(element, '.player[aria-busy=true]');
      await new Promise((resolve) => setTimeout(resolve, 200)); // The lessons have arrived by now.
      const root = element.shadowRoot!;
      expect(root.querySelector('.lesson-title'), 'no lesson is open').to.equal(null);
      expect(root.querySelector('.start'), 'no start page').to.equal(null);
      expect(root.querySelector('main .notice[role=status]')).to.exist;
    } finally {
      await release();
    }
    // A new learner: Marketplaces is locked to them, so the start page shows.
    await shadowElement(element, '.player[aria-busy=false] .start');
    expect(element.shadowRoot!.querySelector('.lesson-title')).to.equal(null);
  });
});
