/**
 * What a learner's progress goes through, on both implementations of the store: IndexedDB
 * (`openStore`) and memory (`createMemoryStore`).
 */
import { expect } from '@open-wc/testing';
import { bestAttempt } from '../../../src/lib/progress.js';
import {
  type CourseRef,
  type NewQuizAttempt,
  type ProgressStore,
  QuizAttemptsUsedError,
  createMemoryStore,
  openStore,
} from '../../../src/lib/store/index.js';
import { deleteDatabase, uniqueDatabaseName, watch } from './helpers.js';

async function rawDatabaseNames(): Promise<(string | undefined)[]> {
  return (await indexedDB.databases()).map((database) => database.name);
}

const course: CourseRef = { learner: 'ayesha', courseId: 'export-basics', courseHash: 'course-v1' };

function attempt(score: number, quizHash = 'quiz-v1'): NewQuizAttempt {
  return { quizId: 'incoterms-check', answers: { q1: 1, q2: [0, 1], q3: 'FOB', q4: [2, 0, 1] }, score, passed: score >= 80, quizHash };
}

const implementations: { name: string; open(namespace?: string): ProgressStore }[] = [
  { name: 'IndexedDB', open: (namespace) => openStore({ databaseName, namespace }) },
  { name: 'memory', open: (namespace) => (memoryStores[namespace ?? 'default'] ??= createMemoryStore({ namespace })) },
];

let databaseName: string;
let memoryStores: Record<string, ProgressStore>;
let opened: ProgressStore[];

