/**
 * Learning records (SPEC §6) on Chromium's IndexedDB: recording a lesson completion with the outbox
 * (the store asks recordChange for the statements and queues them in the same transaction) against
 * the same completion without it, for a learner with 50 lessons done of a 200-lesson course; and
 * restoring a learner's progress from 2,000 statements once they have been received from the LRS.
 */
import { deleteDB } from 'idb';
import { openStore } from '../../src/lib/store/index.js';
import type { Course, Lesson, Quiz } from '../../src/lib/types.js';
import { storeOutbox } from '../../src/lib/xapi/outbox.js';
import { recordChange } from '../../src/lib/xapi/record.js';
import { progressFromStatements } from '../../src/lib/xapi/restore.js';
import { type XapiStatement, lessonAttempted, lessonCompleted, quizSubmitted } from '../../src/lib/xapi/statements.js';
import { type Report, median, ms } from './measure.js';

const LESSONS = 200;
const actor = { objectType: 'Agent' as const, account: { homePage: 'https://partner.example', name: 'learner-0' } };

function quiz(id: string): Quiz {
  return {
    id,
    questions: [
      {
        id: 'q1',
        kind: 'single',
        line: 1,
        prompt: 'FOB means?',
        options: [
          { text: 'Free On Board', correct: true },
          { text: 'Freight', correct: false },
        ],
      },
    ],
    settings: { pass: 100, attempts: 0, shuffle: 'none', final: false, partial: false },
    hash: `${id}-v1`,
    file: 'lesson.md',
    line: 1,
  };
}

function generateCourse(): Course {
  const lessons: Lesson[] = Array.from({ length: LESSONS }, (_, i) => ({
    id: `lesson-${String(i).padStart(3, '0')}`,
    title: `Lesson ${i}`,
    file: `lessons/${i}.md`,
    url: `https://partner.example/courses/export/lessons/${i}.md`,
    module: 0,
    requires: [],
    blocks: [],
    // Every fourth lesson ends with a quiz.
    quizzes: i % 4 === 3 ? [quiz(`lesson-${String(i).padStart(3, '0')}-1`)] : [],
    hash: `lesson-${i}`,
    problems: [],
  }));
  return {
    id: 'export-basics',
    title: 'Export basics',
    lang: 'en',
    pass: 70,
    sequential: false,
    certificate: true,
    modules: [{ title: 'All', lessonIds: lessons.map((lesson) => lesson.id) }],
    lessons,
    duration: 0,
    hash: 'course-v1',
    url: 'https://partner.example/courses/export/course.md',
    problems: [],
  };
}

/** 2,000 statements of a learner far into the course: opened and completed lessons, quiz submissions. */
function generateStatements(course: Course): XapiStatement[] {
  const statements: XapiStatement[] = [];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; statements.length < 2_000; i++) {
    const lesson = course.lessons[i % LESSONS]!;
    const at = { actor, timestamp: start + i * 60_000 };
    statements.push(lessonAttempted(at, course, lesson), lessonCompleted(at, course, lesson, 30_000));
    for (const lessonQuiz of lesson.quizzes) {
      const attempt = {
        quizId: lessonQuiz.id,
        attempt: 1,
        answers: { q1: 0 },
        score: 100,
        passed: true,
        submittedAt: at.timestamp,
        quizHash: lessonQuiz.hash,
      };
      statements.push(...quizSubmitted(at, { course, lesson }, lessonQuiz, lessonQuiz.questions, attempt));
    }
  }
  return statements.slice(0, 2_000);
}

export async function bench(report: Report): Promise<void> {
  const databaseName = `sabaq-bench-xapi-${Date.now()}`;
  const store = openStore({ databaseName });
  try {
    const course = generateCourse();
    const ref = { learner: 'learner-0', courseId: course.id, courseHash: course.hash };
    for (const lesson of course.lessons.slice(0, 50)) await store.completeLesson(ref, lesson.id);
    if (store.status !== 'indexeddb') throw new Error(`the store is in ${store.status}, not IndexedDB`);

    let next = 50;
    const complete = () => store.completeLesson(ref, course.lessons[next++ % LESSONS]!.id);
    const without = await median(complete, 40);
    await store.recordWith((change) => recordChange(course, change, { actor, now: Date.now() }));
    const withOutbox = await median(complete, 40);
    await store.recordWith(undefined);
    const queued = (await storeOutbox(store).counts()).pending;
    if (queued < 40) throw new Error(`only ${queued} statements were queued`);
    report('record a lesson completion without an LRS, median of 40', ms(without));
    report(`the same with the outbox (budget: within 2 ms of that), median of 40`, ms(withOutbox, Math.round((without + 2) * 100) / 100));

    const statements = generateStatements(course);
    let learner = 1;
    const restore = () =>
      store.importProgress(
        `learner-${learner++}`,
        JSON.stringify(progressFromStatements(statements, course, { namespace: 'default', learner: 'x' }, Date.now())),
      );
    report('restore progress from 2,000 statements once received, median of 5', ms(await median(restore, 5, 1), 500));
  } finally {
    store.close();
    await deleteDB(databaseName);
  }
}
