/**
 * The records the store keeps and the checks each one passes before it is used. What is read back
 * from IndexedDB may have been written by any script on the origin, and an imported file by anyone,
 * so both are untrusted: every record is rebuilt field by field into frozen plain data, and
 * dictionaries keyed by ids have no prototype, so an id such as `__proto__` stays an ordinary key.
 */
import type { IssuedCertificate, LessonProgress, LessonStatus, QuizAttempt } from '../progress.js';
import type { AnswerValue, Answers } from '../quiz/score.js';

/** Longest namespace, learner, course, lesson or quiz id, content hash or certificate code kept. */
export const MAX_ID_LENGTH = 256;
/** Longest learner name or typed answer kept. */
export const MAX_TEXT_LENGTH = 10_000;
/** Most questions answered in one attempt, and most items in one answer. */
export const MAX_ANSWERS = 1_000;

/** What the store keeps about one course of one learner, besides lessons and attempts. */
export interface CourseRecord {
  courseId: string;
  /** Epoch milliseconds of the last write to this course. */
  updatedAt: number;
  lastLessonId?: string;
  courseHash?: string;
  certificate?: IssuedCertificate;
}

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

export function readObject(value: unknown, path: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRecordError(path, 'must be an object');
  }
  return value as Record<string, unknown>;
}

export function readArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new InvalidRecordError(path, 'must be a list');
  return value;
}

/** An own property: an inherited one (`constructor`, or a polluted prototype) never counts. */
export function own(object: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function readText(value: unknown, path: string, maxLength = MAX_TEXT_LENGTH): string {
  if (typeof value !== 'string') throw new InvalidRecordError(path, 'must be text');
  if (value.length > maxLength) throw new InvalidRecordError(path, `must be at most ${maxLength} characters`);
  return value;
}

export function readId(value: unknown, path: string): string {
  const id = readText(value, path, MAX_ID_LENGTH);
  if (id === '') throw new InvalidRecordError(path, 'must not be empty');
  return id;
}

/** Epoch milliseconds, or a duration in milliseconds. */
export function readTime(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidRecordError(path, 'must be a number of milliseconds, 0 or more');
  }
  return value;
}

export function readScore(value: unknown, path: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 100)) {
    throw new InvalidRecordError(path, 'must be a number from 0 to 100');
  }
  return value;
}

function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new InvalidRecordError(path, 'must be true or false');
  return value;
}

function optional<T>(value: unknown, read: (value: unknown) => T): T | undefined {
  return value === undefined ? undefined : read(value);
}

const STATUSES: readonly LessonStatus[] = ['not-started', 'in-progress', 'complete'];

