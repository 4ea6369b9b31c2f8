/**
 * Progress on IndexedDB, with memory behind it so that no failure loses what the learner did.
 *
 * The memory backend it extends (the mirror) keeps a copy of every record read from or written to
 * IndexedDB, as IndexedDB has it once the transaction commits. When IndexedDB cannot be used (it is
 * missing, fails, hangs, is blocked or full) writes go to the mirror and the store carries on from it,
 * so the learner sees the same progress as before, and reports `storage-unavailable` once. A full disk
 * is the one failure that can pass: writes refused for quota stay queued and are saved, all in one
 * transaction, with the first later write that succeeds.
 */
import type { LessonProgress, OpenQuizAttempt, QuizAttempt } from '../progress.js';
import type { MemoryStatements } from './memory.js';
import type { XapiStatement } from '../xapi/statements.js';
import { type StorageProblem, type StorageStatus, QuizAttemptsUsedError } from './api.js';
import { type ConnectionEvents, StorageFailure, describeError, isQuotaError, openProgressDatabase } from './indexeddb-connection.js';
import { IndexedDbLearnerRecords } from './indexeddb-records.js';
import type { CourseRecord, LearnerRecords } from './learner-records.js';
import { MemoryBackend } from './memory.js';
import type { Write } from './operations.js';
import { type OutboxStore, type ProgressDatabase, type ProgressTransaction, STORE_NAMES } from './schema.js';

interface UnsavedWrite {
  learner: string;
  write: Write<unknown>;
}

/** What `attempt` got done on IndexedDB; `ok: false` once the store has fallen back to memory. */
type Outcome<T> = { ok: true; value: T } | { ok: false };

/** What one write came to in a transaction: its value, or the refusal it rejects with. */
type WriteResult = { value: unknown } | { refused: QuizAttemptsUsedError };

const REOPEN_DELAYS_MS = [50, 250, 1000];

export class IndexedDbBackend extends MemoryBackend {
  override status: StorageStatus = 'opening';
  /** Writes in the mirror that IndexedDB has not taken yet, oldest first: more than one only while it is full. */
  private unsaved: UnsavedWrite[] = [];
  /** Resolves to undefined once IndexedDB has been given up on. */
  private connection: Promise<ProgressDatabase | undefined>;
  private database: ProgressDatabase | undefined;
  private reopenedAfterLoss = false;
  private askedToPersist = false;
  private readonly connectionEvents: ConnectionEvents = {
    onVersionChange: (database) => {
      // The connection is closed; open again at once, so that a deleted database is recreated and a
      // newer version elsewhere is noticed before the next write.
      if (database !== this.database) return;
      this.database = undefined;
      this.connection = this.connect(false);
    },
    onTerminated: (database) => void this.reconnect(database),
  };

  constructor(
    private readonly databaseName: string,
    private readonly namespace: string,
    private readonly report: (problem: StorageProblem) => void,
  ) {
    super();
    this.connection = this.connect(false);
  }

  override async read<T>(learner: string, read: (records: LearnerRecords) => Promise<T>): Promise<T> {
    const database = await this.connection;
    if (database && this.status === 'indexeddb') {
      const outcome = await this.attempt(database, async (db) => {
        // Read-only: the records' put methods are never called.
        const transaction = db.transaction(STORE_NAMES, 'readonly') as unknown as ProgressTransaction;
        const records = new MirroredRecords(new IndexedDbLearnerRecords(transaction, this.namespace, learner));
        const [value] = await Promise.all([read(records), transaction.done]);
        // After the transaction, which must await nothing but its own requests.
        await records.copyInto(this.inMemory(learner));
        return value;
      });
      if (outcome.ok) return outcome.value;
    }
    return super.read(learner, read);
  }

