/**
 * When IndexedDB cannot be used, the learner keeps working in memory: every write is kept for the
 * page's life, the problem is reported once, and nothing throws or rejects unhandled. Each failure is
 * made with the real API: `indexedDB` hidden, `open` throwing, or `open` handing back a real request
 * that errors, is blocked, or never answers.
 */
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { SCHEMA_VERSION } from '../../../src/lib/store/schema.js';
import { type CourseRef, type ProgressStore, type StorageProblem, openStore } from '../../../src/lib/store/index.js';
import { deleteDatabase, rawRecords, replaceOpen, uniqueDatabaseName, until, watch, watchUnhandledRejections } from './helpers.js';

const course: CourseRef = { learner: 'ayesha', courseId: 'export-basics' };

describe('store without IndexedDB', () => {
  let databaseName: string;
  let store: ProgressStore | undefined;
  let cleanups: (() => unknown)[];
  let rejections: ReturnType<typeof watchUnhandledRejections>;

  beforeEach(() => {
    databaseName = uniqueDatabaseName('fallback');
    cleanups = [];
    rejections = watchUnhandledRejections();
  });

  afterEach(async () => {
    store?.close();
    store = undefined;
    for (const cleanup of cleanups.reverse()) await cleanup();
    await deleteDatabase(databaseName);
    expect(await rejections.stop(), 'unhandled rejections').to.deep.equal([]);
  });

  /** Works through a learner's session and checks it all reads back from memory. */
  async function expectWorkingInMemory(opened: ProgressStore): Promise<void> {
    await opened.openLesson(course, 'why');
    await opened.completeLesson(course, 'why');
    const attempt = await opened.addQuizAttempt(course, { quizId: 'check', answers: { q1: 1 }, score: 100, passed: true, quizHash: 'h' });
    await opened.setLearnerName('ayesha', 'Ayesha');
    expect(opened.status).to.equal('memory');
    const progress = await opened.getProgress(course);
    expect(progress.lessons.why?.status).to.equal('complete');
    expect(progress.lastLessonId).to.equal('why');
    expect(progress.attempts.check).to.deep.equal([attempt]);
    expect(await opened.getLearnerName('ayesha')).to.equal('Ayesha');
  }

  function expectOneReport(problems: StorageProblem[], reason: string): void {
    expect(problems.map((problem) => problem.code)).to.deep.equal(['storage-unavailable']);
    expect(problems[0]).to.include({ reason });
  }

  it('works in memory when the page has no IndexedDB', async () => {
    const own = Object.getOwnPropertyDescriptor(window, 'indexedDB');
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
    cleanups.push(() => (own ? Object.defineProperty(window, 'indexedDB', own) : delete (window as { indexedDB?: unknown }).indexedDB));

    store = openStore({ databaseName });
    const { problems } = watch(store);
    await expectWorkingInMemory(store);
    expectOneReport(problems, 'unsupported');
  });

  it('works in memory when indexedDB.open throws', async () => {
    const open = replaceOpen(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    cleanups.push(() => open.restore());

    store = openStore({ databaseName });
    const { problems } = watch(store);
    await expectWorkingInMemory(store);
    expectOneReport(problems, 'unsupported');
  });

  it('works in memory when the open request fails', async () => {
    const open = replaceOpen(function (original, name, version) {
      const request = original.call(this, name, version);
      // Abort the creation before the store's own upgrade runs: the request then fires `error`.
      request.addEventListener('upgradeneeded', (event) => {
        event.stopImmediatePropagation();
        request.transaction!.abort();
      });
      return request;
    });
    cleanups.push(() => open.restore());

    store = openStore({ databaseName });
    const { problems } = watch(store);
    await expectWorkingInMemory(store);
    expectOneReport(problems, 'failed');
  });

  /** A database held open at version 1 by a connection that ignores `versionchange`. */
  async function holdAtVersionOne(name: string): Promise<void> {
    const holder = await openDB(name, 1);
    cleanups.push(
      () => deleteDatabase(name),
      () => holder.close(),
    );
  }

  it('gives up on an open request that never answers after 3 seconds, keeping the writes made meanwhile (WebKit bug 226547)', async function () {
    this.timeout(8000);
    const blockerName = uniqueDatabaseName('blocker');
    await holdAtVersionOne(blockerName);
    // An upgrade blocked by the holder; a request queued behind it then fires no event at all.
    const blockedUpgrade = indexedDB.open(blockerName, 2);
    blockedUpgrade.onsuccess = () => blockedUpgrade.result.close();
    const open = replaceOpen(function (original) {
      return original.call(this, blockerName, 2);
    });
    cleanups.push(() => open.restore());

    const started = Date.now();
    store = openStore({ databaseName });
    const { problems } = watch(store);
    expect(store.status).to.equal('opening');
    const completing = store.completeLesson(course, 'why');
    const attempting = store.addQuizAttempt(course, { quizId: 'warm-up', answers: { q1: 1 }, score: 40, passed: false, quizHash: 'h' });
    await Promise.all([completing, attempting]);
    const waited = Date.now() - started;

    expect(waited).to.be.within(2900, 4500);
    expectOneReport(problems, 'timeout');
    const progress = await store.getProgress(course);
    expect(progress.lessons.why?.status, 'the completion made while waiting').to.equal('complete');
    expect(progress.attempts['warm-up']).to.have.length(1);
    await expectWorkingInMemory(store);
    expect(problems).to.have.length(1);
  });

  it('gives up on an upgrade that another tab blocks after 3 seconds', async function () {
    this.timeout(8000);
    const blockerName = uniqueDatabaseName('blocker');
    await holdAtVersionOne(blockerName);
    // The store's own request becomes the blocked upgrade.
    const open = replaceOpen(function (original) {
      const request = original.call(this, blockerName, 2);
      request.addEventListener('success', () => request.result.close());
      return request;
    });
    cleanups.push(() => open.restore());

    store = openStore({ databaseName });
    const { problems } = watch(store);
    await expectWorkingInMemory(store);
    expectOneReport(problems, 'blocked');
  });

  it('works in memory when a newer version of the site has upgraded the database', async () => {
    const newer = await openDB(databaseName, SCHEMA_VERSION + 1, {
      upgrade: (database) => database.createObjectStore('from-the-future'),
    });
    newer.close();

    store = openStore({ databaseName });
    const { problems } = watch(store);
    await expectWorkingInMemory(store);
    expectOneReport(problems, 'newer-version');
  });

  it('keeps showing what it had read and written when IndexedDB goes away mid-session', async () => {
    const earlierSession = openStore({ databaseName });
    await earlierSession.completeLesson(course, 'why');
    await earlierSession.addQuizAttempt(course, { quizId: 'check', answers: { q1: 1 }, score: 90, passed: true, quizHash: 'h' });
    await earlierSession.setLearnerName('ayesha', 'Ayesha');
    earlierSession.close();

    store = openStore({ databaseName });
    const { problems } = watch(store);
    const before = await store.getProgress(course);
    expect(await store.getLearnerName('ayesha')).to.equal('Ayesha');
    await store.openLesson(course, 'marketplaces');
    // A newer version of the site, in another tab, upgrades the database: this store cannot reopen it.
    const newer = await openDB(databaseName, SCHEMA_VERSION + 1);
    cleanups.push(() => newer.close());
    await until(() => store!.status === 'memory', 'the switch to memory', 2000);

    const after = await store.getProgress(course);
    expect(after.lessons.why).to.deep.equal(before.lessons.why);
    expect(after.attempts).to.deep.equal(before.attempts);
    expect(after.lastLessonId).to.equal('marketplaces');
    expect(await store.getLearnerName('ayesha')).to.equal('Ayesha');
    expectOneReport(problems, 'newer-version');
  });

  it('leaves alone a database of the same name that sabaq did not make', async () => {
    const foreign = await openDB(databaseName, SCHEMA_VERSION, {
      upgrade: (database) => database.createObjectStore('partner-data'),
    });
    await foreign.put('partner-data', { theirs: true }, 'key');
    foreign.close();

    store = openStore({ databaseName });
    const { problems } = watch(store);
    await expectWorkingInMemory(store);
    expectOneReport(problems, 'failed');
    expect(await rawRecords(databaseName, 'partner-data')).to.deep.equal([['key', { theirs: true }]]);
  });
});
