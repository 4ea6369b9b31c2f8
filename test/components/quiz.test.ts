import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { QUIZ } from '../fixtures/quizzes/every-type.js';
import { button, freshNamespace, recordEvents, shadowElement, until } from './helpers.js';

async function quizElement(markdown = QUIZ, attributes: { lang?: string; namespace?: string } = {}) {
  const namespace = attributes.namespace ?? freshNamespace();
  const element = await fixture<SabaqQuiz>(html`<sabaq-quiz namespace=${namespace} lang=${attributes.lang ?? ''}>
    <script type="text/markdown">${markdown}</script>
  </sabaq-quiz>`);
  await shadowElement(element, '.quiz[aria-busy=false]');
  return element;
}

const all = <T extends Element>(host: Element, selector: string) => [...host.shadowRoot!.querySelectorAll<T>(selector)];
const WRITTEN_ORDER = ['Under FOB', 'Which documents', 'Put the steps', 'Match each term', 'Name the HS chapter'];
/** The question box by its position in the quiz as written, wherever shuffling put it. */
const question = (host: Element, index: number) =>
  all<HTMLElement>(host, '.question').find((box) => box.querySelector('.prompt')!.textContent!.includes(WRITTEN_ORDER[index]!))!;

/** Answers every question right, through the controls a learner uses. */
async function answerAllRight(element: SabaqQuiz) {
  const choose = (q: number, text: string) =>
    [...question(element, q).querySelectorAll('label')]
      .find((label) => label.textContent!.includes(text))!
      .querySelector('input')!
      .click();
  choose(0, 'The buyer');
  choose(1, 'Commercial invoice');
  choose(1, 'Packing list');
  // Put the steps in order with the Move buttons.
  for (let guard = 0; guard < 6; guard++) {
    const items = [...question(element, 2).querySelectorAll('li')].map((li) => li.querySelector('.item-text')!.textContent!.trim());
    const wanted = ['Receive the order', 'Ship the goods', 'Receive payment'];
    const wrong = items.findIndex((item, i) => item !== wanted[i]);
    if (wrong === -1) break;
    const from = items.indexOf(wanted[wrong]!);
    (question(element, 2).querySelectorAll('li')[from]!.querySelectorAll('button')[0] as HTMLButtonElement).click();
    await element.updateComplete;
  }
  for (const select of question(element, 3).querySelectorAll('select')) {
    const term = question(element, 3).querySelector(`label[for="${select.id}"]`)!.textContent!.trim();
    const wanted = term === 'FOB' ? 'Free On Board' : 'Ex Works';
    select.value = [...select.options].find((option) => option.textContent!.trim() === wanted)!.value;
    select.dispatchEvent(new Event('change'));
  }
  const input = question(element, 4).querySelector('input')!;
  input.value = ' 52 ';
  input.dispatchEvent(new Event('input'));
  await element.updateComplete;
}

