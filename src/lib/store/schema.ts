/**
 * The IndexedDB schema: the object stores, their keys, and the migrations that bring a database made by
 * any earlier version of sabaq up to this one.
 *
 * Every key starts with [namespace, learner, courseId], so one learner's course is one key range:
 * - `courses`      [namespace, learner, courseId]           → CourseRecord
 * - `lessons`      [namespace, learner, courseId, lessonId] → LessonProgress
 * - `attempts`     [namespace, learner, courseId, quizId]   → { quizId, attempts: JSON text of StoredAttempt[] }
 * - `learners`     [namespace, learner]                     → { name }
 * - `openAttempts` [namespace, learner, courseId, quizId]   → OpenQuizAttempt (since version 2)
 * - `outbox`       [namespace, state, queuedAt, position, statement id] → an xAPI statement waiting for the LRS
 *   (the id keeps apart two batches queued in the same millisecond, by two tabs or one transaction)
 *   (state 0) or set aside after the LRS rejected it (state 1), oldest first (since version 3)
 * Attempts are kept one record per quiz, as JSON text, because loading 10,000 of them must take well
 * under 50 ms. Measured in Chromium 156: 10,000 one-attempt records took 150–270 ms to read; the same
 * attempts as objects in 100 records about 25 ms; as JSON text in 100 records about 10 ms, plus 9 ms
 * for JSON.parse, which is faster than IndexedDB's own deserialising.
 *
 * Adding an object store (an outbox of learning records, say): declare it in `ProgressSchema` and
 * `STORE_NAMES`, append a migration that creates it, and add the fixture of the version it migrates
 * from to test/lib/store/schema.test.ts. Every transaction of the store spans `STORE_NAMES`, so a write
 * can put to the new store in the same transaction as the progress change it goes with.
 */
import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';

export type CourseKey = [namespace: string, learner: string, courseId: string];

export interface ProgressSchema extends DBSchema {
  courses: { key: CourseKey; value: unknown };
  lessons: { key: [...CourseKey, lessonId: string]; value: unknown };
  attempts: { key: [...CourseKey, quizId: string]; value: unknown };
  learners: { key: [namespace: string, learner: string]; value: unknown };
  openAttempts: { key: [...CourseKey, quizId: string]; value: unknown };
  outbox: { key: OutboxKey; value: unknown };
}

export type OutboxKey = [namespace: string, state: number, queuedAt: number, position: number, statementId: string];
export const PENDING = 0;
export const SET_ASIDE = 1;

export type ProgressDatabase = IDBPDatabase<ProgressSchema>;
export type StoreName = StoreNames<ProgressSchema>;
export const STORE_NAMES: StoreName[] = ['courses', 'lessons', 'attempts', 'learners', 'openAttempts', 'outbox'];

/**
 * Migration n takes the database from version n to n + 1, inside the upgrade transaction (so it may
 * not await anything but that transaction's requests). Append one for each schema change; never
 * change one that has shipped.
 */
export const MIGRATIONS: ((database: IDBPDatabase<ProgressSchema>) => void)[] = [
  (database) => {
    for (const name of ['courses', 'lessons', 'attempts', 'learners'] as const) database.createObjectStore(name);
  },
  (database) => {
    database.createObjectStore('openAttempts');
  },
  (database) => {
    database.createObjectStore('outbox');
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Reads take a read-only transaction; their records' put methods are never called. */
export type ProgressTransaction = IDBPTransaction<ProgressSchema, StoreName[], 'readwrite'>;

/** The outbox object store in a transaction of its own. */
export type OutboxStore = IDBPObjectStore<ProgressSchema, ['outbox'], 'outbox', 'readwrite'>;
