/**
 * Writes the export file and reads one back, checking every field before anything is written: a file
 * is untrusted input, however it was made. Loaded by the store on the first export or import only.
 */
import {
  type CourseExport,
  type ProgressDocument,
  MAX_PROGRESS_DOCUMENT_LENGTH,
  PROGRESS_FORMAT,
  PROGRESS_FORMAT_VERSION,
  ProgressImportError,
} from './progress-document.js';
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
