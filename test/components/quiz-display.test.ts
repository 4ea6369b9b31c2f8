/**
 * What a learner sees of a quiz, measured in the browser: nothing scrolls sideways on a phone, wrong
 * answers are marked in words as well as colour, the right answers read in the page's direction, and
 * inline Markdown may be indented like the rest of the page.
 */
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import '../../src/define.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { button, freshNamespace, recordEvents, shadowElement, until } from './helpers.js';

/** The demo's final quiz's matching question, with one right-hand side longer still. */
const MATCHING = `### Match each way of being paid to what it means
- Advance payment -> The buyer pays before the goods are shipped
- Letter of credit -> A bank undertakes to pay against presented documents that match the terms
- Documentary collection -> Banks pass on documents, but do not guarantee payment
- Open account -> The buyer pays some time after receiving the goods
`;

/** A quiz inside a plain box `width` pixels wide, as on a phone or in a page's column. */
async function quizIn(width: number, markdown: string, lang = 'en') {
  const box = fixtureSync<HTMLDivElement>(html`<div style="width: ${width}px">
    <sabaq-quiz namespace=${freshNamespace()} lang=${lang}><script type="text/markdown">${markdown}</script></sabaq-quiz>
  </div>`);
  const element = box.querySelector<SabaqQuiz>('sabaq-quiz')!;
  await shadowElement(element, '.question');
  return { box, element };
}

const all = <T extends Element>(host: Element, selector: string) => [...host.shadowRoot!.querySelectorAll<T>(selector)];

/** Submits, twice if the first Submit only warns of unanswered questions, and waits for the result. */
async function submit(element: SabaqQuiz) {
  const events = recordEvents(element);
  button(element, element.lang === 'ur' ? 'جمع کرائیں' : 'Submit').click();
  await element.updateComplete;
  if (events.of('sabaq-quiz-submit').length === 0 && element.shadowRoot!.querySelector('.notice[role=alert]')) {
    button(element, element.lang === 'ur' ? 'جمع کرائیں' : 'Submit').click();
  }
  await until(() => events.of('sabaq-quiz-submit').length === 1, 'not submitted');
  events.stop();
  await element.updateComplete;
  return events.of('sabaq-quiz-submit')[0]!.detail;
}

/** Every box in the quiz's shadow root that reaches past the quiz's own edges. */
function outside(element: SabaqQuiz): string[] {
  const edge = element.getBoundingClientRect();
  return all<HTMLElement>(element, '*')
    .filter((node) => {
      const rect = node.getBoundingClientRect();
      return rect.width > 0 && (rect.right > edge.right + 0.5 || rect.left < edge.left - 0.5);
    })
    .map((node) => `<${node.localName} class="${node.className}"> ${Math.round(node.getBoundingClientRect().width)} px wide`);
}

