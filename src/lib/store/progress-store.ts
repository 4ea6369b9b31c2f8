/**
 * `openStore()` and `createMemoryStore()`: the store the elements use, whatever keeps the records.
 * Calls run one at a time, in the order they were made, so that no two read-then-write operations
 * interleave (two quiz submissions can never get the same attempt number).
 */
import type { CourseProgress, OpenQuizAttempt, QuizAttempt } from '../progress.js';
import type {
  CourseRef,
  NewCertificate,
  NewQuizAttempt,
  ProgressChange,
  ProgressStore,
  QuizStart,
  RecordedChange,
  Recorder,
  StorageProblem,
  StorageStatus,
} from './api.js';
import type { Backend } from './backend.js';
import type { MemoryStatements } from './memory.js';
import type { OutboxStore } from './schema.js';
import type { XapiStatement } from '../xapi/statements.js';
import { ChangeFeed, notify } from './change-notices.js';
import { IndexedDbBackend } from './indexeddb-backend.js';
import type { LearnerRecords } from './learner-records.js';
import { MemoryBackend } from './memory.js';
import * as operations from './operations.js';
import {
  InvalidRecordError,
  MAX_ID_LENGTH,
  own,
  quizAttempt,
  readCertificate,
  readCount,
  readId,
  readObject,
  readText,
  readTime,
} from './validation.js';

export interface OpenStoreOptions {
  /** Separates partner sites or deployments on one origin (SPEC §3). Default `default`. */
  namespace?: string;
  /** The IndexedDB database to use. Default `sabaq`. */
  databaseName?: string;
}

const DEFAULT_DATABASE_NAME = 'sabaq';

const openStores = new Map<string, ProgressStore>();

/**
 * The progress store for a namespace, on IndexedDB with memory behind it. Returns at once: the database
 * opens in the background and calls wait for it (3 seconds at most). Every call for the same database
 * and namespace gets the same store, so a page has one connection and reports a problem once, until
 * the store is closed. A namespace or database name it cannot use (empty, or longer than 256
 * characters) gives a store in memory only, which reports `storage-unavailable` (`invalid-name`);
 * only names that are not text throw (a `TypeError`).
 */
export function openStore(options: OpenStoreOptions = {}): ProgressStore {
  const namespace = argument(() => readText(options.namespace ?? 'default', 'namespace', undefined, Infinity));
  const databaseName = argument(() => readText(options.databaseName ?? DEFAULT_DATABASE_NAME, 'databaseName', undefined, Infinity));
  const key = JSON.stringify([databaseName, namespace]);
  const open = openStores.get(key);
  if (open) return open;
  const invalidName = nameProblem(() => {
    readId(namespace, 'namespace');
    readId(databaseName, 'databaseName');
  });
  const onClose = () => {
    if (openStores.get(key) === store) openStores.delete(key);
  };
  const store: ProgressStore = invalidName
    ? new Store(
        namespace,
        (report) => {
          report(invalidName);
          return new MemoryBackend();
        },
        { onClose },
      )
    : new Store(namespace, (report) => new IndexedDbBackend(databaseName, namespace, report), {
        channelName: `sabaq:${databaseName}`,
        onClose,
      });
  openStores.set(key, store);
  return store;
}

/** Why a name cannot be used, as the problem the store reports; undefined when it can. */
function nameProblem(check: () => void): StorageProblem | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (!(error instanceof InvalidRecordError)) throw error;
    return {
      code: 'storage-unavailable',
      reason: 'invalid-name',
      message: `Progress cannot be saved: the ${error.message} (a name has 1 to ${MAX_ID_LENGTH} characters); it is kept in memory only, until the page closes.`,
    };
  }
}

/** A store that keeps progress in memory only, for as long as the page lives: for previews and tests. */
export function createMemoryStore(options: Pick<OpenStoreOptions, 'namespace'> = {}): ProgressStore {
  const namespace = argument(() => readId(options.namespace ?? 'default', 'namespace'));
  return new Store(namespace, () => new MemoryBackend(), {});
}

/** Arguments are checked like stored records; a wrong one is the caller's mistake: a TypeError. */
function argument<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InvalidRecordError) throw new TypeError(error.message, { cause: error });
    throw error;
  }
}

/** The store's own copy of what a caller handed in, so that checking and freezing it touches nothing of theirs. */
function cloneData(value: unknown, path: string): unknown {
  try {
    return structuredClone(value);
  } catch {
    throw new InvalidRecordError(path, 'must be plain data');
  }
}

function courseArgument(course: CourseRef): CourseRef {
  return argument(() => {
    const object = readObject(course, 'course');
    const courseHash = own(object, 'courseHash');
    return {
      learner: readId(own(object, 'learner'), 'course', 'learner'),
      courseId: readId(own(object, 'courseId'), 'course', 'courseId'),
      ...(courseHash === undefined ? {} : { courseHash: readText(courseHash, 'course', 'courseHash', MAX_ID_LENGTH) }),
    };
  });
}

