/**
 * The progress store: the one interface through which the elements keep a learner's progress.
 *
 * - `api.ts`: the contract (`ProgressStore` and what its calls take and report).
 * - `progress-store.ts`: `openStore()` and `createMemoryStore()`: checks arguments, runs calls in order.
 * - `operations.ts`: what each call does to a learner's records, once for IndexedDB and memory alike.
 * - `learner-records.ts`: the records kept and `LearnerRecords`, the interface operations use.
 * - `validation.ts`: the checks every record passes, and the builders of frozen records.
 * - `backend.ts`: where a store's reads and writes go; `memory.ts` keeps them in memory, and
 *   `indexeddb-backend.ts` also saves them to IndexedDB, falling back to memory.
 * - `schema.ts`: the IndexedDB object stores and their migrations; `indexeddb-connection.ts` opens the
 *   database; `indexeddb-records.ts` is `LearnerRecords` over one transaction.
 * - `change-notices.ts`: telling subscribers, in this tab and others, of changes.
 * - The outbox of learning records (SPEC §6) is an object store of the same database, written in the
 *   transaction of the change it records (`ProgressStore.recordWith`, `LearnerRecords.queueStatements`).
 * - `progress-document.ts`: the export file, written and checked.
 */
export type {
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
  UnavailableReason,
} from './api.js';
export { QuizAttemptsUsedError } from './api.js';
/** The longest id (namespace, learner, course, lesson, quiz) and text (a name, a typed answer) the store keeps. */
export { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './validation.js';
export { openStore, createMemoryStore } from './progress-store.js';
export type { OpenStoreOptions } from './progress-store.js';
export { ProgressImportError, PROGRESS_FORMAT, PROGRESS_FORMAT_VERSION } from './progress-document.js';
export type { ProgressDocument, CourseExport, ProgressImportErrorCode } from './progress-document.js';
