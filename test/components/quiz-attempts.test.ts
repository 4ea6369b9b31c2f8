/**
 * A quiz's attempt as a learner lives it: nothing of one learner's shows for the next on a shared
 * computer; each attempt's order is drawn afresh and kept across a reload; a countdown keeps its
 * deadline; two tabs cannot exceed the attempts allowed; Enter submits; an over-long answer is refused
 * in words.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { openStore } from '../../src/lib/store/index.js';
import type { Quiz } from '../../src/lib/types.js';
import { QUIZ } from '../fixtures/quizzes/every-type.js';
import { button, freshNamespace, recordEvents, shadowElement, until } from './helpers.js';

async function quizElement(markdown: string, attributes: { learner?: string; namespace?: string } = {}) {
  const element =
    await fixture<SabaqQuiz>(html`<sabaq-quiz namespace=${attributes.namespace ?? freshNamespace()} learner=${attributes.learner ?? 'default'}>
    <script type="text/markdown">${markdown}</script>
  </sabaq-quiz>`);
  await shadowElement(element, '.quiz[aria-busy=false] .question');
  return element;
}

const all = <T extends Element>(host: Element, selector: string) => [...host.shadowRoot!.querySelectorAll<T>(selector)];

/** Waits until the quiz shows questions again after a change of learner or namespace. */
async function shownAgain(element: SabaqQuiz) {
  await element.updateComplete;
  await shadowElement(element, '.quiz[aria-busy=false] .question');
  await element.updateComplete;
}

