/**
 * The export file: one learner's progress in every course of a namespace, as versioned JSON, so a
 * learner can keep a copy or move to another browser. Reading one back checks every field before
 * anything is written: a file is untrusted input, however it was made.
 */
import type { LessonProgress, QuizAttempt } from '../progress.js';
import type { CourseRecord } from './learner-records.js';
import {
  InvalidRecordError,
  own,
  readArray,
  readCourseRecord,
  readId,
  readLessonProgress,
  readObject,
  readQuizAttempt,
  readText,
  readTime,
} from './validation.js';

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

export function parseProgressDocument(json: string): ProgressDocument {
  if (typeof json !== 'string') throw new TypeError('importProgress() takes the JSON text of a progress file.');
  if (json.length > MAX_PROGRESS_DOCUMENT_LENGTH) {
    throw new ProgressImportError('too-large', `This progress file is larger than ${MAX_PROGRESS_DOCUMENT_LENGTH / 1024 / 1024} MB.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ProgressImportError('not-json', `This is not a progress file: it is not valid JSON (${(error as Error).message}).`);
  }
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (own(object, 'format') !== PROGRESS_FORMAT) {
    throw new ProgressImportError('not-progress', `This is not a sabaq progress file: "format" is not "${PROGRESS_FORMAT}".`);
  }
  const version = own(object, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ProgressImportError('invalid', 'This progress file is damaged: "version" must be a whole number, 1 or more.');
  }
  if (version > PROGRESS_FORMAT_VERSION) {
    throw new ProgressImportError(
      'newer-format',
      `This progress file was made by a newer version of sabaq (format ${version}; this one reads up to ${PROGRESS_FORMAT_VERSION}). Update the site's sabaq to import it.`,
    );
  }
  try {
    return readDocument(object);
  } catch (error) {
    if (!(error instanceof InvalidRecordError)) throw error;
    throw new ProgressImportError('invalid', `This progress file is damaged: ${error.message}.`);
  }
}

function readDocument(object: Readonly<Record<string, unknown>>): ProgressDocument {
  const learnerName = own(object, 'learnerName');
  const courses = readArray(own(object, 'courses'), 'courses').map((course, i) => readCourseExport(course, 'courses', i));
  const seen = new Set<string>();
  for (const [i, { courseId }] of courses.entries()) {
    if (seen.has(courseId)) throw new InvalidRecordError(`courses[${i}].courseId`, `repeats ${JSON.stringify(courseId)}`);
    seen.add(courseId);
  }
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_FORMAT_VERSION,
    exportedAt: readTime(own(object, 'exportedAt'), 'exportedAt'),
    namespace: readId(own(object, 'namespace'), 'namespace'),
    learner: readId(own(object, 'learner'), 'learner'),
    ...(learnerName === undefined ? {} : { learnerName: readText(learnerName, 'learnerName') }),
    courses,
  };
}

function readCourseExport(value: unknown, path: string, index: number): CourseExport {
  const object = readObject(value, path, index);
  const at = `${path}[${index}]`;
  return {
    ...readCourseRecord(object, at),
    lessons: readArray(own(object, 'lessons'), at, 'lessons').map((lesson, i) => readLessonProgress(lesson, `${at}.lessons`, i)),
    attempts: readArray(own(object, 'attempts'), at, 'attempts').map((attempt, i) => readQuizAttempt(attempt, `${at}.attempts`, i)),
  };
}

export function progressDocument(
  namespace: string,
  learner: string,
  progress: Pick<ProgressDocument, 'learnerName' | 'courses'>,
  now: number,
): ProgressDocument {
  return { format: PROGRESS_FORMAT, version: PROGRESS_FORMAT_VERSION, exportedAt: now, namespace, learner, ...progress };
}