  override async write<T>(learner: string, write: Write<T>): Promise<T> {
    const database = await this.connection;
    const unsaved: UnsavedWrite = { learner, write };
    if (database) {
      this.unsaved.push(unsaved);
      const outcome = await this.attempt(database, (db) => this.saveUnsaved(db));
      if (outcome.ok) {
        this.unsaved = [];
        // Back from memory, if a full disk had sent it there.
        if (this.status === 'memory') this.status = 'indexeddb';
        const result = outcome.value.at(-1)!;
        if ('refused' in result) throw result.refused;
        if (write.durability === 'strict') this.askToPersist();
        return result.value as T;
      }
    }
    // IndexedDB is full (the write stays queued for it) or given up: the mirror is the store.
    try {
      return await super.write(learner, write);
    } catch (error) {
      this.unsaved = this.unsaved.filter((queued) => queued !== unsaved);
      throw error;
    }
  }

  /**
   * On IndexedDB, shared by the origin's tabs, in a transaction of its own; on the memory outbox while
   * IndexedDB cannot be used. Statements are queued by the writes themselves (`LearnerRecords.queueStatements`).
   */
  override async withOutbox<T>(
    onDisk: (outbox: OutboxStore) => Promise<T>,
    inMemory: (outbox: MemoryStatements) => Promise<T>,
  ): Promise<T> {
    const database = await this.connection;
    if (database && this.status === 'indexeddb') {
      const outcome = await this.attempt(database, async (db) => {
        const transaction = db.transaction('outbox', 'readwrite');
        const [value] = await Promise.all([onDisk(transaction.objectStore('outbox')), transaction.done]);
        return value;
      });
      if (outcome.ok) return outcome.value;
    }
    return inMemory(this.memoryOutbox);
  }

  override close(): void {
    super.close();
    this.database?.close();
    this.database = undefined;
    this.connection = Promise.resolve(undefined);
    this.unsaved = [];
  }

  /**
   * Applies every unsaved write in one transaction, which commits all of them or none, then gives the
   * mirror what the transaction read and wrote. A write refused (it checks before it puts anything)
   * leaves the others to commit.
   */
  private async saveUnsaved(database: ProgressDatabase): Promise<WriteResult[]> {
    const strict = this.unsaved.some(({ write }) => write.durability === 'strict');
    const transaction = database.transaction(STORE_NAMES, 'readwrite', { durability: strict ? 'strict' : 'relaxed' });
    const copies: [learner: string, records: MirroredRecords][] = [];
    const applying = (async () => {
      const results: WriteResult[] = [];
      for (const { learner, write } of this.unsaved) {
        const records = new MirroredRecords(new IndexedDbLearnerRecords(transaction, this.namespace, learner));
        copies.push([learner, records]);
        try {
          results.push({ value: await write.apply(records) });
        } catch (error) {
          if (!(error instanceof QuizAttemptsUsedError)) throw error;
          results.push({ refused: error });
        }
      }
      return results;
    })();
    // A write that fails half way must not commit its first half.
    applying.catch(() => abortQuietly(transaction));
    const [results] = await Promise.all([applying, transaction.done]);
    for (const [learner, records] of copies) await records.copyInto(this.inMemory(learner));
    return results;
  }

