/**
 * The checks every record passes before the store uses it, and the builders of frozen records. What is read back
 * from IndexedDB may have been written by any script on the origin, and an imported file by anyone,
 * so both are untrusted: every record is rebuilt field by field (answers checked in place) into frozen
 * plain data, and the dictionaries the store builds, keyed by lesson and quiz ids, have no prototype,
 * so an id such as `constructor` or `__proto__` stays an ordinary key.
 */
import type { IssuedCertificate, LessonProgress, LessonStatus, OpenQuizAttempt, QuizAttempt } from '../progress.js';
import type { Answers } from '../quiz/score.js';
import type { CourseRecord, StoredAttempt } from './learner-records.js';

/** Longest namespace, learner, course, lesson or quiz id, content hash or certificate code kept. */
export const MAX_ID_LENGTH = 256;
/** Longest learner name or typed answer kept. */
export const MAX_TEXT_LENGTH = 10_000;
/** Most questions answered in one attempt, and most items in one answer. */
export const MAX_ANSWERS = 1_000;

/** Input that does not have the expected shape; `path` says where, as in `courses[2].lessons[0].status`. */
export class InvalidRecordError extends Error {
  constructor(
    readonly path: string,
    expectation: string,
  ) {
    super(`${path} ${expectation}`);
    this.name = 'InvalidRecordError';
  }
}

/** A dictionary with no prototype. */
export function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * Where a value sits: `path` alone, or `path` and the `key` or index within it. The two are joined
 * only when a problem is reported: building every field's path while reading 10,000 attempts cost
 * more than reading them.
 */
function where(path: string, key?: string | number): string {
  if (key === undefined) return path;
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function readObject(value: unknown, path: string, key?: string | number): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRecordError(where(path, key), 'must be an object');
  }
  return value as Record<string, unknown>;
}

export function readArray(value: unknown, path: string, key?: string | number): readonly unknown[] {
  if (!Array.isArray(value)) throw new InvalidRecordError(where(path, key), 'must be a list');
  return value;
}

/** An own property: an inherited one (`constructor`, or a polluted prototype) never counts. */
export function own(object: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function readText(value: unknown, path: string, key?: string | number, maxLength = MAX_TEXT_LENGTH): string {
  if (typeof value !== 'string') throw new InvalidRecordError(where(path, key), 'must be text');
  if (value.length > maxLength) throw new InvalidRecordError(where(path, key), `must be at most ${maxLength} characters`);
  return value;
}

export function readId(value: unknown, path: string, key?: string | number): string {
  const id = readText(value, path, key, MAX_ID_LENGTH);
  if (id === '') throw new InvalidRecordError(where(path, key), 'must not be empty');
  return id;
}

/** Epoch milliseconds, or a duration in milliseconds. */
export function readTime(value: unknown, path: string, key?: string | number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidRecordError(where(path, key), 'must be a number of milliseconds, 0 or more');
  }
  return value;
}

export function readScore(value: unknown, path: string, key?: string | number): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 100)) {
    throw new InvalidRecordError(where(path, key), 'must be a number from 0 to 100');
  }
  return value;
}

/** A seed of the quiz's shuffle: a whole number that fits in 32 bits, as `crypto.getRandomValues` draws them. */
export function readSeed(value: unknown, path: string, key?: string | number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffff_ffff) {
    throw new InvalidRecordError(where(path, key), 'must be a whole number from 0 to 4294967295');
  }
  return value;
}

/** A whole number, `least` or more. */
export function readCount(value: unknown, path: string, key?: string, least = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < least) {
    throw new InvalidRecordError(where(path, key), `must be a whole number, ${least} or more`);
  }
  return value;
}

function readAttemptNumber(value: unknown, path: string, key: string): number {
  return readCount(value, path, key, 1);
}

function readBoolean(value: unknown, path: string, key: string): boolean {
  if (typeof value !== 'boolean') throw new InvalidRecordError(where(path, key), 'must be true or false');
  return value;
}