class Store implements ProgressStore {
  private readonly backend: Backend;
  private readonly changes: ChangeFeed;
  private readonly problems: StorageProblem[] = [];
  private readonly problemListeners = new Set<(problem: StorageProblem) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private recorder: Recorder | undefined;
  /** The changes of learner actions kept for a recorder on its way, oldest first (see expectRecorder). */
  private waiting: RecordedChange[] | undefined;

  constructor(
    readonly namespace: string,
    createBackend: (report: (problem: StorageProblem) => void) => Backend,
    private readonly options: { channelName?: string; onClose?: () => void },
  ) {
    this.changes = new ChangeFeed(namespace, options.channelName);
    this.backend = createBackend((problem) => this.report(problem));
  }

  get status(): StorageStatus {
    return this.backend.status;
  }

  withOutbox<T>(onDisk: (outbox: OutboxStore) => Promise<T>, inMemory: (outbox: MemoryStatements) => Promise<T>): Promise<T> {
    return this.backend.withOutbox(onDisk, inMemory);
  }

  expectRecorder(): void {
    this.waiting ??= [];
  }

  async recordWith(recorder: Recorder | undefined): Promise<void> {
    this.recorder = recorder;
    if (!this.waiting) return;
    // Queued after every call made so far, so that it takes each change kept, and once.
    await this.enqueue(async () => {
      const waiting = this.waiting ?? [];
      this.waiting = undefined;
      if (!recorder) return;
      for (const change of waiting) {
        const statements = await record(recorder, change);
        if (statements.length > 0) await this.backend.write(change.learner, queueStatements(statements));
      }
    });
  }

  async getProgress(course: CourseRef): Promise<CourseProgress> {
    const { learner, courseId } = courseArgument(course);
    return this.read(learner, (records) => operations.readProgress(records, courseId));
  }

  async openLesson(course: CourseRef, lessonId: string): Promise<void> {
    const ref = courseArgument(course);
    const id = argument(() => readId(lessonId, 'lessonId'));
    await this.act(ref, { lessonId: id }, operations.openLesson(ref, id, Date.now()));
  }

  async addTimeSpent(course: CourseRef, lessonId: string, milliseconds: number): Promise<void> {
    const ref = courseArgument(course);
    const id = argument(() => readId(lessonId, 'lessonId'));
    const duration = argument(() => readTime(milliseconds, 'milliseconds'));
    if (duration === 0) return;
    await this.write(ref.learner, operations.addTimeSpent(ref, id, duration, Date.now()), [ref.courseId]);
  }

  async completeLesson(course: CourseRef, lessonId: string): Promise<void> {
    const ref = courseArgument(course);
    const id = argument(() => readId(lessonId, 'lessonId'));
    await this.act(ref, { lessonId: id }, operations.completeLesson(ref, id, Date.now()));
  }

  async startQuizAttempt(course: CourseRef, quiz: QuizStart): Promise<OpenQuizAttempt> {
    const ref = courseArgument(course);
    const checked = argument(() => {
      const fields = readObject(quiz, 'quiz');
      const timeLimitMs = own(fields, 'timeLimitMs');
      return {
        quizId: readId(own(fields, 'quizId'), 'quiz', 'quizId'),
        ...(timeLimitMs === undefined ? {} : { timeLimitMs: readTime(timeLimitMs, 'quiz', 'timeLimitMs') }),
      };
    });
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
    const { open, started } = await this.write(ref.learner, operations.startQuizAttempt(ref, checked, Date.now(), seed), []);
    if (started) this.publish(ref.learner, ref.courseId);
    return open;
  }

  async addQuizAttempt(course: CourseRef, attempt: NewQuizAttempt): Promise<QuizAttempt> {
    const ref = courseArgument(course);
    const now = Date.now();
    // Numbered, given its seed and checked against `allowed` for real inside the write.
    const [checked, allowed] = argument(() => {
      const fields = readObject(attempt, 'attempt');
      const answers = cloneData(own(fields, 'answers'), 'attempt.answers');
      const limit = own(fields, 'allowed');
      return [
        quizAttempt(
          readId(own(fields, 'quizId'), 'attempt', 'quizId'),
          1,
          { ...fields, answers, submittedAt: now, seed: undefined },
          'attempt',
        ),
        limit === undefined ? 0 : readCount(limit, 'attempt', 'allowed'),
      ] as const;
    });
    return this.act(ref, { quizId: checked.quizId }, operations.addQuizAttempt(ref, checked, allowed, now));
  }

  async saveCertificate(course: CourseRef, certificate: NewCertificate): Promise<void> {
    const ref = courseArgument(course);
    const checked = argument(() => readCertificate({ ...readObject(certificate, 'certificate'), courseId: ref.courseId }, 'certificate'));
    await this.act(ref, 'certificate', operations.saveCertificate(ref, checked, Date.now()));
  }