  /**
   * Runs `action` on IndexedDB. A full disk switches the store to memory but keeps the connection for
   * later writes to retry; any other failure is taken for a lost connection, which is reopened once and
   * the action retried before IndexedDB is given up.
   */
  private async attempt<T>(database: ProgressDatabase, action: (database: ProgressDatabase) => Promise<T>): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await action(database) };
    } catch (error) {
      if (isQuotaError(error)) return this.full(error);
      const reopened = await this.reconnect(database);
      if (!reopened) return { ok: false };
      try {
        return { ok: true, value: await action(reopened) };
      } catch (retryError) {
        if (isQuotaError(retryError)) return this.full(retryError);
        this.giveUp(
          new StorageFailure('failed', `The progress database failed twice (${describeError(retryError)}).`, { cause: retryError }),
        );
        return { ok: false };
      }
    }
  }

  private full(error: unknown): Outcome<never> {
    this.fallBack(new StorageFailure('quota', 'The browser has no more room for progress on this site.', { cause: error }));
    return { ok: false };
  }

  private async connect(afterLoss: boolean): Promise<ProgressDatabase | undefined> {
    try {
      const database = afterLoss ? await this.reopen() : await openProgressDatabase(this.databaseName, this.connectionEvents);
      if (this.status === 'closed') {
        database.close();
        return undefined;
      }
      this.database = database;
      if (this.status === 'opening') this.status = 'indexeddb';
      if (afterLoss) {
        this.report({
          code: 'storage-closed',
          message:
            'The browser closed the progress database (site data cleared, or its storage restarted); it was reopened, but progress saved before may be gone.',
        });
      }
      return database;
    } catch (error) {
      this.giveUp(error instanceof StorageFailure ? error : new StorageFailure('failed', describeError(error), { cause: error }));
      return undefined;
    }
  }

  /**
   * Opens again after the browser closed the connection. It may still be clearing the site's storage:
   * an open made meanwhile is aborted (Chromium, after `Storage.clearDataForOrigin`), so wait a moment
   * first, and a little longer after each abort.
   */
  private async reopen(): Promise<ProgressDatabase> {
    for (let attempt = 0; ; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, REOPEN_DELAYS_MS[attempt]));
      try {
        return await openProgressDatabase(this.databaseName, this.connectionEvents);
      } catch (error) {
        const aborted = error instanceof StorageFailure && (error.cause as { name?: unknown } | undefined)?.name === 'AbortError';
        if (!aborted || attempt === REOPEN_DELAYS_MS.length - 1) throw error;
      }
    }
  }

  /**
   * Replaces a connection the browser closed or that failed. Only once per store: storage that keeps
   * failing ends in memory rather than in a loop of reopening.
   */
  private reconnect(lost: ProgressDatabase): Promise<ProgressDatabase | undefined> {
    if (lost !== this.database) return this.connection;
    lost.close();
    this.database = undefined;
    if (this.reopenedAfterLoss) {
      this.giveUp(new StorageFailure('closed', 'The browser closed the progress database a second time.'));
    } else {
      this.reopenedAfterLoss = true;
      this.connection = this.connect(true);
    }
    return this.connection;
  }

  private fallBack(failure: StorageFailure): void {
    if (this.status !== 'closed') this.status = 'memory';
    this.report({ code: 'storage-unavailable', reason: failure.reason, message: failure.message });
  }

  /** For the rest of the page's life: the mirror is all there is. */
  private giveUp(failure: StorageFailure): void {
    this.database?.close();
    this.database = undefined;
    this.connection = Promise.resolve(undefined);
    this.unsaved = [];
    this.fallBack(failure);
  }

  /** Asked once progress first matters; the answer changes nothing (headless Chromium says no). */
  private askToPersist(): void {
    if (this.askedToPersist) return;
    this.askedToPersist = true;
    try {
      globalThis.navigator?.storage?.persist?.().catch(() => {});
    } catch {
      // Not offered here: progress is kept all the same, as best-effort storage.
    }
  }
}

function abortQuietly(transaction: { abort(): void }): void {
  try {
    transaction.abort();
  } catch {
    // Already finished or aborted.
  }
}

/**
 * Reads and writes through to IndexedDB, noting every record read or written, in order, so that once
 * the transaction has committed the mirror can be given the same records.
 */
class MirroredRecords implements LearnerRecords {
  private readonly copies: ((mirror: LearnerRecords) => Promise<unknown>)[] = [];

  constructor(private readonly source: LearnerRecords) {}

  async copyInto(mirror: LearnerRecords): Promise<void> {
    for (const copy of this.copies) await copy(mirror);
  }

  async listCourses(): Promise<CourseRecord[]> {
    const courses = await this.source.listCourses();
    this.copies.push((mirror) => Promise.all(courses.map((course) => mirror.putCourse(course))));
    return courses;
  }

  async getCourse(courseId: string): Promise<CourseRecord | undefined> {
    const course = await this.source.getCourse(courseId);
    if (course) this.copies.push((mirror) => mirror.putCourse(course));
    return course;
  }