describe('<sabaq-quiz> as a learner sees it', () => {
  describe('matching on a narrow screen', () => {
    for (const lang of ['en', 'ur']) {
      it(`scrolls nothing sideways at 360 px, before and after submitting (${lang})`, async () => {
        const { box, element } = await quizIn(360, MATCHING, lang);
        const section = element.shadowRoot!.querySelector<HTMLElement>('.quiz')!;
        const check = () => {
          expect(outside(element), 'boxes past the quiz edge').to.deep.equal([]);
          expect(section.scrollWidth, 'the quiz scrolls sideways').to.be.at.most(section.clientWidth);
          expect(box.scrollWidth, 'the page box scrolls sideways').to.be.at.most(box.clientWidth);
          const edge = element.getBoundingClientRect();
          for (const select of all<HTMLSelectElement>(element, 'select')) {
            const rect = select.getBoundingClientRect();
            expect(rect.right).to.be.at.most(edge.right + 0.5);
            expect(rect.left).to.be.at.least(edge.left - 0.5);
          }
        };
        check();
        // Narrow, each term sits above its select.
        const row = all<HTMLElement>(element, '.matching li')[1]!;
        const term = row.querySelector('.term')!.getBoundingClientRect();
        const select = row.querySelector('select')!.getBoundingClientRect();
        expect(select.top).to.be.at.least(term.bottom - 1);
        // Chosen: a select shows its long text; the right answers are listed after submitting.
        for (const each of all<HTMLSelectElement>(element, 'select')) {
          each.value = each.options[each.options.length - 1]!.value;
          each.dispatchEvent(new Event('change'));
        }
        await element.updateComplete;
        check();
        await submit(element);
        check();
      });
    }

    it('gives a select room for its longest option on a wide screen', async () => {
      const { element } = await quizIn(900, MATCHING);
      for (const select of all<HTMLSelectElement>(element, 'select')) {
        // The same select, out of the row's flow: as wide as its longest option.
        const free = select.cloneNode(true) as HTMLSelectElement;
        free.style.cssText = 'position: absolute; max-width: none; visibility: hidden';
        select.after(free);
        const needed = free.getBoundingClientRect().width;
        free.remove();
        expect(select.getBoundingClientRect().width).to.be.at.least(needed - 1);
      }
    });
  });

  describe('marks after submitting', () => {
    const CHOICE = `### Under FOB, who pays for the main sea freight?
1. [ ] The seller
1. [x] The buyer
`;

    it('draws a wrong chosen option in another colour than the right one, and says which is which', async () => {
      const { element } = await quizIn(600, CHOICE);
      all<HTMLInputElement>(element, 'input')[0]!.click(); // "The seller": wrong
      await submit(element);
      const [wrong, right] = all<HTMLElement>(element, '.option');
      expect(wrong!.textContent).to.contain('The seller');
      const border = (option: HTMLElement) => getComputedStyle(option).borderTopColor;
      expect(border(wrong!)).not.to.equal(border(right!));
      // The danger colour, not the primary one a chosen option has while answering.
      expect(border(wrong!)).to.equal(getComputedStyle(element.shadowRoot!.querySelector('.verdict.wrong')!).color);
      // Not by colour alone: the words say it too.
      expect(wrong!.textContent!.replace(/\s+/g, ' ')).to.contain('Your answer, not correct');
      expect(right!.textContent!.replace(/\s+/g, ' ')).to.contain('Correct answer');
    });

    it('marks a right chosen option as the learner’s and right', async () => {
      const { element } = await quizIn(600, CHOICE);
      all<HTMLInputElement>(element, 'input')[1]!.click(); // "The buyer": right
      await submit(element);
      const [other, right] = all<HTMLElement>(element, '.option');
      expect(right!.textContent!.replace(/\s+/g, ' ')).to.contain('Your answer, correct');
      expect(other!.querySelector('.mark')).to.equal(null);
    });

    it('drops the unanswered-questions warning once the attempt is submitted', async () => {
      const { element } = await quizIn(600, CHOICE);
      await submit(element); // Warned first, then submitted with the question unanswered.
      expect(element.shadowRoot!.querySelector('.result')).to.exist;
      expect(element.shadowRoot!.textContent).not.to.contain('not answered yet');
    });

    it('marks options in Urdu', async () => {
      const { element } = await quizIn(600, CHOICE, 'ur');
      all<HTMLInputElement>(element, 'input')[0]!.click();
      await submit(element);
      const [wrong, right] = all<HTMLElement>(element, '.option');
      expect(wrong!.querySelector('.mark')!.textContent).to.contain('آپ کا جواب، غلط');
      expect(right!.querySelector('.mark')!.textContent).to.contain('درست جواب');
    });
  });

  describe('the correct answer line', () => {
    const ORDER_AND_MATCH = `### Put the steps in order
1. Receive the order
2. Ship the goods
3. Receive payment

### Match each term
- FOB -> Free On Board
- EXW -> Ex Works

### What is the container's inside length in metres?
= 19.2..19.5
`;

    /** Submits an attempt with every question wrong: the ordering as shown unless that is right. */
    async function wrongAttempt(lang: string) {
      const { element } = await quizIn(600, ORDER_AND_MATCH, lang);
      const items = () => all<HTMLElement>(element, '.ordering .item-text').map((item) => item.textContent!.trim());
      if (items().join() === 'Receive the order,Ship the goods,Receive payment') {
        all<HTMLButtonElement>(element, '.ordering li button')[1]!.click(); // Move the first down.
        await element.updateComplete;
      }
      const input = element.shadowRoot!.querySelector<HTMLInputElement>('input[type=text]')!;
      input.value = '20';
      input.dispatchEvent(new Event('input'));
      await submit(element);
      const answers = all<HTMLElement>(element, '.correct-answer');
      expect(answers).to.have.length(3);
      return { element, answers };
    }

    const lines = (list: Element) => [...list.querySelectorAll('li')].map((item) => item.textContent!.replace(/\s+/g, ' ').trim());

    it('lists the order and the pairs, arrows pointing the way English reads', async () => {
      const { answers } = await wrongAttempt('en');
      const [ordering, matching, short] = answers;
      expect(ordering!.querySelector('ol')).to.exist;
      expect(lines(ordering!)).to.deep.equal(['Receive the order', 'Ship the goods', 'Receive payment']);
      expect(lines(matching!)).to.deep.equal(['FOB → Free On Board', 'EXW → Ex Works']);
      const [left, right] = matching!.querySelectorAll('bdi');
      expect(left!.getBoundingClientRect().right).to.be.at.most(right!.getBoundingClientRect().left);
      expect(short!.textContent!.replace(/\s+/g, ' ')).to.contain('Correct answer:');
    });

    it('in Urdu, points the arrows right to left', async () => {
      const { answers } = await wrongAttempt('ur');
      const [ordering, matching] = answers;
      expect(lines(ordering!)).to.deep.equal(['Receive the order', 'Ship the goods', 'Receive payment']);
      expect(lines(matching!)).to.deep.equal(['FOB ← Free On Board', 'EXW ← Ex Works']);
      // Read right to left, FOB comes first: its box is right of its meaning's.
      const [left, right] = matching!.querySelectorAll('bdi');
      expect(left!.getBoundingClientRect().left).to.be.at.least(right!.getBoundingClientRect().right);
    });

    it('words a range answer instead of showing its a..b syntax', async () => {
      const [, , english] = (await wrongAttempt('en')).answers;
      expect(english!.textContent!.replace(/\s+/g, ' ')).to.contain('Correct answer: 19.2 to 19.5');
      expect(english!.textContent).not.to.contain('..');
      const [, , urdu] = (await wrongAttempt('ur')).answers;
      expect(urdu!.textContent!.replace(/\s+/g, ' ')).to.contain('درست جواب: 19.2 سے 19.5 تک');
    });
  });

  describe('inline Markdown indented like the page around it', () => {
    it('reads front matter and answers written at the indentation of the script tag', async () => {
      const namespace = freshNamespace();
      // As an author writes it in a page: a line break after the tag, everything indented, the closing
      // tag indented less.
      const element = await fixture<SabaqQuiz>(`<sabaq-quiz namespace="${namespace}">
    <script type="text/markdown">

      ---
      id: indented-check
      pass: 100
      ---
      ### Under FOB, who pays for the main sea freight?
      1. [ ] The seller
         > Not quite: the seller's duty ends on board.
      1. [x] The buyer

      ### Name the HS chapter for cotton
      = 52
    </script>
  </sabaq-quiz>`);
      await shadowElement(element, '.question');
      const prompts = all<HTMLElement>(element, '.question .prompt').map((prompt) => prompt.textContent!);
      expect(prompts.some((prompt) => prompt.includes('id:'))).to.equal(false);
      expect(all(element, '.question')).to.have.length(2);
      all<HTMLInputElement>(element, 'input[type=radio]')[1]!.click();
      const input = element.shadowRoot!.querySelector<HTMLInputElement>('input[type=text]')!;
      input.value = '52';
      input.dispatchEvent(new Event('input'));
      const detail = await submit(element);
      expect(detail).to.deep.include({ quizId: 'indented-check', score: 100, passed: true });
    });

    it('reports an author error at its line counted from the script tag’s line', async () => {
      const events = recordEvents(document);
      const element = await fixture<SabaqQuiz>(`<sabaq-quiz namespace="${freshNamespace()}">
        <script type="text/markdown">
          ### Q
          1. [x] a
          1. [x] b
        </script>
      </sabaq-quiz>`);
      await shadowElement(element, '[role=alert]');
      events.stop();
      // Line 1 is the script tag's own; the list starts on line 3.
      expect(events.of('sabaq-error')[0]!.detail).to.deep.include({ code: 'quiz-invalid', file: 'quiz', line: 3 });
    });
  });
});
