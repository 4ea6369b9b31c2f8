/**
 * Records kept in memory: the whole store when IndexedDB cannot be used, and, beside IndexedDB, a copy
 * of everything the page has read or written, so that a switch to memory mid-session shows the learner
 * the same progress as before it.
 */
import type { LessonProgress, OpenQuizAttempt, QuizAttempt } from '../progress.js';
import { type CourseRecord, type LearnerRecords, compareIds } from './validation.js';

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

export class MemoryRecords {
  private readonly learners = new Map<string, LearnerData>();

  forLearner(namespace: string, learner: string): LearnerRecords {
    const key = JSON.stringify([namespace, learner]);
    let data = this.learners.get(key);
    if (!data) {
      data = { courses: new Map() };
      this.learners.set(key, data);
    }
    return new MemoryLearnerRecords(data);
  }
}

class MemoryLearnerRecords implements LearnerRecords {
  constructor(private readonly data: LearnerData) {}

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
}