  async putCourse(record: CourseRecord): Promise<void> {
    await this.source.putCourse(record);
    this.copies.push((mirror) => mirror.putCourse(record));
  }

  async getLessons(courseId: string): Promise<LessonProgress[]> {
    const lessons = await this.source.getLessons(courseId);
    this.copies.push((mirror) => Promise.all(lessons.map((lesson) => mirror.putLesson(courseId, lesson))));
    return lessons;
  }

  async getLesson(courseId: string, lessonId: string): Promise<LessonProgress | undefined> {
    const lesson = await this.source.getLesson(courseId, lessonId);
    if (lesson) this.copies.push((mirror) => mirror.putLesson(courseId, lesson));
    return lesson;
  }

  /** Not mirrored: a count, not a record. */
  countLessons(courseId: string): Promise<number> {
    return this.source.countLessons(courseId);
  }

  async putLesson(courseId: string, lesson: LessonProgress): Promise<void> {
    await this.source.putLesson(courseId, lesson);
    this.copies.push((mirror) => mirror.putLesson(courseId, lesson));
  }

  async getAttempts(courseId: string): Promise<QuizAttempt[]> {
    const attempts = await this.source.getAttempts(courseId);
    const byQuiz = new Map<string, QuizAttempt[]>();
    for (const attempt of attempts) {
      const quizAttempts = byQuiz.get(attempt.quizId);
      if (quizAttempts) quizAttempts.push(attempt);
      else byQuiz.set(attempt.quizId, [attempt]);
    }
    this.copies.push((mirror) =>
      Promise.all([...byQuiz].map(([quizId, quizAttempts]) => mirror.putQuizAttempts(courseId, quizId, quizAttempts))),
    );
    return attempts;
  }

  async getQuizAttempts(courseId: string, quizId: string): Promise<QuizAttempt[]> {
    const attempts = await this.source.getQuizAttempts(courseId, quizId);
    this.copies.push((mirror) => mirror.putQuizAttempts(courseId, quizId, attempts));
    return attempts;
  }

  async putQuizAttempts(courseId: string, quizId: string, attempts: readonly QuizAttempt[]): Promise<void> {
    await this.source.putQuizAttempts(courseId, quizId, attempts);
    this.copies.push((mirror) => mirror.putQuizAttempts(courseId, quizId, attempts));
  }

  async getOpenAttempts(courseId: string): Promise<OpenQuizAttempt[]> {
    const openAttempts = await this.source.getOpenAttempts(courseId);
    this.copies.push((mirror) => Promise.all(openAttempts.map((open) => mirror.putOpenAttempt(courseId, open))));
    return openAttempts;
  }

  async getOpenAttempt(courseId: string, quizId: string): Promise<OpenQuizAttempt | undefined> {
    const open = await this.source.getOpenAttempt(courseId, quizId);
    this.copies.push((mirror) => (open ? mirror.putOpenAttempt(courseId, open) : mirror.deleteOpenAttempt(courseId, quizId)));
    return open;
  }

  async putOpenAttempt(courseId: string, attempt: OpenQuizAttempt): Promise<void> {
    await this.source.putOpenAttempt(courseId, attempt);
    this.copies.push((mirror) => mirror.putOpenAttempt(courseId, attempt));
  }

  async deleteOpenAttempt(courseId: string, quizId: string): Promise<void> {
    await this.source.deleteOpenAttempt(courseId, quizId);
    this.copies.push((mirror) => mirror.deleteOpenAttempt(courseId, quizId));
  }

  async getLearnerName(): Promise<string | undefined> {
    const name = await this.source.getLearnerName();
    if (name !== undefined) this.copies.push((mirror) => mirror.putLearnerName(name));
    return name;
  }

  async putLearnerName(name: string): Promise<void> {
    await this.source.putLearnerName(name);
    this.copies.push((mirror) => mirror.putLearnerName(name));
  }

  /** Not mirrored: the statements are in IndexedDB, and a memory outbox holds only what never got there. */
  queueStatements(statements: readonly XapiStatement[]): Promise<void> {
    return this.source.queueStatements(statements);
  }
}
