/**
 * The first screen of a Markdown course on a slow connection: the player shows the course once the
 * manifest and the files the screen needs have arrived, while the other lesson files are held back
 * (holdFiles, as a slow network would), and nothing the unread lessons decide (a lesson's state, the
 * progress bar, the course's minutes, Next, an event or error of the course) before they have arrived.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/define.js';
import type { SabaqCoursePlayer } from '../../src/components/course-player/course-player.js';
import { forgetCourse } from '../../src/lib/course/loader.js';
import { openStore } from '../../src/lib/store/index.js';
import { holdFiles } from '../fixtures/hold-files.js';
import { ACADEMY_REF, passMarketplacesQuiz } from './academy-progress.js';
import { aTimeout, button, freshNamespace, recordEvents, shadowElement, until } from './helpers.js';

const ACADEMY = new URL('../fixtures/courses/academy/course.md', import.meta.url).href;
const MISTAKES = new URL('../fixtures/courses/author-mistakes/course.md', import.meta.url).href;
const WELCOME = 'lessons/welcome.md';
const MARKETPLACES = 'lessons/marketplaces.md';
const FINAL = 'lessons/final.md';

/** What the learner sees: hidden parts (visibility or the hidden attribute) are not seen. */
const seen = (element: Element | null) => element !== null && (element as HTMLElement).checkVisibility({ visibilityProperty: true });
const text = (element: Node | null) => element?.textContent?.replace(/\s+/g, ' ').trim();
const lessonTitle = (element: Element) => text(element.shadowRoot!.querySelector('.lesson-title'));
/** The parts of the player that the whole course and the learner's progress decide. */
const STATE_PARTS = '.bar, .progress-label, .toc-state, .state-icon, .lesson-nav';
const seenStateParts = (element: Element) => [...element.shadowRoot!.querySelectorAll(STATE_PARTS)].filter(seen);
const tocStates = (element: Element) => [...element.shadowRoot!.querySelectorAll('.toc-state')].map((state) => text(state));
/** Long enough for anything that arrived to be shown. */
const settle = () => aTimeout(300);

function player(src: string, namespace: string) {
  return fixtureSync<SabaqCoursePlayer>(html`<sabaq-course-player src=${src} namespace=${namespace}></sabaq-course-player>`);
}

/** A learner who completed Welcome and is in Marketplaces. */
async function inMarketplaces(namespace: string) {
  const store = openStore({ namespace });
  await store.completeLesson(ACADEMY_REF, 'welcome');
  await store.openLesson(ACADEMY_REF, 'marketplaces');
}

