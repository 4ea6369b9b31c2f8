/**
 * Restore (SPEC §6): a learner's progress in a course rebuilt from the statements the LRS holds about
 * them, as a progress document that the store merges like any import (`importProgress`: never losing
 * a completion or a better score). Works against any LRS: it needs only GET /statements.
 */
import type { IssuedCertificate, LessonProgress, QuizAttempt } from '../progress.js';
import type { ProgressDocument } from '../store/index.js';
import { PROGRESS_FORMAT, PROGRESS_FORMAT_VERSION } from '../store/index.js';
import { childId, courseActivityId } from './activities.js';
import type { LrsClient } from './client.js';
import { type CourseInfo, EXTENSIONS, VERBS, type XapiAgent, type XapiStatement } from './statements.js';

/** Every statement about the agent in the course (the course, its lessons, quizzes and questions), following `more`. */
export async function readCourseStatements(
  client: Pick<LrsClient, 'getStatements'>,
  agent: XapiAgent,
  course: Pick<CourseInfo, 'activityId' | 'url'>,
  pageSize = 500,
): Promise<XapiStatement[]> {
  const statements: XapiStatement[] = [];
  let page = await client.getStatements({
    agent: JSON.stringify(agent),
    activity: courseActivityId(course),
    related_activities: 'true',
    limit: String(pageSize),
  });
  statements.push(...page.statements);
  while (page.more) {
    page = await client.getStatements({ more: page.more });
    statements.push(...page.statements);
  }
  return statements;
}

/**
 * The progress the statements record, as an export document for the learner in the course whose sabaq
 * id is `courseId`. Statements sabaq does not recognise are skipped; the store checks the rest as it
 * checks any file it imports.
 */
export function progressFromStatements(
  statements: readonly XapiStatement[],
  course: Pick<CourseInfo, 'activityId' | 'url'> & { id: string },
  who: { namespace: string; learner: string },
  now: number,
): ProgressDocument {
  const courseIri = courseActivityId(course);
  const lessons = new Map<string, LessonProgress>();
  const attempts: QuizAttempt[] = [];
  let certificate: IssuedCertificate | undefined;
  let updatedAt = 0;
  let last: { lessonId: string; at: number } | undefined;

  for (const statement of statements) {
    const at = Date.parse(statement.timestamp);
    if (!Number.isFinite(at)) continue;
    const verb = statement.verb?.id;
    const objectId = statement.object?.id ?? '';
    const lessonId = childId(courseIri, 'lessons', objectId);
    const quizId = childId(courseIri, 'quizzes', objectId);
    updatedAt = Math.max(updatedAt, at);

    if (lessonId !== undefined && (verb === VERBS.attempted || verb === VERBS.completed)) {
      lessons.set(lessonId, furthest(lessons.get(lessonId), lessonFrom(lessonId, verb, at, statement.result?.duration)));
      if (!last || at >= last.at) last = { lessonId, at };
    } else if (quizId !== undefined && (verb === VERBS.passed || verb === VERBS.failed)) {
      const recorded = statement.result?.extensions?.[EXTENSIONS.quizAttempt] as Partial<QuizAttempt> | undefined;
      if (!recorded) continue;
      attempts.push({
        quizId,
        attempt: recorded.attempt ?? attempts.length + 1,
        answers: recorded.answers ?? {},
        score: statement.result?.score?.raw ?? 0,
        passed: verb === VERBS.passed,
        submittedAt: at,
        quizHash: recorded.quizHash ?? '',
      });
    } else if (objectId === courseIri && verb === VERBS.earned) {
      const extensions = statement.result?.extensions ?? {};
      const earned: IssuedCertificate = {
        courseId: course.id,
        code: extensions[EXTENSIONS.certificateCode] as string,
        learnerName: extensions[EXTENSIONS.learnerName] as string,
        issuedAt: at,
        score: statement.result?.score?.raw ?? 0,
      };
      if (
        !certificate ||
        earned.score > certificate.score ||
        (earned.score === certificate.score && earned.issuedAt < certificate.issuedAt)
      )
        certificate = earned;
    }
  }

  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_FORMAT_VERSION,
    exportedAt: now,
    namespace: who.namespace,
    learner: who.learner,
    ...(certificate?.learnerName ? { learnerName: certificate.learnerName } : {}),
    courses:
      updatedAt === 0
        ? []
        : [
            {
              courseId: course.id,
              updatedAt,
              ...(last ? { lastLessonId: last.lessonId } : {}),
              ...(certificate ? { certificate } : {}),
              lessons: [...lessons.values()],
              attempts: attempts.sort((a, b) => a.submittedAt - b.submittedAt),
            },
          ],
  };
}

function lessonFrom(lessonId: string, verb: string, at: number, duration: string | undefined): LessonProgress {
  if (verb === VERBS.attempted) return { lessonId, status: 'in-progress', startedAt: at, timeSpentMs: 0 };
  return { lessonId, status: 'complete', startedAt: at, completedAt: at, timeSpentMs: durationMs(duration) };
}

/** Two records of one lesson: the furthest status, the earliest start and completion, the longest time. */
function furthest(kept: LessonProgress | undefined, next: LessonProgress): LessonProgress {
  if (!kept) return next;
  const complete = kept.status === 'complete' || next.status === 'complete';
  const completions = [kept, next].filter((lesson) => lesson.status === 'complete').map((lesson) => lesson.completedAt!);
  return {
    lessonId: kept.lessonId,
    status: complete ? 'complete' : kept.status,
    startedAt: Math.min(kept.startedAt ?? Infinity, next.startedAt ?? Infinity),
    ...(complete ? { completedAt: Math.min(...completions) } : {}),
    timeSpentMs: Math.max(kept.timeSpentMs, next.timeSpentMs),
  };
}

/** Milliseconds of an ISO 8601 duration such as `PT1H2M3.45S` (days and weeks included); 0 when it is not one. */
export function durationMs(duration: string | undefined): number {
  const match = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    duration ?? '',
  );
  if (!match) return 0;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return Math.round((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60_000 + seconds * 1000);
}
