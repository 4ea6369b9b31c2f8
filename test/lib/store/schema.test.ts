/**
 * The schema: a database left by any earlier version of sabaq opens migrated, its progress kept; and
 * the store's connection never stands in the way of another tab's upgrade or delete.
 */
import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { SCHEMA_VERSION, STORE_NAMES } from '../../../src/lib/store/schema.js';
import { type CourseRef, type ProgressStore, openStore } from '../../../src/lib/store/index.js';
import { deleteDatabase, uniqueDatabaseName, watch } from './helpers.js';

const course: CourseRef = { learner: 'ayesha', courseId: 'export-basics' };

/**
 * How each earlier schema version left a database, and which lessons the current store must find
 * complete in it. Adding a migration means adding the fixture of the version it migrates from.
 */
const EARLIER_VERSIONS: Record<number, { left: string; create(name: string): Promise<void>; completeLessons: string[] }> = {
  0: { left: 'no database at all', create: async () => {}, completeLessons: [] },
  1: {
    left: 'courses, lessons, attempts and learners, no open attempts',
    async create(name) {
      const database = await openDB(name, 1, {
        upgrade(upgrading) {
          for (const store of ['courses', 'lessons', 'attempts', 'learners']) upgrading.createObjectStore(store);
        },
      });
      const key = ['default', 'ayesha', 'export-basics'];
      await database.put('lessons', { lessonId: 'why', status: 'complete', startedAt: 1, completedAt: 2, timeSpentMs: 0 }, [...key, 'why']);
      await database.put('courses', { courseId: 'export-basics', updatedAt: 2 }, key);
      database.close();
    },
    completeLessons: ['why'],
  },
  2: {
    left: 'open quiz attempts, no outbox of learning records',
    async create(name) {
      const database = await openDB(name, 2, {
        upgrade(upgrading) {
          for (const store of ['courses', 'lessons', 'attempts', 'learners', 'openAttempts']) upgrading.createObjectStore(store);
        },
      });
      const key = ['default', 'ayesha', 'export-basics'];
      await database.put('lessons', { lessonId: 'why', status: 'complete', startedAt: 1, completedAt: 2, timeSpentMs: 0 }, [...key, 'why']);
      await database.put('openAttempts', { quizId: 'why-1', attempt: 1, seed: 7, startedAt: 3 }, [...key, 'why-1']);
      await database.put('courses', { courseId: 'export-basics', updatedAt: 3 }, key);
      database.close();
    },
    completeLessons: ['why'],
  },
};

describe('schema', () => {
  let databaseName: string;
  let store: ProgressStore | undefined;

  beforeEach(() => {
    databaseName = uniqueDatabaseName('schema');
  });

  afterEach(async () => {
    store?.close();
    store = undefined;
    await deleteDatabase(databaseName);
  });

  it('has a fixture for every earlier version', () => {
    expect(Object.keys(EARLIER_VERSIONS).map(Number)).to.deep.equal([...Array(SCHEMA_VERSION).keys()]);
  });

  for (const [version, fixture] of Object.entries(EARLIER_VERSIONS)) {
    it(`migrates from version ${version} (${fixture.left}), keeping its progress`, async () => {
      await fixture.create(databaseName);
      store = openStore({ databaseName });
      const progress = await store.getProgress(course);
      expect(Object.keys(progress.lessons).filter((id) => progress.lessons[id]!.status === 'complete')).to.deep.equal(
        fixture.completeLessons,
      );

      await store.completeLesson(course, 'after-migration');
      store.close();
      const database = await openDB(databaseName);
      expect(database.version).to.equal(SCHEMA_VERSION);
      expect([...database.objectStoreNames].sort()).to.deep.equal([...STORE_NAMES].sort());
      database.close();
    });
  }

  it('lets another tab delete the database at once, then keeps progress in a new one', async () => {
    store = openStore({ databaseName });
    const { problems } = watch(store);
    await store.completeLesson(course, 'before-delete');

    let blocked = false;
    await deleteDB(databaseName, {
      blocked() {
        blocked = true;
      },
    });
    expect(blocked, 'the delete was blocked').to.equal(false);

    await store.completeLesson(course, 'after-delete');
    const progress = await store.getProgress(course);
    expect(Object.keys(progress.lessons), 'only what came after the delete').to.deep.equal(['after-delete']);
    expect(store.status).to.equal('indexeddb');
    expect(problems).to.deep.equal([]);
  });
});