  async getLearnerName(learner: string): Promise<string | undefined> {
    const id = argument(() => readId(learner, 'learner'));
    return this.read(id, (records) => records.getLearnerName());
  }

  async setLearnerName(learner: string, name: string): Promise<void> {
    const id = argument(() => readId(learner, 'learner'));
    const checked = argument(() => readText(name, 'name'));
    await this.write(id, operations.setLearnerName(checked), [undefined]);
  }

  async exportProgress(learner: string): Promise<string> {
    const id = argument(() => readId(learner, 'learner'));
    const [progress, { progressDocument }] = await Promise.all([
      this.read(id, operations.readLearner),
      import('./progress-document-json.js'),
    ]);
    return JSON.stringify(progressDocument(this.namespace, id, progress, Date.now()));
  }

  async importProgress(learner: string, json: string): Promise<void> {
    const id = argument(() => readId(learner, 'learner'));
    const { parseProgressDocument } = await import('./progress-document-json.js');
    const document = parseProgressDocument(json);
    const changed = [...document.courses.map((course) => course.courseId), ...(document.learnerName === undefined ? [] : [undefined])];
    await this.write(id, operations.mergeProgress(document), changed);
  }

  subscribe(listener: (change: ProgressChange) => void): () => void {
    return this.changes.subscribe(listener);
  }

  onProblem(listener: (problem: StorageProblem) => void): () => void {
    this.problemListeners.add(listener);
    for (const problem of this.problems) {
      queueMicrotask(() => {
        if (this.problemListeners.has(listener)) notify(listener, problem);
      });
    }
    return () => {
      this.problemListeners.delete(listener);
    };
  }

  close(): void {
    this.backend.close();
    this.changes.close();
    this.problemListeners.clear();
    this.options.onClose?.();
  }

  private report(problem: StorageProblem): void {
    if (this.problems.some((known) => known.code === problem.code)) return;
    const frozen = Object.freeze(problem);
    this.problems.push(frozen);
    for (const listener of [...this.problemListeners]) notify(listener, frozen);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  private read<T>(learner: string, read: (records: LearnerRecords) => Promise<T>): Promise<T> {
    return this.enqueue(() => this.backend.read(learner, read));
  }

  /**
   * A learner action: the write, followed in its transaction by queueing the learning records the
   * recorder makes of the change. While a recorder is expected, the change is kept instead, with the
   * course's progress after it, once the write is saved (a write may be applied more than once: to
   * IndexedDB, again after a failure, to memory).
   */
  private act<T>(ref: CourseRef, part: operations.ProgressPart, write: operations.Write<T>): Promise<T> {
    const { learner, courseId } = ref;
    let kept: RecordedChange | undefined;
    const recorded: operations.Write<T> = {
      durability: write.durability,
      apply: async (records) => {
        const recorder = this.recorder;
        if (!recorder && !this.waiting) return write.apply(records);
        // Asked for before the write's own requests, so answered as things were (a transaction
        // answers its requests in order), without waiting a round trip for it.
        const [before, value] = await Promise.all([operations.readPart(records, courseId, part), write.apply(records)]);
        const change: RecordedChange = {
          learner,
          courseId,
          before,
          after: await operations.readPart(records, courseId, part),
          readProgress: () => operations.readProgress(records, courseId),
          countLessons: () => records.countLessons(courseId),
        };
        if (recorder) {
          const statements = await record(recorder, change);
          if (statements.length > 0) await records.queueStatements(statements);
        } else {
          const progress = await change.readProgress();
          const lessons = Object.keys(progress.lessons).length;
          kept = { ...change, readProgress: async () => progress, countLessons: async () => lessons };
        }
        return value;
      },
    };
    return this.write(learner, recorded, [courseId], () => kept && this.waiting?.push(kept));
  }

  /**
   * Applies the write, then tells subscribers which of the learner's courses (undefined: the name)
   * changed. `saved` runs once it is saved, before the store's next call.
   */
  private async write<T>(learner: string, write: operations.Write<T>, changed: (string | undefined)[], saved?: () => void): Promise<T> {
    const value = await this.enqueue(async () => {
      const value = await this.backend.write(learner, write);
      saved?.();
      return value;
    });
    for (const courseId of changed) this.publish(learner, courseId);
    return value;
  }

  private publish(learner: string, courseId: string | undefined): void {
    this.changes.publish(
      courseId === undefined ? { namespace: this.namespace, learner } : { namespace: this.namespace, learner, courseId },
    );
  }
}

/** The recorder's statements for a change; one that fails costs the records, never the progress. */
async function record(recorder: Recorder, change: RecordedChange): Promise<XapiStatement[]> {
  try {
    return await recorder(change);
  } catch (error) {
    reportError(error);
    return [];
  }
}

function queueStatements(statements: readonly XapiStatement[]): operations.Write<void> {
  return { durability: 'relaxed', apply: (records) => records.queueStatements(statements) };
}
