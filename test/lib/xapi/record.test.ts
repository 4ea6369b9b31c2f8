import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { loadCourse } from '../../../src/lib/course/loader.js';
import { type ProgressStore, openStore } from '../../../src/lib/store/index.js';
import type { Course, Lesson, Quiz } from '../../../src/lib/types.js';
import { LrsClient } from '../../../src/lib/xapi/client.js';
import { deliver } from '../../../src/lib/xapi/delivery.js';
import { MemoryOutbox, storeOutbox } from '../../../src/lib/xapi/outbox.js';
import { recordChange } from '../../../src/lib/xapi/record.js';
import { EXTENSIONS, type XapiAgent, type XapiStatement } from '../../../src/lib/xapi/statements.js';
import { deleteDatabase, uniqueDatabaseName } from '../store/helpers.js';
import { lrsStatements, newAgent, startLrs } from './lrs.js';

const ACADEMY = new URL('../../fixtures/courses/academy/course.md', import.meta.url).href;

/**
 * A store on IndexedDB that records with recordChange, as an LRS connection has it; `act` performs an
 * action and returns the short names of the statements it queued (`verb object-tail`).
 */
function recordingStore(course: Course, actor: XapiAgent) {
  const databaseName = uniqueDatabaseName('record');
  const store: ProgressStore = openStore({ databaseName });
  void store.recordWith((change) => recordChange(course, change, { actor, now: Date.now() }));
  const made: XapiStatement[] = [];
  return {
    store,
    made,
    async act(action: () => Promise<unknown>): Promise<string[]> {
      await action();
      const recorded = new Set(made.map((statement) => statement.id));
      const statements = (await storeOutbox(store).peek(1000)).filter((statement) => !recorded.has(statement.id));
      made.push(...statements);
      return statements.map((s) => `${s.verb.id.split('/').pop()} ${s.object.id.slice(course.url.length) || 'course'}`);
    },
    async close() {
      store.close();
      await deleteDatabase(databaseName);
    },
  };
}

describe('recordChange: the statements a learner action records', function () {
  this.timeout(60_000);

  it("a learner's whole course: each action's statements, none for repeats, every one valid, stored once by the LRS", async () => {
    const course = await loadCourse(ACADEMY);
    const ref = { learner: 'amina', courseId: course.id };
    const actor = newAgent();
    const { store, made, act, close } = recordingStore(course, actor);

    expect(await act(() => store.openLesson(ref, 'welcome'))).to.deep.equal(['attempted /lessons/welcome']);
    expect(await act(() => store.openLesson(ref, 'welcome'))).to.deep.equal([]);
    await store.addTimeSpent(ref, 'welcome', 61_500);
    expect(await act(() => store.completeLesson(ref, 'welcome'))).to.deep.equal(['completed /lessons/welcome']);
    expect(made.at(-1)!.result!.duration).to.equal('PT1M1.5S');
    expect(await act(() => store.completeLesson(ref, 'welcome'))).to.deep.equal([]);

    expect(await act(() => store.openLesson(ref, 'marketplaces'))).to.deep.equal(['attempted /lessons/marketplaces']);
    const quizHash = course.lessons[1]!.quizzes[0]!.hash;
    expect(
      await act(() => store.addQuizAttempt(ref, { quizId: 'marketplaces-1', answers: { q1: 1 }, score: 0, passed: false, quizHash })),
    ).to.deep.equal(['answered /quizzes/marketplaces-1/questions/1', 'failed /quizzes/marketplaces-1']);
    // Passing the lesson's only quiz completes the lesson.
    expect(
      await act(() => store.addQuizAttempt(ref, { quizId: 'marketplaces-1', answers: { q1: 0 }, score: 100, passed: true, quizHash })),
    ).to.deep.equal(['answered /quizzes/marketplaces-1/questions/1', 'passed /quizzes/marketplaces-1', 'completed /lessons/marketplaces']);

    await act(() => store.openLesson(ref, 'final'));
    const finalHash = course.lessons[2]!.quizzes[0]!.hash;
    await act(() =>
      store.addQuizAttempt(ref, { quizId: 'final', answers: { q1: 1, q2: 0 }, score: 50, passed: false, quizHash: finalHash }),
    );
    expect(
      await act(() =>
        store.addQuizAttempt(ref, { quizId: 'final', answers: { q1: 0, q2: 0 }, score: 100, passed: true, quizHash: finalHash }),
      ),
    ).to.deep.equal([
      'answered /quizzes/final/questions/1',
      'answered /quizzes/final/questions/2',
      'passed /quizzes/final',
      'completed /lessons/final',
      'completed course',
    ]);
    expect(
      await act(() => store.saveCertificate(ref, { code: 'K7Q2M9XD', learnerName: 'Amina Khan', issuedAt: Date.now(), score: 100 })),
    ).to.deep.equal(['earned course']);
    expect(made.at(-1)!.result!.extensions![EXTENSIONS.certificateCode]).to.equal('K7Q2M9XD');
    expect(made.at(-2)!.result!.score!.scaled).to.equal(1);
    await close();

    for (const statement of made) {
      expect(await executeServerCommand('xapi-validate', { statement }), statement.object.id).to.deep.equal([]);
    }
    expect(new Set(made.map((statement) => statement.id)).size).to.equal(made.length);
    const outbox = new MemoryOutbox();
    await outbox.add(made);
    expect(await deliver(outbox, new LrsClient(await startLrs()))).to.deep.include({ stopped: 'done', sent: made.length });
    expect((await lrsStatements(actor)).map((statement) => statement.id).sort()).to.deep.equal(
      made.map((statement) => statement.id).sort(),
    );
  });
});

describe('recordChange when an action completes more than it touches', function () {
  this.timeout(20_000);

  it('a lesson with two quizzes is completed by passing the second, and the course by its last lesson without quizzes', async () => {
    const academy = await loadCourse(ACADEMY);
    const [welcome, marketplaces, final] = academy.lessons as [Lesson, Lesson, Lesson];
    // The academy rearranged: one lesson holds both quizzes, and the lesson without quizzes comes last.
    const course: Course = { ...academy, lessons: [{ ...marketplaces, quizzes: [...marketplaces.quizzes, ...final.quizzes] }, welcome] };
    const ref = { learner: 'amina', courseId: course.id };
    const { store, act, close } = recordingStore(course, newAgent());
    const pass = (quiz: Quiz, answers: Record<string, number>) =>
      store.addQuizAttempt(ref, { quizId: quiz.id, answers, score: 100, passed: true, quizHash: quiz.hash });

    // Its quizzes are passed without the lesson having a record (as when another device's attempts were
    // restored): when welcome is completed, as many lessons have records as there are without quizzes.
    expect(await act(() => pass(final.quizzes[0]!, { q1: 0, q2: 0 }))).to.deep.equal([
      'answered /quizzes/final/questions/1',
      'answered /quizzes/final/questions/2',
      'passed /quizzes/final',
    ]);
    expect(await act(() => pass(marketplaces.quizzes[0]!, { q1: 0 }))).to.deep.equal([
      'answered /quizzes/marketplaces-1/questions/1',
      'passed /quizzes/marketplaces-1',
      'completed /lessons/marketplaces',
    ]);
    await act(() => store.openLesson(ref, 'welcome'));
    expect(await act(() => store.completeLesson(ref, 'welcome'))).to.deep.equal(['completed /lessons/welcome', 'completed course']);
    await close();
  });
});
