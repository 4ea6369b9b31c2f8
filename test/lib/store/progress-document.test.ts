/**
 * Export and import: a learner's copy of their progress, moved between browsers. The round trip is
 * exact, merging never loses a completion or a better score, and a bad file writes nothing.
 */
import { expect } from '@open-wc/testing';
import { bestAttempt } from '../../../src/lib/progress.js';
import type { Answers } from '../../../src/lib/quiz/score.js';
import {
  type CourseRef,
  type NewQuizAttempt,
  type ProgressDocument,
  type ProgressStore,
  PROGRESS_FORMAT_VERSION,
  ProgressImportError,
  openStore,
} from '../../../src/lib/store/index.js';
import { deleteDatabase, uniqueDatabaseName, watch } from './helpers.js';

const basics: CourseRef = { learner: 'ayesha', courseId: 'export-basics', courseHash: 'basics-v3' };
const pricing: CourseRef = { learner: 'ayesha', courseId: 'pricing', courseHash: 'pricing-v1' };

/** An attempt at the basics course's Incoterms check, version `q-v1` of it unless `quizHash` says otherwise. */
function incotermsAttempt(answers: Answers, score: number, passed: boolean, quizHash = 'q-v1'): NewQuizAttempt {
  return { quizId: 'incoterms-check', answers, score, passed, quizHash };
}

function withoutExportTime(json: string): Omit<ProgressDocument, 'exportedAt'> {
  const { exportedAt, ...rest } = JSON.parse(json) as ProgressDocument;
  expect(exportedAt).to.be.a('number');
  return rest;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
}

