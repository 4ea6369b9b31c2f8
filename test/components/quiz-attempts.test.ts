/**
 * A quiz's attempt as a learner lives it: nothing of one learner's shows for the next on a shared
 * computer, Enter submits, an over-long answer is refused in words.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { QUIZ } from '../fixtures/quizzes/every-type.js';
import { button, freshNamespace, recordEvents, shadowElement, until } from './helpers.js';

async function quizElement(markdown: string, attributes: { learner?: string; namespace?: string } = {}) {
  const element = await fixture<SabaqQuiz>(html`<sabaq-quiz namespace=${attributes.namespace ?? freshNamespace()} learner=${attributes.learner ?? 'default'}>
    <script type="text/markdown">${markdown}</script>
  </sabaq-quiz>`);
  await shadowElement(element, '.question');
  return element;
}

const all = <T extends Element>(host: Element, selector: string) => [...host.shadowRoot!.querySelectorAll<T>(selector)];

/** Waits until the quiz shows questions again after a change of learner or namespace. */
async function shownAgain(element: SabaqQuiz) {
  await element.updateComplete;
  await shadowElement(element, '.question');
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
});
