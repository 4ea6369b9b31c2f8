/**
 * What the learner relies on when they come back: a reload restores everything, a completion is on
 * disk when the call resolves, the browser is asked to keep the data, and a damaged record costs only
 * itself.
 */
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import type { CourseProgress, OpenQuizAttempt } from '../../../src/lib/progress.js';
import { type CourseRef, type ProgressStore, openStore } from '../../../src/lib/store/index.js';
import { type Tab, deleteDatabase, openTab, uniqueDatabaseName, watchUnhandledRejections } from './helpers.js';

const course: CourseRef = { learner: 'ayesha', courseId: 'export-basics', courseHash: 'v1' };

describe('store persistence', () => {
  let databaseName: string;
  let store: ProgressStore | undefined;
  let restore: (() => void)[];

  beforeEach(() => {
    databaseName = uniqueDatabaseName('persistence');
    restore = [];
  });

  afterEach(async () => {
    for (const undo of restore) undo();
    store?.close();
    store = undefined;
    await deleteDatabase(databaseName);
  });

  describe('across a reload', () => {
    let tab: Tab;
    afterEach(() => tab.close());

    it('restores lessons, the last lesson, attempts and best scores, the name and the certificate', async () => {
      tab = await openTab();
      await tab.call('openTestStore', databaseName);
      await tab.call('callStore', 'setLearnerName', 'ayesha', 'Ayesha Siddiqui');
      await tab.call('callStore', 'openLesson', course, 'why');
      await tab.call('callStore', 'addTimeSpent', course, 'why', 42_000);
      await tab.call('callStore', 'completeLesson', course, 'why');
      for (const score of [40, 95, 80]) {
        await tab.call('callStore', 'addQuizAttempt', course, {
          quizId: 'check',
          answers: { q1: score },
          score,
          passed: score >= 80,
          quizHash: 'q1',
        });
      }
      await tab.call('callStore', 'saveCertificate', course, {
        code: 'SBQ-1',
        learnerName: 'Ayesha Siddiqui',
        issuedAt: 1_732_700_000_000,
        score: 95,
      });
      await tab.call('callStore', 'openLesson', course, 'incoterms');
      const before = (await tab.call('callStore', 'getProgress', course)) as CourseProgress;

      await tab.reload();
      await tab.call('openTestStore', databaseName);
      const after = (await tab.call('callStore', 'getProgress', course)) as CourseProgress;

      expect(after).to.deep.equal(before);
      expect(after.lastLessonId).to.equal('incoterms');
      expect(after.lessons.why).to.include({ status: 'complete', timeSpentMs: 42_000 });
      expect(after.attempts.check!.map((attempt) => attempt.score)).to.deep.equal([40, 95, 80]);
      expect(after.certificate?.code).to.equal('SBQ-1');
      expect(await tab.call('callStore', 'getLearnerName', 'ayesha')).to.equal('Ayesha Siddiqui');
      expect((await tab.call('storeState')).status).to.equal('indexeddb');
    });

    it("restores a started attempt, its seed and a timed quiz's deadline, until it is submitted", async () => {
      tab = await openTab();
      await tab.call('openTestStore', databaseName);
      const quiz = { quizId: 'timed', timeLimitMs: 60_000 };
      const started = (await tab.call('callStore', 'startQuizAttempt', course, quiz)) as OpenQuizAttempt;

      await tab.reload();
      await tab.call('openTestStore', databaseName);
      expect(await tab.call('callStore', 'startQuizAttempt', course, quiz), 'the same attempt after a reload').to.deep.equal(started);
      expect(((await tab.call('callStore', 'getProgress', course)) as CourseProgress).openAttempts.timed).to.deep.equal(started);
      expect(started.deadline).to.equal(started.startedAt + 60_000);
    });
  });

  it('resolves a completion, an attempt and a certificate only once their strict transaction has committed', async () => {
    const transactions: { mode: IDBTransactionMode; durability: string | undefined; committed: boolean }[] = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const transaction = original.apply(this, args);
      const entry = { mode: transaction.mode, durability: args[2]?.durability, committed: false };
      transaction.addEventListener('complete', () => (entry.committed = true));
      transactions.push(entry);
      return transaction;
    } as IDBDatabase['transaction'];
    restore.push(() => (IDBDatabase.prototype.transaction = original));

    store = openStore({ databaseName });
    const lastWrite = () => transactions.filter((transaction) => transaction.mode === 'readwrite').at(-1);
    await store.openLesson(course, 'why');
    expect(lastWrite(), 'opening a lesson').to.include({ durability: 'relaxed', committed: true });
    await store.completeLesson(course, 'why');
    expect(lastWrite(), 'a completion').to.include({ durability: 'strict', committed: true });
    await store.addQuizAttempt(course, { quizId: 'check', answers: {}, score: 100, passed: true, quizHash: 'q1' });
    expect(lastWrite(), 'an attempt').to.include({ durability: 'strict', committed: true });
    await store.saveCertificate(course, { code: 'SBQ-1', learnerName: 'A', issuedAt: 1, score: 100 });
    expect(lastWrite(), 'a certificate').to.include({ durability: 'strict', committed: true });
  });

  it('asks the browser once, when progress first matters, to keep it; a refusal changes nothing', async () => {
    const rejections = watchUnhandledRejections();
    let asked = 0;
    // Shadows Navigator.prototype.storage, which WebKitGTK's MiniBrowser does not have at all.
    const persist = () => {
      asked += 1;
      return Promise.reject(new DOMException('Not allowed', 'NotAllowedError'));
    };
    Object.defineProperty(navigator, 'storage', { configurable: true, value: { persist } });
    restore.push(() => delete (navigator as { storage?: unknown }).storage);

    store = openStore({ databaseName });
    await store.openLesson(course, 'why');
    await store.addTimeSpent(course, 'why', 1000);
    expect(asked, 'before anything matters').to.equal(0);
    await store.completeLesson(course, 'why');
    expect(asked).to.equal(1);
    await store.addQuizAttempt(course, { quizId: 'check', answers: {}, score: 100, passed: true, quizHash: 'q1' });
    await store.completeLesson(course, 'incoterms');
    expect(asked).to.equal(1);
    expect(store.status).to.equal('indexeddb');
    expect(await rejections.stop()).to.deep.equal([]);
  });

  it('drops damaged or foreign records and keeps the rest of the progress', async () => {
    store = openStore({ databaseName });
    await store.completeLesson(course, 'why');
    await store.addQuizAttempt(course, { quizId: 'check', answers: { q1: 1 }, score: 100, passed: true, quizHash: 'q1' });
    store.close();

    // Another script on the origin writes into sabaq's stores.
    const database = await openDB(databaseName);
    const key = (...rest: string[]) => ['default', 'ayesha', 'export-basics', ...rest];
    await database.put('lessons', { lessonId: 'hacked', status: 'owned', timeSpentMs: 0 }, key('hacked'));
    await database.put('lessons', { lessonId: 'sly', status: 'complete', timeSpentMs: -1 }, key('sly'));
    await database.put('lessons', '<script>alert(1)</script>', key('string'));
    await database.put(
      'attempts',
      { quizId: 'bad', attempts: [{ score: 'NaN', passed: true, submittedAt: 0, quizHash: 'h', answers: {} }] },
      key('bad'),
    );
    await database.put('attempts', { quizId: 'worse', attempts: 'many' }, key('worse'));
    await database.put('learners', { name: { first: 'not text' } }, ['default', 'ayesha']);
    database.close();

    store = openStore({ databaseName });
    const progress = await store.getProgress(course);
    expect(Object.keys(progress.lessons)).to.deep.equal(['why']);
    expect(Object.keys(progress.attempts)).to.deep.equal(['check']);
    expect(await store.getLearnerName('ayesha')).to.equal(undefined);
    expect(store.status).to.equal('indexeddb');
  });
});
