/**
 * The records the store keeps for one learner, and `LearnerRecords`, the one interface through which
 * every operation reads and writes them, whether they live in IndexedDB or in memory.
 */
import type { IssuedCertificate, LessonProgress, OpenQuizAttempt, QuizAttempt } from '../progress.js';
import type { XapiStatement } from '../xapi/statements.js';

/** What the store keeps about one course of one learner, besides lessons and attempts. */
export interface CourseRecord {
  courseId: string;
  /** Epoch milliseconds of the last write to this course. */
  updatedAt: number;
  lastLessonId?: string;
  courseHash?: string;
  certificate?: IssuedCertificate;
}

/**
 * One attempt as the attempts store keeps it: its quiz id and number come from the record that holds
 * it (its position in the quiz's list), so they are not repeated in every attempt.
 */
export type StoredAttempt = Omit<QuizAttempt, 'quizId' | 'attempt'>;

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
  /** How many lessons of the course have a record, counted without reading them. */
  countLessons(courseId: string): Promise<number>;
  putLesson(courseId: string, lesson: LessonProgress): Promise<void>;
  /** Every attempt at every quiz of the course, by quiz id, each quiz's oldest first. */
  getAttempts(courseId: string): Promise<QuizAttempt[]>;
  /** Oldest first, numbered 1, 2, 3… */
  getQuizAttempts(courseId: string, quizId: string): Promise<QuizAttempt[]>;
  /** Replaces a quiz's attempts with `attempts`, which are numbered 1, 2, 3… */
  putQuizAttempts(courseId: string, quizId: string, attempts: readonly QuizAttempt[]): Promise<void>;
  /** Every open attempt of the course, by quiz id. */
  getOpenAttempts(courseId: string): Promise<OpenQuizAttempt[]>;
  getOpenAttempt(courseId: string, quizId: string): Promise<OpenQuizAttempt | undefined>;
  putOpenAttempt(courseId: string, attempt: OpenQuizAttempt): Promise<void>;
  deleteOpenAttempt(courseId: string, quizId: string): Promise<void>;
  getLearnerName(): Promise<string | undefined>;
  putLearnerName(name: string): Promise<void>;
  /** Queues learning records in the namespace's outbox, in the transaction of the change they record. */
  queueStatements(statements: readonly XapiStatement[]): Promise<void>;
}

/** Orders ids as IndexedDB orders string keys: by UTF-16 code unit. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
