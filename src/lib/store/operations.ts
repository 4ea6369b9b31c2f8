/**
 * What each store call does to a learner's records, written once against `LearnerRecords` so that
 * IndexedDB and memory behave alike. The rules that protect a learner's progress live here: a
 * completion is never undone, attempts are only ever added, and an import never loses a completion or
 * a better score.
 */
import type { CourseProgress, IssuedCertificate, LessonProgress, LessonStatus, OpenQuizAttempt, QuizAttempt } from '../progress.js';
import { type CourseRef, type QuizStart, QuizAttemptsUsedError } from './api.js';
import type { CourseRecord, LearnerRecords } from './learner-records.js';
import type { CourseExport, ProgressDocument } from './progress-document.js';
import { courseRecord, dictionary, lessonProgress, openAttempt } from './validation.js';

/**
 * A change to one learner's records, applied in one transaction. `strict` durability is for what a
 * learner would miss if a crash lost it (completions, attempts, certificates, the name, imports): the
 * write resolves only once it is on disk.
 */
export interface Write<T> {
  durability: 'strict' | 'relaxed';
  apply(records: LearnerRecords): Promise<T>;
}

export async function readProgress(records: LearnerRecords, courseId: string): Promise<CourseProgress> {
  const [record, lessons, attempts, openAttempts] = await Promise.all([
    records.getCourse(courseId),
    records.getLessons(courseId),
    records.getAttempts(courseId),
    records.getOpenAttempts(courseId),
  ]);
  const progress: CourseProgress = { courseId, lessons: dictionary(), attempts: dictionary(), openAttempts: dictionary() };
  for (const lesson of lessons) progress.lessons[lesson.lessonId] = lesson;
  for (const attempt of attempts) (progress.attempts[attempt.quizId] ??= []).push(attempt);
  for (const open of openAttempts) progress.openAttempts[open.quizId] = open;
  if (record?.lastLessonId !== undefined) progress.lastLessonId = record.lastLessonId;
  if (record?.certificate !== undefined) progress.certificate = record.certificate;
  if (record?.courseHash !== undefined) progress.courseHash = record.courseHash;
  return progress;
}

/** One record of a learner's course: a lesson, a quiz's attempts, or the certificate. */
export type ProgressPart = { lessonId: string } | { quizId: string } | 'certificate';

/** Progress holding only `part` of the course: what a learner action is about, read for its recorder. */
export async function readPart(records: LearnerRecords, courseId: string, part: ProgressPart): Promise<CourseProgress> {
  const progress: CourseProgress = { courseId, lessons: dictionary(), attempts: dictionary(), openAttempts: dictionary() };
  if (part === 'certificate') {
    const certificate = (await records.getCourse(courseId))?.certificate;
    if (certificate) progress.certificate = certificate;
  } else if ('quizId' in part) {
    progress.attempts[part.quizId] = await records.getQuizAttempts(courseId, part.quizId);
  } else {
    const lesson = await records.getLesson(courseId, part.lessonId);
    if (lesson) progress.lessons[part.lessonId] = lesson;
  }
  return progress;
}

/**
 * Everything the learner has in the namespace, as an export file lists it. Open attempts are left out:
 * an unfinished attempt is worth nothing in another browser, where the quiz simply starts a new one.
 */
export async function readLearner(records: LearnerRecords): Promise<Pick<ProgressDocument, 'learnerName' | 'courses'>> {
  const [learnerName, courseRecords] = await Promise.all([records.getLearnerName(), records.listCourses()]);
  const courses = await Promise.all(
    courseRecords.map(async (record): Promise<CourseExport> => {
      const [lessons, attempts] = await Promise.all([records.getLessons(record.courseId), records.getAttempts(record.courseId)]);
      return { ...record, lessons, attempts };
    }),
  );
  return learnerName === undefined ? { courses } : { learnerName, courses };
}

/**
 * Updates one lesson and stamps the course record (time, content hash, and `courseChange`) in the
 * same transaction. `update` returns undefined to leave the lesson as it is.
 */
function lessonWrite(
  durability: Write<void>['durability'],
  course: CourseRef,
  lessonId: string,
  now: number,
  update: (lesson: LessonProgress | undefined) => LessonProgress | undefined,
  courseChange: Pick<CourseRecord, 'lastLessonId'> = {},
): Write<void> {
  return {
    durability,
    async apply(records) {
      const [lesson, record] = await Promise.all([records.getLesson(course.courseId, lessonId), records.getCourse(course.courseId)]);
      const updated = update(lesson);
      await Promise.all([
        updated && records.putLesson(course.courseId, updated),
        records.putCourse(stampCourse(record, course, now, courseChange)),
      ]);
    },
  };
}

