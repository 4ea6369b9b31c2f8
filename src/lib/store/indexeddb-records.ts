/**
 * The IndexedDB side of the store: the schema and its migrations, opening a connection that gives up
 * rather than hang, and `LearnerRecords` over one transaction.
 *
 * Every key starts with [namespace, learner, courseId], so one learner's course is one key range:
 * - `courses`  [namespace, learner, courseId]           → CourseRecord
 * - `lessons`  [namespace, learner, courseId, lessonId] → LessonProgress
 * - `attempts` [namespace, learner, courseId, quizId]   → { quizId, attempts: JSON text of StoredAttempt[] }
 * - `learners` [namespace, learner]                     → { name }
 * - `openAttempts` [namespace, learner, courseId, quizId] → OpenQuizAttempt (since version 2)
 * Attempts are kept one record per quiz, as JSON text, because loading 10,000 of them must take well
 * under 50 ms. Measured in Chromium 156: 10,000 one-attempt records took 150–270 ms to read; the same
 * attempts as objects in 100 records about 25 ms; as JSON text in 100 records about 10 ms, plus 9 ms
 * for JSON.parse, which is faster than IndexedDB's own deserialising.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { LessonProgress, OpenQuizAttempt, QuizAttempt } from '../progress.js';
import {
  type CourseRecord,
  type LearnerRecords,
  InvalidRecordError,
  own,
  quizAttempt,
  readArray,
  readCourseRecord,
  readId,
  readLessonProgress,
  readObject,
  readOpenAttempt,
  readText,
  storedAttempt,
} from './validation.js';
import type { UnavailableReason } from './api.js';

type CourseKey = [namespace: string, learner: string, courseId: string];

export interface ProgressSchema extends DBSchema {
  courses: { key: CourseKey; value: unknown };
  lessons: { key: [...CourseKey, lessonId: string]; value: unknown };
  attempts: { key: [...CourseKey, quizId: string]; value: unknown };
  learners: { key: [namespace: string, learner: string]; value: unknown };
  openAttempts: { key: [...CourseKey, quizId: string]; value: unknown };
}

export type ProgressDatabase = IDBPDatabase<ProgressSchema>;
type StoreName = 'courses' | 'lessons' | 'attempts' | 'learners' | 'openAttempts';
export const STORE_NAMES: StoreName[] = ['courses', 'lessons', 'attempts', 'learners', 'openAttempts'];

/**
 * Migration n takes the database from version n to n + 1, inside the upgrade transaction (so it may
 * not await anything but that transaction's requests). Append one for each schema change; never
 * change one that has shipped.
 */
const MIGRATIONS: ((database: IDBPDatabase<ProgressSchema>) => void)[] = [
  (database) => {
    for (const name of ['courses', 'lessons', 'attempts', 'learners'] as const) database.createObjectStore(name);
  },
  (database) => {
    database.createObjectStore('openAttempts');
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** How long an open may take before the store gives up on IndexedDB. */
export const OPEN_DEADLINE_MS = 3000;

/** Why IndexedDB cannot be used, as the store reports it. */
export class StorageFailure extends Error {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'StorageFailure';
  }
}

export function isQuotaError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}

export interface ConnectionEvents {
  /** Another tab wants to upgrade or delete the database; the connection has already been closed. */
  onVersionChange(database: ProgressDatabase): void;
  /** The browser closed the connection (site data cleared, storage process gone). */
  onTerminated(database: ProgressDatabase): void;
}

/**
 * Opens the database at SCHEMA_VERSION, migrating it from whatever version it has. Rejects with a
 * StorageFailure when IndexedDB is missing, fails, holds a newer version, or has not opened within
 * OPEN_DEADLINE_MS (WebKit bug 226547: an open request that never fires; or an upgrade blocked by a tab
 * that will not close). A connection that opens after the deadline is closed at once.
 */