for (const implementation of implementations) {
  describe(`store on ${implementation.name}`, () => {
    let store: ProgressStore;
    const open = (namespace?: string) => {
      const opening = implementation.open(namespace);
      opened.push(opening);
      return opening;
    };

    beforeEach(() => {
      databaseName = uniqueDatabaseName('store');
      memoryStores = {};
      opened = [];
      store = open();
    });

    afterEach(async () => {
      for (const each of opened) each.close();
      await deleteDatabase(databaseName);
    });

    it('starts with empty progress', async () => {
      const progress = await store.getProgress(course);
      expect(progress).to.deep.equal({ courseId: 'export-basics', lessons: {}, attempts: {}, openAttempts: {} });
    });

    it('follows a lesson from opening to completion, with its times and the last lesson opened', async () => {
      const before = Date.now();
      await store.openLesson(course, 'why');
      let progress = await store.getProgress(course);
      expect(progress.lessons.why).to.include({ lessonId: 'why', status: 'in-progress', timeSpentMs: 0 });
      expect(progress.lessons.why!.startedAt).to.be.within(before, Date.now());
      expect(progress.lastLessonId).to.equal('why');

      await store.addTimeSpent(course, 'why', 30_000);
      await store.addTimeSpent(course, 'why', 15_500);
      await store.completeLesson(course, 'why');
      progress = await store.getProgress(course);
      const completed = progress.lessons.why!;
      expect(completed).to.include({ status: 'complete', timeSpentMs: 45_500 });
      expect(completed.completedAt).to.be.within(completed.startedAt!, Date.now());

      await store.openLesson(course, 'marketplaces');
      await store.openLesson(course, 'why');
      await store.completeLesson(course, 'why');
      progress = await store.getProgress(course);
      expect(progress.lessons.why, 'reopening or completing again changes nothing').to.deep.equal(completed);
      expect(progress.lessons.marketplaces!.status).to.equal('in-progress');
      expect(progress.lastLessonId).to.equal('why');
    });

    it('completes a lesson that was never opened', async () => {
      await store.completeLesson(course, 'final');
      const { lessons } = await store.getProgress(course);
      expect(lessons.final).to.include({ status: 'complete', timeSpentMs: 0 });
      expect(lessons.final!.startedAt).to.equal(lessons.final!.completedAt);
    });

    it('keeps every quiz attempt, numbered, with its answers and quiz version, and the best score', async () => {
      const first = await store.addQuizAttempt(course, attempt(50));
      await store.addQuizAttempt(course, attempt(90));
      await store.addQuizAttempt(course, attempt(70, 'quiz-v2'));
      expect(first).to.deep.include({ quizId: 'incoterms-check', attempt: 1, score: 50, passed: false, quizHash: 'quiz-v1' });
      expect(first.answers).to.deep.equal(attempt(50).answers);

      const { attempts } = await store.getProgress(course);
      const kept = attempts['incoterms-check']!;
      expect(kept.map((each) => [each.attempt, each.score, each.quizHash])).to.deep.equal([
        [1, 50, 'quiz-v1'],
        [2, 90, 'quiz-v1'],
        [3, 70, 'quiz-v2'],
      ]);
      expect(kept.every((each) => each.submittedAt >= first.submittedAt)).to.equal(true);
      expect(bestAttempt(kept)).to.include({ attempt: 2, score: 90, passed: true });
    });

    it('keeps its own copy of the answers a quiz hands in', async () => {
      const submitted = attempt(50);
      await store.addQuizAttempt(course, submitted);
      (submitted.answers as Record<string, unknown>).q1 = 3;
      (submitted.answers.q2 as number[]).push(2);
      const [kept] = (await store.getProgress(course)).attempts['incoterms-check']!;
      expect(kept!.answers).to.deep.equal(attempt(50).answers);
      expect(Object.isFrozen(submitted.answers), "the quiz's own object is left alone").to.equal(false);
    });

    it('numbers attempts submitted at the same moment one after the other', async () => {
      const numbers = await Promise.all([1, 2, 3, 4].map(() => store.addQuizAttempt(course, attempt(10)).then((a) => a.attempt)));
      expect(numbers).to.deep.equal([1, 2, 3, 4]);
    });

    it('starts an attempt once, with a random seed and the deadline of a timed quiz, until it is submitted', async () => {
      const quiz = { quizId: 'incoterms-check', timeLimitMs: 60_000 };
      const before = Date.now();
      const open = await store.startQuizAttempt(course, quiz);
      expect(open).to.include({ quizId: 'incoterms-check', attempt: 1 });
      expect(open.startedAt).to.be.within(before, Date.now());
      expect(open.deadline).to.equal(open.startedAt + 60_000);
      expect(Number.isInteger(open.seed) && open.seed >= 0 && open.seed < 2 ** 32, `seed ${open.seed}`).to.equal(true);

      const [again, atOnce] = await Promise.all([store.startQuizAttempt(course, quiz), store.startQuizAttempt(course, quiz)]);
      expect(again, 'asked again').to.deep.equal(open);
      expect(atOnce, 'asked at the same moment').to.deep.equal(open);
      expect((await store.getProgress(course)).openAttempts).to.deep.equal({ 'incoterms-check': open });

      const submitted = await store.addQuizAttempt(course, attempt(50));
      expect(submitted).to.include({ attempt: 1, seed: open.seed });
      const progress = await store.getProgress(course);
      expect(progress.openAttempts, 'submitting closes the open attempt').to.deep.equal({});
      expect(progress.attempts['incoterms-check']![0]!.seed).to.equal(open.seed);

      const next = await store.startQuizAttempt(course, { quizId: 'incoterms-check' });
      expect(next.attempt).to.equal(2);
      expect(next.seed, "the next attempt's seed").not.to.equal(open.seed);
      expect(next).not.to.have.property('deadline');
    });

    it('draws a different seed for each learner, and tells subscribers only of an attempt it starts', async () => {
      const { changes } = watch(store);
      const quiz = { quizId: 'incoterms-check' };
      const ayesha = await store.startQuizAttempt(course, quiz);
      await store.startQuizAttempt(course, quiz);
      const bilal = await store.startQuizAttempt({ ...course, learner: 'bilal' }, quiz);
      expect(bilal.seed).not.to.equal(ayesha.seed);
      expect(changes.map((change) => change.learner)).to.deep.equal(['ayesha', 'bilal']);
    });

    it('refuses an attempt over the allowed number, writing nothing', async () => {
      await store.startQuizAttempt(course, { quizId: 'incoterms-check' });
      await store.addQuizAttempt(course, { ...attempt(50), allowed: 2 });
      await store.addQuizAttempt(course, { ...attempt(60), allowed: 2 });
      await store.startQuizAttempt(course, { quizId: 'incoterms-check' });
      const error = await store.addQuizAttempt(course, { ...attempt(90), allowed: 2 }).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).to.be.instanceOf(QuizAttemptsUsedError);
      expect(error).to.include({ name: 'QuizAttemptsUsedError', quizId: 'incoterms-check', allowed: 2 });
      const progress = await store.getProgress(course);
      expect(progress.attempts['incoterms-check']!.map((each) => each.score)).to.deep.equal([50, 60]);
      expect(progress.openAttempts['incoterms-check'], 'the open attempt is left as it was').to.include({ attempt: 3 });
      expect(await store.addQuizAttempt(course, { ...attempt(90), allowed: 0 }), '0: no limit').to.include({ attempt: 3 });
    });

    it("keeps the learner's name and the course's certificate", async () => {
      expect(await store.getLearnerName('ayesha')).to.equal(undefined);
      await store.setLearnerName('ayesha', 'Ayesha Siddiqui');
      const certificate = { code: 'SBQ-7K2M-94QX', learnerName: 'Ayesha Siddiqui', issuedAt: 1_732_700_000_000, score: 92.5 };
      await store.saveCertificate(course, certificate);

      expect(await store.getLearnerName('ayesha')).to.equal('Ayesha Siddiqui');
      const { certificate: kept } = await store.getProgress(course);
      expect(kept).to.deep.equal({ courseId: 'export-basics', ...certificate });
    });

    it('keeps learners, courses and namespaces apart', async () => {
      const bilal: CourseRef = { ...course, learner: 'bilal' };
      const otherCourse: CourseRef = { ...course, courseId: 'pricing' };
      const partnerStore = open('partner-b');
      await store.completeLesson(course, 'why');
      await store.setLearnerName('ayesha', 'Ayesha');
      await store.addQuizAttempt(course, attempt(90));

      expect(await store.getProgress(bilal)).to.deep.equal({ courseId: 'export-basics', lessons: {}, attempts: {}, openAttempts: {} });
      expect(await store.getProgress(otherCourse)).to.deep.equal({ courseId: 'pricing', lessons: {}, attempts: {}, openAttempts: {} });
      expect(await store.getLearnerName('bilal')).to.equal(undefined);
      expect(await partnerStore.getProgress(course)).to.deep.equal({
        courseId: 'export-basics',
        lessons: {},
        attempts: {},
        openAttempts: {},
      });
      expect(await partnerStore.getLearnerName('ayesha')).to.equal(undefined);

      await partnerStore.openLesson(course, 'marketplaces');
      expect(Object.keys((await store.getProgress(course)).lessons)).to.deep.equal(['why']);
    });

    it('keeps what still applies when the course is edited, and remembers which version each attempt answered', async () => {
      await store.completeLesson(course, 'why');
      await store.addQuizAttempt(course, attempt(90, 'quiz-v1'));
      expect((await store.getProgress(course)).courseHash).to.equal('course-v1');

      const edited: CourseRef = { ...course, courseHash: 'course-v2' };
      await store.openLesson(edited, 'new-lesson');
      const progress = await store.getProgress(edited);
      expect(progress.courseHash).to.equal('course-v2');
      expect(progress.lessons.why!.status).to.equal('complete');
      expect(progress.attempts['incoterms-check']![0]!.quizHash).to.equal('quiz-v1');
    });

    it('tells subscribers of each change by the time the write resolves, and stops when asked', async () => {
      const { changes } = watch(store);
      const other: string[] = [];
      const unsubscribe = store.subscribe((change) => other.push(change.courseId ?? 'name'));
      await store.completeLesson(course, 'why');
      expect(changes).to.deep.equal([{ namespace: 'default', learner: 'ayesha', courseId: 'export-basics' }]);

      unsubscribe();
      await store.setLearnerName('ayesha', 'Ayesha');
      expect(changes.at(-1)).to.deep.equal({ namespace: 'default', learner: 'ayesha' });
      expect(other).to.deep.equal(['export-basics']);
    });

    it('keeps writing, and tells the other subscribers, when a subscriber throws', async () => {
      // Mocha fails a test on any uncaught error through window.onerror; this one is expected.
      const mochaOnError = window.onerror;
      const uncaught: unknown[] = [];
      window.onerror = (_message, _source, _line, _column, error) => {
        uncaught.push(error);
        return true;
      };
      const later: string[] = [];
      store.subscribe(() => {
        throw new Error('subscriber bug');
      });
      store.subscribe((change) => later.push(change.learner));
      try {
        await store.completeLesson(course, 'why');
      } finally {
        window.onerror = mochaOnError;
      }
      expect((uncaught[0] as Error).message, 'the error is reported as uncaught').to.equal('subscriber bug');
      expect(later).to.deep.equal(['ayesha']);
      expect((await store.getProgress(course)).lessons.why!.status).to.equal('complete');
    });

    it('rejects arguments of the wrong shape with a TypeError and writes nothing', async () => {
      const wrong: [string, () => Promise<unknown>][] = [
        ['empty learner', () => store.completeLesson({ learner: '', courseId: 'c' }, 'why')],
        ['missing course id', () => store.getProgress({ learner: 'ayesha' } as CourseRef)],
        ['lesson id not text', () => store.openLesson(course, 42 as unknown as string)],
        ['negative time', () => store.addTimeSpent(course, 'why', -5)],
        ['time not a number', () => store.addTimeSpent(course, 'why', NaN)],
        ['score over 100', () => store.addQuizAttempt(course, attempt(101))],
        ['answers not an object', () => store.addQuizAttempt(course, { ...attempt(50), answers: 'all of them' as never })],
        ['certificate without code', () => store.saveCertificate(course, { learnerName: 'A', issuedAt: 1, score: 90 } as never)],
        ['name not text', () => store.setLearnerName('ayesha', { toString: () => 'Ayesha' } as never)],
        ['allowed not a whole number', () => store.addQuizAttempt(course, { ...attempt(50), allowed: 1.5 })],
        ['negative time limit', () => store.startQuizAttempt(course, { quizId: 'incoterms-check', timeLimitMs: -1 })],
        ['quiz without id', () => store.startQuizAttempt(course, {} as never)],
      ];
      for (const [what, call] of wrong) {
        const error = await call().then(
          () => undefined,
          (reason: unknown) => reason,
        );
        expect(error, what).to.be.instanceOf(TypeError);
      }
      expect(await store.getProgress(course)).to.deep.equal({ courseId: 'export-basics', lessons: {}, attempts: {}, openAttempts: {} });
      expect(await store.getLearnerName('ayesha')).to.equal(undefined);
    });

    it('hands out frozen snapshots, so a caller cannot change what others read', async () => {
      await store.completeLesson(course, 'why');
      const progress = await store.getProgress(course);
      expect(() => {
        (progress.lessons.why as { status: string }).status = 'in-progress';
      }).to.throw(TypeError);
      progress.lessons.why = { lessonId: 'why', status: 'not-started', timeSpentMs: 0 };
      expect((await store.getProgress(course)).lessons.why!.status).to.equal('complete');
    });
  });
}

