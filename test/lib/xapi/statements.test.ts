import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ProblemList } from '../../../src/lib/problems.js';
import type { QuizAttempt } from '../../../src/lib/progress.js';
import { parseManifest } from '../../../src/lib/course/manifest.js';
import type { Answers } from '../../../src/lib/quiz/score.js';
import type { Quiz } from '../../../src/lib/types.js';
import { courseActivityId, standaloneQuizActivityId } from '../../../src/lib/xapi/activities.js';
import {
  EXTENSIONS,
  type XapiStatement,
  certificateEarned,
  courseCompleted,
  isoDuration,
  lessonAttempted,
  lessonCompleted,
  quizSubmitted,
} from '../../../src/lib/xapi/statements.js';
import { QUIZ } from '../../fixtures/quizzes/every-type.js';
import { lessonQuiz, quizAttempt } from './quizzes.js';

const actor = { objectType: 'Agent' as const, account: { homePage: 'https://partner.example', name: 'amina' } };
const context = { actor, timestamp: Date.UTC(2026, 10, 29, 12, 30, 5, 250) };
const course = { url: 'https://partner.example/courses/export/course.md?v=3#top', title: 'Export Basics', lang: 'en' };
const COURSE_IRI = 'https://partner.example/courses/export/course.md';
const lesson = { id: 'incoterms', title: 'Incoterms in practice' };

/** The learner's first attempt at `quiz`, submitted when the statements say. */
function attempt(quiz: Quiz, answers: Answers, score: number, passed: boolean): QuizAttempt {
  return quizAttempt(quiz, { attempt: 1, answers, score, passed, submittedAt: context.timestamp });
}

async function expectValid(statements: XapiStatement[]): Promise<void> {
  for (const statement of statements) {
    const warnings = await executeServerCommand('xapi-validate', { statement });
    expect(warnings, `${statement.verb.id} ${statement.object.id}`).to.deep.equal([]);
  }
}

