/**
 * A learner's whole course on a page that loads only the built `dist/sabaq.js` (npm test builds it
 * first) and connects a real LRS: every action arrives as the statements of SPEC §6, each valid, none
 * twice, also when the LRS was unreachable for a while with a reload in between; and a new browser
 * profile of the same learner gets its progress back from the LRS, sending nothing back.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { XapiStatement } from '../../src/lib/xapi/statements.js';
import { until } from '../components/helpers.js';
import { framePage } from './frame-page.js';
import { lrsFault, lrsLog, lrsStatements, startLrs } from '../lib/xapi/lrs.js';

let frame: HTMLIFrameElement;
let query: string;

interface PageWindow extends Window {
  lrs: { flush(): Promise<{ pending: number; sent: number; rejected: number }> };
  syncs: { pending: number; sent: number; rejected: number }[];
  errors: { code: string; message: string }[];
  pageErrors: string[];
}

async function load(namespace: string): Promise<void> {
  frame.src = `${new URL('lrs.html', import.meta.url).href}?${query}&namespace=${namespace}`;
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  await until(() => shadow('sabaq-course-player')?.querySelector('.player[aria-busy=false]'), 'the player did not appear', 10000);
  // The connection is loaded and has made its first attempt.
  await until(() => page().syncs?.length > 0, 'the LRS connection did not start', 20000);
}

const page = () => frame.contentWindow as unknown as PageWindow;
const { shadow, text, click, lessonTitle, quizRoot, answer, finishAcademy, getCertificate } = framePage(() => frame);

/** `verb object` with the object's id relative to the course, sorted: what the LRS holds, readably. */
function summary(statements: XapiStatement[], courseUrl: string): string[] {
  return statements.map((s) => `${s.verb.id.split('/').pop()} ${s.object.id.slice(courseUrl.length) || 'course'}`).sort();
}

const COURSE = new URL('../fixtures/courses/academy/course.md', import.meta.url).href;
const EXPECTED = [
  'answered /quizzes/final/questions/1',
  'answered /quizzes/final/questions/2',
  'answered /quizzes/marketplaces-1/questions/1',
  'answered /quizzes/marketplaces-1/questions/1',
  'attempted /lessons/final',
  'attempted /lessons/marketplaces',
  'attempted /lessons/welcome',
  'completed /lessons/final',
  'completed /lessons/marketplaces',
  'completed /lessons/welcome',
  'completed course',
  'earned course',
  'failed /quizzes/marketplaces-1',
  'passed /quizzes/final',
  'passed /quizzes/marketplaces-1',
];

describe('a learner on a page connected to an LRS', function () {
  this.timeout(120_000);
  const learner = `learner-${crypto.randomUUID()}`;
  const actor = { objectType: 'Agent' as const, account: { homePage: location.origin, name: learner } };

  before(async () => {
    const lrs = await startLrs();
    query = new URLSearchParams({ endpoint: lrs.endpoint, auth: lrs.auth, learner }).toString();
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 800px';
    document.body.append(frame);
  });

  after(async () => {
    frame.remove();
    await lrsFault('none');
  });

  it('records the whole course, through an unreachable LRS and a reload, each statement valid and stored once', async () => {
    const namespace = `lrs-${crypto.randomUUID()}`;
    const posted = (await lrsLog()).length;
    await load(namespace);
    click(shadow('sabaq-course-player'), 'Start the course');
    await until(() => lessonTitle() === 'Welcome');
    click(shadow('sabaq-course-player'), 'Next');
    await until(() => lessonTitle() === 'Marketplaces');

    // The LRS goes away: the failed and the passed attempt wait in the outbox, across a reload.
    await lrsFault('down');
    await answer(/B2C/);
    await until(() => quizRoot()?.querySelector('.result.failed'), 'the failed attempt is not shown');
    click(quizRoot(), 'Try again');
    await answer(/B2B/);
    await until(() => quizRoot()?.querySelector('.result.passed'), 'the passed attempt is not shown');
    await page().lrs.flush();
    expect(page().syncs.at(-1)!.pending).to.be.greaterThan(0);
    await load(namespace);
    await lrsFault('none');
    expect((await page().lrs.flush()).pending).to.equal(0);

    await until(() => lessonTitle() === 'Marketplaces', 'did not resume at the last lesson');
    await finishAcademy();
    const code = await getCertificate('Amna Khan');

    expect(await page().lrs.flush()).to.deep.include({ pending: 0, rejected: 0 });
    const stored = await lrsStatements(actor);
    expect(summary(stored, COURSE)).to.deep.equal(EXPECTED);
    const earned = stored.find((statement) => statement.verb.id.endsWith('/earned'))!;
    expect(Object.values(earned.result!.extensions!)).to.include(code);
    for (const statement of stored) {
      expect(await executeServerCommand('xapi-validate', { statement }), statement.object.id).to.deep.equal([]);
    }
    // Each statement was accepted once: no resend after it was stored.
    const accepted = (await lrsLog())
      .slice(posted)
      .filter((request) => request.status < 300)
      .flatMap((request) => request.ids);
    expect(accepted.slice().sort()).to.deep.equal(stored.map((statement) => statement.id).sort());
    expect(page().errors).to.deep.equal([]);
    expect(page().pageErrors).to.deep.equal([]);
  });

  it('a fresh browser profile of the same learner: progress, tracker and certificate come back from the LRS, nothing is sent back', async () => {
    // A namespace never used: this browser has no progress for the learner, as a new profile would not.
    const posted = (await lrsLog()).length;
    await load(`lrs-${crypto.randomUUID()}`);
    await until(() => text('sabaq-progress-tracker').includes('3 of 3 lessons complete'), 'the tracker shows no restored progress', 20000);
    await until(() => shadow('sabaq-certificate')?.querySelector('svg'), 'the certificate was not restored', 20000);
    expect(shadow('sabaq-certificate')!.querySelector('svg')!.textContent).to.contain('Amna Khan');
    await page().lrs.flush();
    expect((await lrsLog()).length).to.equal(posted);
    expect(summary(await lrsStatements(actor), COURSE)).to.deep.equal(EXPECTED);
  });
});
