import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../src/define.js';
import type { SabaqCoursePlayer } from '../../src/components/course-player/course-player.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { continueHref } from '../../src/internal/continue-link.js';
import { forgetCourse } from '../../src/lib/course/loader.js';
import { passMarketplacesQuiz } from './academy-progress.js';
import { button, freshNamespace, recordEvents, shadowElement, until } from './helpers.js';

const ACADEMY = new URL('../fixtures/courses/academy/course.md', import.meta.url).href;
const BASIC = new URL('../fixtures/courses/basic/course.md', import.meta.url).href;

/** A player in a box `width` pixels wide: its layout follows its own width (container queries), as on a
 * phone or a desktop, in every engine (WebKit's driver cannot resize the window). */
async function player(src = ACADEMY, { namespace = freshNamespace(), lang = '', width = 800 } = {}) {
  // fixtureSync: fixture() waits for an animation frame for a plain <div>, which a background page lacks.
  const box = fixtureSync<HTMLDivElement>(html`<div style="width: ${width}px">
    <sabaq-course-player src=${src} namespace=${namespace} lang=${lang || nothing}></sabaq-course-player>
  </div>`);
  const element = box.querySelector('sabaq-course-player')!;
  await shadowElement(element, '.player[aria-busy=false], [role=alert]');
  return element;
}

/** The learner's progress has been read and is shown. */
const shown = (element: Element) => element.shadowRoot!.querySelector('.player')?.getAttribute('aria-busy') === 'false';
const text = (element: Element) => element.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const tocStates = (element: Element) =>
  [...element.shadowRoot!.querySelectorAll('.toc-item')].map((item) => item.querySelector('.toc-state')!.textContent!.trim());
const progressNow = (element: Element) => element.shadowRoot!.querySelector('[role=progressbar]')!.getAttribute('aria-valuenow');

/** Start, Next, pass the Marketplaces quiz, Next: the learner is in the final lesson. */
async function reachFinalLesson() {
  const element = await player();
  const events = recordEvents(element);
  button(element, 'Start the course').click();
  await until(() => events.of('sabaq-lesson-start').length === 1);
  button(element, 'Next').click();
  await until(() => events.of('sabaq-lesson-start').length === 2);
  await passMarketplacesQuiz(element);
  await until(() => events.of('sabaq-lesson-complete').length === 2);
  await element.updateComplete;
  button(element, 'Next').click();
  await until(() => events.of('sabaq-lesson-start').length === 3);
  return { element, events };
}

