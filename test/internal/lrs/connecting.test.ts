/**
 * What a learner does while the connection's code is still loading (about 100 ms after connectLrs(), a
 * few seconds on a slow phone network) is recorded all the same. This file must load the connection
 * for the first time in its page: another test having loaded it would close the window being tested.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { connectLrs } from '../../../src/connect-lrs.js';
import { openStore } from '../../../src/lib/store/index.js';
import { freshNamespace, shadowElement } from '../../components/helpers.js';
import { lrsStatements, startLrs } from '../../lib/xapi/lrs.js';

const ACADEMY = new URL('../../fixtures/courses/academy/course.md', import.meta.url).href;

describe('connectLrs while its code loads', function () {
  this.timeout(60_000);

  it('an action made immediately after connectLrs() reaches the LRS', async () => {
    const lrs = await startLrs();
    const namespace = freshNamespace();
    const learner = `learner-${crypto.randomUUID()}`;
    // An element has opened the course: actions are recorded in the courses elements show.
    const tracker = await fixture(
      html`<sabaq-progress-tracker src=${ACADEMY} learner=${learner} namespace=${namespace}></sabaq-progress-tracker>`,
    );
    await shadowElement(tracker, '[part=progress]', 10_000);
    const store = openStore({ namespace });
    const ref = { learner, courseId: 'academy' };
    await store.getProgress(ref); // The store has nothing else to do first.

    const connection = connectLrs({ ...lrs, namespace });
    // The store decides whether to record within microtasks of this call, and the connection's code
    // (files fetched from the server) cannot have arrived by then.
    await store.openLesson(ref, 'welcome');

    expect(await connection.flush()).to.deep.include({ pending: 0, rejected: 0 });
    const stored = await lrsStatements({ objectType: 'Agent', account: { homePage: location.origin, name: learner } });
    expect(stored.map((statement) => `${statement.verb.display['en-US']} ${statement.object.id.slice(ACADEMY.length)}`)).to.deep.equal([
      'attempted /lessons/welcome',
    ]);
    connection.close();
  });
});
