/**
 * The store's contract: the one small interface through which the elements keep a learner's progress
 * (SPEC §3 and §5). `openStore()` gives a store on IndexedDB that falls back to memory when IndexedDB
 * cannot be used; `createMemoryStore()` gives one that only ever lives in memory.
 */
import type { CourseProgress, IssuedCertificate, OpenQuizAttempt, QuizAttempt } from '../progress.js';
import type { MemoryStatements } from './memory.js';
import type { OutboxStore } from './schema.js';
import type { XapiStatement } from '../xapi/statements.js';

/** Which course of which learner a call is about. */
export interface CourseRef {
  /** Separates learners who share a browser (SPEC §3: the elements' `learner`, `default` by default). */
  learner: string;
  courseId: string;
  /**
   * The content hash of the course the learner is looking at. Writes keep it with the course's
   * progress, so a later version of the course can tell which version the progress was made in.
   */
  courseHash?: string;
}

/**
 * A submitted quiz, as the quiz hands it to the store; the store numbers and timestamps it, and gives
 * it the seed of the quiz's open attempt.
 */
export type NewQuizAttempt = Pick<QuizAttempt, 'quizId' | 'answers' | 'score' | 'passed' | 'quizHash'> & {
  /** The quiz's `attempts` setting: how many attempts may be kept; 0 or absent for no limit. */
  allowed?: number;
};

/** The quiz a learner starts an attempt at. */
export interface QuizStart {
  quizId: string;
  /** A timed quiz's time limit, from which the attempt's deadline is set. */
  timeLimitMs?: number;
}

/** The quiz already has as many attempts as it allows (in this tab or another); nothing was written. */
export class QuizAttemptsUsedError extends Error {
  constructor(
    readonly quizId: string,
    readonly allowed: number,
  ) {
    super(`Quiz "${quizId}" allows ${allowed} attempt${allowed === 1 ? '' : 's'}, and all are used.`);
    this.name = 'QuizAttemptsUsedError';
  }
}

/** A certificate as issued; the store files it under the course it is given with. */
export type NewCertificate = Omit<IssuedCertificate, 'courseId'>;

/** Some of a learner's progress changed, in this page or in another tab of the same origin. */
export interface ProgressChange {
  namespace: string;
  learner: string;
  /** The course whose progress changed; absent when only the learner's name did. */
  courseId?: string;
}

/**
 * Where progress is kept: `opening` until IndexedDB has opened or been given up on; `indexeddb`;
 * `memory` when IndexedDB cannot be used (progress lasts only as long as the page); `closed` after
 * `close()`.
 */
export type StorageStatus = 'opening' | 'indexeddb' | 'memory' | 'closed';

/**
 * Why progress went to memory: IndexedDB is missing or forbidden (`unsupported`), failed to open
 * (`failed`), did not answer within 3 seconds (`timeout`), is held at an older version by another tab
 * (`blocked`), was upgraded by a newer version of the site in another tab (`newer-version`), is full
 * (`quota`), or was closed by the browser a second time (`closed`); or the page asked for a namespace
 * or database name that cannot be used, empty or longer than 256 characters (`invalid-name`).
 */
export type UnavailableReason = 'unsupported' | 'failed' | 'timeout' | 'blocked' | 'newer-version' | 'quota' | 'closed' | 'invalid-name';

/**
 * A storage problem the learner should be told about. `storage-unavailable`: progress is now kept in
 * memory only, so it will be lost when the page closes (after `quota`, the store returns to IndexedDB
 * by itself, saving what it kept meanwhile, once a write succeeds again). `storage-closed`: the browser
 * closed the database underneath the page (site data cleared, or its storage process restarted); the
 * store reopened it, but progress saved earlier may be gone. `message` is English, for developers.
 */
export type StorageProblem =
  { code: 'storage-unavailable'; reason: UnavailableReason; message: string } | { code: 'storage-closed'; message: string };

/**
 * One namespace's progress store. Every method resolves (storage failures switch the store to memory
 * and are reported through `onProblem`, never thrown); they reject only when called with arguments of
 * the wrong shape (`TypeError`), `addQuizAttempt` when the quiz's attempts are used, and `importProgress`
 * when the file cannot be imported.
 *
 * Records handed out are frozen snapshots: read again after a change to see it.
 */
export interface ProgressStore {
  readonly namespace: string;
  readonly status: StorageStatus;

