/**
 * The export file: one learner's progress in every course of a namespace, as versioned JSON, so a
 * learner can keep a copy or move to another browser. Its format is here; writing and reading it are in
 * `progress-document-json.ts`, which the store loads only when a learner exports or imports.
 */
import type { LessonProgress, QuizAttempt } from '../progress.js';
import type { CourseRecord } from './learner-records.js';

export const PROGRESS_FORMAT = 'sabaq-progress';
/** The version this sabaq writes; it reads this one and every earlier one. */
export const PROGRESS_FORMAT_VERSION = 1;
/** Far more than 10,000 attempts need, far less than would stall the page. */
export const MAX_PROGRESS_DOCUMENT_LENGTH = 32 * 1024 * 1024;

export interface CourseExport extends CourseRecord {
  /** By lesson id. */
  lessons: LessonProgress[];
  /** By quiz id, each quiz's oldest first. */
  attempts: QuizAttempt[];
}

export interface ProgressDocument {
  format: typeof PROGRESS_FORMAT;
  version: number;
  /** Epoch milliseconds. */
  exportedAt: number;
  /** Where the progress was exported from; an import goes to the store's namespace and learner. */
  namespace: string;
  learner: string;
  learnerName?: string;
  /** By course id. */
  courses: CourseExport[];
}

export type ProgressImportErrorCode = 'too-large' | 'not-json' | 'not-progress' | 'newer-format' | 'invalid';

/** Why a progress file was not imported; nothing was written. */
export class ProgressImportError extends Error {
  constructor(
    readonly code: ProgressImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProgressImportError';
  }
}
