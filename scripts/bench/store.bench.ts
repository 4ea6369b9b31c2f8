/**
 * The progress store on Chromium's IndexedDB, with one learner far into a 200-lesson course: 10,000
 * stored quiz attempts (100 quizzes, 100 attempts each). Records a lesson completion (a strict write),
 * loads the learner's whole progress in the course, and exports and imports it.
 */
import { deleteDB } from 'idb';
import type { LessonProgress, QuizAttempt } from '../../src/lib/progress.js';
import { type ProgressDocument, openStore } from '../../src/lib/store/index.js';
import { type Report, median, ms } from './measure.js';

const LESSONS = 200;
const QUIZZES = 100;
const ATTEMPTS_PER_QUIZ = 100;

function generateProgress(courseId: string): ProgressDocument {
  const start = Date.UTC(2025, 0, 1);
  const lessons: LessonProgress[] = Array.from({ length: LESSONS }, (_, i) => ({
    lessonId: `lesson-${String(i).padStart(3, '0')}`,
    // The first quarter complete; the rest opened, so that completing them is real work.
    status: i < LESSONS / 4 ? 'complete' : 'in-progress',
    startedAt: start + i * 60_000,
    ...(i < LESSONS / 4 ? { completedAt: start + i * 60_000 + 30_000 } : {}),
    timeSpentMs: 30_000,
  }));
  const attempts: QuizAttempt[] = [];
  for (let quiz = 0; quiz < QUIZZES; quiz++) {
    for (let attempt = 1; attempt <= ATTEMPTS_PER_QUIZ; attempt++) {
      const score = (quiz * attempt) % 101;
      attempts.push({
        quizId: `lesson-${String(quiz * 2).padStart(3, '0')}-1`,
        attempt,
        answers: { q1: attempt % 4, q2: [0, 2], q3: 'free on board', q4: [2, 0, 1, 3], q5: [1, 0, -1] },
        score,
        passed: score >= 70,
        submittedAt: start + quiz * 1_000_000 + attempt * 1_000,
        quizHash: `quiz-${quiz}-v1`,
      });
    }
  }
  return {
    format: 'sabaq-progress',
    version: 1,
    exportedAt: start,
    namespace: 'default',
    learner: 'learner-0',
    learnerName: 'Ayesha Siddiqui',
    courses: [{ courseId, updatedAt: start, lastLessonId: lessons[60]!.lessonId, courseHash: 'course-v1', lessons, attempts }],
  };
}

export async function bench(report: Report): Promise<void> {
  const databaseName = `sabaq-bench-${Date.now()}`;
  const store = openStore({ databaseName });
  try {
    const course = { learner: 'learner-0', courseId: 'export-basics', courseHash: 'course-v1' };
    const file = JSON.stringify(generateProgress(course.courseId));
    await store.importProgress(course.learner, file);
    if (store.status !== 'indexeddb') throw new Error(`the store is in ${store.status}, not IndexedDB`);
    const loaded = await store.getProgress(course);
    const attempts = Object.values(loaded.attempts).reduce((sum, list) => sum + list.length, 0);
    if (Object.keys(loaded.lessons).length !== LESSONS || attempts !== QUIZZES * ATTEMPTS_PER_QUIZ) {
      throw new Error('the generated progress did not load back whole');
    }

    let next = LESSONS / 4;
    const complete = () => store.completeLesson(course, `lesson-${String(next++).padStart(3, '0')}`);
    report('record a lesson completion (strict durability), median of 50', ms(await median(complete, 50), 5));

    const load = await median(() => store.getProgress(course), 20);
    report(`load a learner's progress: ${LESSONS} lessons, ${attempts} attempts, median of 20`, ms(load, 50));

    const exportMedian = await median(() => store.exportProgress(course.learner), 10);
    report(`export that progress (${(file.length / 1e6).toFixed(1)} MB of JSON), median of 10`, ms(exportMedian));

    let learner = 1;
    const importMedian = await median(() => store.importProgress(`learner-${learner++}`, file), 5, 1);
    report('import it for a learner with no progress yet, median of 5', ms(importMedian));
  } finally {
    store.close();
    await deleteDB(databaseName);
  }
}