describe('xAPI statements', () => {
  const quiz = lessonQuiz(QUIZ);
  // The right answers to the every-type quiz, in its written order.
  const right: Answers = { q1: 1, q2: [1, 0], q3: [0, 1, 2], q4: [0, 1], q5: '52' };

  it('a lesson opened and completed: verbs, ids, context, duration, zone-marked timestamp', async () => {
    const opened = lessonAttempted(context, course, lesson);
    const completed = lessonCompleted(context, course, lesson, 3_723_450);
    expect(opened.verb.id).to.equal('http://adlnet.gov/expapi/verbs/attempted');
    expect(opened.object.id).to.equal(`${COURSE_IRI}/lessons/incoterms`);
    expect(opened.object.definition).to.deep.equal({
      type: 'http://adlnet.gov/expapi/activities/lesson',
      name: { en: 'Incoterms in practice' },
    });
    expect(opened.context).to.deep.equal({
      contextActivities: { grouping: [{ objectType: 'Activity', id: COURSE_IRI }] },
      language: 'en',
      platform: 'sabaq',
    });
    expect(opened.timestamp).to.equal('2026-11-29T12:30:05.250Z');
    expect(opened.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(completed.id).not.to.equal(opened.id);
    expect(completed.verb.id).to.equal('http://adlnet.gov/expapi/verbs/completed');
    expect(completed.result).to.deep.equal({ completion: true, duration: 'PT1H2M3.45S' });
    await expectValid([opened, completed]);
  });

  it('durations in ISO 8601, to the hundredth of a second', () => {
    expect(isoDuration(0)).to.equal('PT0S');
    expect(isoDuration(1_234)).to.equal('PT1.23S');
    expect(isoDuration(60_000)).to.equal('PT1M');
    expect(isoDuration(7_200_000)).to.equal('PT2H');
    expect(isoDuration(90_061_000)).to.equal('PT25H1M1S');
  });

  it('a quiz submission: one answered statement per question, each type in its own response format, then passed', async () => {
    const statements = quizSubmitted(context, { course, lesson }, quiz, quiz.questions, attempt(quiz, right, 100, true));
    expect(statements.map((s) => s.verb.id.split('/').pop())).to.deep.equal([
      'answered',
      'answered',
      'answered',
      'answered',
      'answered',
      'passed',
    ]);
    const quizIri = `${COURSE_IRI}/quizzes/export-check`;
    const [single, multiple, ordering, matching, short, verdict] = statements as [XapiStatement, ...XapiStatement[]];
    const definition = (s: XapiStatement | undefined) => s!.object.definition as Record<string, unknown>;

    expect(single.object.id).to.equal(`${quizIri}/questions/1`);
    expect(definition(single)).to.include({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' });
    expect(definition(single).name).to.deep.equal({ en: 'Under FOB, who pays for the main sea freight?' });
    expect(definition(single).correctResponsesPattern).to.deep.equal(['2']);
    expect(definition(single).choices).to.deep.equal([
      { id: '1', description: { en: 'The seller' } },
      { id: '2', description: { en: 'The buyer' } },
    ]);
    expect(single.result).to.deep.equal({ response: '2', success: true });

    expect(definition(multiple)).to.include({ interactionType: 'choice' });
    expect(definition(multiple).correctResponsesPattern).to.deep.equal(['1[,]2']);
    expect(multiple!.result).to.deep.equal({ response: '1[,]2', success: true });

    expect(definition(ordering)).to.include({ interactionType: 'sequencing' });
    expect(definition(ordering).correctResponsesPattern).to.deep.equal(['1[,]2[,]3']);
    expect(ordering!.result).to.deep.equal({ response: '1[,]2[,]3', success: true });

    expect(definition(matching)).to.include({ interactionType: 'matching' });
    expect(definition(matching).correctResponsesPattern).to.deep.equal(['1[.]1[,]2[.]2']);
    expect(definition(matching).source).to.deep.equal([
      { id: '1', description: { en: 'FOB' } },
      { id: '2', description: { en: 'EXW' } },
    ]);
    expect(definition(matching).target).to.deep.equal([
      { id: '1', description: { en: 'Free On Board' } },
      { id: '2', description: { en: 'Ex Works' } },
    ]);
    expect(matching!.result).to.deep.equal({ response: '1[.]1[,]2[.]2', success: true });

    expect(definition(short)).to.include({ interactionType: 'numeric' });
    expect(definition(short).correctResponsesPattern).to.deep.equal(['52']);
    expect(short!.result).to.deep.equal({ response: '52', success: true });

    for (const answered of [single, multiple, ordering, matching, short]) {
      expect(answered!.context!.contextActivities).to.deep.equal({
        parent: [{ objectType: 'Activity', id: quizIri }],
        grouping: [
          { objectType: 'Activity', id: COURSE_IRI },
          { objectType: 'Activity', id: `${COURSE_IRI}/lessons/incoterms` },
        ],
      });
    }
    expect(verdict!.verb.id).to.equal('http://adlnet.gov/expapi/verbs/passed');
    expect(verdict!.object.id).to.equal(quizIri);
    expect(verdict!.result).to.deep.include({ success: true, completion: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } });
    expect(verdict!.context!.contextActivities).to.deep.equal({
      parent: [{ objectType: 'Activity', id: `${COURSE_IRI}/lessons/incoterms` }],
      grouping: [{ objectType: 'Activity', id: COURSE_IRI }],
    });
    await expectValid(statements);
  });

  it('wrong and missing answers: responses as given, success false, failed with the scaled score', async () => {
    const wrong: Answers = { q1: 0, q2: [2], q3: [2, 0, 1], q4: [1, -1], q5: 'fifty' };
    const statements = quizSubmitted(context, { course, lesson }, quiz, quiz.questions, attempt(quiz, wrong, 0, false));
    expect(statements.map((s) => s.result!.response)).to.deep.equal(['1', '3', '3[,]1[,]2', '1[.]2', 'fifty', undefined]);
    expect(statements.map((s) => s.result!.success)).to.deep.equal([false, false, false, false, false, false]);
    expect(statements[5]!.verb.id).to.equal('http://adlnet.gov/expapi/verbs/failed');
    expect(statements[5]!.result!.score).to.deep.equal({ scaled: 0, raw: 0, min: 0, max: 100 });

    const unanswered = quizSubmitted(context, { course, lesson }, quiz, quiz.questions, attempt(quiz, {}, 0, false));
    expect(unanswered.slice(0, 5).map((s) => s.result!.response)).to.deep.equal(['', '', '', '', '']);
    await expectValid([...statements, ...unanswered]);
  });

  it('text answers are fill-in compared ignoring case, ranges are numeric ranges, shared matching targets listed once', async () => {
    const mixed = lessonQuiz(`### Name the HS chapter for cotton
= 52
= chapter 52

### What is the rate?
= 19.2..19.5
= 20

### Sort
- banana -> fruit
- tomato -> vegetable
- kiwi -> fruit
`);
    const statements = quizSubmitted(
      context,
      { course, lesson },
      mixed,
      mixed.questions,
      attempt(mixed, { q1: 'Chapter  52', q2: '19.3', q3: [2, 1, 0] }, 100, true),
    );
    const definitions = statements.slice(0, 3).map((s) => s.object.definition as Record<string, unknown>);
    expect(definitions[0]).to.deep.include({
      interactionType: 'fill-in',
      correctResponsesPattern: ['{case_matters=false}52', '{case_matters=false}chapter 52'],
    });
    expect(statements[0]!.result).to.deep.equal({ response: 'Chapter  52', success: true });
    expect(definitions[1]).to.deep.include({ interactionType: 'numeric', correctResponsesPattern: ['19.2[:]19.5', '20'] });
    expect(statements[1]!.result).to.deep.equal({ response: '19.3', success: true });
    expect(definitions[2]!.target).to.deep.equal([
      { id: '1', description: { en: 'fruit' } },
      { id: '2', description: { en: 'vegetable' } },
    ]);
    expect(definitions[2]!.correctResponsesPattern).to.deep.equal(['1[.]1[,]2[.]2[,]3[.]1']);
    // Kiwi's chosen "fruit" is banana's: right, and written as target 1.
    expect(statements[2]!.result).to.deep.equal({ response: '1[.]1[,]2[.]2[,]3[.]1', success: true });
    await expectValid(statements);
  });

  it('a picked quiz reports only the questions asked, each under its written position', () => {
    const asked = [quiz.questions[3]!, quiz.questions[0]!];
    const statements = quizSubmitted(context, { course, lesson }, quiz, asked, attempt(quiz, { q4: [0, 1], q1: 1 }, 100, true));
    expect(statements.map((s) => s.object.id.split('/').slice(-2).join('/'))).to.deep.equal([
      'questions/4',
      'questions/1',
      'quizzes/export-check',
    ]);
  });

  it('a standalone quiz: its own activity id, no course around it', async () => {
    const standalone = { activityId: standaloneQuizActivityId(quiz, undefined, 'https://partner.example/check.html?x=1'), lang: 'ur' };
    expect(standalone.activityId).to.equal('https://partner.example/check.html#export-check');
    const statements = quizSubmitted(context, standalone, quiz, quiz.questions, attempt(quiz, right, 100, true));
    expect(statements[0]!.object.id).to.equal('https://partner.example/check.html#export-check/questions/1');
    expect(statements[0]!.context).to.deep.equal({
      contextActivities: { parent: [{ objectType: 'Activity', id: 'https://partner.example/check.html#export-check' }] },
      language: 'ur',
      platform: 'sabaq',
    });
    expect(statements[5]!.context).to.deep.equal({ language: 'ur', platform: 'sabaq' });
    expect((statements[0]!.object.definition as { name: object }).name).to.deep.equal({
      ur: 'Under FOB, who pays for the main sea freight?',
    });
    expect(standaloneQuizActivityId(quiz, 'https://partner.example/quizzes/check.md?v=2', 'https://partner.example/page')).to.equal(
      'https://partner.example/quizzes/check.md',
    );
    expect(
      standaloneQuizActivityId({ id: 'x', activityId: 'https://tdap.gov.pk/quizzes/x' }, 'https://a.example/x.md', 'https://a.example/'),
    ).to.equal('https://tdap.gov.pk/quizzes/x');
    await expectValid(statements);
  });

  it('course completed and certificate earned, with the verification code under its documented key', async () => {
    const completed = courseCompleted(context, course, 87.5);
    const earned = certificateEarned(context, course, { code: 'K7Q2-M9XD', learnerName: 'Amina Khan', score: 87.5 });
    expect(completed.object).to.deep.equal({
      objectType: 'Activity',
      id: COURSE_IRI,
      definition: { type: 'http://adlnet.gov/expapi/activities/course', name: { en: 'Export Basics' } },
    });
    expect(completed.result).to.deep.equal({ completion: true, score: { scaled: 0.875, raw: 87.5, min: 0, max: 100 } });
    expect(earned.verb.id).to.equal('http://id.tincanapi.com/verb/earned');
    expect(earned.result!.extensions![EXTENSIONS.certificateCode]).to.equal('K7Q2-M9XD');
    expect(earned.result!.score!.scaled).to.equal(0.875);
    await expectValid([completed, earned]);
  });

  it("the manifest's activity-id names the course; without it, the manifest URL without query or fragment", () => {
    const problems = new ProblemList();
    const manifest = parseManifest(
      '---\nid: export\nactivity-id: https://tdap.gov.pk/courses/export-basics\n---\n# Export\n\n## M\n- [A](a.md)\n',
      'course.md',
      problems,
    );
    expect(problems.items).to.deep.equal([]);
    expect(courseActivityId({ ...manifest, url: course.url })).to.equal('https://tdap.gov.pk/courses/export-basics');
    expect(courseActivityId(course)).to.equal(COURSE_IRI);

    const bad = new ProblemList();
    parseManifest('---\nid: export\nactivity-id: export basics\n---\n# Export\n\n## M\n- [A](a.md)\n', 'course.md', bad);
    expect(bad.items.map((problem) => `${problem.line}: ${problem.message}`)).to.deep.equal([
      '3: "activity-id" must be an absolute address such as "https://example.org/courses/export-basics", not "export basics"',
    ]);
    const standalone = lessonQuiz('---\nactivity-id: https://tdap.gov.pk/quizzes/fob\n---\n### Q\n1. [x] a\n1. [ ] b\n');
    expect(standalone.activityId).to.equal('https://tdap.gov.pk/quizzes/fob');
  });
});