const STATUSES: readonly LessonStatus[] = ['not-started', 'in-progress', 'complete'];

export function readLessonProgress(value: unknown, path: string, key?: number): LessonProgress {
  const object = readObject(value, path, key);
  const at = where(path, key);
  const status = own(object, 'status');
  if (!STATUSES.includes(status as LessonStatus)) {
    throw new InvalidRecordError(`${at}.status`, `must be one of ${STATUSES.join(', ')}`);
  }
  const startedAt = own(object, 'startedAt');
  const completedAt = own(object, 'completedAt');
  return lessonProgress({
    lessonId: readId(own(object, 'lessonId'), at, 'lessonId'),
    status: status as LessonStatus,
    startedAt: startedAt === undefined ? undefined : readTime(startedAt, at, 'startedAt'),
    completedAt: completedAt === undefined ? undefined : readTime(completedAt, at, 'completedAt'),
    timeSpentMs: readTime(own(object, 'timeSpentMs'), at, 'timeSpentMs'),
  });
}

/** A frozen lesson record without the optional fields that are undefined. */
export function lessonProgress(lesson: LessonProgress): LessonProgress {
  const { lessonId, status, startedAt, completedAt, timeSpentMs } = lesson;
  return Object.freeze({
    lessonId,
    status,
    ...(startedAt === undefined ? {} : { startedAt }),
    ...(completedAt === undefined ? {} : { completedAt }),
    timeSpentMs,
  });
}

/**
 * Checks a learner's answers and freezes them in place, so pass only an object the store owns: parsed
 * JSON, or a clone of what a caller handed in. (Copying them instead cost a third of the time it takes
 * to load 10,000 attempts.) Parsed JSON has only own properties, a `"__proto__"` key among them.
 */
export function readAnswers(value: unknown, path: string, key?: string): Answers {
  const answers = readObject(value, path, key) as Answers;
  const problem = (expectation: string, questionId?: string, index?: number) =>
    new InvalidRecordError(where(questionId === undefined ? where(path, key) : where(where(path, key), questionId), index), expectation);
  const questionIds = Object.keys(answers);
  if (questionIds.length > MAX_ANSWERS) throw problem(`must answer at most ${MAX_ANSWERS} questions`);
  for (const questionId of questionIds) {
    if (questionId === '' || questionId.length > MAX_ID_LENGTH) throw problem(`must have question ids of 1 to ${MAX_ID_LENGTH} characters`);
    const answer = answers[questionId];
    if (typeof answer === 'string') {
      if (answer.length > MAX_TEXT_LENGTH) throw problem(`must be at most ${MAX_TEXT_LENGTH} characters`, questionId);
    } else if (Array.isArray(answer)) {
      if (answer.length > MAX_ANSWERS) throw problem(`must have at most ${MAX_ANSWERS} items`, questionId);
      for (let i = 0; i < answer.length; i++) {
        if (!Number.isInteger(answer[i])) throw problem('must be a whole number', questionId, i);
      }
      Object.freeze(answer);
    } else if (answer !== null && !(typeof answer === 'number' && Number.isFinite(answer))) {
      throw problem('must be a number, text, a list of whole numbers or null', questionId);
    }
  }
  return Object.freeze(answers);
}

/** An attempt as an import file holds it. */
export function readQuizAttempt(value: unknown, path: string, key?: number): QuizAttempt {
  const object = readObject(value, path, key);
  const at = where(path, key);
  return quizAttempt(readId(own(object, 'quizId'), at, 'quizId'), readAttemptNumber(own(object, 'attempt'), at, 'attempt'), object, at);
}

