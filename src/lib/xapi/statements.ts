/**
 * The xAPI 1.0.3 statements a learner's actions make (SPEC §6's table). Each builder returns complete
 * statements with a new UUID and the action's time, ready for the outbox; nothing here touches the DOM
 * or the network. Besides the standard fields, each statement carries in `result.extensions` what
 * sabaq needs to rebuild the learner's progress from the LRS on another device (see restore.ts).
 */
import type { IssuedCertificate, QuizAttempt } from '../progress.js';
import { scoreQuestion } from '../quiz/score.js';
import type { Course, Lesson, Question, Quiz } from '../types.js';
import { courseActivityId, lessonActivityId, questionActivityId, quizActivityId } from './activities.js';
import { type InteractionDefinition, type LanguageMap, interactionDefinition, interactionResponse } from './interactions.js';

/** An xAPI Agent: one identifier (`mbox`, `mbox_sha1sum`, `openid` or `account`), optionally a name. */
export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: { homePage: string; name: string };
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: { type: string; name: LanguageMap } | InteractionDefinition;
}

export interface XapiScore {
  scaled: number;
  raw: number;
  min: number;
  max: number;
}

export interface XapiResult {
  completion?: boolean;
  success?: boolean;
  response?: string;
  duration?: string;
  score?: XapiScore;
  extensions?: Record<string, unknown>;
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: XapiResult;
  context?: {
    contextActivities?: { parent?: XapiActivity[]; grouping?: XapiActivity[] };
    language?: string;
    platform?: string;
  };
  timestamp: string;
}

export const VERBS = {
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  earned: 'http://id.tincanapi.com/verb/earned',
} as const;

const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  quiz: 'http://adlnet.gov/expapi/activities/assessment',
} as const;

/**
 * The `result.extensions` keys sabaq writes (documented in the README). The certificate's verification
 * code is what a partner checks a certificate against; the others let a new browser rebuild progress.
 */
export const EXTENSIONS = {
  certificateCode: 'https://sabaq.js.org/xapi/extensions/certificate-code',
  learnerName: 'https://sabaq.js.org/xapi/extensions/learner-name',
  quizAttempt: 'https://sabaq.js.org/xapi/extensions/quiz-attempt',
} as const;

/** What every statement of one action shares: who and when. */
export interface ActionContext {
  actor: XapiAgent;
  /** Epoch milliseconds of the action. */
  timestamp: number;
  /** A UUID for each statement; `crypto.randomUUID` by default. */
  newId?: () => string;
}

/** What the statements need of a course. */
export type CourseInfo = Pick<Course, 'activityId' | 'url' | 'title' | 'lang'>;

/** Where a quiz sits: in a lesson of a course, or on its own page with its own activity id. */
export type QuizPlace = { course: CourseInfo; lesson: Pick<Lesson, 'id' | 'title'> } | { activityId: string; lang: string };

export function lessonAttempted(context: ActionContext, course: CourseInfo, lesson: Pick<Lesson, 'id' | 'title'>): XapiStatement {
  return statement(context, VERBS.attempted, lessonActivity(course, lesson), undefined, contextOf([], [courseObject(course)], course.lang));
}

export function lessonCompleted(
  context: ActionContext,
  course: CourseInfo,
  lesson: Pick<Lesson, 'id' | 'title'>,
  timeSpentMs: number,
): XapiStatement {
  return statement(
    context,
    VERBS.completed,
    lessonActivity(course, lesson),
    { completion: true, duration: isoDuration(timeSpentMs) },
    contextOf([], [courseObject(course)], course.lang),
  );
}

/**
 * The statements of one quiz submission: one `answered` per question asked, then `passed` or `failed`
 * for the quiz. `asked` is the questions the learner was given (all of them, unless `pick`).
 */
