/**
 * The player when something goes wrong around it: a lesson file the network or server fails to send, a
 * lesson the Markdown library cannot render, a course too broken to show, a Continue link's hash.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/define.js';
import type { SabaqCoursePlayer } from '../../src/components/course-player/course-player.js';
import { continueHref } from '../../src/internal/continue-link.js';
import { forgetCourse } from '../../src/lib/course/loader.js';
import { openStore } from '../../src/lib/store/index.js';
import { button, freshNamespace, recordEvents, shadowElement, until } from './helpers.js';

const ACADEMY = new URL('../fixtures/courses/academy/course.md', import.meta.url).href;
const BASIC = new URL('../fixtures/courses/basic/course.md', import.meta.url).href;

async function player(src: string, namespace = freshNamespace()) {
  const element = fixtureSync<SabaqCoursePlayer>(html`<sabaq-course-player src=${src} namespace=${namespace}></sabaq-course-player>`);
  await shadowElement(element, '.player[aria-busy=false], [role=alert]');
  return element;
}

const text = (element: Element) => element.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const lessonTitle = (element: Element) => element.shadowRoot!.querySelector('.lesson-title')?.textContent;
const tocItem = (element: Element, index: number) => [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toc-item')][index]!;

/**
 * Answers requests for URLs holding `marker` with `answer()` (a network failure, a server error) until
 * the returned function is called; everything else goes to the network as usual.
 */
function failRequests(marker: string, answer: () => Promise<Response>): () => void {
  const original = window.fetch;
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return url.includes(marker) ? answer() : original(input, init);
  };
  return () => {
    window.fetch = original;
  };
}

/** A course of blob URLs: a manifest linking lessons whose text is given. */
function blobCourse(lessons: Record<string, string>): string {
  const links = Object.entries(lessons).map(([id, body]) => {
    const url = URL.createObjectURL(new Blob([`---\nid: ${id}\n---\n${body}`], { type: 'text/markdown' }));
    return `- [${id[0]!.toUpperCase()}${id.slice(1)}](${url})`;
  });
  return URL.createObjectURL(new Blob([`---\nid: blob-course\n---\n# Blob course\n\n## Only\n${links.join('\n')}\n`]));
}

