/**
 * What a learner's progress in one course is made of. Plain data, keyed by lesson and quiz ids, so an
 * edited course keeps what still applies; attempts remember which version of the quiz they answered.
 */
import type { Answers } from './quiz/score.js';

export type LessonStatus = 'not-started' | 'in-progress' | 'complete';

export interface LessonProgress {
  lessonId: string;
  status: LessonStatus;
  /** Epoch milliseconds. */
  startedAt?: number;
  completedAt?: number;
  /** Time the lesson was open and visible, in milliseconds. */
  timeSpentMs: number;
}

export interface QuizAttempt {
  quizId: string;
  /** 1 for the first attempt. */
  attempt: number;
  answers: Answers;
  /** 0..100 */
  score: number;
  passed: boolean;
  submittedAt: number;
  /** Content hash of the quiz that was answered. */
  quizHash: string;
  /** The seed of the shuffle and pick the attempt was answered with; absent on older attempts. */
  seed?: number;
}

/**
 * An attempt the learner has started but not submitted: what keeps its shuffle, pick and deadline the
 * same across reloads and tabs until it is submitted.
 */
export interface OpenQuizAttempt {
  quizId: string;
  /** The number this attempt will have once submitted (kept attempts + 1). */
  attempt: number;
  /** Seed of this attempt's shuffle and pick, drawn at random (crypto.getRandomValues) when it starts. */
  seed: number;
  /** Epoch milliseconds. */
  startedAt: number;
  /** Epoch milliseconds at which a timed quiz's time is up. */
  deadline?: number;
}

export interface IssuedCertificate {
  courseId: string;
  code: string;
  learnerName: string;
  issuedAt: number;
  score: number;
}

export interface CourseProgress {
  courseId: string;
  lessons: Record<string, LessonProgress>;
  lastLessonId?: string;
  /** Every attempt, oldest first, per quiz id. */
  attempts: Record<string, QuizAttempt[]>;
  /** The attempt started and not yet submitted, per quiz id. */
  openAttempts: Record<string, OpenQuizAttempt>;
  certificate?: IssuedCertificate;
  /** The course's content hash when progress was last written. */
  courseHash?: string;
}

export function emptyProgress(courseId: string): CourseProgress {
  return { courseId, lessons: {}, attempts: {}, openAttempts: {} };
}

/** The highest-scoring attempt; the earlier one on a tie. */
export function bestAttempt(attempts: readonly QuizAttempt[] | undefined): QuizAttempt | undefined {
  let best: QuizAttempt | undefined;
  for (const attempt of attempts ?? []) {
    if (!best || attempt.score > best.score) best = attempt;
  }
  return best;
}