describe('exportProgress and importProgress', () => {
  let databaseNames: string[];
  let stores: ProgressStore[];

  function open(label: string, namespace?: string): ProgressStore {
    const databaseName = uniqueDatabaseName(label);
    databaseNames.push(databaseName);
    const store = openStore({ databaseName, namespace });
    stores.push(store);
    return store;
  }

  beforeEach(() => {
    databaseNames = [];
    stores = [];
  });

  afterEach(async () => {
    for (const store of stores) store.close();
    await Promise.all(databaseNames.map(deleteDatabase));
  });

  /** A learner part way through two courses, with a certificate in one. */
  async function recordSession(store: ProgressStore): Promise<void> {
    await store.setLearnerName('ayesha', 'Ayesha Siddiqui');
    await store.openLesson(basics, 'why');
    await store.addTimeSpent(basics, 'why', 61_000);
    await store.completeLesson(basics, 'why');
    await store.openLesson(basics, 'incoterms');
    await store.startQuizAttempt(basics, { quizId: 'incoterms-check' });
    await store.addQuizAttempt(basics, incotermsAttempt({ q1: 0, q2: [0, 2], q3: 'FOB' }, 33.33, false));
    await store.addQuizAttempt(basics, incotermsAttempt({ q1: 1, q2: [0, 1], q3: 'CIF' }, 100, true, 'q-v2'));
    await store.addQuizAttempt(basics, {
      quizId: 'final',
      answers: { q1: [2, 0, 1], q2: [1, 0, -1] },
      score: 75,
      passed: true,
      quizHash: 'f-v1',
    });
    await store.completeLesson(basics, 'incoterms');
    await store.saveCertificate(basics, { code: 'SBQ-7K2M-94QX', learnerName: 'Ayesha Siddiqui', issuedAt: Date.now(), score: 87.5 });
    await store.openLesson(pricing, 'margins');
  }

  it("round-trips exactly: export, clear the site's data, import", async () => {
    const store = open('round-trip');
    const [databaseName] = databaseNames;
    await recordSession(store);
    await store.completeLesson({ ...basics, learner: 'bilal' }, 'why');
    await open('other-namespace', 'partner-b').completeLesson(basics, 'why');
    const exported = await store.exportProgress('ayesha');
    const progress = [await store.getProgress(basics), await store.getProgress(pricing)];

    store.close();
    await deleteDatabase(databaseName!);
    const fresh = openStore({ databaseName });
    stores.push(fresh);
    expect((await fresh.getProgress(basics)).lessons, 'cleared').to.deep.equal({});
    await fresh.importProgress('ayesha', exported);

    expect(withoutExportTime(await fresh.exportProgress('ayesha'))).to.deep.equal(withoutExportTime(exported));
    expect([await fresh.getProgress(basics), await fresh.getProgress(pricing)]).to.deep.equal(progress);
    expect(await fresh.getLearnerName('ayesha')).to.equal('Ayesha Siddiqui');
    expect(await fresh.getProgress({ ...basics, learner: 'bilal' }), 'another learner is not in the file').to.deep.include({ lessons: {} });

    const document = JSON.parse(exported) as ProgressDocument;
    expect(document).to.include({ format: 'sabaq-progress', version: PROGRESS_FORMAT_VERSION, namespace: 'default', learner: 'ayesha' });
    expect(document.courses.map((course) => course.courseId)).to.deep.equal(['export-basics', 'pricing']);
    const seed = progress[0]!.attempts['incoterms-check']![0]!.seed;
    expect(seed, 'the seed the first attempt was answered with').to.be.a('number');
    expect(document.courses[0]!.attempts.find((each) => each.quizId === 'incoterms-check')!.seed).to.equal(seed);
  });

  it('merges into existing progress without losing a completion, an attempt or a better score', async () => {
    const here = open('here');
    const elsewhere = open('elsewhere');
    await here.setLearnerName('ayesha', 'Ayesha S.');
    await here.completeLesson(basics, 'why');
    await here.openLesson(basics, 'incoterms');
    await here.addQuizAttempt(basics, incotermsAttempt({ q1: 0 }, 60, false));
    await here.saveCertificate(basics, { code: 'HERE-80', learnerName: 'Ayesha S.', issuedAt: 2_000, score: 80 });

    await elsewhere.setLearnerName('ayesha', 'Ayesha');
    await elsewhere.openLesson(basics, 'why');
    await elsewhere.completeLesson(basics, 'incoterms');
    await elsewhere.completeLesson(basics, 'final');
    await elsewhere.addQuizAttempt(basics, incotermsAttempt({ q1: 1 }, 90, true));
    await elsewhere.saveCertificate(basics, { code: 'ELSEWHERE-70', learnerName: 'Ayesha', issuedAt: 1_000, score: 70 });
    const file = await elsewhere.exportProgress('ayesha');

    const { changes } = watch(here);
    await here.importProgress('ayesha', file);
    const progress = await here.getProgress(basics);
    expect(Object.fromEntries(Object.values(progress.lessons).map((lesson) => [lesson.lessonId, lesson.status]))).to.deep.equal({
      final: 'complete',
      incoterms: 'complete',
      why: 'complete',
    });
    const attempts = progress.attempts['incoterms-check']!;
    expect(attempts.map((attempt) => [attempt.attempt, attempt.score])).to.deep.equal([
      [1, 60],
      [2, 90],
    ]);
    expect(bestAttempt(attempts)?.score).to.equal(90);
    expect(progress.certificate?.code, 'the better certificate stays').to.equal('HERE-80');
    expect(await here.getLearnerName('ayesha'), 'the name kept here stays').to.equal('Ayesha S.');
    expect(changes.map((change) => change.courseId ?? 'name')).to.deep.equal(['export-basics', 'name']);

    const merged = await here.exportProgress('ayesha');
    await here.importProgress('ayesha', file);
    expect(withoutExportTime(await here.exportProgress('ayesha')), 'importing the same file again changes nothing').to.deep.equal(
      withoutExportTime(merged),
    );
  });

  it('rejects a malformed, hostile or future file with a clear error, and writes nothing', async () => {
    const source = open('source');
    await recordSession(source);
    const valid = JSON.parse(await source.exportProgress('ayesha')) as ProgressDocument;
    const store = open('target');
    await store.completeLesson(basics, 'kept');
    const before = await store.exportProgress('ayesha');
    const { changes } = watch(store);

    const edit = (change: (document: ProgressDocument & Record<string, unknown>) => void) => {
      const copy = structuredClone(valid) as ProgressDocument & Record<string, unknown>;
      change(copy);
      return JSON.stringify(copy);
    };
    const bad: [string, string, RegExp][] = [
      ['not JSON', '{"format": "sabaq-progress",', /not valid JSON/],
      ['empty', '', /not valid JSON/],
      ['a list', '[1, 2, 3]', /not a sabaq progress file/],
      ['another format', '{"format": "lms-export", "version": 1}', /not a sabaq progress file/],
      ['from a newer sabaq', edit((d) => (d.version = PROGRESS_FORMAT_VERSION + 1)), /newer version of sabaq/],
      ['version as text', edit((d) => ((d as Record<string, unknown>).version = '1')), /"version" must be a whole number/],
      [
        'unknown status',
        edit((d) => ((d.courses[0]!.lessons[0] as { status: string }).status = 'hacked')),
        /courses\[0\]\.lessons\[0\]\.status must be one of/,
      ],
      [
        'score of Infinity',
        edit((d) => (d.courses[0]!.attempts[0]!.score = 424242)).replace('424242', '1e999'),
        /courses\[0\]\.attempts\[0\]\.score must be a number from 0 to 100/,
      ],
      [
        'a seed that is not a whole number',
        edit((d) => (d.courses[0]!.attempts[0]!.seed = 0.5)),
        /courses\[0\]\.attempts\[0\]\.seed must be a whole number from 0 to 4294967295/,
      ],
      [
        'an answer that is an object',
        edit((d) => ((d.courses[0]!.attempts[0]!.answers as Record<string, unknown>).q1 = { $gt: '' })),
        /answers\.q1 must be a number, text, a list of whole numbers or null/,
      ],
      [
        'a script as an id',
        edit((d) => ((d.courses[0]!.lessons[0] as { lessonId: unknown }).lessonId = { toString: 'alert(1)' })),
        /lessonId must be text/,
      ],
      ['an id of 300 characters', edit((d) => (d.courses[0]!.courseId = 'x'.repeat(300))), /courseId must be at most 256 characters/],
      ['the same course twice', edit((d) => d.courses.push(d.courses[0]!)), /courses\[2\]\.courseId repeats "export-basics"/],
      [
        "another course's certificate",
        edit((d) => (d.courses[0]!.certificate!.courseId = 'pricing')),
        /certificate\.courseId must be the course's id/,
      ],
      ['a valid course, then a broken one', edit((d) => (d.courses[1]!.lessons = 'all' as never)), /courses\[1\]\.lessons must be a list/],
      ['too large', `{"format":"sabaq-progress","version":1,"pad":"${'x'.repeat(32 * 1024 * 1024)}"}`, /larger than 32 MB/],
    ];
    for (const [what, json, message] of bad) {
      const error = await rejection(store.importProgress('ayesha', json));
      expect(error, what).to.be.instanceOf(ProgressImportError);
      expect((error as Error).message, what).to.match(message);
    }

    expect(withoutExportTime(await store.exportProgress('ayesha'))).to.deep.equal(withoutExportTime(before));
    expect(changes).to.deep.equal([]);
  });

  it('keeps hostile content of a well-formed file as inert data', async () => {
    const store = open('hostile');
    // Written out, because an object literal would turn "__proto__" into a prototype, not a key.
    const file = `{
      "format": "sabaq-progress", "version": 1, "exportedAt": 0, "namespace": "default", "learner": "someone-else",
      "learnerName": "<img src=x onerror=alert(1)>",
      "__proto__": { "polluted": true },
      "constructor": { "prototype": { "polluted": true } },
      "courses": [{
        "courseId": "export-basics", "updatedAt": 5, "lastLessonId": "__proto__",
        "lessons": [{ "lessonId": "__proto__", "status": "complete", "completedAt": 5, "timeSpentMs": 0, "constructor": "x" }],
        "attempts": [{
          "quizId": "constructor", "attempt": 1, "answers": { "__proto__": 1, "toString": "x" },
          "score": 50, "passed": false, "submittedAt": 5, "quizHash": "h"
        }]
      }]
    }`;
    await store.importProgress('ayesha', file);

    const progress = await store.getProgress(basics);
    expect(({} as { polluted?: unknown }).polluted).to.equal(undefined);
    expect(Object.keys(progress.lessons)).to.deep.equal(['__proto__']);
    expect(progress.lessons['__proto__']).to.deep.equal({ lessonId: '__proto__', status: 'complete', completedAt: 5, timeSpentMs: 0 });
    const { answers } = progress.attempts['constructor']![0]!;
    expect(Object.entries(answers)).to.deep.equal([
      ['__proto__', 1],
      ['toString', 'x'],
    ]);
    expect(progress.lastLessonId).to.equal('__proto__');
    expect(await store.getLearnerName('ayesha')).to.equal('<img src=x onerror=alert(1)>');
  });
});
