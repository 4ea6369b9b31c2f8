/**
 * What a learner does while the connection's code is still loading (about 100 ms after connectLrs(), a
 * few seconds on a slow phone network) is recorded all the same. This file must load the connection
 * for the first time in its page: another test having loaded it would close the window being tested.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { connectLrs } from '../../../src/connect-lrs.js';
import { openStore } from '../../../src/lib/store/index.js';
import { button, freshNamespace, until } from '../../components/helpers.js';
import { lrsStatements, startLrs } from '../../lib/xapi/lrs.js';

const ACADEMY = new URL('../../fixtures/courses/academy/course.md', import.meta.url).href;

describe('connectLrs while its code loads', function () {
  this.timeout(60_000);

  it('an action made immediately after connectLrs() reaches the LRS', async () => {
    const lrs = await startLrs();
    const namespace = freshNamespace();
    const learner = `learner-${crypto.randomUUID()}`;
    const player = await fixture(
      html`<sabaq-course-player src=${ACADEMY} learner=${learner} namespace=${namespace}></sabaq-course-player>`,
    );
    await until(() => player.shadowRoot?.textContent?.includes('Start the course'), 'no start page', 10_000);
    let savedAt: number | undefined;
    openStore({ namespace }).subscribe(() => (savedAt ??= performance.now()));

    const connection = connectLrs({ ...lrs, namespace });
    button(player, 'Start the course').click();

    await until(() => savedAt !== undefined, 'the lesson was not opened');
    expect(await connection.flush()).to.deep.include({ pending: 0, rejected: 0 });
    const loaded = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) =>
      entry.name.includes('/src/internal/lrs/connection.ts'),
    );
    expect(savedAt, 'the lesson was opened before the connection had loaded').to.be.below(loaded!.responseEnd);
    const stored = await lrsStatements({ objectType: 'Agent', account: { homePage: location.origin, name: learner } });
    expect(stored.map((statement) => `${statement.verb.display['en-US']} ${statement.object.id.slice(ACADEMY.length)}`)).to.deep.equal([
      'attempted /lessons/welcome',
    ]);
    connection.close();
  });
});