function stampCourse(
  record: CourseRecord | undefined,
  course: CourseRef,
  now: number,
  change: Partial<Pick<CourseRecord, 'lastLessonId' | 'certificate'>>,
): CourseRecord {
  return courseRecord({
    ...record,
    courseId: course.courseId,
    updatedAt: now,
    courseHash: course.courseHash ?? record?.courseHash,
    ...change,
  });
}

/** The lesson becomes the last one opened, and is in progress unless it was already complete. */
export function openLesson(course: CourseRef, lessonId: string, now: number): Write<void> {
  return lessonWrite(
    'relaxed',
    course,
    lessonId,
    now,
    (lesson) =>
      lesson && lesson.status !== 'not-started'
        ? undefined
        : lessonProgress({ lessonId, status: 'in-progress', startedAt: lesson?.startedAt ?? now, timeSpentMs: lesson?.timeSpentMs ?? 0 }),
    { lastLessonId: lessonId },
  );
}

export function addTimeSpent(course: CourseRef, lessonId: string, milliseconds: number, now: number): Write<void> {
  return lessonWrite('relaxed', course, lessonId, now, (lesson) =>
    lessonProgress({
      lessonId,
      status: lesson && lesson.status !== 'not-started' ? lesson.status : 'in-progress',
      startedAt: lesson?.startedAt ?? now,
      completedAt: lesson?.completedAt,
      timeSpentMs: (lesson?.timeSpentMs ?? 0) + milliseconds,
    }),
  );
}

/** Completing a lesson again keeps the first completion time. */
export function completeLesson(course: CourseRef, lessonId: string, now: number): Write<void> {
  return lessonWrite('strict', course, lessonId, now, (lesson) =>
    lesson?.status === 'complete'
      ? undefined
      : lessonProgress({
          lessonId,
          status: 'complete',
          startedAt: lesson?.startedAt ?? now,
          completedAt: now,
          timeSpentMs: lesson?.timeSpentMs ?? 0,
        }),
  );
}

/**
 * The quiz's open attempt for its next attempt number, started now (with `seed`) unless one is;
 * `started` says whether it was.
 */
export function startQuizAttempt(
  course: CourseRef,
  quiz: QuizStart,
  now: number,
  seed: number,
): Write<{ open: OpenQuizAttempt; started: boolean }> {
  return {
    durability: 'strict',
    async apply(records) {
      const [attempts, kept] = await Promise.all([
        records.getQuizAttempts(course.courseId, quiz.quizId),
        records.getOpenAttempt(course.courseId, quiz.quizId),
      ]);
      const attempt = attempts.length + 1;
      if (kept?.attempt === attempt) return { open: kept, started: false };
      const deadline = quiz.timeLimitMs === undefined ? undefined : now + quiz.timeLimitMs;
      const open = openAttempt({ quizId: quiz.quizId, attempt, seed, startedAt: now, deadline });
      await records.putOpenAttempt(course.courseId, open);
      return { open, started: true };
    },
  };
}

/**
 * Adds `attempt` as the quiz's next attempt, with the seed of the quiz's open attempt, which it closes,
 * and returns it with its number. Refused (before anything is written) once `allowed` attempts are
 * kept: deciding here, in the transaction that keeps the attempt, is what stops two tabs submitting at
 * once from both getting the last one.
 */
export function addQuizAttempt(course: CourseRef, attempt: QuizAttempt, allowed: number, now: number): Write<QuizAttempt> {
  return {
    durability: 'strict',
    async apply(records) {
      const [attempts, open, record] = await Promise.all([
        records.getQuizAttempts(course.courseId, attempt.quizId),
        records.getOpenAttempt(course.courseId, attempt.quizId),
        records.getCourse(course.courseId),
      ]);
      if (allowed > 0 && attempts.length >= allowed) throw new QuizAttemptsUsedError(attempt.quizId, allowed);
      const numbered = Object.freeze({ ...attempt, attempt: attempts.length + 1, ...(open ? { seed: open.seed } : {}) });
      await Promise.all([
        records.putQuizAttempts(course.courseId, attempt.quizId, [...attempts, numbered]),
        open && records.deleteOpenAttempt(course.courseId, attempt.quizId),
        records.putCourse(stampCourse(record, course, now, {})),
      ]);
      return numbered;
    },
  };
}

export function saveCertificate(course: CourseRef, certificate: IssuedCertificate, now: number): Write<void> {
  return {
    durability: 'strict',
    async apply(records) {
      const record = await records.getCourse(course.courseId);
      await records.putCourse(stampCourse(record, course, now, { certificate }));
    },
  };
}

export function setLearnerName(name: string): Write<void> {
  return { durability: 'strict', apply: (records) => records.putLearnerName(name) };
}

