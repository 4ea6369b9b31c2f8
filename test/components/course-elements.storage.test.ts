/**
 * The course elements when their storage goes wrong under them: site data cleared mid-course (made with
 * Chromium's DevTools protocol in a tab whose origin no other test uses), and a namespace or learner
 * longer than the store takes.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import { engineCapabilities } from '../lib/store/helpers.js';
import { freshNamespace, recordEvents, shadowElement, until } from './helpers.js';

const ACADEMY = new URL('../fixtures/courses/academy/course.md', import.meta.url);
const TAB_ELEMENTS = '/test/components/tab-elements.ts';
const TAGS = ['sabaq-course-player', 'sabaq-progress-tracker', 'sabaq-certificate'] as const;

type TabElements = typeof import('./tab-elements.js');

/** A tab of an origin of its own, showing a course with every course element (tab-elements.ts). */
async function openCourseTab() {
  const { id, origin } = await executeServerCommand<{ id: number; origin: string }, object>('sabaq-tab-open', { isolated: true });
  return {
    origin,
    async call<Name extends keyof TabElements>(
      name: Name,
      ...args: Parameters<TabElements[Name]>
    ): Promise<Awaited<ReturnType<TabElements[Name]>>> {
      const { value } = await executeServerCommand<{ value: never }, object>('sabaq-tab-call', { id, module: TAB_ELEMENTS, name, args });
      return value;
    },
    devTools: (method: string, params: object) => executeServerCommand('sabaq-cdp', { id, method, params }),
    close: () => executeServerCommand('sabaq-tab-close', { id }),
  };
}

describe('course elements and their storage', () => {
  it('says in every element that site data was cleared, shows what is left, and saves again', async function () {
    // Clearing site data needs the DevTools protocol, which only Chromium speaks.
    if (!(await engineCapabilities()).cdp) this.skip();
    this.timeout(30000);
    const tab = await openCourseTab();
    try {
      const namespace = freshNamespace();
      await tab.call('showCourse', ACADEMY.pathname, namespace);
      await tab.call('clickInPlayer', 'Start the course');
      const player = async () => (await tab.call('seen')).elements['sabaq-course-player']!.text;
      await until(async () => (await player()).includes('Next'), 'the lesson did not open', 10000);
      await tab.call('clickInPlayer', 'Next');
      await until(async () => (await player()).includes('1 of 3 lessons complete'), 'the first lesson did not complete', 10000);

      await tab.devTools('Storage.clearDataForOrigin', { origin: tab.origin, storageTypes: 'indexeddb' });
      await until(
        async () => {
          const { elements, errors } = await tab.call('seen');
          return TAGS.every((tag) => elements[tag]!.notices.length > 0 && errors.some((error) => error.element === tag));
        },
        'not every element told the learner',
        10000,
      );
      const { elements, errors } = await tab.call('seen');
      for (const tag of TAGS) {
        expect(elements[tag]!.notices.join(' '), tag).to.contain('some of your progress may be gone');
        expect(
          errors.filter((error) => error.element === tag).map((error) => error.code),
          tag,
        ).to.deep.equal(['storage-closed']);
      }
      expect(elements['sabaq-course-player']!.text, 'the progress left').to.contain('0 of 3 lessons complete');
      expect(elements['sabaq-progress-tracker']!.text).to.contain('0 of 3 lessons complete');

      await tab.call('clickInPlayer', 'Welcome');
      await until(async () => (await player()).includes('Lesson 1 of 3'), 'the first lesson did not open again', 10000);
      await tab.call('clickInPlayer', 'Next');
      await until(async () => (await player()).includes('1 of 3 lessons complete'), 'the lesson did not complete again', 10000);
      expect(await tab.call('savedLessons', namespace), 'saved in the reopened database').to.include('welcome');
    } finally {
      await tab.close();
    }
  });

  for (const [attribute, value] of [
    ['namespace', `partner-${'n'.repeat(300)}`],
    ['learner', `learner-${'l'.repeat(300)}`],
  ] as const) {
    it(`keeps progress in memory and says so for a ${attribute} over 256 characters`, async () => {
      const events = recordEvents(document);
      const escaped: unknown[] = [];
      const onError = (event: ErrorEvent | PromiseRejectionEvent) => escaped.push('reason' in event ? event.reason : event.error);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onError);
      const namespace = attribute === 'namespace' ? value : freshNamespace();
      const learner = attribute === 'learner' ? value : 'default';
      const box = fixtureSync<HTMLDivElement>(html`<div>
        <sabaq-course-player src=${ACADEMY.href} namespace=${namespace} learner=${learner}></sabaq-course-player>
        <sabaq-progress-tracker src=${ACADEMY.href} namespace=${namespace} learner=${learner}></sabaq-progress-tracker>
      </div>`);
      try {
        const [player, tracker] = [box.querySelector('sabaq-course-player')!, box.querySelector('sabaq-progress-tracker')!];
        await shadowElement(player, '.player[aria-busy=false]');
        await shadowElement(tracker, '.tracker');
        const notice = player.shadowRoot!.querySelector('[part=notice]');
        expect(notice?.textContent, 'a visible notice').to.contain('Your progress cannot be saved in this browser');
        const unavailable = events.of('sabaq-error').filter((event) => event.detail.code === 'storage-unavailable');
        expect(unavailable.map((event) => (event.target as Element).localName)).to.deep.equal([
          'sabaq-course-player',
          'sabaq-progress-tracker',
        ]);
        expect(unavailable[0]!.detail.message).to.contain(`${attribute} is longer than 256 characters`);
        expect(events.of('sabaq-error').filter((event) => event.detail.code !== 'storage-unavailable')).to.deep.equal([]);

        // Progress is kept in memory, and the tracker stays in step with the player.
        player.shadowRoot!.querySelector<HTMLButtonElement>('main .button')!.click();
        await until(() => player.shadowRoot!.querySelector('.lesson-title'), 'the lesson did not open');
        [...player.shadowRoot!.querySelectorAll<HTMLButtonElement>('.lesson-nav .button')].at(-1)!.click();
        await until(() => tracker.shadowRoot!.textContent!.includes('1 of 3 lessons complete'), 'the tracker did not follow');
        expect(escaped).to.deep.equal([]);
      } finally {
        events.stop();
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onError);
      }
    });
  }
});
