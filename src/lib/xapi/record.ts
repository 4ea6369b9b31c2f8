/**
 * Which statements a learner's action records: whatever became true in their progress that was not
 * true before (a lesson opened for the first time, a lesson or the course newly complete, a new quiz
 * attempt, a certificate issued). Deciding from the change itself means that doing something again
 * (completing a completed lesson, a second tab re-reading progress) records nothing, and that a lesson
 * completed by passing its last quiz is recorded as completed like any other. Restoring progress from
 * the LRS is not an action: it must never be passed through here.
 *
 * The change holds only the record the action is about; the rest of the course is read only when the
 * action may have completed a lesson with quizzes or the course, so that recording costs a learner's
 * phone next to nothing beside the write itself.
 */
import { isLessonComplete, isQuizPassed, summarizeCourse } from '../course/completion.js';
import type { CourseProgress, LessonProgress, QuizAttempt } from '../progress.js';
import type { RecordedChange } from '../store/index.js';
import type { Course, Lesson, Quiz } from '../types.js';
import { standaloneQuizActivityId } from './activities.js';
import {
  type ActionContext,
  type QuizPlace,
  type XapiStatement,
  certificateEarned,
  courseCompleted,
  lessonAttempted,
  lessonCompleted,
  quizSubmitted,
} from './statements.js';

/** Who acted, and the time of statements whose progress keeps none. */
export type RecordContext = Omit<ActionContext, 'timestamp'> & { now: number };

/**
 * The statements recording one change in a course, oldest first. Each has the time of what it
 * records (a lesson's start or completion, an attempt's submission, the certificate's issue), or
 * `now` where progress keeps none.
 */
export async function recordChange(course: Course, change: RecordedChange, context: RecordContext): Promise<XapiStatement[]> {
  const { before, after } = change;
  const at = timeOf(context);
  let whole: Promise<CourseProgress> | undefined;
  const wholeProgress = () => (whole ??= change.readProgress());
  const statements: XapiStatement[] = [];
  let lessonNewlyComplete = false;
  for (const lesson of course.lessons) {
    const was = before.lessons[lesson.id];
    const is = after.lessons[lesson.id];
    if ((!was || was.status === 'not-started') && is && is.status !== 'not-started') {
      statements.push(lessonAttempted(at(is.startedAt), course, lesson));
    }
    for (const quiz of lesson.quizzes) {
      for (const attempt of newAttempts(quiz.id, before, after)) {
        statements.push(...quizSubmitted(at(attempt.submittedAt), { course, lesson }, quiz, askedQuestions(quiz, attempt), attempt));
      }
    }
    const completed = await completion(lesson, change, wholeProgress);
    if (completed) {
      statements.push(lessonCompleted(at(completed.record?.completedAt), course, lesson, completed.record?.timeSpentMs ?? 0));
      lessonNewlyComplete = true;
    }
  }
  // Only a change that completes a lesson can complete the course. A lesson without quizzes needs a
  // record to be complete: while fewer lessons have one than there are such lessons, the course is
  // not complete, and nothing more needs reading.
  const lessonsWithoutQuizzes = course.lessons.filter((lesson) => lesson.quizzes.length === 0).length;
  if (lessonNewlyComplete && (await change.countLessons()) >= lessonsWithoutQuizzes) {
    const summary = summarizeCourse(course, await wholeProgress());
    if (summary.complete) statements.push(courseCompleted(at(undefined), course, summary.score));
  }
  const certificate = after.certificate;
  if (certificate && certificate.code !== before.certificate?.code)
    statements.push(certificateEarned(at(certificate.issuedAt), course, certificate));
  return statements;
}

/** A quiz alone on its page, as the connection knows it from its element. */
export interface StandaloneQuiz {
  quiz: Quiz;
  /** The URL of the quiz's file; undefined for a quiz written in the page. */
  fileUrl?: string;
  /** The URL of the page it is on. */
  pageUrl: string;
  /** The language of its content. */
  lang: string;
}

/**
 * The statements recording new attempts at quizzes alone on their page (kept under a course id of
 * their own), each under its activity id (SPEC §6): its front matter's `activity-id`, else its file's
 * URL, else the page's with `#<quiz id>`. An attempt goes with the quiz of the version it answered
 * (two quizzes on a page may share an id); one at a version the page no longer shows records nothing.
 */
export function recordStandaloneQuizzes(
  quizzes: readonly StandaloneQuiz[],
  change: RecordedChange,
  context: RecordContext,
): XapiStatement[] {
  const at = timeOf(context);
  return Object.keys(change.after.attempts).flatMap((quizId) =>
    newAttempts(quizId, change.before, change.after).flatMap((attempt) => {
      const standalone = quizzes.find(({ quiz }) => quiz.id === quizId && quiz.hash === attempt.quizHash);
      if (!standalone) return [];
      const { quiz, fileUrl, pageUrl, lang } = standalone;
      const place: QuizPlace = { activityId: standaloneQuizActivityId(quiz, fileUrl, pageUrl), lang };
      return quizSubmitted(at(attempt.submittedAt), place, quiz, askedQuestions(quiz, attempt), attempt);
    }),
  );
}

/**
 * When the change completed the lesson: its record after the change (none if it has none). Without
 * quizzes, a lesson is complete once marked so; with quizzes, once the last of them is passed (so it
 * was not complete before), which takes its other quizzes and its record from the whole course.
 */
async function completion(
  lesson: Lesson,
  { before, after }: RecordedChange,
  wholeProgress: () => Promise<CourseProgress>,
): Promise<{ record: LessonProgress | undefined } | undefined> {
  if (lesson.quizzes.length === 0) {
    const record = after.lessons[lesson.id];
    return before.lessons[lesson.id]?.status !== 'complete' && record?.status === 'complete' ? { record } : undefined;
  }
  if (!lesson.quizzes.some((quiz) => !isQuizPassed(before, quiz.id) && isQuizPassed(after, quiz.id))) return undefined;
  const whole = await wholeProgress();
  return isLessonComplete(lesson, whole) ? { record: whole.lessons[lesson.id] } : undefined;
}

function timeOf(context: RecordContext) {
  return (timestamp: number | undefined): ActionContext => ({ ...context, timestamp: timestamp ?? context.now });
}

function newAttempts(quizId: string, before: CourseProgress, after: CourseProgress): QuizAttempt[] {
  return after.attempts[quizId]?.slice(before.attempts[quizId]?.length ?? 0) ?? [];
}

/** The questions an attempt was asked: all of them, or with `pick` those it holds answers for. */
function askedQuestions(quiz: Quiz, attempt: QuizAttempt) {
  return quiz.settings.pick === undefined ? quiz.questions : quiz.questions.filter((question) => question.id in attempt.answers);
}
