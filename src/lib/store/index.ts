/** The progress store: the one interface through which the elements keep a learner's progress. */
export type {
  CourseRef,
  NewCertificate,
  NewQuizAttempt,
  ProgressChange,
  ProgressStore,
  QuizStart,
  StorageProblem,
  StorageStatus,
  UnavailableReason,
} from './api.js';
export { QuizAttemptsUsedError } from './api.js';
export { openStore, createMemoryStore } from './progress-store.js';
export type { OpenStoreOptions } from './progress-store.js';
export { ProgressImportError, PROGRESS_FORMAT, PROGRESS_FORMAT_VERSION } from './progress-document.js';
export type { ProgressDocument, CourseExport, ProgressImportErrorCode } from './progress-document.js';