describe('<sabaq-course-player> when something fails', () => {
  beforeEach(() => forgetCourse());

  it('says a lesson could not be loaded for the network, not the author; Retry shows it and Next works', async function () {
    this.timeout(20000); // Two retries with back-off before a lesson counts as failed.
    const restore = failRequests('lessons/second.md', () => Promise.reject(new TypeError('Failed to fetch')));
    let element: SabaqCoursePlayer;
    try {
      element = await player(BASIC);
    } finally {
      restore();
    }
    const events = recordEvents(element);
    tocItem(element, 1).click();
    await until(() => events.of('sabaq-error').length === 1, 'no sabaq-error');
    expect(events.of('sabaq-error')[0]!.detail.code).to.equal('network');
    expect(text(element)).to.contain('This lesson could not be loaded. Check your connection and try again.');
    expect(text(element)).not.to.contain('has errors');

    button(element, 'Try again').click();
    await until(() => element.shadowRoot!.querySelector('main sabaq-quiz'), 'Retry did not show the lesson');
    expect(lessonTitle(element)).to.equal('Second');
    expect(element.shadowRoot!.querySelector('main [role=alert]')).to.equal(null);
    button(element, 'Next').click();
    await until(() => lessonTitle(element) === 'Missing', 'Next did not open the next lesson');
  });

  it('says the server failed, not the connection, for an HTTP 500', async function () {
    this.timeout(20000);
    const restore = failRequests('lessons/second.md', () => Promise.resolve(new Response('oops', { status: 500 })));
    try {
      const element = await player(BASIC);
      const events = recordEvents(element);
      tocItem(element, 1).click();
      await until(() => events.of('sabaq-error').length === 1, 'no sabaq-error');
      expect(events.of('sabaq-error')[0]!.detail.code).to.equal('network');
      expect(text(element)).to.contain('The server failed to send this lesson (error 500)');
      expect(text(element)).not.to.contain('connection');
      expect(button(element, 'Try again').disabled).to.equal(false);
    } finally {
      restore();
    }
  });

  it('shows a lesson it cannot render as an error in its place, keeps working, and reopens after a reload', async function () {
    // Nesting deep enough to overflow the stack of a recursive Markdown renderer in every engine (WebKit's
    // takes 20,000 levels), which takes the renderer seconds to reach.
    this.timeout(40000);
    const src = blobCourse({ first: 'A plain lesson.', deep: `${'>'.repeat(20000)} deep`, last: 'The end.' });
    const namespace = freshNamespace();
    const element = await player(src, namespace);
    const events = recordEvents(element);
    button(element, 'Start the course').click();
    await until(() => lessonTitle(element) === 'First');
    button(element, 'Next').click();
    await until(() => lessonTitle(element) === 'Deep', 'the deep lesson did not open', 15000);
    await until(() => element.shadowRoot!.querySelector('main [role=alert]'), 'no error in place of the lesson', 15000);
    await until(() => events.of('sabaq-error').length > 0, 'no sabaq-error');
    expect(events.of('sabaq-error').map((event) => event.detail.code)).to.deep.equal(['lesson-invalid']);

    tocItem(element, 2).click();
    await until(() => lessonTitle(element) === 'Last', 'the player stopped responding');
    tocItem(element, 1).click();
    await until(() => lessonTitle(element) === 'Deep');
    element.remove();

    const reloaded = await player(src, namespace);
    await until(() => lessonTitle(reloaded) === 'Deep', 'a reload did not reopen the last lesson', 15000);
    expect(reloaded.shadowRoot!.querySelector('main [role=alert]')).to.exist;
    expect(text(reloaded)).not.to.contain('Loading the course');
  });

  it('fires course-invalid for a course it cannot show at all', async () => {
    const events = recordEvents(document);
    const broken = URL.createObjectURL(new Blob(['# Export Basics\n\n## Only\n- [One](one.md)\n']));
    const element = await player(broken);
    await until(() => events.of('sabaq-error').length > 0, 'no sabaq-error');
    events.stop();
    expect(text(element)).to.contain('This course has errors and cannot be shown.');
    const errors = events.of('sabaq-error').filter((event) => event.target === element);
    expect(errors.map((event) => event.detail.code)).to.deep.equal(['course-invalid']);
    expect(errors[0]!.detail.message).to.contain('id');
  });

  it('answers a Continue link once: the hash is cleared, and a reload reopens the last lesson', async () => {
    const page = location.href.split('#')[0]!;
    const namespace = freshNamespace();
    history.replaceState(null, '', continueHref(page, 'welcome'));
    try {
      const element = await player(ACADEMY, namespace);
      await until(() => lessonTitle(element) === 'Welcome', 'the linked lesson was not opened');
      await until(() => location.hash === '', 'the hash was not cleared');
      expect(location.href).to.equal(page);
      const events = recordEvents(element);
      button(element, 'Next').click();
      await until(() => events.of('sabaq-lesson-start').length === 1);
      element.remove();

      const reloaded = await player(ACADEMY, namespace);
      await until(() => lessonTitle(reloaded) === 'Marketplaces', 'the reload went back to the linked lesson');
    } finally {
      history.replaceState(null, '', page);
    }
  });

  it('saves the time spent in a lesson for the learner who spent it when the learner changes', async () => {
    const namespace = freshNamespace();
    const element = await player(ACADEMY, namespace);
    element.learner = 'amna';
    await element.updateComplete;
    await until(() => [...element.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent!.trim() === 'Start the course'));
    const events = recordEvents(element);
    button(element, 'Start the course').click();
    await until(() => events.of('sabaq-lesson-start').length === 1);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    element.learner = 'bilal';
    const store = openStore({ namespace });
    await until(async () => {
      const progress = await store.getProgress({ learner: 'amna', courseId: 'academy' });
      return (progress.lessons.welcome?.timeSpentMs ?? 0) >= 1000;
    }, "amna's time was not saved");
    const bilal = await store.getProgress({ learner: 'bilal', courseId: 'academy' });
    expect(bilal.lessons).to.deep.equal({});
  });

  it('saves the time spent in an open lesson at least every 30 seconds', async function () {
    this.timeout(45000);
    // Only time the lesson is visible counts, and the runner may show this page in a background tab:
    // the page says it is visible, as it is to a learner reading the lesson.
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    try {
      const namespace = freshNamespace();
      const element = await player(ACADEMY, namespace);
      const events = recordEvents(element);
      button(element, 'Start the course').click();
      await until(() => events.of('sabaq-lesson-start').length === 1);
      const store = openStore({ namespace });
      const saved = async () => (await store.getProgress({ learner: 'default', courseId: 'academy' })).lessons.welcome?.timeSpentMs ?? 0;
      // Saved by the 30-second timer alone: the lesson stays open and the page visible throughout.
      await until(async () => (await saved()) >= 1000, 'no time saved while the lesson stayed open', 40000);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      expect(Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')).to.deep.equal(visibility);
    }
  });
});
