/**
 * Two tabs of one site: a write in one reaches the other, and an open tab never blocks a newer
 * version of the site from upgrading the database.
 */
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import type { CourseProgress, OpenQuizAttempt, QuizAttempt } from '../../../src/lib/progress.js';
import { SCHEMA_VERSION } from '../../../src/lib/store/schema.js';
import {
  type CourseRef,
  type NewQuizAttempt,
  type ProgressChange,
  type ProgressStore,
  QuizAttemptsUsedError,
  openStore,
} from '../../../src/lib/store/index.js';
import { type Tab, deleteDatabase, openTab, uniqueDatabaseName, until } from './helpers.js';

const course: CourseRef = { learner: 'ayesha', courseId: 'export-basics' };
const onlyAttempt: NewQuizAttempt = { quizId: 'final', answers: { q1: 0 }, score: 100, passed: true, quizHash: 'h1', allowed: 1 };

describe('two tabs', () => {
  let databaseName: string;
  let tab: Tab;
  let store: ProgressStore | undefined;

  beforeEach(async () => {
    databaseName = uniqueDatabaseName('tabs');
    tab = await openTab();
    await tab.call('openTestStore', databaseName);
  });

  afterEach(async () => {
    await tab.close();
    store?.close();
    store = undefined;
    await deleteDatabase(databaseName);
  });

  it('tells a tab of a write made in another within 500 ms, and the write is there to read', async () => {
    store = openStore({ databaseName });
    await store.getProgress(course);
    const heard: { change: ProgressChange; at: number }[] = [];
    store.subscribe((change) => heard.push({ change, at: Date.now() }));

    const before = Date.now();
    await tab.call('callStore', 'completeLesson', course, 'why');
    await until(() => heard.length > 0, 'the change notice', 1000);

    expect(heard[0]!.at - before).to.be.below(500);
    expect(heard[0]!.change).to.deep.equal({ namespace: 'default', learner: 'ayesha', courseId: 'export-basics' });
    expect((await store.getProgress(course)).lessons.why?.status).to.equal('complete');

    await store.setLearnerName('ayesha', 'Ayesha');
    const nameChanged = async () => (await tab.call('storeState')).changes.some((change) => change.courseId === undefined);
    await until(nameChanged, 'the notice in the other tab', 500);
    expect(await tab.call('callStore', 'getLearnerName', 'ayesha'), 'and the other way round').to.equal('Ayesha');
  });

  it('ignores notices of another namespace and messages that are not notices', async () => {
    store = openStore({ databaseName, namespace: 'partner-b' });
    const heard: ProgressChange[] = [];
    store.subscribe((change) => heard.push(change));
    const channel = new BroadcastChannel(`sabaq:${databaseName}`);
    channel.postMessage({ namespace: 'partner-b', learner: ['ayesha'] });
    channel.postMessage('<img src=x onerror=alert(1)>');
    channel.close();
    await tab.call('callStore', 'completeLesson', course, 'why');
    await store.completeLesson(course, 'marketplaces');
    // Posted after the others: once it arrives, they would have too.
    await until(() => heard.length === 1, "the store's own notice", 1000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).to.deep.equal([{ namespace: 'partner-b', learner: 'ayesha', courseId: 'export-basics' }]);
  });

  it('keeps one attempt when both tabs submit at the same moment a quiz that allows one', async () => {
    store = openStore({ databaseName });
    // Both tabs have read the quiz's (empty) attempts, as a quiz on screen has.
    await Promise.all([store.getProgress(course), tab.call('callStore', 'getProgress', course)]);

    const [here, there] = await Promise.all([
      store.addQuizAttempt(course, onlyAttempt).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      tab.call('settleStore', 'addQuizAttempt', course, onlyAttempt),
    ]);

    const refused = [here, there].filter((result) => 'error' in result);
    expect(refused, 'one tab is refused').to.have.length(1);
    const error = (refused[0] as { error: { name: string } }).error;
    expect(error.name).to.equal('QuizAttemptsUsedError');
    if ('error' in here) expect(here.error).to.be.instanceOf(QuizAttemptsUsedError);
    const kept = ((await tab.call('callStore', 'getProgress', course)) as CourseProgress).attempts.final;
    expect(kept, 'on disk').to.have.length(1);
    expect((await store.getProgress(course)).attempts.final, 'as this tab sees it').to.deep.equal(kept);
    const accepted = ('value' in here ? here.value : (there as { value: QuizAttempt }).value) as QuizAttempt;
    expect(accepted.attempt).to.equal(1);
  });

  it('gives both tabs the same open attempt when they start a quiz at the same moment', async () => {
    store = openStore({ databaseName });
    await Promise.all([store.getProgress(course), tab.call('callStore', 'getProgress', course)]);
    const quiz = { quizId: 'final', timeLimitMs: 45_000 };
    const [here, there] = await Promise.all([
      store.startQuizAttempt(course, quiz),
      tab.call('callStore', 'startQuizAttempt', course, quiz) as Promise<OpenQuizAttempt>,
    ]);
    expect(there).to.deep.equal(here);
    expect((await store.getProgress(course)).openAttempts.final).to.deep.equal(here);
  });

  it('never blocks a newer version of the site from upgrading, and the older tab carries on in memory', async () => {
    await tab.call('callStore', 'completeLesson', course, 'why');
    await tab.call('callStore', 'addQuizAttempt', course, {
      quizId: 'check',
      answers: { q1: 0 },
      score: 100,
      passed: true,
      quizHash: 'h1',
    });

    let blocked = false;
    const upgraded = await openDB(databaseName, SCHEMA_VERSION + 1, {
      blocked() {
        blocked = true;
      },
    });
    expect(blocked, 'the upgrade was blocked').to.equal(false);
    expect(upgraded.version).to.equal(SCHEMA_VERSION + 1);
    const keys = await upgraded.getAllKeys('lessons');
    upgraded.close();
    expect(keys, "the older tab's progress is in the upgraded database").to.deep.equal([['default', 'ayesha', 'export-basics', 'why']]);

    let state = await tab.call('storeState');
    await until(async () => (state = await tab.call('storeState')).status === 'memory', 'the older tab to switch to memory', 2000);
    expect(state.problems).to.have.length(1);
    expect(state.problems[0]).to.include({ code: 'storage-unavailable', reason: 'newer-version' });

    await tab.call('callStore', 'completeLesson', course, 'marketplaces');
    const progress = (await tab.call('callStore', 'getProgress', course)) as CourseProgress;
    expect(Object.keys(progress.lessons), 'the older tab still shows what it had, and what it does now').to.deep.equal([
      'marketplaces',
      'why',
    ]);
    expect(progress.attempts.check).to.have.length(1);
  });
});