/** Builds a frozen attempt from `fields` (at `path`), checking each one. */
export function quizAttempt(quizId: string, attempt: number, fields: Readonly<Record<string, unknown>>, path: string): QuizAttempt {
  const seed = own(fields, 'seed');
  return Object.freeze({
    quizId,
    attempt,
    answers: readAnswers(own(fields, 'answers'), path, 'answers'),
    score: readScore(own(fields, 'score'), path, 'score'),
    passed: readBoolean(own(fields, 'passed'), path, 'passed'),
    submittedAt: readTime(own(fields, 'submittedAt'), path, 'submittedAt'),
    quizHash: readText(own(fields, 'quizHash'), path, 'quizHash', MAX_ID_LENGTH),
    ...(seed === undefined ? {} : { seed: readSeed(seed, path, 'seed') }),
  });
}

export function storedAttempt({ answers, score, passed, submittedAt, quizHash, seed }: QuizAttempt): StoredAttempt {
  return { answers, score, passed, submittedAt, quizHash, ...(seed === undefined ? {} : { seed }) };
}

export function readOpenAttempt(value: unknown, path: string, key?: string): OpenQuizAttempt {
  const object = readObject(value, path, key);
  const at = where(path, key);
  const deadline = own(object, 'deadline');
  return openAttempt({
    quizId: readId(own(object, 'quizId'), at, 'quizId'),
    attempt: readAttemptNumber(own(object, 'attempt'), at, 'attempt'),
    seed: readSeed(own(object, 'seed'), at, 'seed'),
    startedAt: readTime(own(object, 'startedAt'), at, 'startedAt'),
    deadline: deadline === undefined ? undefined : readTime(deadline, at, 'deadline'),
  });
}

/** A frozen open attempt without a deadline when it has none. */
export function openAttempt({ quizId, attempt, seed, startedAt, deadline }: OpenQuizAttempt): OpenQuizAttempt {
  return Object.freeze({ quizId, attempt, seed, startedAt, ...(deadline === undefined ? {} : { deadline }) });
}

export function readCertificate(value: unknown, path: string, key?: string): IssuedCertificate {
  const object = readObject(value, path, key);
  const at = where(path, key);
  return Object.freeze({
    courseId: readId(own(object, 'courseId'), at, 'courseId'),
    code: readId(own(object, 'code'), at, 'code'),
    learnerName: readText(own(object, 'learnerName'), at, 'learnerName'),
    issuedAt: readTime(own(object, 'issuedAt'), at, 'issuedAt'),
    score: readScore(own(object, 'score'), at, 'score'),
  });
}

export function readCourseRecord(value: unknown, path: string, key?: number): CourseRecord {
  const object = readObject(value, path, key);
  const at = where(path, key);
  const courseId = readId(own(object, 'courseId'), at, 'courseId');
  const lastLessonId = own(object, 'lastLessonId');
  const courseHash = own(object, 'courseHash');
  const certificate = own(object, 'certificate') === undefined ? undefined : readCertificate(own(object, 'certificate'), at, 'certificate');
  if (certificate && certificate.courseId !== courseId) {
    throw new InvalidRecordError(`${at}.certificate.courseId`, `must be the course's id, ${JSON.stringify(courseId)}`);
  }
  return courseRecord({
    courseId,
    updatedAt: readTime(own(object, 'updatedAt'), at, 'updatedAt'),
    lastLessonId: lastLessonId === undefined ? undefined : readId(lastLessonId, at, 'lastLessonId'),
    courseHash: courseHash === undefined ? undefined : readText(courseHash, at, 'courseHash', MAX_ID_LENGTH),
    certificate,
  });
}

/** A frozen course record without the optional fields that are undefined. */
export function courseRecord(record: CourseRecord): CourseRecord {
  const { courseId, updatedAt, lastLessonId, courseHash, certificate } = record;
  return Object.freeze({
    courseId,
    updatedAt,
    ...(lastLessonId === undefined ? {} : { lastLessonId }),
    ...(courseHash === undefined ? {} : { courseHash }),
    ...(certificate === undefined ? {} : { certificate }),
  });
}
