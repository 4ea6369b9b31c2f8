/**
 * `LearnerRecords` over one IndexedDB transaction: reading a record checks it, and a damaged or
 * foreign record costs only itself.
 */
import type { LessonProgress, OpenQuizAttempt, QuizAttempt } from '../progress.js';
import type { XapiStatement } from '../xapi/statements.js';
import type { CourseRecord, LearnerRecords } from './learner-records.js';
import { type CourseKey, type OutboxStore, PENDING, type ProgressTransaction } from './schema.js';
import {
  InvalidRecordError,
  own,
  quizAttempt,
  readArray,
  readCourseRecord,
  readId,
  readLessonProgress,
  readObject,
  readOpenAttempt,
  readText,
  storedAttempt,
} from './validation.js';

/** Every key that starts with `prefix`: an array sorts after any string or number, so `[...prefix, []]` is above them all. */
function prefixRange(prefix: string[]): IDBKeyRange {
  return IDBKeyRange.bound(prefix, [...prefix, []]);
}

/**
 * Reads each stored value through `read`, dropping the ones that fail its checks: a damaged or foreign
 * record costs only itself, never the rest of the learner's progress.
 */
function readEach<T>(values: unknown[], read: (value: unknown) => T | T[]): T[] {
  return values.flatMap((value) => {
    try {
      return read(value);
    } catch (error) {
      if (error instanceof InvalidRecordError) return [];
      throw error;
    }
  });
}

function readQuizRecord(value: unknown): QuizAttempt[] {
  const record = readObject(value, 'quiz');
  const quizId = readId(own(record, 'quizId'), 'quiz', 'quizId');
  let attempts: unknown;
  try {
    attempts = JSON.parse(readText(own(record, 'attempts'), 'quiz', 'attempts', Infinity));
  } catch (error) {
    if (error instanceof InvalidRecordError) throw error;
    throw new InvalidRecordError('quiz.attempts', 'must be JSON');
  }
  return readArray(attempts, 'quiz', 'attempts').map((attempt, i) =>
    quizAttempt(quizId, i + 1, readObject(attempt, 'quiz.attempts', i), 'quiz.attempts'),
  );
}

export class IndexedDbLearnerRecords implements LearnerRecords {
  private readonly key: [string, string];

  constructor(
    private readonly transaction: ProgressTransaction,
    namespace: string,
    learner: string,
  ) {
    this.key = [namespace, learner];
  }

  private courseKey(courseId: string): CourseKey {
    return [...this.key, courseId];
  }

  async listCourses(): Promise<CourseRecord[]> {
    const values = await this.transaction.objectStore('courses').getAll(prefixRange(this.key));
    return readEach(values, (value) => readCourseRecord(value, 'course'));
  }

  async getCourse(courseId: string): Promise<CourseRecord | undefined> {
    const value = await this.transaction.objectStore('courses').get(this.courseKey(courseId));
    return value === undefined ? undefined : readEach([value], (v) => readCourseRecord(v, 'course'))[0];
  }

  async putCourse(record: CourseRecord): Promise<void> {
    await this.transaction.objectStore('courses').put(record, this.courseKey(record.courseId));
  }

  async getLessons(courseId: string): Promise<LessonProgress[]> {
    const values = await this.transaction.objectStore('lessons').getAll(prefixRange(this.courseKey(courseId)));
    return readEach(values, (value) => readLessonProgress(value, 'lesson'));
  }

  async getLesson(courseId: string, lessonId: string): Promise<LessonProgress | undefined> {
    const value = await this.transaction.objectStore('lessons').get([...this.courseKey(courseId), lessonId]);
    return value === undefined ? undefined : readEach([value], (v) => readLessonProgress(v, 'lesson'))[0];
  }

  countLessons(courseId: string): Promise<number> {
    return this.transaction.objectStore('lessons').count(prefixRange(this.courseKey(courseId)));
  }

  async putLesson(courseId: string, lesson: LessonProgress): Promise<void> {
    await this.transaction.objectStore('lessons').put(lesson, [...this.courseKey(courseId), lesson.lessonId]);
  }

  async getAttempts(courseId: string): Promise<QuizAttempt[]> {
    const values = await this.transaction.objectStore('attempts').getAll(prefixRange(this.courseKey(courseId)));
    return readEach(values, readQuizRecord);
  }

  async getQuizAttempts(courseId: string, quizId: string): Promise<QuizAttempt[]> {
    const value = await this.transaction.objectStore('attempts').get([...this.courseKey(courseId), quizId]);
    return value === undefined ? [] : readEach([value], readQuizRecord);
  }

  async putQuizAttempts(courseId: string, quizId: string, attempts: readonly QuizAttempt[]): Promise<void> {
    const record = { quizId, attempts: JSON.stringify(attempts.map(storedAttempt)) };
    await this.transaction.objectStore('attempts').put(record, [...this.courseKey(courseId), quizId]);
  }

  async getOpenAttempts(courseId: string): Promise<OpenQuizAttempt[]> {
    const values = await this.transaction.objectStore('openAttempts').getAll(prefixRange(this.courseKey(courseId)));
    return readEach(values, (value) => readOpenAttempt(value, 'openAttempt'));
  }

  async getOpenAttempt(courseId: string, quizId: string): Promise<OpenQuizAttempt | undefined> {
    const value = await this.transaction.objectStore('openAttempts').get([...this.courseKey(courseId), quizId]);
    return value === undefined ? undefined : readEach([value], (v) => readOpenAttempt(v, 'openAttempt'))[0];
  }

  async putOpenAttempt(courseId: string, attempt: OpenQuizAttempt): Promise<void> {
    await this.transaction.objectStore('openAttempts').put(attempt, [...this.courseKey(courseId), attempt.quizId]);
  }

  async deleteOpenAttempt(courseId: string, quizId: string): Promise<void> {
    await this.transaction.objectStore('openAttempts').delete([...this.courseKey(courseId), quizId]);
  }

  async getLearnerName(): Promise<string | undefined> {
    const value = await this.transaction.objectStore('learners').get(this.key);
    return value === undefined
      ? undefined
      : readEach([value], (v) => readText(own(readObject(v, 'learner'), 'name'), 'learner', 'name'))[0];
  }

  async putLearnerName(name: string): Promise<void> {
    await this.transaction.objectStore('learners').put({ name }, this.key);
  }

  queueStatements(statements: readonly XapiStatement[]): Promise<void> {
    return outboxQueue(this.transaction.objectStore('outbox'), this.key[0], statements);
  }
}

/** Queues statements in the outbox object store, oldest first. */
export async function outboxQueue(
  outbox: Pick<OutboxStore, 'put'>,
  namespace: string,
  statements: readonly XapiStatement[],
): Promise<void> {
  const queuedAt = Date.now();
  await Promise.all(statements.map((statement, position) => outbox.put(statement, [namespace, PENDING, queuedAt, position, statement.id])));
}
