/**
 * Two tabs of one site (SPEC §3): what a learner does in the player of one shows in the tracker,
 * player and certificate of the other. The second tab is a same-origin iframe holding a page with its
 * own copy of sabaq (WebDriver cannot open a tab without taking the runner's window): for IndexedDB and
 * the store's BroadcastChannel it is another document of the origin, just as a tab is.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/define.js';
import { passMarketplacesQuiz } from './academy-progress.js';
import { button, freshNamespace, shadowElement, until } from './helpers.js';

const ACADEMY = new URL('../fixtures/courses/academy/course.md', import.meta.url).href;
const SECOND_TAB = new URL('../fixtures/pages/second-tab.html', import.meta.url).href;

const text = (element: Element) => element.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const percentShown = (tracker: Element) => tracker.shadowRoot!.querySelector('[part=progress]')?.getAttribute('aria-valuenow');
const tocStates = (player: Element) =>
  [...player.shadowRoot!.querySelectorAll('.toc-item')].map((item) => item.querySelector('.toc-state')!.textContent!.trim());
const lessonTitle = (player: Element) => player.shadowRoot!.querySelector('.lesson-title')?.textContent;

/** Opens the second tab on `namespace`; resolves with its elements once each shows the course. */
async function openSecondTab(namespace: string) {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 700px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${SECOND_TAB}?namespace=${namespace}`;
  document.body.append(frame);
  await loaded;
  const page = frame.contentDocument!;
  const [player, tracker, certificate] = ['sabaq-course-player', 'sabaq-progress-tracker', 'sabaq-certificate'].map((tag) =>
    page.querySelector(tag)!,
  );
  // A precondition: its own registry and its own copy of every module.
  expect(frame.contentWindow!.customElements).to.not.equal(window.customElements);
  await Promise.all([
    shadowElement(player!, '.player[aria-busy=false]', 10000),
    shadowElement(tracker!, '.tracker', 10000),
    shadowElement(certificate!, '.certificate-box', 10000),
  ]);
  // Its store is its own too: it opened IndexedDB from that page, so what reaches it from this page goes
  // through the database and the cross-tab notices, as between two tabs.
  expect((frame.contentWindow as Window & { indexedDbOpens: number }).indexedDbOpens, 'IndexedDB opened by the second page').to.be.at.least(
    1,
  );
  return { frame, player: player!, tracker: tracker!, certificate: certificate! };
}

describe('two tabs of one site', function () {
  this.timeout(30000);
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('keep the player, tracker and certificate of each in step with what the learner does in the other', async () => {
    const namespace = freshNamespace();
    // fixtureSync: fixture() waits for an animation frame for a plain <div>, which a background page lacks.
    const page = fixtureSync(html`<div style="width: 900px">
      <sabaq-course-player src=${ACADEMY} namespace=${namespace}></sabaq-course-player>
      <sabaq-progress-tracker src=${ACADEMY} namespace=${namespace}></sabaq-progress-tracker>
    </div>`);
    const [player, tracker] = [page.children[0]!, page.children[1]!];
    await shadowElement(player, '.player[aria-busy=false]');
    await shadowElement(tracker, '.tracker');
    expect(percentShown(tracker)).to.equal('0');

    const other = await openSecondTab(namespace);
    frame = other.frame;
    expect(text(other.certificate)).to.contain('Complete 3 more lessons.');

    // In the other tab, the learner reads Welcome and moves on: Welcome is complete.
    button(other.player, 'Start the course').click();
    await until(() => lessonTitle(other.player) === 'Welcome', 'the other tab did not open Welcome');
    button(other.player, 'Next').click();
    await until(() => lessonTitle(other.player) === 'Marketplaces', 'the other tab did not move on to Marketplaces');

    // This tab follows.
    await until(() => percentShown(tracker) === '33', 'the tracker here did not follow the other tab');
    expect(text(tracker)).to.contain('1 of 3 lessons complete');
    expect(text(tracker)).to.contain('Continue: Marketplaces');
    // Welcome complete, and Marketplaces, opened over there, in progress.
    const expected = ['Complete', 'In progress', 'Locked'].join();
    await until(() => tocStates(player).join() === expected, `this tab's player did not show ${expected}`);

    // Here, the learner passes the Marketplaces quiz: the other tab follows.
    button(player, 'Continue').click();
    await until(() => lessonTitle(player) === 'Marketplaces', 'this tab did not open Marketplaces');
    await passMarketplacesQuiz(player);

    await until(() => percentShown(other.tracker) === '66', 'the tracker in the other tab did not follow');
    expect(text(other.tracker)).to.contain('2 of 3 lessons complete');
    expect(text(other.tracker)).to.match(/Marketplaces\s*100%/);
    await until(() => text(other.certificate).includes('Complete 1 more lesson.'), 'the certificate in the other tab did not follow');
    // The other tab's player, open at Marketplaces, now lets the learner go on.
    await until(() => !button(other.player, 'Next').disabled, "the other tab's player still holds the learner at the quiz");
  });
});