describe('<sabaq-quiz> attempts', () => {
  describe('on a shared computer', () => {
    for (const change of ['learner', 'namespace'] as const) {
      it(`shows none of the last answers, hints or warnings when the ${change} changes`, async () => {
        const element = await quizElement(QUIZ, { learner: 'amna' });
        all<HTMLInputElement>(element, 'input[type=radio]')[0]!.click();
        const text = all<HTMLInputElement>(element, 'input[type=text]')[0]!;
        text.value = 'amna typed this';
        text.dispatchEvent(new Event('input'));
        button(element, 'Hint').click();
        await element.updateComplete;
        button(element, 'Submit').click(); // Warns: questions are not answered yet.
        await element.updateComplete;
        expect(element.shadowRoot!.querySelector('[role=alert]')).to.exist;

        if (change === 'learner') element.learner = 'bilal';
        else element.namespace = freshNamespace();
        await shownAgain(element);
        expect(all<HTMLInputElement>(element, 'input:checked'), 'ticked options').to.have.length(0);
        expect(all<HTMLInputElement>(element, 'input[type=text]').map((input) => input.value)).to.deep.equal(['']);
        expect(all(element, '.hint:not([hidden])'), 'open hints').to.have.length(0);
        expect(element.shadowRoot!.querySelector('[role=alert]'), 'the warning').to.equal(null);
      });
    }

    it('shows none of the last quiz’s answers when another quiz is set in its place', async () => {
      const quiz = (id: string): Quiz => ({
        id,
        hash: id,
        file: 'lesson.md',
        line: 1,
        settings: { pass: 100, attempts: 0, shuffle: 'none', final: false, partial: false },
        questions: [
          {
            id: 'q1',
            line: 1,
            kind: 'single',
            prompt: `Question of ${id}`,
            options: [
              { text: 'A', correct: true },
              { text: 'B', correct: false },
            ],
          },
        ],
      });
      const element = await fixture<SabaqQuiz>(
        html`<sabaq-quiz namespace=${freshNamespace()} course-id="course" .quiz=${quiz('first')}></sabaq-quiz>`,
      );
      await shadowElement(element, '.quiz[aria-busy=false] .question');
      all<HTMLInputElement>(element, 'input[type=radio]')[0]!.click();
      await element.updateComplete;
      element.quiz = quiz('second');
      await until(() => element.shadowRoot!.textContent!.includes('Question of second'));
      await shownAgain(element);
      expect(all<HTMLInputElement>(element, 'input:checked'), 'ticked options').to.have.length(0);
    });

    it('shows the next learner their own attempt, not the last learner’s result', async () => {
      const namespace = freshNamespace();
      const element = await quizElement(QUIZ, { learner: 'amna', namespace });
      const events = recordEvents(element);
      button(element, 'Submit').click();
      await element.updateComplete;
      button(element, 'Submit').click();
      await until(() => events.of('sabaq-quiz-submit').length === 1);
      await shadowElement(element, '.result');
      element.learner = 'bilal';
      await shownAgain(element);
      expect(element.shadowRoot!.querySelector('.result')).to.equal(null);
      expect(button(element, 'Submit').disabled).to.equal(false);
      expect(element.shadowRoot!.textContent).to.contain('2 attempts left');
    });
  });

  it('submits when Enter is pressed in a short-answer box', async () => {
    const element = await quizElement('### Name the HS chapter for cotton\n= 52\n');
    const events = recordEvents(element);
    all<HTMLInputElement>(element, 'input[type=text]')[0]!.focus();
    await sendKeys({ type: '52' });
    await sendKeys({ press: 'Enter' });
    await until(() => events.of('sabaq-quiz-submit').length === 1, 'Enter did not submit');
    expect(events.of('sabaq-quiz-submit')[0]!.detail).to.include({ score: 100, passed: true });
  });

  it('takes no more than the 10,000 characters an answer can be kept with, and says so if given more', async () => {
    const element = await quizElement('### Describe the shipment\n= anything\n');
    const events = recordEvents(element);
    const text = all<HTMLInputElement>(element, 'input[type=text]')[0]!;
    expect(text.maxLength).to.equal(10_000);
    // A script (or a browser that ignores maxlength) can still put more in.
    text.value = 'x'.repeat(10_001);
    text.dispatchEvent(new Event('input'));
    button(element, 'Submit').click();
    const alert = await shadowElement(element, '[role=alert]');
    expect(alert.textContent).to.contain('Your answer to question 1 is too long: it can have at most 10,000 characters.');
    expect(events.of('sabaq-error')).to.deep.equal([]);
    expect(element.shadowRoot!.activeElement).to.equal(text);
  });

  describe('shuffled', () => {
    /** Eight options: 40,320 orders, so two fresh draws agree by chance once in 40,320. */
    const SHUFFLED = `---\nid: shuffled\nshuffle: answers\n---\n### Pick H\n${'ABCDEFGH'
      .split('')
      .map((letter) => `1. [${letter === 'H' ? 'x' : ' '}] ${letter}`)
      .join('\n')}\n`;
    const order = (element: SabaqQuiz) =>
      all(element, '.option-text')
        .map((option) => option.textContent!.trim())
        .join('');

    it('draws a fresh order for each new learner, even with the same namespace and learner name, and keeps it across a reload', async function () {
      const { tabs } = await executeServerCommand<{ tabs: boolean }, undefined>('sabaq-capabilities');
      if (!tabs) this.skip(); // WebKitGTK's WebDriver cannot open a tab of another origin.
      // Two fresh browser profiles: tabs of two origins no other test uses, so each starts with no
      // progress, both with the default namespace and learner.
      const orders: string[] = [];
      for (let profile = 0; profile < 2; profile++) {
        const { id } = await executeServerCommand<{ id: number }, object>('sabaq-tab-open', { isolated: true });
        const show = async () =>
          (
            await executeServerCommand<{ value: string }, object>('sabaq-tab-call', {
              id,
              module: '/test/components/quiz-tab.ts',
              name: 'shownOrder',
              args: [SHUFFLED],
            })
          ).value;
        const shown = await show();
        await executeServerCommand('sabaq-tab-reload', { id });
        expect(await show(), 'the order after a reload').to.equal(shown);
        await executeServerCommand('sabaq-tab-close', { id });
        orders.push(shown);
      }
      expect(orders[0], 'two learners saw the same "random" order').not.to.equal(orders[1]);
    });

    it('keeps the order of an attempt being answered across a reload', async () => {
      const namespace = freshNamespace();
      const first = await quizElement(SHUFFLED, { namespace });
      const seen = order(first);
      first.remove();
      const reloaded = await quizElement(SHUFFLED, { namespace });
      expect(order(reloaded)).to.equal(seen);
    });

    it('keeps the seed with the attempt, and shows a past attempt answered as it was', async () => {
      const namespace = freshNamespace();
      const element = await quizElement(SHUFFLED, { namespace });
      const events = recordEvents(element);
      all<HTMLLabelElement>(element, 'label.option')
        .find((label) => label.textContent!.trim() === 'H')!
        .querySelector('input')!
        .click();
      button(element, 'Submit').click();
      await until(() => events.of('sabaq-quiz-submit').length === 1);
      const progress = await openStore({ namespace }).getProgress({ learner: 'default', courseId: 'quiz:shuffled' });
      expect(progress.attempts.shuffled![0]!.seed, 'the seed kept with the attempt').to.be.a('number');
      element.remove();
      const reloaded = await fixture<SabaqQuiz>(
        html`<sabaq-quiz namespace=${namespace}><script type="text/markdown">${SHUFFLED}</script></sabaq-quiz>`,
      );
      const result = await shadowElement(reloaded, '.result');
      expect(result.textContent).to.contain('Passed');
      expect(
        all<HTMLInputElement>(reloaded, 'input:checked').map((input) => input.closest('label')!.textContent!.replace(/\s+/g, ' ').trim()),
      ).to.deep.equal(['H✓ Your answer, correct']);
    });
  });

  describe('attempts allowed', () => {
    it('keeps no more than allowed when another tab submits the last attempt first, and says so', async () => {
      const namespace = freshNamespace();
      const markdown = '---\nid: once\nattempts: 1\n---\n### Name the HS chapter for cotton\n= 52\n';
      const element = await quizElement(markdown, { namespace });
      const events = recordEvents(document);
      const text = all<HTMLInputElement>(element, 'input[type=text]')[0]!;
      text.value = '52';
      text.dispatchEvent(new Event('input'));
      await element.updateComplete;
      // The other tab's Submit reaches the store first; this one's a moment later, before the quiz has heard.
      const store = openStore({ namespace });
      const ref = { learner: 'default', courseId: 'quiz:once' };
      const other = store.addQuizAttempt(ref, {
        quizId: 'once',
        answers: { q1: '51' },
        score: 0,
        passed: false,
        quizHash: 'h',
        allowed: 1,
      });
      button(element, 'Submit').click();
      await other;
      const alert = await shadowElement(element, '[role=alert]');
      await until(() => element.shadowRoot!.querySelector('.result'), 'the kept attempt is not shown');
      events.stop();
      expect((await store.getProgress(ref)).attempts.once, 'attempts kept').to.have.length(1);
      expect(alert.textContent).to.contain('Your attempts at this quiz were all used in another tab or window');
      expect(element.shadowRoot!.textContent).to.contain('No attempts left.');
      expect(element.shadowRoot!.querySelector('.result')!.textContent).to.contain('Not passed: 0%');
      expect(events.of('sabaq-error'), 'errors').to.deep.equal([]);
      expect(events.of('sabaq-quiz-submit'), 'submit events').to.deep.equal([]);
    });
  });

  describe('timed', () => {
    const TIMED = '---\nid: timed\ntime: 1\n---\n### Name the HS chapter for cotton\n= 52\n';
    const ref = { learner: 'default', courseId: 'quiz:timed' };
    const timeLeft = (element: SabaqQuiz) => {
      const [minutes, seconds] = element
        .shadowRoot!.querySelector('[role=timer]')!
        .textContent!.match(/(\d+):(\d\d)/)!
        .slice(1)
        .map(Number);
      return minutes! * 60 + seconds!;
    };

    it('counts down to the deadline kept with the attempt, across a reload', async () => {
      const namespace = freshNamespace();
      // Started 40 seconds ago, in an earlier visit: 20 seconds of the minute are left.
      await openStore({ namespace }).startQuizAttempt(ref, { quizId: 'timed', timeLimitMs: 20_000 });
      const element = await quizElement(TIMED, { namespace });
      await shadowElement(element, '[role=timer]');
      expect(timeLeft(element)).to.be.within(15, 20);
      element.remove();
      const reloaded = await quizElement(TIMED, { namespace });
      await shadowElement(reloaded, '[role=timer]');
      expect(timeLeft(reloaded)).to.be.within(15, 20);
    });

    it('goes on counting after the quiz is moved in the page', async function () {
      this.timeout(8000);
      const element = await quizElement(TIMED);
      await shadowElement(element, '[role=timer]');
      const before = timeLeft(element);
      const box = document.createElement('div');
      document.body.append(box);
      box.append(element); // Disconnected and connected again.
      await until(() => timeLeft(element) < before, 'the countdown stopped after the move', 4000);
      box.remove();
    });

    it('submits at once when the time ran out while the page was closed, and says why', async () => {
      const namespace = freshNamespace();
      await openStore({ namespace }).startQuizAttempt(ref, { quizId: 'timed', timeLimitMs: 1 });
      const events = recordEvents(document);
      const element = await fixture<SabaqQuiz>(
        html`<sabaq-quiz namespace=${namespace}><script type="text/markdown">${TIMED}</script></sabaq-quiz>`,
      );
      await until(() => events.of('sabaq-quiz-submit').length === 1, 'not submitted');
      events.stop();
      expect(events.of('sabaq-quiz-submit')[0]!.detail).to.include({ quizId: 'timed', score: 0, passed: false });
      await shadowElement(element, '.result');
      expect(element.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Time is up: your answers were submitted.');
      expect(element.shadowRoot!.querySelector('[role=timer]')).to.equal(null);
    });
  });
});