export function openProgressDatabase(name: string, events: ConnectionEvents): Promise<ProgressDatabase> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    let gaveUp = false;
    const deadline = setTimeout(() => {
      gaveUp = true;
      reject(
        blocked
          ? new StorageFailure('blocked', 'Another tab holds the progress database open at an older version and does not let it upgrade.')
          : new StorageFailure('timeout', `The progress database did not open within ${OPEN_DEADLINE_MS / 1000} seconds.`),
      );
    }, OPEN_DEADLINE_MS);
    const fail = (failure: StorageFailure) => {
      clearTimeout(deadline);
      reject(failure);
    };

    // Set once open: versionchange and close events can only come after that.
    let database: ProgressDatabase;
    let opening: Promise<ProgressDatabase>;
    try {
      if (typeof indexedDB === 'undefined' || !indexedDB) {
        fail(new StorageFailure('unsupported', 'This browser gives the page no IndexedDB.'));
        return;
      }
      opening = openDB<ProgressSchema>(name, SCHEMA_VERSION, {
        upgrade(upgrading, oldVersion) {
          for (let version = oldVersion; version < SCHEMA_VERSION; version++) MIGRATIONS[version]!(upgrading);
        },
        blocked() {
          blocked = true;
        },
        // Closing at once is what lets another tab's upgrade (a newer sabaq) or delete go ahead.
        blocking() {
          database.close();
          events.onVersionChange(database);
        },
        terminated() {
          events.onTerminated(database);
        },
      });
    } catch (error) {
      // Accessing indexedDB throws a SecurityError where storage is forbidden (sandboxed frames,
      // cookies blocked); a patched or broken `open` may throw anything.
      fail(new StorageFailure('unsupported', `IndexedDB cannot be used here (${describeError(error)}).`, { cause: error }));
      return;
    }

    opening.then(
      (opened) => {
        database = opened;
        if (gaveUp) return opened.close();
        if (!STORE_NAMES.every((store) => opened.objectStoreNames.contains(store))) {
          opened.close();
          return fail(new StorageFailure('failed', `The database "${name}" exists but was not made by sabaq.`));
        }
        clearTimeout(deadline);
        resolve(opened);
      },
      (error: unknown) => {
        const failure =
          (error as { name?: unknown } | null)?.name === 'VersionError'
            ? new StorageFailure('newer-version', 'A newer version of this site has upgraded the progress database; reload the page.', { cause: error })
            : new StorageFailure('failed', `The progress database could not be opened (${describeError(error)}).`, { cause: error });
        fail(failure);
      },
    );
  });
}

export function describeError(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
}

/** Reads take a read-only transaction; their records' put methods are never called. */
export type ProgressTransaction = IDBPTransaction<ProgressSchema, StoreName[], 'readwrite'>;

/** Every key that starts with `prefix`: an array sorts after any string or number, so `[...prefix, []]` is above them all. */
function prefixRange(prefix: string[]): IDBKeyRange {
  return IDBKeyRange.bound(prefix, [...prefix, []]);
}

/**
 * Reads each stored value through `read`, dropping the ones that fail its checks: a damaged or foreign
 * record costs only itself, never the rest of the learner's progress.
 */
function readEach<T>(values: unknown[], read: (value: unknown) => T | T[]): T[] {
  return values.flatMap((value) => {
    try {
      return read(value);
    } catch (error) {
      if (error instanceof InvalidRecordError) return [];
      throw error;
    }
  });
}

function readQuizRecord(value: unknown): QuizAttempt[] {
  const record = readObject(value, 'quiz');
  const quizId = readId(own(record, 'quizId'), 'quiz', 'quizId');
  let attempts: unknown;
  try {
    attempts = JSON.parse(readText(own(record, 'attempts'), 'quiz', 'attempts', Infinity));
  } catch (error) {
    if (error instanceof InvalidRecordError) throw error;
    throw new InvalidRecordError('quiz.attempts', 'must be JSON');
  }
  return readArray(attempts, 'quiz', 'attempts').map((attempt, i) =>
    quizAttempt(quizId, i + 1, readObject(attempt, 'quiz.attempts', i), 'quiz.attempts'),
  );
}