describe('openStore', () => {
  it('gives every caller of one namespace the same store until it is closed', async () => {
    const name = uniqueDatabaseName('shared');
    const first = openStore({ databaseName: name, namespace: 'site-a' });
    expect(openStore({ databaseName: name, namespace: 'site-a' })).to.equal(first);
    expect(openStore({ databaseName: name, namespace: 'site-b' })).not.to.equal(first);
    openStore({ databaseName: name, namespace: 'site-b' }).close();
    first.close();
    expect(first.status).to.equal('closed');
    const second = openStore({ databaseName: name, namespace: 'site-a' });
    expect(second).not.to.equal(first);
    second.close();
    await deleteDatabase(name);
  });

  it('keeps progress in memory, and says why, for a namespace it cannot use, instead of throwing', async () => {
    const databaseName = uniqueDatabaseName('invalid-name');
    for (const namespace of ['n'.repeat(257), '']) {
      let store: ProgressStore | undefined;
      expect(() => (store = openStore({ databaseName, namespace })), `namespace of ${namespace.length} characters`).not.to.throw();
      const { problems } = watch(store!);
      expect(openStore({ databaseName, namespace }), 'the same store for every caller').to.equal(store);
      await store!.completeLesson(course, 'why');
      expect((await store!.getProgress(course)).lessons.why?.status, 'kept in memory').to.equal('complete');
      expect(store!.status).to.equal('memory');
      expect(problems).to.have.length(1);
      expect(problems[0]).to.include({ code: 'storage-unavailable', reason: 'invalid-name' });
      expect(problems[0]!.message).to.match(namespace ? /namespace must be at most 256 characters/ : /namespace must not be empty/);
      store!.close();
    }
    expect(await rawDatabaseNames(), 'no database was made').not.to.include(databaseName);
  });

  it('throws a TypeError for a namespace that is not text', () => {
    expect(() => openStore({ namespace: 42 as unknown as string })).to.throw(TypeError);
  });
});
