/**
 * A full disk and site data cleared mid-session, made with Chromium's DevTools protocol in a tab whose
 * origin no other test uses (limiting or clearing storage is per origin).
 */
import { expect } from '@open-wc/testing';
import type { CourseProgress } from '../../../src/lib/progress.js';
import type { CourseRef, StorageProblem } from '../../../src/lib/store/index.js';
import { type Tab, engineCapabilities, openTab, uniqueDatabaseName, until } from './helpers.js';

const course: CourseRef = { learner: 'ayesha', courseId: 'export-basics' };
const key = (lessonId: string) => ['default', 'ayesha', 'export-basics', lessonId];

/** Text that does not compress, as Chromium compresses large values before counting them. */
function randomText(length: number): string {
  let text = '';
  while (text.length < length) text += Math.random().toString(36).slice(2);
  return text.slice(0, length);
}

describe('storage under pressure', () => {
  let databaseName: string;
  let tab: Tab;

  before(async function () {
    // Limiting quota and clearing site data need the DevTools protocol, which only Chromium speaks.
    if (!(await engineCapabilities()).cdp) this.skip();
  });

  beforeEach(async () => {
    databaseName = uniqueDatabaseName('pressure');
    tab = await openTab({ isolated: true });
  });

  afterEach(() => tab.close());

  async function problemsWhen(check: (state: { status: string; problems: StorageProblem[] }) => boolean) {
    let state = await tab.call('storeState');
    await until(async () => check((state = await tab.call('storeState'))), 'the store to react', 3000);
    return state;
  }

  it('keeps earlier records when the disk is full, carries on in memory, and saves it all once there is room', async () => {
    // Chromium caches the room left for about 30 seconds after a write: limit it before the first one.
    await tab.devTools('Storage.overrideQuotaForOrigin', { origin: tab.origin, quotaSize: 300 * 1024 });
    await tab.call('openTestStore', databaseName);
    for (const lessonId of ['why', 'marketplaces', 'incoterms']) await tab.call('callStore', 'completeLesson', course, lessonId);

    const answers = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`q${i}`, randomText(10_000)]));
    await tab.call('callStore', 'addQuizAttempt', course, { quizId: 'essay', answers, score: 100, passed: true, quizHash: 'q1' });
    let state = await tab.call('storeState');
    expect(state.status).to.equal('memory');
    expect(state.problems).to.have.length(1);
    expect(state.problems[0]).to.include({ code: 'storage-unavailable', reason: 'quota' });
    expect(await tab.call('readKeys', databaseName, 'lessons'), 'earlier records on disk').to.deep.equal(
      ['incoterms', 'marketplaces', 'why'].map(key),
    );
    expect(await tab.call('readKeys', databaseName, 'attempts'), 'the refused attempt is not on disk').to.deep.equal([]);

    await tab.call('callStore', 'completeLesson', course, 'pricing');
    let progress = (await tab.call('callStore', 'getProgress', course)) as CourseProgress;
    expect(Object.keys(progress.lessons), 'the learner sees all of it meanwhile').to.have.length(4);
    expect(progress.attempts.essay).to.have.length(1);

    await tab.devTools('Storage.overrideQuotaForOrigin', { origin: tab.origin });
    await tab.call('callStore', 'completeLesson', course, 'final');
    state = await tab.call('storeState');
    expect(state.status, 'back on IndexedDB').to.equal('indexeddb');
    expect(state.problems, 'reported once').to.have.length(1);

    await tab.reload();
    await tab.call('openTestStore', databaseName);
    progress = (await tab.call('callStore', 'getProgress', course)) as CourseProgress;
    expect(Object.keys(progress.lessons).sort(), 'everything, after a reload').to.deep.equal([
      'final',
      'incoterms',
      'marketplaces',
      'pricing',
      'why',
    ]);
    expect(progress.attempts.essay![0]!.answers).to.deep.equal(answers);
  });

  it('notices site data cleared mid-session, reports it, reopens and keeps saving', async () => {
    await tab.call('openTestStore', databaseName);
    await tab.call('callStore', 'completeLesson', course, 'why');

    await tab.devTools('Storage.clearDataForOrigin', { origin: tab.origin, storageTypes: 'indexeddb' });
    const state = await problemsWhen(({ problems }) => problems.length > 0);
    expect(state.problems.map((problem) => problem.code)).to.deep.equal(['storage-closed']);

    await tab.call('callStore', 'completeLesson', course, 'marketplaces');
    expect((await tab.call('storeState')).status).to.equal('indexeddb');
    expect(await tab.call('readKeys', databaseName, 'lessons'), 'saved in the new database').to.deep.equal([key('marketplaces')]);
  });

  it('stays in memory, keeping what the learner did, when site data is cleared a second time', async () => {
    await tab.call('openTestStore', databaseName);
    await tab.call('callStore', 'completeLesson', course, 'why');
    await tab.devTools('Storage.clearDataForOrigin', { origin: tab.origin, storageTypes: 'indexeddb' });
    await problemsWhen(({ problems }) => problems.length > 0);
    await tab.call('callStore', 'completeLesson', course, 'marketplaces');

    await tab.devTools('Storage.clearDataForOrigin', { origin: tab.origin, storageTypes: 'indexeddb' });
    const state = await problemsWhen(({ status }) => status === 'memory');
    expect(state.problems.map((problem) => [problem.code, 'reason' in problem ? problem.reason : undefined])).to.deep.equal([
      ['storage-closed', undefined],
      ['storage-unavailable', 'closed'],
    ]);
    await tab.call('callStore', 'completeLesson', course, 'incoterms');
    const progress = (await tab.call('callStore', 'getProgress', course)) as CourseProgress;
    expect(Object.keys(progress.lessons).sort()).to.deep.equal(['incoterms', 'marketplaces', 'why']);
  });
});