export class IndexedDbLearnerRecords implements LearnerRecords {
  private readonly key: [string, string];

  constructor(
    private readonly transaction: ProgressTransaction,
    namespace: string,
    learner: string,
  ) {
    this.key = [namespace, learner];
  }

  private courseKey(courseId: string): CourseKey {
    return [...this.key, courseId];
  }

  async listCourses(): Promise<CourseRecord[]> {
    const values = await this.transaction.objectStore('courses').getAll(prefixRange(this.key));
    return readEach(values, (value) => readCourseRecord(value, 'course'));
  }

  async getCourse(courseId: string): Promise<CourseRecord | undefined> {
    const value = await this.transaction.objectStore('courses').get(this.courseKey(courseId));
    return value === undefined ? undefined : readEach([value], (v) => readCourseRecord(v, 'course'))[0];
  }

  async putCourse(record: CourseRecord): Promise<void> {
    await this.transaction.objectStore('courses').put(record, this.courseKey(record.courseId));
  }

  async getLessons(courseId: string): Promise<LessonProgress[]> {
    const values = await this.transaction.objectStore('lessons').getAll(prefixRange(this.courseKey(courseId)));
    return readEach(values, (value) => readLessonProgress(value, 'lesson'));
  }

  async getLesson(courseId: string, lessonId: string): Promise<LessonProgress | undefined> {
    const value = await this.transaction.objectStore('lessons').get([...this.courseKey(courseId), lessonId]);
    return value === undefined ? undefined : readEach([value], (v) => readLessonProgress(v, 'lesson'))[0];
  }

  async putLesson(courseId: string, lesson: LessonProgress): Promise<void> {
    await this.transaction.objectStore('lessons').put(lesson, [...this.courseKey(courseId), lesson.lessonId]);
  }

  async getAttempts(courseId: string): Promise<QuizAttempt[]> {
    const values = await this.transaction.objectStore('attempts').getAll(prefixRange(this.courseKey(courseId)));
    return readEach(values, readQuizRecord);
  }

  async getQuizAttempts(courseId: string, quizId: string): Promise<QuizAttempt[]> {
    const value = await this.transaction.objectStore('attempts').get([...this.courseKey(courseId), quizId]);
    return value === undefined ? [] : readEach([value], readQuizRecord);
  }

  async putQuizAttempts(courseId: string, quizId: string, attempts: readonly QuizAttempt[]): Promise<void> {
    const record = { quizId, attempts: JSON.stringify(attempts.map(storedAttempt)) };
    await this.transaction.objectStore('attempts').put(record, [...this.courseKey(courseId), quizId]);
  }

  async getOpenAttempts(courseId: string): Promise<OpenQuizAttempt[]> {
    const values = await this.transaction.objectStore('openAttempts').getAll(prefixRange(this.courseKey(courseId)));
    return readEach(values, (value) => readOpenAttempt(value, 'openAttempt'));
  }

  async getOpenAttempt(courseId: string, quizId: string): Promise<OpenQuizAttempt | undefined> {
    const value = await this.transaction.objectStore('openAttempts').get([...this.courseKey(courseId), quizId]);
    return value === undefined ? undefined : readEach([value], (v) => readOpenAttempt(v, 'openAttempt'))[0];
  }

  async putOpenAttempt(courseId: string, attempt: OpenQuizAttempt): Promise<void> {
    await this.transaction.objectStore('openAttempts').put(attempt, [...this.courseKey(courseId), attempt.quizId]);
  }

  async deleteOpenAttempt(courseId: string, quizId: string): Promise<void> {
    await this.transaction.objectStore('openAttempts').delete([...this.courseKey(courseId), quizId]);
  }

  async getLearnerName(): Promise<string | undefined> {
    const value = await this.transaction.objectStore('learners').get(this.key);
    return value === undefined ? undefined : readEach([value], (v) => readText(own(readObject(v, 'learner'), 'name'), 'learner', 'name'))[0];
  }

  async putLearnerName(name: string): Promise<void> {
    await this.transaction.objectStore('learners').put({ name }, this.key);
  }
}
