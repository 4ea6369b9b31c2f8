import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { SabaqQuiz } from '../../../src/components/quiz/quiz.js';
import { ur } from '../../../src/i18n/ur.js';
import '../../../src/define.js';
import { connectLrs } from '../../../src/index.js';
import type { LrsConnection } from '../../../src/connect-lrs.js';
import { openStore } from '../../../src/lib/store/index.js';
import { LrsClient } from '../../../src/lib/xapi/client.js';
import { deliver } from '../../../src/lib/xapi/delivery.js';
import { MemoryOutbox, storeOutbox } from '../../../src/lib/xapi/outbox.js';
import {
  type XapiAgent,
  type XapiStatement,
  certificateEarned,
  lessonAttempted,
  lessonCompleted,
  quizSubmitted,
} from '../../../src/lib/xapi/statements.js';
import { button, freshNamespace, recordEvents, shadowElement, until } from '../../components/helpers.js';
import { lrsFault, lrsLog, lrsStatements, newAgent, startLrs } from '../../lib/xapi/lrs.js';

const ACADEMY = new URL('../../fixtures/courses/academy/course.md', import.meta.url).href;
const CHECK = new URL('../../fixtures/quizzes/check.md', import.meta.url).href;
const academy = { url: ACADEMY, title: 'Export Academy', lang: 'en' };

function statements(actor: XapiAgent, count: number): XapiStatement[] {
  return Array.from({ length: count }, (_, i) =>
    lessonAttempted({ actor, timestamp: Date.now() + i }, academy, { id: `lesson-${i}`, title: `Lesson ${i}` }),
  );
}

const storedIds = async (agent: XapiAgent) => (await lrsStatements(agent)).map((statement) => statement.id).sort();
const ids = (list: XapiStatement[]) => list.map((statement) => statement.id).sort();