export function readLessonProgress(value: unknown, path: string): LessonProgress {
  const object = readObject(value, path);
  const status = own(object, 'status');
  if (!STATUSES.includes(status as LessonStatus)) {
    throw new InvalidRecordError(`${path}.status`, `must be one of ${STATUSES.join(', ')}`);
  }
  return lessonProgress({
    lessonId: readId(own(object, 'lessonId'), `${path}.lessonId`),
    status: status as LessonStatus,
    startedAt: optional(own(object, 'startedAt'), (v) => readTime(v, `${path}.startedAt`)),
    completedAt: optional(own(object, 'completedAt'), (v) => readTime(v, `${path}.completedAt`)),
    timeSpentMs: readTime(own(object, 'timeSpentMs'), `${path}.timeSpentMs`),
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

function readAnswerValue(value: unknown, path: string): AnswerValue {
  if (value === null || typeof value === 'number') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new InvalidRecordError(path, 'must be a finite number');
    return value;
  }
  if (typeof value === 'string') return readText(value, path);
  const items = readArray(value, path);
  if (items.length > MAX_ANSWERS) throw new InvalidRecordError(path, `must have at most ${MAX_ANSWERS} items`);
  return Object.freeze(
    items.map((item, i) => {
      if (typeof item !== 'number' || !Number.isInteger(item)) throw new InvalidRecordError(`${path}[${i}]`, 'must be a whole number');
      return item;
    }),
  ) as number[];
}

export function readAnswers(value: unknown, path: string): Answers {
  const object = readObject(value, path);
  const keys = Object.keys(object);
  if (keys.length > MAX_ANSWERS) throw new InvalidRecordError(path, `must answer at most ${MAX_ANSWERS} questions`);
  const answers = dictionary<AnswerValue>();
  for (const key of keys) {
    const questionPath = `${path}[${JSON.stringify(key)}]`;
    answers[readId(key, questionPath)] = readAnswerValue(object[key], questionPath);
  }
  return Object.freeze(answers);
}

/** An attempt as a client hands it in, or as an import file holds it. */
export function readQuizAttempt(value: unknown, path: string): QuizAttempt {
  const object = readObject(value, path);
  const attempt = own(object, 'attempt');
  if (typeof attempt !== 'number' || !Number.isSafeInteger(attempt) || attempt < 1) {
    throw new InvalidRecordError(`${path}.attempt`, 'must be a whole number, 1 or more');
  }
  return quizAttempt(readId(own(object, 'quizId'), `${path}.quizId`), attempt, object, path);
}

/**
 * One attempt as the attempts store keeps it: its quiz id and number come from the record that holds
 * it (its position in the quiz's list), so they are not repeated in every attempt.
 */
export type StoredAttempt = Omit<QuizAttempt, 'quizId' | 'attempt'>;

export function quizAttempt(
  quizId: string,
  attempt: number,
  fields: Readonly<Record<string, unknown>>,
  path: string,
): QuizAttempt {
  return Object.freeze({
    quizId,
    attempt,
    answers: readAnswers(own(fields, 'answers'), `${path}.answers`),
    score: readScore(own(fields, 'score'), `${path}.score`),
    passed: readBoolean(own(fields, 'passed'), `${path}.passed`),
    submittedAt: readTime(own(fields, 'submittedAt'), `${path}.submittedAt`),
    quizHash: readText(own(fields, 'quizHash'), `${path}.quizHash`, MAX_ID_LENGTH),
  });
}

export function storedAttempt({ answers, score, passed, submittedAt, quizHash }: QuizAttempt): StoredAttempt {
  return { answers, score, passed, submittedAt, quizHash };
}

export function readCertificate(value: unknown, path: string): IssuedCertificate {
  const object = readObject(value, path);
  return Object.freeze({
    courseId: readId(own(object, 'courseId'), `${path}.courseId`),
    code: readId(own(object, 'code'), `${path}.code`),
    learnerName: readText(own(object, 'learnerName'), `${path}.learnerName`),
    issuedAt: readTime(own(object, 'issuedAt'), `${path}.issuedAt`),
    score: readScore(own(object, 'score'), `${path}.score`),
  });
}

export function readCourseRecord(value: unknown, path: string): CourseRecord {
  const object = readObject(value, path);
  const courseId = readId(own(object, 'courseId'), `${path}.courseId`);
  const certificate = optional(own(object, 'certificate'), (v) => readCertificate(v, `${path}.certificate`));
  if (certificate && certificate.courseId !== courseId) {
    throw new InvalidRecordError(`${path}.certificate.courseId`, `must be the course's id, ${JSON.stringify(courseId)}`);
  }
  return courseRecord({
    courseId,
    updatedAt: readTime(own(object, 'updatedAt'), `${path}.updatedAt`),
    lastLessonId: optional(own(object, 'lastLessonId'), (v) => readId(v, `${path}.lastLessonId`)),
    courseHash: optional(own(object, 'courseHash'), (v) => readText(v, `${path}.courseHash`, MAX_ID_LENGTH)),
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

/**
 * One learner's records in one namespace, as one transaction sees them. Each operation is written once
 * against this interface and runs the same on IndexedDB and in memory. Records going in and coming out
 * are frozen, so an implementation may keep and hand out the same objects.
 */
export interface LearnerRecords {
  /** Every course the learner has progress in, by course id. */
  listCourses(): Promise<CourseRecord[]>;
  getCourse(courseId: string): Promise<CourseRecord | undefined>;
  putCourse(record: CourseRecord): Promise<void>;
  /** By lesson id. */
  getLessons(courseId: string): Promise<LessonProgress[]>;
  getLesson(courseId: string, lessonId: string): Promise<LessonProgress | undefined>;
  putLesson(courseId: string, lesson: LessonProgress): Promise<void>;
  /** Every attempt at every quiz of the course, by quiz id, each quiz's oldest first. */
  getAttempts(courseId: string): Promise<QuizAttempt[]>;
  /** Oldest first, numbered 1, 2, 3… */
  getQuizAttempts(courseId: string, quizId: string): Promise<QuizAttempt[]>;
  /** Replaces a quiz's attempts with `attempts`, which are numbered 1, 2, 3… */
  putQuizAttempts(courseId: string, quizId: string, attempts: readonly QuizAttempt[]): Promise<void>;
  getLearnerName(): Promise<string | undefined>;
  putLearnerName(name: string): Promise<void>;
}

/** Orders ids as IndexedDB orders string keys: by UTF-16 code unit. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
