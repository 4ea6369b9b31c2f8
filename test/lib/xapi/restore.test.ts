import { expect } from '@open-wc/testing';
import { createMemoryStore } from '../../../src/lib/store/index.js';
import { LrsClient } from '../../../src/lib/xapi/client.js';
import { deliver } from '../../../src/lib/xapi/delivery.js';
import { MemoryOutbox } from '../../../src/lib/xapi/outbox.js';
import { durationMs, progressFromStatements, readCourseStatements } from '../../../src/lib/xapi/restore.js';
import {
  certificateEarned,
  courseCompleted,
  isoDuration,
  lessonAttempted,
  lessonCompleted,
  quizSubmitted,
} from '../../../src/lib/xapi/statements.js';
import { newAgent, startLrs } from './lrs.js';
import { lessonQuiz, quizAttempt } from './quizzes.js';

const course = { id: 'export', url: 'https://partner.example/courses/export/course.md', title: 'Export', lang: 'en' };
const otherCourse = { id: 'other', url: 'https://partner.example/courses/other/course.md', title: 'Other', lang: 'en' };
const T = Date.UTC(2026, 10, 1, 9, 0, 0);
const quiz = lessonQuiz('---\nid: final\nfinal: true\n---\n### FOB means?\n1. [x] Free On Board\n1. [ ] Freight On Boat\n');

describe('restore from a real LRS', function () {
  this.timeout(60_000);

  it('reads back a whole course (following more) and rebuilds the same progress through importProgress', async () => {
    const lrs = await startLrs();
    const actor = newAgent();
    const at = (minutes: number) => ({ actor, timestamp: T + minutes * 60_000 });
    const welcome = { id: 'welcome', title: 'Welcome' };
    const final = { id: 'final', title: 'Final' };
    const failed = quizAttempt(quiz, { attempt: 1, answers: { q1: 1 }, score: 0, passed: false, submittedAt: T + 12 * 60_000 });
    const passed = quizAttempt(quiz, { attempt: 2, answers: { q1: 0 }, score: 100, passed: true, submittedAt: T + 14 * 60_000 });
    const statements = [
      lessonAttempted(at(0), course, welcome),
      lessonCompleted(at(5), course, welcome, 290_000),
      lessonAttempted(at(6), course, final),
      ...quizSubmitted(at(12), { course, lesson: final }, quiz, quiz.questions, failed),
      ...quizSubmitted(at(14), { course, lesson: final }, quiz, quiz.questions, passed),
      lessonCompleted(at(14), course, final, 480_000),
      courseCompleted(at(14), course, 100),
      certificateEarned(at(15), course, { code: 'K7Q2-M9XD', learnerName: 'Amina Khan', score: 100 }),
      // Another course of the same learner: not read.
      lessonAttempted(at(20), otherCourse, welcome),
    ];
    const outbox = new MemoryOutbox();
    await outbox.add(statements);
    expect(await deliver(outbox, new LrsClient(lrs))).to.deep.include({ stopped: 'done', sent: statements.length });

    const read = await readCourseStatements(new LrsClient(lrs), actor, course, 3);
    expect(read.map((statement) => statement.id).sort()).to.deep.equal(
      statements
        .slice(0, -1)
        .map((statement) => statement.id)
        .sort(),
    );

    const store = createMemoryStore();
    const restore = () =>
      store.importProgress(
        'amina',
        JSON.stringify(progressFromStatements(read, course, { namespace: 'default', learner: 'amina' }, Date.now())),
      );
    await restore();
    const progress = await store.getProgress({ learner: 'amina', courseId: 'export' });
    expect(progress.lessons).to.deep.equal({
      welcome: { lessonId: 'welcome', status: 'complete', startedAt: T, completedAt: T + 5 * 60_000, timeSpentMs: 290_000 },
      final: { lessonId: 'final', status: 'complete', startedAt: T + 6 * 60_000, completedAt: T + 14 * 60_000, timeSpentMs: 480_000 },
    });
    expect(progress.attempts['final']).to.deep.equal([failed, passed]);
    expect(progress.certificate).to.deep.equal({
      courseId: 'export',
      code: 'K7Q2-M9XD',
      learnerName: 'Amina Khan',
      issuedAt: T + 15 * 60_000,
      score: 100,
    });
    expect(progress.lastLessonId).to.equal('final');
    expect(await store.getLearnerName('amina')).to.equal('Amina Khan');

    // Restoring again, or over progress the learner already has here, adds nothing twice.
    await restore();
    expect((await store.getProgress({ learner: 'amina', courseId: 'export' })).attempts['final']).to.have.length(2);
  });

  it('a learner with no statements restores nothing', () => {
    expect(progressFromStatements([], course, { namespace: 'default', learner: 'amina' }, T).courses).to.deep.equal([]);
  });

  it('reads the durations it writes', () => {
    for (const ms of [0, 1_230, 60_000, 3_723_450, 90_061_000]) expect(durationMs(isoDuration(ms))).to.equal(ms);
    expect(durationMs('P1DT1H')).to.equal(90_000_000);
    expect(durationMs('soon')).to.equal(0);
  });
});