describe('connectLrs', function () {
  this.timeout(60_000);
  let lrs: { endpoint: string; auth: string };
  let connection: LrsConnection | undefined;
  let events: ReturnType<typeof recordEvents>;

  before(async () => {
    lrs = await startLrs();
  });

  beforeEach(() => {
    events = recordEvents(document);
  });

  afterEach(async () => {
    connection?.close();
    connection = undefined;
    events.stop();
    await lrsFault('none');
  });

  it('delivers what waits in the outbox as soon as it connects, and says so with sabaq-sync', async () => {
    const namespace = freshNamespace();
    const agent = newAgent();
    const made = statements(agent, 3);
    await storeOutbox(openStore({ namespace })).add(made);

    connection = connectLrs({ ...lrs, namespace });

    await until(() => events.of('sabaq-sync').length > 0, 'no sabaq-sync', 20_000);
    expect(events.of('sabaq-sync')[0]!.detail).to.deep.equal({ pending: 0, sent: 3, rejected: 0 });
    expect(await storedIds(agent)).to.deep.equal(ids(made));
    expect(await connection.flush()).to.deep.equal({ pending: 0, sent: 0, rejected: 0 });
  });

  it('while the LRS answers 500 everything waits; the backing-off timer delivers it once the LRS is back', async () => {
    const namespace = freshNamespace();
    const agent = newAgent();
    const made = statements(agent, 2);
    await storeOutbox(openStore({ namespace })).add(made);
    await lrsFault('error');

    connection = connectLrs({ ...lrs, namespace });
    await until(() => events.of('sabaq-sync').length > 0, 'no sabaq-sync', 20_000);
    expect(events.of('sabaq-sync')[0]!.detail).to.deep.equal({ pending: 2, sent: 0, rejected: 0 });
    expect(await storedIds(agent)).to.deep.equal([]);

    await lrsFault('none');
    await until(() => events.of('sabaq-sync').some((event) => event.detail.pending === 0), 'the timer did not deliver', 30_000);
    expect(await storedIds(agent)).to.deep.equal(ids(made));
  });

  it('coming back online delivers at once, long before the next retry', async () => {
    const namespace = freshNamespace();
    const agent = newAgent();
    const made = statements(agent, 1);
    await lrsFault('down');
    connection = connectLrs({ ...lrs, namespace });
    // Offline for a while: after four failed attempts the retry timer waits 16 s (12 to 20 with its
    // jitter), far longer than this test waits for the online event to deliver.
    for (let attempt = 0; attempt < 4; attempt++) await connection.flush();
    await storeOutbox(openStore({ namespace })).add(made);
    await lrsFault('none');
    const before = events.of('sabaq-sync').length;

    window.dispatchEvent(new Event('online'));

    await until(() => events.of('sabaq-sync').length > before, 'online did not deliver', 5_000);
    expect(events.of('sabaq-sync').at(-1)!.detail).to.deep.equal({ pending: 0, sent: 1, rejected: 0 });
  });

  it('a wrong password: lrs-auth once, delivery paused; it resumes once auth gives a good header', async () => {
    const namespace = freshNamespace();
    const agent = newAgent();
    const made = statements(agent, 2);
    await storeOutbox(openStore({ namespace })).add(made);
    let header = 'Basic d3Jvbmc6d3Jvbmc=';

    connection = connectLrs({ endpoint: lrs.endpoint, auth: () => header, namespace });
    await until(() => events.of('sabaq-error').length > 0, 'no lrs-auth', 20_000);
    expect(events.of('sabaq-error').map((event) => event.detail.code)).to.deep.equal(['lrs-auth']);
    expect(events.of('sabaq-error')[0]!.detail.message).to.contain('401');
    expect(await connection.flush()).to.deep.equal({ pending: 2, sent: 0, rejected: 0 });
    expect(events.of('sabaq-error')).to.have.length(1); // Said once while paused.

    header = lrs.auth;
    expect(await connection.flush()).to.deep.equal({ pending: 0, sent: 2, rejected: 0 });
    expect(await storedIds(agent)).to.deep.equal(ids(made));
  });

  it('a statement the LRS rejects is set aside with lrs-rejected; the others are delivered', async () => {
    const namespace = freshNamespace();
    const agent = newAgent();
    const made = statements(agent, 3);
    const invalid = { ...made[1]!, result: { score: { scaled: 2, raw: 200, min: 0, max: 100 } } };
    await storeOutbox(openStore({ namespace })).add([made[0]!, invalid, made[2]!]);

    connection = connectLrs({ ...lrs, namespace });
    await until(() => events.of('sabaq-sync').length > 0, 'no sabaq-sync', 20_000);

    expect(events.of('sabaq-sync')[0]!.detail).to.deep.equal({ pending: 0, sent: 2, rejected: 1 });
    expect(events.of('sabaq-error').map((event) => event.detail.code)).to.deep.equal(['lrs-rejected']);
    expect(events.of('sabaq-error')[0]!.detail.message).to.match(/rejected 1 learning record/);
    expect(await storedIds(agent)).to.deep.equal(ids([made[0]!, made[2]!]));
  });

  it('a learner new to this browser: the tracker and certificate show their progress from the LRS, and nothing is sent back', async () => {
    const namespace = freshNamespace();
    const learner = `learner-${crypto.randomUUID()}`;
    const actor = { objectType: 'Agent' as const, account: { homePage: location.origin, name: learner } };
    const T = Date.now() - 3_600_000;
    const at = (minutes: number) => ({ actor, timestamp: T + minutes * 60_000 });
    const attempt = (quizId: string, minutes: number) => ({
      quizId,
      attempt: 1,
      answers: {},
      score: 100,
      passed: true,
      submittedAt: T + minutes * 60_000,
      quizHash: 'h',
    });
    const noQuestions = (id: string) => ({
      id,
      questions: [],
      settings: { pass: 70, attempts: 0, shuffle: 'none' as const, final: true, partial: false },
      hash: 'h',
      file: '',
      line: 1,
    });
    // What another browser delivered: the whole academy course, certificate included.
    const earlier = [
      lessonCompleted(at(1), academy, { id: 'welcome', title: 'Welcome' }, 60_000),
      ...quizSubmitted(
        at(2),
        { course: academy, lesson: { id: 'marketplaces', title: 'Marketplaces' } },
        noQuestions('marketplaces-1'),
        [],
        attempt('marketplaces-1', 2),
      ),
      lessonCompleted(at(2), academy, { id: 'marketplaces', title: 'Marketplaces' }, 60_000),
      ...quizSubmitted(
        at(3),
        { course: academy, lesson: { id: 'final', title: 'Final check' } },
        noQuestions('final'),
        [],
        attempt('final', 3),
      ),
      lessonCompleted(at(3), academy, { id: 'final', title: 'Final check' }, 60_000),
      certificateEarned(at(4), academy, { code: 'K7Q2M9XD', learnerName: 'Amina Khan', score: 100 }),
    ];
    const outbox = new MemoryOutbox();
    await outbox.add(earlier);
    expect(await deliver(outbox, new LrsClient(lrs))).to.deep.include({ stopped: 'done', sent: earlier.length });
    const posted = (await lrsLog()).length;

    connection = connectLrs({ ...lrs, namespace });
    const tracker = await fixture(
      html`<sabaq-progress-tracker src=${ACADEMY} learner=${learner} namespace=${namespace}></sabaq-progress-tracker>`,
    );
    const certificate = await fixture(
      html`<sabaq-certificate src=${ACADEMY} learner=${learner} namespace=${namespace}></sabaq-certificate>`,
    );

    await until(
      () => tracker.shadowRoot?.querySelector('[part=progress]')?.getAttribute('aria-valuenow') === '100',
      'the tracker shows no restored progress',
      20_000,
    );
    expect(tracker.shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.contain('3 of 3 lessons complete');
    await shadowElement(certificate, 'svg', 20_000);
    expect(certificate.shadowRoot!.textContent).to.contain('Amina Khan');
    expect((await openStore({ namespace }).getProgress({ learner, courseId: 'academy' })).certificate?.code).to.equal('K7Q2M9XD');

    await connection.flush();
    expect((await lrsLog()).length).to.equal(posted);
    expect(await lrsStatements(actor)).to.have.length(earlier.length);
  });

  it("quizzes alone on their page: each attempt arrives under the quiz's own activity id, every statement valid and stored once", async () => {
    const namespace = freshNamespace();
    const learner = `learner-${crypto.randomUUID()}`;
    const actor = { objectType: 'Agent' as const, account: { homePage: location.origin, name: learner } };
    const posted = (await lrsLog()).length;
    connection = connectLrs({ ...lrs, namespace });
    const inline = (markdown: string) =>
      fixture<SabaqQuiz>(
        html`<sabaq-quiz learner=${learner} namespace=${namespace} lang="ur"><script type="text/markdown">${markdown}</script></sabaq-quiz>`,
      );
    const quizzes = {
      // Its file's URL is its activity id.
      file: await fixture<SabaqQuiz>(html`<sabaq-quiz src=${CHECK} learner=${learner} namespace=${namespace}></sabaq-quiz>`),
      // Written in the page: the page's URL with #<quiz id>.
      inline: await inline('---\nid: capitals\n---\n### The capital of Pakistan?\n1. [x] Islamabad\n1. [ ] Karachi\n'),
      // Its front matter names it.
      named: await inline(
        '---\nid: fob\nactivity-id: https://tdap.gov.pk/quizzes/fob\n---\n### FOB means?\n1. [x] Free On Board\n1. [ ] Freight\n',
      ),
    };
    const submit = async (quiz: SabaqQuiz, option: string) => {
      await shadowElement(quiz, '.quiz[aria-busy=false] .question');
      const submitted = recordEvents(quiz);
      const label = [...quiz.shadowRoot!.querySelectorAll('label')].find((candidate) => candidate.textContent!.includes(option))!;
      label.querySelector('input')!.click();
      button(quiz, new RegExp(`^(Submit|${ur.submit})$`)).click();
      await until(() => submitted.of('sabaq-quiz-submit').length === 1, 'the attempt was not submitted');
      submitted.stop();
    };
    await submit(quizzes.file, 'This one');
    await submit(quizzes.inline, 'Karachi');
    await submit(quizzes.named, 'Free On Board');

    expect(await connection.flush()).to.deep.include({ pending: 0, rejected: 0 });
    const stored = await lrsStatements(actor);
    const page = location.href.replace(/[?#].*$/, '');
    expect(stored.map((statement) => `${statement.verb.display['en-US']} ${statement.object.id}`).sort()).to.deep.equal(
      [
        `answered ${CHECK}/questions/1`,
        `answered ${page}#capitals/questions/1`,
        'answered https://tdap.gov.pk/quizzes/fob/questions/1',
        `failed ${page}#capitals`,
        `passed ${CHECK}`,
        'passed https://tdap.gov.pk/quizzes/fob',
      ].sort(),
    );
    for (const statement of stored) {
      expect(await executeServerCommand('xapi-validate', { statement }), statement.object.id).to.deep.equal([]);
      // No course to group them under; an answer's parent is its quiz.
      expect(statement.context!.contextActivities?.grouping).to.equal(undefined);
      if (statement.verb.id.endsWith('/answered')) {
        expect(statement.context!.contextActivities!.parent!.map(({ id }) => id)).to.deep.equal([
          statement.object.id.replace(/\/questions\/1$/, ''),
        ]);
      }
    }
    expect(stored.find((statement) => statement.object.id === `${page}#capitals`)!.context!.language).to.equal('ur');
    const accepted = (await lrsLog())
      .slice(posted)
      .filter((request) => request.status < 300)
      .flatMap((request) => request.ids);
    expect(accepted.sort()).to.deep.equal(ids(stored));
  });
});

describe('connectLrs when a delivery cannot run', function () {
  this.timeout(60_000);

  it('keeps the records, throws nothing at the page, and delivers them once it can (a Web Lock refused, say)', async () => {
    const lrs = await startLrs();
    const namespace = freshNamespace();
    const agent = newAgent();
    const made = statements(agent, 2);
    await storeOutbox(openStore({ namespace })).add(made);
    const rejections: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
    window.addEventListener('unhandledrejection', onRejection);
    const request = LockManager.prototype.request;
    // As in a sandboxed frame, whose origin may take no lock.
    LockManager.prototype.request = () => Promise.reject(new DOMException('The request is not allowed.', 'SecurityError'));
    const events = recordEvents(document);
    const connection = connectLrs({ ...lrs, namespace });
    try {
      await until(() => events.of('sabaq-sync').length > 0, 'no sabaq-sync', 20_000);
      expect(events.of('sabaq-sync')[0]!.detail).to.deep.equal({ pending: 2, sent: 0, rejected: 0 });
      LockManager.prototype.request = request;
      expect(await connection.flush()).to.deep.equal({ pending: 0, sent: 2, rejected: 0 });
      expect(await storedIds(agent)).to.deep.equal(ids(made));
      expect(rejections, 'unhandled rejections').to.deep.equal([]);
    } finally {
      LockManager.prototype.request = request;
      window.removeEventListener('unhandledrejection', onRejection);
      events.stop();
      connection.close();
    }
  });
});
