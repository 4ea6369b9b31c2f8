/** The completion rules of SPEC §2.4 as pure functions of a course and a learner's progress. */
import { type CourseProgress, type LessonStatus, bestAttempt } from '../progress.js';
import type { Course, Lesson } from '../types.js';

export type LessonState = LessonStatus | 'locked';

/** Why a lesson cannot be opened yet: the lessons that must be complete first. */
export interface Lock {
  reason: 'sequential' | 'requires';
  lessonIds: string[];
}

export interface ModuleSummary {
  title: string;
  completed: number;
  total: number;
}

export interface CourseSummary {
  completed: number;
  total: number;
  /** 0..100, rounded down: 100 only when every lesson is complete. */
  percent: number;
  complete: boolean;
  /** Mean best score of the `final` quizzes, 100 where there are none. */
  score: number;
  /** Complete, with a score of at least the course's `pass`, and certificates enabled. */
  certificateEarned: boolean;
  modules: ModuleSummary[];
  /** The first lesson in course order that is open and not complete. */
  nextLessonId?: string;
}

export function isQuizPassed(progress: CourseProgress, quizId: string): boolean {
  return progress.attempts[quizId]?.some((attempt) => attempt.passed) ?? false;
}

/** Without quizzes, complete once left forward; with quizzes, complete when every one is passed. */
export function isLessonComplete(lesson: Lesson, progress: CourseProgress): boolean {
  if (lesson.quizzes.length > 0) return lesson.quizzes.every((quiz) => isQuizPassed(progress, quiz.id));
  return progress.lessons[lesson.id]?.status === 'complete';
}

export function lessonLock(course: Course, lesson: Lesson, progress: CourseProgress): Lock | undefined {
  const index = course.lessons.indexOf(lesson);
  if (course.sequential) {
    const earlier = course.lessons.slice(0, index).filter((other) => !isLessonComplete(other, progress));
    if (earlier.length > 0) return { reason: 'sequential', lessonIds: earlier.map((other) => other.id) };
  }
  const missing = lesson.requires.filter((id) => {
    const required = course.lessons.find((other) => other.id === id);
    return required !== undefined && !isLessonComplete(required, progress);
  });
  return missing.length > 0 ? { reason: 'requires', lessonIds: missing } : undefined;
}

export function lessonState(course: Course, lesson: Lesson, progress: CourseProgress): LessonState {
  if (isLessonComplete(lesson, progress)) return 'complete';
  if (lessonLock(course, lesson, progress)) return 'locked';
  return progress.lessons[lesson.id] ? 'in-progress' : 'not-started';
}

export function courseScore(course: Course, progress: CourseProgress): number {
  const finals = course.lessons.flatMap((lesson) => lesson.quizzes).filter((quiz) => quiz.settings.final);
  if (finals.length === 0) return 100;
  const total = finals.reduce((sum, quiz) => sum + (bestAttempt(progress.attempts[quiz.id])?.score ?? 0), 0);
  return Math.round((total / finals.length) * 100) / 100;
}

export function summarizeCourse(course: Course, progress: CourseProgress): CourseSummary {
  const done = new Set(course.lessons.filter((lesson) => isLessonComplete(lesson, progress)).map((l) => l.id));
  const total = course.lessons.length;
  const complete = total > 0 && done.size === total;
  const score = courseScore(course, progress);
  const next = course.lessons.find((lesson) => !done.has(lesson.id) && !lessonLock(course, lesson, progress));
  const summary: CourseSummary = {
    completed: done.size,
    total,
    percent: total === 0 ? 0 : Math.floor((done.size / total) * 100),
    complete,
    score,
    certificateEarned: course.certificate && complete && score >= course.pass,
    modules: course.modules.map((module) => ({
      title: module.title,
      completed: module.lessonIds.filter((id) => done.has(id)).length,
      total: module.lessonIds.length,
    })),
  };
  if (next) summary.nextLessonId = next.id;
  return summary;
}