describe('<sabaq-course-player>', () => {
  beforeEach(() => forgetCourse());

  it('greets a new learner with the start page and the contents', async () => {
    const element = await player();
    expect(element.shadowRoot!.querySelector('.course-title')!.textContent).to.equal('Export Academy');
    expect(text(element)).to.contain('Learn to export online.');
    expect(text(element)).to.contain('3 lessons · 8 minutes');
    expect(tocStates(element)).to.deep.equal(['Not started', 'Locked', 'Locked']);
    expect(progressNow(element)).to.equal('0');
    expect(element.shadowRoot!.querySelector('[role=progressbar]')!.getAttribute('aria-label')).to.equal('Course progress');
    expect(button(element, 'Start the course').disabled, 'the button can be pressed').to.be.false;
    // The content says its language; the element's own lang stays the partner's to set.
    expect(element.hasAttribute('lang')).to.equal(false);
    expect(element.shadowRoot!.querySelector('.player')!.getAttribute('lang')).to.equal('en');
    await expect(element).to.be.accessible();
  });

  it('opens a lesson on Start, completes it on Next, and reports each step', async () => {
    const element = await player();
    const events = recordEvents(element);
    button(element, 'Start the course').click();
    await until(() => events.of('sabaq-lesson-start').length === 1);
    expect(events.of('sabaq-lesson-start')[0]!.detail).to.deep.equal({ courseId: 'academy', lessonId: 'welcome' });
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement?.textContent).to.equal('Welcome');
    expect(element.shadowRoot!.querySelector('.admonition-title')!.textContent).to.equal('Start small');

    button(element, 'Next').click();
    await until(() => events.of('sabaq-lesson-start').length === 2);
    expect(events.of('sabaq-lesson-complete').map((e) => e.detail)).to.deep.equal([{ courseId: 'academy', lessonId: 'welcome' }]);
    expect(events.of('sabaq-progress').map((e) => e.detail)).to.deep.equal([{ courseId: 'academy', completed: 1, total: 3, percent: 33 }]);
    await element.updateComplete;
    expect(tocStates(element)).to.deep.equal(['Complete', 'In progress', 'Locked']);
    expect(progressNow(element)).to.equal('33');
  });

  it('keeps locked lessons closed and says why; a quiz lesson completes when its quiz is passed', async () => {
    const element = await player();
    const events = recordEvents(element);
    const finalItem = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toc-item')][2]!;
    expect(finalItem.getAttribute('aria-disabled')).to.equal('true');
    finalItem.click();
    await element.updateComplete;
    expect(text(element)).to.contain('Complete "Welcome" first.');
    expect(events.of('sabaq-lesson-start')).to.have.length(0);

    button(element, 'Start the course').click();
    await until(() => events.of('sabaq-lesson-start').length === 1);
    button(element, 'Next').click();
    await until(() => events.of('sabaq-lesson-start').length === 2);
    await element.updateComplete;
    expect(button(element, 'Next').disabled).to.equal(true);
    expect(text(element)).to.contain('Pass the quiz in this lesson to complete it.');

    await passMarketplacesQuiz(element);
    await until(() => events.of('sabaq-lesson-complete').length === 2, 'the quiz lesson did not complete');
    expect(events.of('sabaq-quiz-submit')[0]!.detail).to.deep.include({ courseId: 'academy', quizId: 'marketplaces-1', passed: true });
    await element.updateComplete;
    expect(button(element, 'Next').disabled).to.equal(false);
    expect(tocStates(element)).to.deep.equal(['Complete', 'Complete', 'Not started']);
  });

  it('reopens at the last lesson after a reload', async () => {
    const namespace = freshNamespace();
    const first = await player(ACADEMY, { namespace });
    const events = recordEvents(first);
    button(first, 'Start the course').click();
    await until(() => events.of('sabaq-lesson-start').length === 1);
    button(first, 'Next').click();
    await until(() => events.of('sabaq-lesson-start').length === 2);
    first.remove();
    const reloaded = await player(ACADEMY, { namespace });
    await until(() => reloaded.shadowRoot!.querySelector('.lesson-title'), 'no lesson reopened');
    expect(reloaded.shadowRoot!.querySelector('.lesson-title')!.textContent).to.equal('Marketplaces');
    expect(tocStates(reloaded)).to.deep.equal(['Complete', 'In progress', 'Locked']);
  });

  /** Start, then Next: the learner is in the Marketplaces lesson, which is locked to a new learner. */
  const hasStartButton = (element: Element) =>
    [...element.shadowRoot!.querySelectorAll('button')].some((candidate) => candidate.textContent!.trim() === 'Start the course');

  async function reachMarketplaces(element: SabaqCoursePlayer) {
    const events = recordEvents(element);
    button(element, 'Start the course').click();
    await until(() => events.of('sabaq-lesson-start').length === 1);
    button(element, 'Next').click();
    await until(() => element.shadowRoot!.querySelector('.lesson-title')?.textContent === 'Marketplaces');
  }

  it('gives a learner who takes over the computer their own place, and the first learner theirs back', async () => {
    const element = await player(ACADEMY);
    element.learner = 'amna';
    await element.updateComplete;
    await until(() => hasStartButton(element));
    await reachMarketplaces(element);

    element.learner = 'bilal';
    await until(
      () => shown(element) && tocStates(element).join() === 'Not started,Locked,Locked',
      "the second learner saw the first one's progress",
    );
    expect(element.shadowRoot!.querySelector('.lesson-title'), 'a lesson locked to the second learner was open').to.equal(null);
    expect(hasStartButton(element)).to.equal(true);

    element.learner = 'amna';
    await until(
      () => element.shadowRoot!.querySelector('.lesson-title')?.textContent === 'Marketplaces',
      'the first learner was not back in her lesson',
    );
    expect(tocStates(element)).to.deep.equal(['Complete', 'In progress', 'Locked']);
  });

  it("opens a course switched to (another language's, say) at its own start, not at the last course's lesson", async () => {
    const element = await player(ACADEMY);
    await reachMarketplaces(element);

    element.src = new URL('../fixtures/courses/academy-copy/course.md', import.meta.url).href;
    await until(() => element.shadowRoot!.querySelector('.course-title')?.textContent === 'Export Academy, second edition');
    await until(() => shown(element) && hasStartButton(element), 'the new course did not show its start page');
    expect(element.shadowRoot!.querySelector('.lesson-title'), 'a lesson locked in the new course was open').to.equal(null);
    expect(tocStates(element)).to.deep.equal(['Not started', 'Locked', 'Locked']);
  });

  it('opens the lesson a Continue link from another page names, when it is open to the learner', async () => {
    const page = location.href;
    history.replaceState(null, '', continueHref(page.split('#')[0]!, 'welcome'));
    try {
      const element = await player();
      await until(() => element.shadowRoot!.querySelector('.lesson-title')?.textContent === 'Welcome', 'the linked lesson was not opened');
    } finally {
      history.replaceState(null, '', page);
    }
    history.replaceState(null, '', continueHref(page.split('#')[0]!, 'final'));
    try {
      const locked = await player();
      expect(locked.shadowRoot!.querySelector('.lesson-title')).to.equal(null);
      expect(button(locked, 'Start the course').disabled, 'the button can be pressed').to.be.false;
    } finally {
      history.replaceState(null, '', page);
    }
  });

  it('finishes the course: course complete with its score', async () => {
    const { element, events } = await reachFinalLesson();
    const quiz = await shadowElement<SabaqQuiz>(element, 'sabaq-quiz');
    await shadowElement(quiz, '.quiz[aria-busy=false] .question');
    for (const label of quiz.shadowRoot!.querySelectorAll('label')) {
      if (/Free On Board|Ex Works/.test(label.textContent!)) label.querySelector('input')!.click();
    }
    await quiz.updateComplete;
    button(quiz, 'Submit').click();
    await until(() => events.of('sabaq-course-complete').length === 1, 'the course did not complete');
    expect(events.of('sabaq-course-complete')[0]!.detail).to.deep.equal({ courseId: 'academy', score: 100 });
    await element.updateComplete;
    button(element, 'Finish').click();
    await until(() => text(element).includes('You have completed the course.'));
    expect(progressNow(element)).to.equal('100');
  });

  it('leads back to the lesson still to do when Finish is pressed before the final quiz is passed', async () => {
    const { element, events } = await reachFinalLesson();
    await until(() => element.shadowRoot!.querySelector('.lesson-title')?.textContent === 'Final check');

    button(element, 'Finish').click();
    await until(() => text(element).includes('2 of 3 lessons complete'));
    expect(text(element)).not.to.include('You have completed the course.');
    button(element, 'Continue: Final check').click();
    await until(
      () => element.shadowRoot!.querySelector('.lesson-title')?.textContent === 'Final check',
      'Continue did not open the final lesson',
    );
    expect(events.of('sabaq-course-complete')).to.have.length(0);
  });

  it('shows a lesson that failed to load as an author error while the rest works', async () => {
    const element = await player(BASIC);
    const events = recordEvents(element);
    const missing = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toc-item')][2]!;
    missing.click();
    await until(() => events.of('sabaq-error').length === 1);
    expect(events.of('sabaq-error')[0]!.detail).to.deep.include({ code: 'lesson-invalid', file: 'course.md', line: 12 });
    expect(text(element)).to.contain('This lesson cannot be shown because it has errors');
    expect(text(element)).to.contain('lessons/missing.md');
    [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toc-item')][0]!.click();
    await until(() => element.shadowRoot!.querySelector('.lesson-title')?.textContent === 'First');
    const image = element.shadowRoot!.querySelector('img')!;
    expect(image.getAttribute('src')).to.equal(new URL('lessons/images/chart.png', BASIC).href);
    expect(image.getAttribute('loading')).to.equal('lazy');
  });

  it('says when the course cannot be found, offers Retry, and fires sabaq-error', async () => {
    const events = recordEvents(document);
    const element = await player(new URL('../fixtures/courses/nowhere/course.md', import.meta.url).href);
    events.stop();
    expect(element.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('This course could not be found.');
    expect(button(element, 'Try again').disabled, 'the button can be pressed').to.be.false;
    expect(events.of('sabaq-error')[0]!.detail.code).to.equal('course-not-found');
    await expect(element).to.be.accessible();
  });

  it('shows a manifest too broken to use as an author error, and nothing escapes to the page', async () => {
    const escaped: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => escaped.push('reason' in event ? event.reason : event.error);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const broken = URL.createObjectURL(new Blob(['# No id here\n\nNo lessons either.\n']));
    const [element, tracker] = await Promise.all([
      player(broken),
      fixture(html`<sabaq-progress-tracker src=${broken} namespace=${freshNamespace()}></sabaq-progress-tracker>`),
    ]);
    await shadowElement(tracker, '[role=alert]');
    await new Promise((resolve) => setTimeout(resolve, 100));
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    expect(escaped).to.deep.equal([]);
    expect(text(element)).to.contain('This course has errors and cannot be shown.');
    expect(text(element)).to.contain('the course has no id');
    expect(text(tracker)).to.contain('This course has errors and cannot be shown.');
  });

  it('says so when no course is set', async () => {
    const element = await fixture<SabaqCoursePlayer>(html`<sabaq-course-player></sabaq-course-player>`);
    expect(text(element)).to.contain('No course is set for this element.');
  });

  it('lays out right to left in Urdu, contents on the right', async () => {
    const element = await player(ACADEMY, { lang: 'ur', width: 1100 });
    const shell = element.shadowRoot!.querySelector('.player')!;
    expect(shell.getAttribute('dir')).to.equal('rtl');
    expect(button(element, 'کورس شروع کریں').disabled, 'the button can be pressed').to.be.false;
    const nav = element.shadowRoot!.querySelector('nav')!.getBoundingClientRect();
    const main = element.shadowRoot!.querySelector('main')!.getBoundingClientRect();
    expect(nav.left).to.be.greaterThan(main.left);
    await expect(element).to.be.accessible();
  });

  it('folds the contents into a drawer on a phone and never scrolls sideways', async () => {
    const element = await player(ACADEMY, { width: 360 });
    const toggle = button(element, 'Open contents');
    const nav = element.shadowRoot!.querySelector('nav')!;
    expect(getComputedStyle(nav).display).to.equal('none');
    toggle.click();
    await element.updateComplete;
    expect(getComputedStyle(nav).display).to.not.equal('none');
    expect(button(element, 'Close contents').getAttribute('aria-expanded')).to.equal('true');
    button(element, 'Start the course').click();
    await until(() => element.shadowRoot!.querySelector('.lesson-title'));
    const right = element.getBoundingClientRect().right;
    const sticking = [...element.shadowRoot!.querySelectorAll('*')].filter((node) => node.getBoundingClientRect().right > right + 0.5);
    expect(sticking.map((node) => node.localName)).to.deep.equal([]);
    expect(element.scrollWidth).to.be.at.most(360);
  });

  it('fires nothing when its properties are set from code', async () => {
    const element = await player();
    const events = recordEvents(document);
    element.learner = 'another';
    element.lang = 'ur';
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    events.stop();
    expect(events.events.filter((event) => event.type !== 'sabaq-error')).to.deep.equal([]);
  });
});
