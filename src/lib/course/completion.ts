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

/** A lesson's state and, when locked, why. */
export interface LessonStatusInfo {
  state: LessonState;
  lock?: Lock;
}

/**
 * Every lesson's state in one pass over the course (a table of contents of 200 lessons asks for all of
 * them at every render).
 *
 * A lesson with errors cannot be completed until its author fixes it, so it locks nothing: no later
 * lesson of a sequential course waits for it, a `requires` naming it is not enforced, and its own
 * `requires` (perhaps the broken part: itself, a circle) does not lock it, so the learner can open it and
 * see why it is not shown.
 */
export function lessonStates(course: Course, progress: CourseProgress): Map<string, LessonStatusInfo> {
  const complete = new Set(course.lessons.filter((lesson) => isLessonComplete(lesson, progress)).map((l) => l.id));
  const enforced = new Set(course.lessons.filter((lesson) => lesson.problems.length === 0).map((lesson) => lesson.id));
  const incompleteSoFar: string[] = [];
  const states = new Map<string, LessonStatusInfo>();
  for (const lesson of course.lessons) {
    const broken = lesson.problems.length > 0;
    let lock: Lock | undefined;
    if (course.sequential && incompleteSoFar.length > 0) {
      lock = { reason: 'sequential', lessonIds: [...incompleteSoFar] };
    } else if (!broken) {
      const missing = lesson.requires.filter((id) => enforced.has(id) && !complete.has(id));
      if (missing.length > 0) lock = { reason: 'requires', lessonIds: missing };
    }
    if (complete.has(lesson.id)) states.set(lesson.id, { state: 'complete' });
    else {
      if (!broken) incompleteSoFar.push(lesson.id);
      const state = lock ? 'locked' : progress.lessons[lesson.id] ? 'in-progress' : 'not-started';
      states.set(lesson.id, lock ? { state, lock } : { state });
    }
  }
  return states;
}

/** Why a lesson cannot be opened yet; undefined when it can (a complete lesson always can). */
export function lessonLock(course: Course, lesson: Lesson, progress: CourseProgress): Lock | undefined {
  return lessonStates(course, progress).get(lesson.id)?.lock;
}

export function lessonState(course: Course, lesson: Lesson, progress: CourseProgress): LessonState {
  return lessonStates(course, progress).get(lesson.id)?.state ?? 'not-started';
}

export function courseScore(course: Course, progress: CourseProgress): number {
  const finals = course.lessons.flatMap((lesson) => lesson.quizzes).filter((quiz) => quiz.settings.final);
  if (finals.length === 0) return 100;
  const total = finals.reduce((sum, quiz) => sum + (bestAttempt(progress.attempts[quiz.id])?.score ?? 0), 0);
  return Math.round((total / finals.length) * 100) / 100;
}

/** `states`: the lessons' states, when the caller has them already (a long course's take a while). */
export function summarizeCourse(course: Course, progress: CourseProgress, states = lessonStates(course, progress)): CourseSummary {
  const done = new Set(course.lessons.filter((lesson) => states.get(lesson.id)!.state === 'complete').map((l) => l.id));
  const total = course.lessons.length;
  const complete = total > 0 && done.size === total;
  const score = courseScore(course, progress);
  const next = course.lessons.find((lesson) => !done.has(lesson.id) && !states.get(lesson.id)!.lock);
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
