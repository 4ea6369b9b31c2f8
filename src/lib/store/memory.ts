/**
 * Progress in memory, for as long as the page lives: the whole store of `createMemoryStore()`, and the
 * base of the IndexedDB backend, which keeps here a copy of everything the page has read or written
 * and carries on from it when IndexedDB cannot be used, so the learner sees the same progress as before.
 */
import type { LessonProgress, OpenQuizAttempt, QuizAttempt } from '../progress.js';
import type { XapiStatement } from '../xapi/statements.js';
import type { StorageStatus } from './api.js';
import type { Backend } from './backend.js';
import { type CourseRecord, type LearnerRecords, compareIds } from './learner-records.js';
import type { Write } from './operations.js';
import type { OutboxStore } from './schema.js';

/** The statements of an outbox in memory, by id, in the order they were queued. */
export interface MemoryStatements {
  pending: Map<string, XapiStatement>;
  rejected: Map<string, XapiStatement>;
}

/** Queues statements in a memory outbox; one set aside before stays aside. */
export function queueInMemory(memory: MemoryStatements, statements: readonly XapiStatement[]): void {
  for (const statement of statements) {
    if (!memory.rejected.has(statement.id)) memory.pending.set(statement.id, structuredClone(statement));
  }
}

interface CourseData {
  record?: CourseRecord;
  lessons: Map<string, LessonProgress>;
  attempts: Map<string, readonly QuizAttempt[]>;
  openAttempts: Map<string, OpenQuizAttempt>;
}

interface LearnerData {
  name?: string;
  courses: Map<string, CourseData>;
}

/** Progress that lasts as long as the page. */
export class MemoryBackend implements Backend {
  status: StorageStatus = 'memory';
  /** Of the backend's namespace, by learner. */
  private readonly learners = new Map<string, LearnerData>();
  /** Learning records waiting for the LRS: in memory, they last as long as the page. */
  protected readonly memoryOutbox: MemoryStatements = { pending: new Map(), rejected: new Map() };

  withOutbox<T>(_onDisk: (outbox: OutboxStore) => Promise<T>, inMemory: (outbox: MemoryStatements) => Promise<T>): Promise<T> {
    return inMemory(this.memoryOutbox);
  }

  read<T>(learner: string, read: (records: LearnerRecords) => Promise<T>): Promise<T> {
    return read(this.inMemory(learner));
  }

  write<T>(learner: string, write: Write<T>): Promise<T> {
    return write.apply(this.inMemory(learner));
  }

  /** The learner's records in memory. */
  protected inMemory(learner: string): LearnerRecords {
    let data = this.learners.get(learner);
    if (!data) {
      data = { courses: new Map() };
      this.learners.set(learner, data);
    }
    return new MemoryLearnerRecords(data, this.memoryOutbox);
  }

  close(): void {
    this.status = 'closed';
  }
}

class MemoryLearnerRecords implements LearnerRecords {
  constructor(
    private readonly data: LearnerData,
    private readonly outbox: MemoryStatements,
  ) {}

  private course(courseId: string): CourseData {
    let course = this.data.courses.get(courseId);
    if (!course) {
      course = { lessons: new Map(), attempts: new Map(), openAttempts: new Map() };
      this.data.courses.set(courseId, course);
    }
    return course;
  }

  async listCourses(): Promise<CourseRecord[]> {
    return [...this.data.courses.values()]
      .flatMap((course) => (course.record ? [course.record] : []))
      .sort((a, b) => compareIds(a.courseId, b.courseId));
  }

  async getCourse(courseId: string): Promise<CourseRecord | undefined> {
    return this.data.courses.get(courseId)?.record;
  }

  async putCourse(record: CourseRecord): Promise<void> {
    this.course(record.courseId).record = record;
  }

  async getLessons(courseId: string): Promise<LessonProgress[]> {
    const lessons = this.data.courses.get(courseId)?.lessons;
    return [...(lessons?.values() ?? [])].sort((a, b) => compareIds(a.lessonId, b.lessonId));
  }

  async getLesson(courseId: string, lessonId: string): Promise<LessonProgress | undefined> {
    return this.data.courses.get(courseId)?.lessons.get(lessonId);
  }

  async countLessons(courseId: string): Promise<number> {
    return this.data.courses.get(courseId)?.lessons.size ?? 0;
  }

  async putLesson(courseId: string, lesson: LessonProgress): Promise<void> {
    this.course(courseId).lessons.set(lesson.lessonId, lesson);
  }

  async getAttempts(courseId: string): Promise<QuizAttempt[]> {
    const attempts = this.data.courses.get(courseId)?.attempts;
    if (!attempts) return [];
    return [...attempts.keys()].sort(compareIds).flatMap((quizId) => attempts.get(quizId)!);
  }

  async getQuizAttempts(courseId: string, quizId: string): Promise<QuizAttempt[]> {
    return [...(this.data.courses.get(courseId)?.attempts.get(quizId) ?? [])];
  }

  async putQuizAttempts(courseId: string, quizId: string, attempts: readonly QuizAttempt[]): Promise<void> {
    this.course(courseId).attempts.set(quizId, [...attempts]);
  }

  async getOpenAttempts(courseId: string): Promise<OpenQuizAttempt[]> {
    const openAttempts = this.data.courses.get(courseId)?.openAttempts;
    return [...(openAttempts?.values() ?? [])].sort((a, b) => compareIds(a.quizId, b.quizId));
  }

  async getOpenAttempt(courseId: string, quizId: string): Promise<OpenQuizAttempt | undefined> {
    return this.data.courses.get(courseId)?.openAttempts.get(quizId);
  }

  async putOpenAttempt(courseId: string, attempt: OpenQuizAttempt): Promise<void> {
    this.course(courseId).openAttempts.set(attempt.quizId, attempt);
  }

  async deleteOpenAttempt(courseId: string, quizId: string): Promise<void> {
    this.data.courses.get(courseId)?.openAttempts.delete(quizId);
  }

  async getLearnerName(): Promise<string | undefined> {
    return this.data.name;
  }

  async putLearnerName(name: string): Promise<void> {
    this.data.name = name;
  }

  async queueStatements(statements: readonly XapiStatement[]): Promise<void> {
    queueInMemory(this.outbox, statements);
  }
}