export function quizSubmitted(
  context: ActionContext,
  place: QuizPlace,
  quiz: Quiz,
  asked: readonly Question[],
  attempt: QuizAttempt,
): XapiStatement[] {
  const inCourse = 'course' in place ? place : undefined;
  const lang = inCourse ? inCourse.course.lang : (place as { lang: string }).lang;
  const quizId = inCourse ? quizActivityId(courseActivityId(inCourse.course), quiz.id) : (place as { activityId: string }).activityId;
  const quizObject = activity(quizId, ACTIVITY_TYPES.quiz, quiz.id, lang);
  const grouping = inCourse ? [courseObject(inCourse.course)] : [];
  const lesson = inCourse ? [lessonActivity(inCourse.course, inCourse.lesson)] : [];

  const answered = asked.map((question) => {
    const answer = attempt.answers[question.id];
    return statement(
      context,
      VERBS.answered,
      {
        objectType: 'Activity',
        id: questionActivityId(quizId, quiz.questions.indexOf(question) + 1),
        definition: interactionDefinition(question, lang),
      },
      { response: interactionResponse(question, answer), success: scoreQuestion(question, answer ?? null, false).correct },
      contextOf([quizObject], [...grouping, ...lesson], lang),
    );
  });
  const verdict = statement(
    context,
    attempt.passed ? VERBS.passed : VERBS.failed,
    quizObject,
    {
      success: attempt.passed,
      completion: true,
      score: score(attempt.score),
      extensions: { [EXTENSIONS.quizAttempt]: { attempt: attempt.attempt, answers: attempt.answers, quizHash: attempt.quizHash } },
    },
    contextOf(lesson, grouping, lang),
  );
  return [...answered, verdict];
}

export function courseCompleted(context: ActionContext, course: CourseInfo, courseScore: number): XapiStatement {
  return statement(
    context,
    VERBS.completed,
    courseObject(course),
    { completion: true, score: score(courseScore) },
    contextOf([], [], course.lang),
  );
}

export function certificateEarned(
  context: ActionContext,
  course: CourseInfo,
  certificate: Omit<IssuedCertificate, 'courseId' | 'issuedAt'>,
): XapiStatement {
  return statement(
    context,
    VERBS.earned,
    courseObject(course),
    {
      success: true,
      score: score(certificate.score),
      extensions: { [EXTENSIONS.certificateCode]: certificate.code, [EXTENSIONS.learnerName]: certificate.learnerName },
    },
    contextOf([], [], course.lang),
  );
}

/** ISO 8601 duration of a time span, to the hundredth of a second as xAPI keeps it: `PT1H2M3.45S`. */
export function isoDuration(milliseconds: number): string {
  const hundredths = Math.max(0, Math.round(milliseconds / 10));
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6_000);
  const seconds = (hundredths % 6_000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}

function statement(
  context: ActionContext,
  verb: string,
  object: XapiActivity,
  result: XapiResult | undefined,
  statementContext: XapiStatement['context'],
): XapiStatement {
  const made: XapiStatement = {
    id: (context.newId ?? (() => crypto.randomUUID()))(),
    actor: context.actor,
    verb: { id: verb, display: { 'en-US': verb.slice(verb.lastIndexOf('/') + 1) } },
    object,
    timestamp: new Date(context.timestamp).toISOString(),
  };
  if (result) made.result = result;
  if (statementContext) made.context = statementContext;
  return made;
}

function score(percent: number): XapiScore {
  const raw = Math.min(100, Math.max(0, percent));
  return { scaled: Math.round(raw * 100) / 10_000, raw, min: 0, max: 100 };
}

function activity(id: string, type: string, title: string, lang: string): XapiActivity {
  return { objectType: 'Activity', id, definition: { type, name: { [lang]: title } } };
}

function courseObject(course: CourseInfo): XapiActivity {
  return activity(courseActivityId(course), ACTIVITY_TYPES.course, course.title, course.lang);
}

function lessonActivity(course: CourseInfo, lesson: Pick<Lesson, 'id' | 'title'>): XapiActivity {
  return activity(lessonActivityId(courseActivityId(course), lesson.id), ACTIVITY_TYPES.lesson, lesson.title, course.lang);
}

/** Context activities are referred to by id only: their definitions travel with the statements about them. */
function contextOf(parent: XapiActivity[], grouping: XapiActivity[], language: string): NonNullable<XapiStatement['context']> {
  const reference = ({ id }: XapiActivity): XapiActivity => ({ objectType: 'Activity', id });
  const contextActivities: NonNullable<XapiStatement['context']>['contextActivities'] = {};
  if (parent.length) contextActivities.parent = parent.map(reference);
  if (grouping.length) contextActivities.grouping = grouping.map(reference);
  return { ...(parent.length || grouping.length ? { contextActivities } : {}), language, platform: 'sabaq' };
}