describe('<sabaq-quiz>', () => {
  it('shows every question type with native, named controls', async () => {
    const element = await quizElement();
    const root = element.shadowRoot!;
    expect(all(element, '.question')).to.have.length(5);
    // Single choice: a radio group named by its question.
    const legend = question(element, 0).querySelector('legend')!;
    expect(question(element, 0).localName).to.equal('fieldset');
    expect(legend.textContent).to.contain('Under FOB, who pays');
    expect(question(element, 0).querySelectorAll('input[type=radio]')).to.have.length(2);
    expect(question(element, 1).querySelectorAll('input[type=checkbox]')).to.have.length(3);
    // Ordering: every item has Move up / Move down buttons named after it.
    const moves = [...question(element, 2).querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    expect(moves).to.have.length(6);
    expect(moves.filter((name) => /^Move ".+" (up|down)$/.test(name!))).to.have.length(6);
    // Matching: a select labelled with each term.
    const selects = question(element, 3).querySelectorAll('select');
    expect([...selects].map((select) => root.querySelector(`label[for="${select.id}"]`)!.textContent!.trim())).to.deep.equal([
      'FOB',
      'EXW',
    ]);
    // Short answer: a labelled text box.
    expect(question(element, 4).querySelector<HTMLInputElement>('input[type=text]')!.labels![0]!.textContent).to.equal('Your answer');
    expect(button(element, 'Submit').disabled, 'the button can be pressed').to.be.false;
    await expect(element).to.be.accessible();
  });

  it('shows a hint on request', async () => {
    const element = await quizElement();
    const hint = button(element, 'Hint');
    expect(hint.getAttribute('aria-expanded')).to.equal('false');
    hint.click();
    await element.updateComplete;
    expect(button(element, 'Hide hint').getAttribute('aria-expanded')).to.equal('true');
    expect(question(element, 0).querySelector('.hint')!.textContent).to.contain("where the seller's duty ends");
  });

  it('scores a right attempt, announces it, and fires sabaq-quiz-submit with the documented detail', async () => {
    const element = await quizElement();
    const events = recordEvents(element);
    await answerAllRight(element);
    button(element, 'Submit').click();
    await until(() => events.of('sabaq-quiz-submit').length === 1, 'no submit event');
    const [submit] = events.of('sabaq-quiz-submit');
    expect(submit!.bubbles && submit!.composed).to.equal(true);
    expect(submit!.detail).to.deep.include({ quizId: 'export-check', attempt: 1, score: 100, passed: true });
    expect(submit!.detail.courseId).to.equal(undefined);
    expect(submit!.detail.answers.q5).to.equal(' 52 ');
    await element.updateComplete;
    const status = element.shadowRoot!.querySelector('[role=status]')!;
    expect(status.textContent).to.contain('Passed with 100%');
    expect(element.shadowRoot!.activeElement?.classList.contains('result')).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('warns before spending an attempt on unanswered questions, then submits', async () => {
    const element = await quizElement();
    const events = recordEvents(element);
    button(element, 'Submit').click();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('4 questions are not answered yet.');
    expect(events.of('sabaq-quiz-submit')).to.have.length(0);
    button(element, 'Submit').click();
    await until(() => events.of('sabaq-quiz-submit').length === 1);
    expect(events.of('sabaq-quiz-submit')[0]!.detail).to.include({ score: 0, passed: false });
  });

  it('shows feedback, explanation and the right answers after a wrong attempt; Try again until attempts run out', async () => {
    const element = await quizElement();
    const events = recordEvents(element);
    question(element, 0).querySelector<HTMLInputElement>('input')!.click(); // "The seller": wrong
    button(element, 'Submit').click();
    await element.updateComplete;
    button(element, 'Submit').click();
    await until(() => events.of('sabaq-quiz-submit').length === 1);
    await element.updateComplete;
    const first = question(element, 0);
    expect(first.querySelector('.option-feedback')!.textContent).to.contain("the seller's duty ends on board");
    expect(first.querySelector('.explanation')!.textContent).to.contain('buyer pays the main carriage');
    expect(first.querySelector('.verdict')!.textContent!.trim()).to.equal('Not correct');
    expect(question(element, 4).textContent).to.contain('Correct answer: 52');
    expect(element.shadowRoot!.textContent).to.contain('1 attempt left');

    button(element, 'Try again').click();
    await shadowElement(element, '.question input:not([disabled])'); // Once the store has started the attempt.
    await answerAllRight(element);
    button(element, 'Submit').click();
    await until(() => events.of('sabaq-quiz-submit').length === 2);
    await element.updateComplete;
    expect(events.of('sabaq-quiz-submit')[1]!.detail).to.include({ attempt: 2, score: 100, passed: true });
    expect(element.shadowRoot!.textContent).to.contain('Best score so far: 100%');
    expect(element.shadowRoot!.textContent).to.contain('No attempts left.');
    expect(() => button(element, 'Try again')).to.throw();
  });

  it('keeps attempts across a reload, with the same arrangement for the same attempt', async () => {
    const shuffled = QUIZ.replace('pass: 80', 'pass: 80\nshuffle: both');
    const namespace = freshNamespace();
    const first = await quizElement(shuffled, { namespace });
    const order = (element: SabaqQuiz) =>
      all<HTMLElement>(element, '.question .prompt .prompt, .question legend .prompt').map((p) => p.textContent!.trim());
    const before = order(first);
    first.remove();
    const again = await quizElement(shuffled, { namespace });
    expect(order(again)).to.deep.equal(before);

    const events = recordEvents(again);
    await answerAllRight(again);
    button(again, 'Submit').click();
    await until(() => events.of('sabaq-quiz-submit').length === 1);
    again.remove();
    const reloaded = await quizElement(shuffled, { namespace });
    await until(() => reloaded.shadowRoot!.querySelector('.result'), 'the last result is not shown after a reload');
    expect(reloaded.shadowRoot!.querySelector('.result')!.textContent).to.contain('Passed with 100%');
    expect(button(reloaded, 'Try again').disabled, 'the button can be pressed').to.be.false;
  });

  it('works with the keyboard alone', async () => {
    const element = await quizElement();
    const radio = question(element, 0).querySelector<HTMLInputElement>('input[type=radio]')!;
    radio.focus();
    await sendKeys({ press: 'ArrowDown' });
    const radios = question(element, 0).querySelectorAll<HTMLInputElement>('input[type=radio]');
    expect(radios[1]!.checked).to.equal(true);
    const up = question(element, 2).querySelectorAll<HTMLButtonElement>('li')[1]!.querySelector('button')!;
    const moved = question(element, 2).querySelectorAll('li')[1]!.querySelector('.item-text')!.textContent;
    up.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(question(element, 2).querySelectorAll('li')[0]!.querySelector('.item-text')!.textContent).to.equal(moved);
    // Focus stays on a Move button of the item that moved, so it can be moved again.
    expect(element.shadowRoot!.activeElement?.closest('li')?.querySelector('.item-text')!.textContent).to.equal(moved);
    const text = question(element, 4).querySelector<HTMLInputElement>('input')!;
    text.focus();
    await sendKeys({ type: '52' });
    expect(text.value).to.equal('52');
  });

  it('fires no event when its properties are set from code', async () => {
    const events = recordEvents(document);
    const element = await quizElement();
    element.lang = 'ur';
    element.learner = 'someone-else';
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    events.stop();
    expect(events.events.filter((event) => event.type !== 'sabaq-error')).to.deep.equal([]);
  });

  it('speaks Urdu right to left', async () => {
    const element = await quizElement(QUIZ, { lang: 'ur' });
    expect(element.shadowRoot!.querySelector('.quiz')!.getAttribute('dir')).to.equal('rtl');
    expect(button(element, 'جمع کرائیں').disabled, 'the button can be pressed').to.be.false;
    const box = element.shadowRoot!.querySelector('.quiz')!.getBoundingClientRect();
    const legend = question(element, 0).querySelector('legend')!.getBoundingClientRect();
    expect(box.right - legend.right).to.be.lessThan(box.width / 4);
    await expect(element).to.be.accessible();
  });

  it('shows an author error in place of a broken quiz and fires sabaq-error', async () => {
    const events = recordEvents(document);
    const element = await fixture<SabaqQuiz>(html`<sabaq-quiz namespace=${freshNamespace()}>
      <script type="text/markdown">### Q\n1. [x] a\n1. [x] b\n</script>
    </sabaq-quiz>`);
    const alert = await shadowElement(element, '[role=alert]');
    expect(alert.textContent).to.contain('has 2 answers marked [x]');
    events.stop();
    const [error] = events.of('sabaq-error');
    expect(error!.detail).to.deep.include({ code: 'quiz-invalid', file: 'quiz', line: 2 });
  });

  it('loads a quiz file from src, resolving its images against the file', async () => {
    const src = new URL('../fixtures/quizzes/check.md', import.meta.url).href;
    const element = await fixture<SabaqQuiz>(html`<sabaq-quiz src=${src} namespace=${freshNamespace()}></sabaq-quiz>`);
    await shadowElement(element, '.quiz[aria-busy=false] .question');
    const image = element.shadowRoot!.querySelector('img')!;
    expect(image.getAttribute('src')).to.equal(new URL('img/ship.png', src).href);
  });

  it('fetches its src once however often it updates meanwhile, and shows the last src asked for', async () => {
    const first = new URL('../fixtures/quizzes/check.md', import.meta.url).href;
    const last = `${first}?again`;
    const fetched: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith(first)) fetched.push(url);
      return realFetch(input, init);
    };
    try {
      const element = fixtureSync<SabaqQuiz>(html`<sabaq-quiz src=${first} namespace=${freshNamespace()}></sabaq-quiz>`);
      for (const lang of ['ur', 'en', 'ur', 'en']) {
        element.lang = lang;
        await element.updateComplete;
      }
      element.src = last;
      await shadowElement(element, '.quiz[aria-busy=false] .question');
      expect(fetched).to.deep.equal([first, last]);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('says so when its src cannot be found, and fires sabaq-error', async () => {
    const events = recordEvents(document);
    const element = await fixture<SabaqQuiz>(
      html`<sabaq-quiz src="../fixtures/quizzes/nowhere.md" namespace=${freshNamespace()}></sabaq-quiz>`,
    );
    const alert = await shadowElement(element, '[role=alert]');
    events.stop();
    expect(alert.textContent).to.contain('This quiz could not be found.');
    expect(events.of('sabaq-error')[0]!.detail.code).to.equal('course-not-found');
  });

  it('submits by itself when the time limit runs out', async function () {
    this.timeout(8000);
    const element = await quizElement('---\ntime: 0.03\n---\n# Q\n= 1\n');
    const events = recordEvents(element);
    await shadowElement(element, '[role=timer]');
    expect(element.shadowRoot!.querySelector('[role=timer]')!.textContent).to.contain('0:02');
    await until(() => events.of('sabaq-quiz-submit').length === 1, 'not submitted at the time limit');
    expect(events.of('sabaq-quiz-submit')[0]!.detail.score).to.equal(0);
  });
});