/**
 * Merges an export file into the learner's records: the furthest status of each lesson, every attempt
 * not already kept (appended after the kept ones), the better certificate, the name if none is kept,
 * and the last lesson and content hash of whichever side wrote the course last.
 */
export function mergeProgress(document: ProgressDocument): Write<void> {
  return {
    durability: 'strict',
    async apply(records) {
      const name = await records.getLearnerName();
      await Promise.all([
        name === undefined && document.learnerName !== undefined && records.putLearnerName(document.learnerName),
        ...document.courses.map((course) => mergeCourse(records, course)),
      ]);
    },
  };
}

async function mergeCourse(records: LearnerRecords, imported: CourseExport): Promise<void> {
  const { courseId } = imported;
  const [record, lessons] = await Promise.all([records.getCourse(courseId), records.getLessons(courseId)]);
  const kept = new Map(lessons.map((lesson) => [lesson.lessonId, lesson]));
  for (const lesson of imported.lessons) kept.set(lesson.lessonId, mergeLesson(kept.get(lesson.lessonId), lesson));
  const importedByQuiz = new Map<string, QuizAttempt[]>();
  for (const attempt of [...imported.attempts].sort((a, b) => a.attempt - b.attempt)) {
    const group = importedByQuiz.get(attempt.quizId);
    if (group) group.push(attempt);
    else importedByQuiz.set(attempt.quizId, [attempt]);
  }
  await Promise.all([
    records.putCourse(mergeCourseRecord(record, imported)),
    ...imported.lessons.map((lesson) => records.putLesson(courseId, kept.get(lesson.lessonId)!)),
    ...[...importedByQuiz].map(async ([quizId, attempts]) => {
      const keptAttempts = await records.getQuizAttempts(courseId, quizId);
      const merged = appendNewAttempts(keptAttempts, attempts);
      if (merged.length > keptAttempts.length) await records.putQuizAttempts(courseId, quizId, merged);
    }),
  ]);
}

const STATUS_RANK: Record<LessonStatus, number> = { 'not-started': 0, 'in-progress': 1, complete: 2 };

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

export function mergeLesson(kept: LessonProgress | undefined, imported: LessonProgress): LessonProgress {
  if (!kept) return imported;
  const status = STATUS_RANK[imported.status] > STATUS_RANK[kept.status] ? imported.status : kept.status;
  const completedAt = (lesson: LessonProgress) => (lesson.status === 'complete' ? lesson.completedAt : undefined);
  return lessonProgress({
    lessonId: kept.lessonId,
    status,
    startedAt: earliest(kept.startedAt, imported.startedAt),
    completedAt: status === 'complete' ? earliest(completedAt(kept), completedAt(imported)) : undefined,
    // The larger, not the sum: importing the same file twice must not count the time twice.
    timeSpentMs: Math.max(kept.timeSpentMs, imported.timeSpentMs),
  });
}

function mergeCourseRecord(kept: CourseRecord | undefined, imported: CourseRecord): CourseRecord {
  if (!kept) return courseRecord(imported);
  const [newer, older] = imported.updatedAt > kept.updatedAt ? [imported, kept] : [kept, imported];
  return courseRecord({
    courseId: kept.courseId,
    updatedAt: newer.updatedAt,
    lastLessonId: newer.lastLessonId ?? older.lastLessonId,
    courseHash: newer.courseHash ?? older.courseHash,
    certificate: betterCertificate(kept.certificate, imported.certificate),
  });
}

/** The higher score; on a tie the earlier one, whose verification code learners may already have shared. */
function betterCertificate(a: IssuedCertificate | undefined, b: IssuedCertificate | undefined): IssuedCertificate | undefined {
  if (!a || !b) return a ?? b;
  if (a.score !== b.score) return a.score > b.score ? a : b;
  return b.issuedAt < a.issuedAt ? b : a;
}

/** Same time, result, quiz version and answers: the same attempt, however it is numbered. */
function attemptIdentity({ submittedAt, score, passed, quizHash, answers }: QuizAttempt): string {
  const sortedAnswers = Object.keys(answers)
    .sort()
    .map((questionId) => [questionId, answers[questionId]]);
  return JSON.stringify([submittedAt, score, passed, quizHash, sortedAnswers]);
}

function appendNewAttempts(kept: readonly QuizAttempt[], imported: readonly QuizAttempt[]): QuizAttempt[] {
  const seen = new Set(kept.map(attemptIdentity));
  const merged = [...kept];
  for (const attempt of imported) {
    const identity = attemptIdentity(attempt);
    if (seen.has(identity)) continue;
    seen.add(identity);
    merged.push(Object.freeze({ ...attempt, attempt: merged.length + 1 }));
  }
  return merged;
}