describe('<sabaq-course-player> while the lesson files arrive', () => {
  let release: ((...paths: string[]) => void) | undefined;
  beforeEach(() => forgetCourse());
  afterEach(() => {
    release?.();
    release = undefined;
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows the start page from the manifest alone, with no lesson state, and Start waits to open the right lesson', async () => {
    release = holdFiles(WELCOME, MARKETPLACES, FINAL);
    const events = recordEvents(document);
    const element = player(ACADEMY, freshNamespace());
    const start = await shadowElement(element, '.player[aria-busy=true] .start');
    const root = element.shadowRoot!;
    expect(text(root.querySelector('.course-title'))).to.equal('Export Academy');
    expect(text(start.querySelector('.prose'))).to.equal('Learn to export online.');
    expect(text(start.querySelector('.lesson-meta')), 'no minutes: they add up the lessons').to.equal('3 lessons');
    expect([...root.querySelectorAll('.toc-text > span:first-child')].map(text)).to.deep.equal(['Welcome', 'Marketplaces', 'Final check']);
    expect(seenStateParts(element), 'nothing the lessons decide is seen').to.deep.equal([]);
    const items = [...root.querySelectorAll('.toc-item')];
    expect(items.map((item) => item.getAttribute('aria-disabled'))).to.deep.equal(['true', 'true', 'true']);
    expect(items.map((item) => item.getAttribute('title'))).to.deep.equal(['', '', '']);

    button(element, 'Start the course').click();
    await settle();
    expect(root.querySelector('.lesson-title'), 'no lesson opens before Start knows where it leads').to.equal(null);
    expect(text(root.querySelector('.player > .notice[role=status]'))).to.equal('Loading the course…');

    release();
    await until(() => lessonTitle(element) === 'Welcome', 'Start did not open the first lesson');
    await shadowElement(element, '.player[aria-busy=false]');
    expect(text(root.querySelector('.player > .notice[role=status]')) ?? '').to.equal('');
    await until(() => events.of('sabaq-lesson-start').length === 1);
    events.stop();
    expect(events.of('sabaq-error')).to.deep.equal([]);
  });

  it('shows the lesson a Continue link names once its file and those before it have arrived, Next and the states once all have', async () => {
    release = holdFiles(MARKETPLACES, FINAL);
    location.hash = 'sabaq-lesson=welcome';
    const element = player(ACADEMY, freshNamespace());
    await until(() => lessonTitle(element) === 'Welcome', 'the linked lesson was not shown');
    const root = element.shadowRoot!;
    expect(root.querySelector('.player')!.getAttribute('aria-busy')).to.equal('true');
    expect(seen(root.querySelector('.prose')), 'the lesson text shows').to.equal(true);
    expect(text(root.querySelector('.prose'))).to.contain('Welcome to the academy.');
    expect(text(root.querySelector('.lesson-meta'))).to.equal('Lesson 1 of 3 · 3 minutes');
    expect(seenStateParts(element), 'no state, no Next').to.deep.equal([]);

    release();
    await shadowElement(element, '.player[aria-busy=false]');
    expect(lessonTitle(element)).to.equal('Welcome');
    expect(tocStates(element)).to.deep.equal(['Not started', 'Locked', 'Locked']);
    expect(seen(root.querySelector('.lesson-nav'))).to.equal(true);
    expect(location.hash, 'the link was answered').to.equal('');
  });

  it('never shows a linked lesson before its file, nor the start page in its place', async () => {
    const namespace = freshNamespace();
    await inMarketplaces(namespace);
    release = holdFiles(MARKETPLACES);
    location.hash = 'sabaq-lesson=marketplaces';
    const element = player(ACADEMY, namespace);
    await shadowElement(element, '.player[aria-busy=true]');
    await settle();
    const root = element.shadowRoot!;
    expect(root.querySelector('.lesson-title'), 'no lesson yet').to.equal(null);
    expect(root.querySelector('.start'), 'no start page').to.equal(null);
    expect(text(root.querySelector('main .notice[role=status]'))).to.equal('Loading the course…');

    release();
    await until(() => lessonTitle(element) === 'Marketplaces', 'the linked lesson was not shown once it arrived');
  });

  it('reopens a returning learner’s last lesson once it and the lessons before it have arrived, before the rest', async () => {
    const namespace = freshNamespace();
    await inMarketplaces(namespace);
    release = holdFiles(MARKETPLACES, FINAL);
    const element = player(ACADEMY, namespace);
    await shadowElement(element, '.player[aria-busy=true] .toc-item');
    await settle();
    const root = element.shadowRoot!;
    expect(root.querySelector('.lesson-title'), 'not before its file').to.equal(null);
    expect(root.querySelector('.start'), 'not the start page either').to.equal(null);

    release(MARKETPLACES);
    await until(() => lessonTitle(element) === 'Marketplaces', 'the last lesson was not reopened once it arrived');
    expect(root.querySelector('.player')!.getAttribute('aria-busy'), 'the final lesson is still on its way').to.equal('true');
    expect(seenStateParts(element)).to.deep.equal([]);

    release(FINAL);
    await shadowElement(element, '.player[aria-busy=false]');
    expect(lessonTitle(element)).to.equal('Marketplaces');
    expect(tocStates(element)).to.deep.equal(['Complete', 'In progress', 'Locked']);
  });

  it("keeps a lesson's quiz waiting until the whole course is read, then tells its completion once", async () => {
    const namespace = freshNamespace();
    await inMarketplaces(namespace);
    release = holdFiles(FINAL);
    const events = recordEvents(document);
    const element = player(ACADEMY, namespace);
    await until(() => lessonTitle(element) === 'Marketplaces');
    await settle();
    // What is done in a quiz is told of the course (events, learning records): it waits for the course.
    expect(element.shadowRoot!.querySelector('main sabaq-quiz'), 'no quiz before the whole course').to.equal(null);
    expect(element.shadowRoot!.querySelector('main .prose [role=status]')!.textContent).to.contain('Loading');

    release();
    await passMarketplacesQuiz(element);
    await until(() => events.of('sabaq-progress').length > 0, 'the completion was never told');
    await settle();
    events.stop();
    expect(events.of('sabaq-lesson-complete').map((event) => event.detail)).to.deep.equal([
      { courseId: 'academy', lessonId: 'marketplaces' },
    ]);
    expect(events.of('sabaq-progress').map((event) => event.detail)).to.deep.equal([
      { courseId: 'academy', completed: 2, total: 3, percent: 66 },
    ]);
    expect(events.of('sabaq-course-complete')).to.deep.equal([]);
    expect(tocStates(element)).to.deep.equal(['Complete', 'Complete', 'Not started']);
  });

  it('lists the manifest’s errors at once but fires sabaq-error once, from the whole course', async () => {
    release = holdFiles('lessons/cafe.md');
    const events = recordEvents(document);
    const element = player(MISTAKES, freshNamespace());
    await shadowElement(element, '.player[aria-busy=true] .start [role=alert]');
    await settle();
    expect(events.of('sabaq-error')).to.deep.equal([]);

    release();
    await shadowElement(element, '.player[aria-busy=false]');
    await settle();
    events.stop();
    expect(events.of('sabaq-error').map((event) => event.detail.code)).to.deep.equal(['course-invalid']);
  });

  it('keeps the tracker and the certificate waiting for the whole course', async () => {
    release = holdFiles(FINAL);
    const namespace = freshNamespace();
    const box = fixtureSync(html`<div>
      <sabaq-course-player src=${ACADEMY} namespace=${namespace}></sabaq-course-player>
      <sabaq-progress-tracker src=${ACADEMY} namespace=${namespace}></sabaq-progress-tracker>
      <sabaq-certificate src=${ACADEMY} namespace=${namespace}></sabaq-certificate>
    </div>`);
    const [coursePlayer, tracker, certificate] = [...box.children];
    await shadowElement(coursePlayer!, '.player[aria-busy=true] .start');
    for (const element of [tracker!, certificate!]) {
      expect(text(element.shadowRoot!.querySelector('[role=status]')), element.localName).to.equal('Loading the course…');
    }

    release();
    await shadowElement(tracker!, '[role=progressbar]');
    expect(text(tracker!.shadowRoot!.querySelector('.tracker'))).to.contain('0 of 3 lessons complete');
    await until(() => !text(certificate!.shadowRoot!)!.includes('Loading'), 'the certificate never showed the course');
    expect(text(certificate!.shadowRoot!)).to.contain('Complete 3 more lessons.');
  });
});
