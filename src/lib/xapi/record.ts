/**
 * Which statements a learner's action records: whatever became true in their progress that was not
 * true before (a lesson opened for the first time, a lesson or the course newly complete, a new quiz
 * attempt, a certificate issued). Deciding from the change itself means that doing something again
 * (completing a completed lesson, a second tab re-reading progress) records nothing, and that a lesson
 * completed by passing its last quiz is recorded as completed like any other. Restoring progress from
 * the LRS is not an action: it must never be passed through here.
 */
import { isLessonComplete, summarizeCourse } from '../course/completion.js';
import type { CourseProgress } from '../progress.js';
import type { Course, Quiz } from '../types.js';
import {
  type ActionContext,
  type XapiStatement,
  certificateEarned,
  courseCompleted,
  lessonAttempted,
  lessonCompleted,
  quizSubmitted,
} from './statements.js';

/**
 * The statements recording the change from `before` to `after` in one course, oldest first. Each has
 * the time of what it records (a lesson's start or completion, an attempt's submission, the
 * certificate's issue), or `now` where progress keeps none.
 */
export function recordChange(
  course: Course,
  before: CourseProgress,
  after: CourseProgress,
  context: Omit<ActionContext, 'timestamp'> & { now: number },
): XapiStatement[] {
  const at = (timestamp: number | undefined) => ({ ...context, timestamp: timestamp ?? context.now });
  const statements: XapiStatement[] = [];
  for (const lesson of course.lessons) {
    const was = before.lessons[lesson.id];
    const is = after.lessons[lesson.id];
    if ((!was || was.status === 'not-started') && is && is.status !== 'not-started') {
      statements.push(lessonAttempted(at(is.startedAt), course, lesson));
    }
    for (const quiz of lesson.quizzes) {
      const kept = before.attempts[quiz.id]?.length ?? 0;
      for (const attempt of after.attempts[quiz.id]?.slice(kept) ?? []) {
        statements.push(
          ...quizSubmitted(at(attempt.submittedAt), { course, lesson }, quiz, askedQuestions(quiz, attempt.answers), attempt),
        );
      }
    }
    if (!isLessonComplete(lesson, before) && isLessonComplete(lesson, after)) {
      statements.push(lessonCompleted(at(is?.completedAt), course, lesson, is?.timeSpentMs ?? 0));
    }
  }
  const summary = summarizeCourse(course, after);
  if (summary.complete && !summarizeCourse(course, before).complete) statements.push(courseCompleted(at(undefined), course, summary.score));
  const certificate = after.certificate;
  if (certificate && certificate.code !== before.certificate?.code)
    statements.push(certificateEarned(at(certificate.issuedAt), course, certificate));
  return statements;
}

/** The questions an attempt was asked: all of them, or with `pick` those it holds answers for. */
function askedQuestions(quiz: Quiz, answers: Record<string, unknown>) {
  return quiz.settings.pick === undefined ? quiz.questions : quiz.questions.filter((question) => question.id in answers);
}
