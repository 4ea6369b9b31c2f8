import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import '../../src/define.js';
import type { SabaqProgressTracker } from '../../src/components/progress-tracker/progress-tracker.js';
import { openStore } from '../../src/lib/store/index.js';
import { button, freshNamespace, recordEvents, shadowElement, until } from './helpers.js';

const ACADEMY = new URL('../fixtures/courses/academy/course.md', import.meta.url).href;
const text = (element: Element) => element.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function tracker(namespace: string, layout = 'full', lang = '') {
  const element = await fixture<SabaqProgressTracker>(
    html`<sabaq-progress-tracker src=${ACADEMY} namespace=${namespace} layout=${layout} lang=${lang}></sabaq-progress-tracker>`,
  );
  await shadowElement(element, '.tracker');
  return element;
}

describe('<sabaq-progress-tracker>', () => {
  it('shows a new learner at 0% with a Continue link to the first lesson', async () => {
    const element = await tracker(freshNamespace());
    const bar = element.shadowRoot!.querySelector('[part=progress]')!;
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-valuenow')).to.equal('0');
    expect(text(element)).to.contain('0 of 3 lessons complete');
    expect(text(element)).to.not.contain('Quiz scores');
    const link = element.shadowRoot!.querySelector<HTMLAnchorElement>('a[part=continue]')!;
    expect(link.textContent!.trim()).to.equal('Continue: Welcome');
    expect(link.href).to.equal(`${location.href.split('#')[0]}#sabaq-lesson=welcome`);
    await expect(element).to.be.accessible();
  });

  it('shows progress, modules, best quiz scores and time spent from the store', async () => {
    const namespace = freshNamespace();
    const store = openStore({ namespace });
    const ref = { learner: 'default', courseId: 'academy' };
    await store.openLesson(ref, 'welcome');
    await store.addTimeSpent(ref, 'welcome', 5 * 60_000);
    await store.completeLesson(ref, 'welcome');
    await store.addQuizAttempt(ref, { quizId: 'marketplaces-1', answers: {}, score: 0, passed: false, quizHash: 'h' });
    await store.addQuizAttempt(ref, { quizId: 'marketplaces-1', answers: {}, score: 100, passed: true, quizHash: 'h' });
    const element = await tracker(namespace);
    expect(element.shadowRoot!.querySelector('[part=progress]')!.getAttribute('aria-valuenow')).to.equal('66');
    expect(text(element)).to.contain('2 of 3 lessons complete');
    const modules = [...element.shadowRoot!.querySelectorAll('ul [role=progressbar]')].map((bar) => [
      bar.getAttribute('aria-label'),
      bar.getAttribute('aria-valuenow'),
      bar.getAttribute('aria-valuemax'),
    ]);
    expect(modules).to.deep.equal([
      ['Basics', '2', '2'],
      ['Final', '0', '1'],
    ]);
    expect(text(element)).to.match(/Marketplaces\s*100%/);
    expect(text(element)).to.contain('Time spent: 5 minutes');
    expect(text(element)).to.contain('Continue: Final check');
  });

  it('keeps each score and module count on one line in a narrow sidebar', async () => {
    const namespace = freshNamespace();
    const ref = { learner: 'default', courseId: 'academy' };
    await openStore({ namespace }).addQuizAttempt(ref, { quizId: 'marketplaces-1', answers: {}, score: 100, passed: true, quizHash: 'h' });
    const element = await tracker(namespace);
    element.style.cssText = 'display: block; width: 9rem';
    await until(() => element.shadowRoot!.textContent!.includes('100%'));
    const counts = [...element.shadowRoot!.querySelectorAll('.row > span:last-child')];
    expect(counts.map((count) => count.textContent)).to.deep.equal(['1/2', '0/1', '100%']);
    for (const count of counts) {
      const range = document.createRange();
      range.selectNodeContents(count);
      const lineTops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      expect(lineTops.size, `"${count.textContent}" broken over lines`).to.equal(1);
    }
  });

  it('keeps to the essentials in the compact layout', async () => {
    const element = await tracker(freshNamespace(), 'compact');
    expect(element.shadowRoot!.querySelectorAll('[role=progressbar]')).to.have.length(1);
    expect(text(element)).to.not.contain('Quiz scores');
  });

  it('updates at once when the learner progresses elsewhere on the page', async () => {
    const namespace = freshNamespace();
    const element = await tracker(namespace);
    await openStore({ namespace }).completeLesson({ learner: 'default', courseId: 'academy' }, 'welcome');
    await until(() => text(element).includes('1 of 3 lessons complete'), 'the tracker did not update');
  });

  it('asks the player on the page to open the next lesson, instead of following the link', async () => {
    const namespace = freshNamespace();
    // fixtureSync: fixture() waits for an animation frame for a plain <div>, and a test page in the
    // background (the runner runs two at once) gets none.
    const page = fixtureSync(html`<div>
      <sabaq-course-player src=${ACADEMY} namespace=${namespace}></sabaq-course-player>
      <sabaq-progress-tracker src=${ACADEMY} namespace=${namespace}></sabaq-progress-tracker>
    </div>`);
    const [player, element] = [page.children[0]!, page.children[1]!];
    await shadowElement(player, '.player[aria-busy=false]');
    const link = await shadowElement<HTMLAnchorElement>(element, 'a[part=continue]');
    const events = recordEvents(player);
    const clicked = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(clicked);
    expect(clicked.defaultPrevented).to.equal(true);
    await until(() => events.of('sabaq-lesson-start').length === 1, 'the player did not open the lesson');
    expect(events.of('sabaq-lesson-start')[0]!.detail.lessonId).to.equal('welcome');
    await until(() => player.shadowRoot!.querySelector('.lesson-title')?.textContent === 'Welcome', 'the lesson is not shown');
    expect(button(player, 'Next').disabled, 'the button can be pressed').to.be.false;
  });

  it('speaks Urdu right to left', async () => {
    const element = await tracker(freshNamespace(), 'full', 'ur');
    expect(element.shadowRoot!.querySelector('.tracker')!.getAttribute('dir')).to.equal('rtl');
    expect(text(element)).to.contain('3 میں سے 0 اسباق مکمل');
    await expect(element).to.be.accessible();
  });
});