  /** The learner's progress in the course; empty progress when there is none. */
  getProgress(course: CourseRef): Promise<CourseProgress>;
  /**
   * Records that the learner opened a lesson: it becomes the last lesson opened, and is in progress
   * (with its start time) unless it was already complete.
   */
  openLesson(course: CourseRef, lessonId: string): Promise<void>;
  /** Adds to the time the lesson has been open and visible. */
  addTimeSpent(course: CourseRef, lessonId: string, milliseconds: number): Promise<void>;
  /** Marks the lesson complete; resolves once that is on disk. Completing it again changes nothing. */
  completeLesson(course: CourseRef, lessonId: string): Promise<void>;
  /**
   * The quiz's open attempt: the one already started for the next attempt number, or a new one (a fresh
   * random seed, started now, with a deadline when the quiz is timed). Decided in one transaction, so
   * tabs starting the quiz at once get the same attempt. Resolves once it is on disk.
   */
  startQuizAttempt(course: CourseRef, quiz: QuizStart): Promise<OpenQuizAttempt>;
  /**
   * Keeps a submitted attempt and resolves, once it is on disk, with its number, time and the open
   * attempt's seed (the open attempt is closed). Rejects with `QuizAttemptsUsedError`, writing nothing,
   * when `allowed` attempts are already kept, whichever tab kept them.
   */
  addQuizAttempt(course: CourseRef, attempt: NewQuizAttempt): Promise<QuizAttempt>;
  /** Keeps the course's certificate, replacing any earlier one; resolves once it is on disk. */
  saveCertificate(course: CourseRef, certificate: NewCertificate): Promise<void>;
  getLearnerName(learner: string): Promise<string | undefined>;
  setLearnerName(learner: string, name: string): Promise<void>;

  /** A JSON document (see `ProgressDocument`) of the learner's progress in every course of the namespace. */
  exportProgress(learner: string): Promise<string>;
  /**
   * Merges an exported document into the learner's progress in this namespace (whoever it was exported
   * for): no completion, attempt or better score already kept is lost. Rejects with a
   * `ProgressImportError`, having written nothing, when the document is malformed, too large or from a
   * newer version of sabaq.
   */
  importProgress(learner: string, json: string): Promise<void>;

  /**
   * Calls `listener` after every change to the namespace's progress: at once for changes made through
   * this store, and within half a second for changes made in other tabs. Returns an unsubscribe function.
   */
  subscribe(listener: (change: ProgressChange) => void): () => void;
  /**
   * Calls `listener` once with each storage problem, including problems met before it subscribed.
   * Each code is reported at most once per store. Returns an unsubscribe function.
   */
  onProblem(listener: (problem: StorageProblem) => void): () => void;
  /**
   * Runs `onDisk` on the outbox of learning records waiting for the LRS (SPEC §6) in IndexedDB,
   * shared by the origin's tabs, in a transaction of its own; or `inMemory` on the memory outbox while
   * the store is in memory. For the delivery, through `storeOutbox()` (src/lib/xapi/outbox.ts).
   * @internal
   */
  withOutbox<T>(onDisk: (outbox: OutboxStore) => Promise<T>, inMemory: (outbox: MemoryStatements) => Promise<T>): Promise<T>;
  /**
   * From now on, each learner action (opening or completing a lesson, submitting a quiz, saving a
   * certificate) asks `recorder` which learning records it makes, and queues them in the outbox in the
   * same transaction as the progress change: a record exists if and only if the progress does.
   * `undefined` stops recording. Imports record nothing. The changes kept for an expected recorder
   * are recorded with this one (or dropped, with `undefined`); the promise resolves once they are queued.
   */
  recordWith(recorder: Recorder | undefined): Promise<void>;
  /**
   * A recorder is on its way (its code is loading): until `recordWith` is called, the store keeps the
   * change of each learner action made with no recorder, with the course's progress after it, for the
   * recorder to record then. In memory: a page closed meanwhile loses them.
   */
  expectRecorder(): void;
  /** Closes the database and the cross-tab channel and drops every listener; later calls only use memory. */
  close(): void;
}

/**
 * One learner action's change to their progress in a course. `before` and `after` hold only the record
 * the action is about (the lesson opened or completed, the quiz's attempts, the certificate), as it
 * was before the action and after it; the rest of the course is read when asked for.
 */
export interface RecordedChange {
  learner: string;
  courseId: string;
  before: CourseProgress;
  after: CourseProgress;
  /** The learner's whole progress in the course after the change: every record of it is read. */
  readProgress(): Promise<CourseProgress>;
  /** How many of the course's lessons have a record after the change, counted without reading them. */
  countLessons(): Promise<number>;
}

/**
 * The learning records one change to a learner's progress in a course makes. Called inside the write's
 * transaction: it may wait for the change's reads, and for nothing else.
 */
export type Recorder = (change: RecordedChange) => Promise<XapiStatement[]>;
