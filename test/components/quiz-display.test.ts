/**
 * What a learner sees of a quiz, measured in the browser: nothing scrolls sideways on a phone, wrong
 * answers are marked in words as well as colour, the right answers read in the page's direction, and
 * inline Markdown may be indented like the rest of the page.
 */
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { button, freshNamespace, recordEvents, shadowElement, until } from './helpers.js';
import type { Quiz } from '../../src/lib/types.js';
import { QUIZ } from '../fixtures/quizzes/every-type.js';

/** The demo's final quiz's matching question, with one right-hand side longer still. */
const MATCHING = `### Match each way of being paid to what it means
- Advance payment -> The buyer pays before the goods are shipped
- Letter of credit -> A bank undertakes to pay against presented documents that match the terms
- Documentary collection -> Banks pass on documents, but do not guarantee payment
- Open account -> The buyer pays some time after receiving the goods
`;
const MATCHING_TERMS = 4;

/** A quiz inside a plain box `width` pixels wide, as on a phone or in a page's column. */
async function quizIn(width: number, markdown: string, lang = 'en') {
  const box = fixtureSync<HTMLDivElement>(html`<div style="width: ${width}px">
    <sabaq-quiz namespace=${freshNamespace()} lang=${lang}><script type="text/markdown">${markdown}</script></sabaq-quiz>
  </div>`);
  const element = box.querySelector<SabaqQuiz>('sabaq-quiz')!;
  await shadowElement(element, '.quiz[aria-busy=false] .question');
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
      const selects = all<HTMLSelectElement>(element, 'select');
      expect(selects, 'one select per matching term').to.have.length(MATCHING_TERMS);
      for (const select of selects) {
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
    /** Every type of question, and an answer that is a range. */
    const WITH_RANGE = `${QUIZ}
### What is the container's inside length in metres?
= 19.2..19.5
`;

    /**
     * Submits an attempt with every question wrong: the ordering as shown unless that is right.
     * Resolves with the correct-answer lines: ordering, matching, short answer and range.
     */
    async function wrongAttempt(lang: string) {
      const { element } = await quizIn(600, WITH_RANGE, lang);
      const items = () => all<HTMLElement>(element, '.ordering .item-text').map((item) => item.textContent!.trim());
      if (items().join() === 'Receive the order,Ship the goods,Receive payment') {
        all<HTMLButtonElement>(element, '.ordering li button')[1]!.click(); // Move the first down.
        await element.updateComplete;
      }
      for (const input of all<HTMLInputElement>(element, 'input[type=text]')) {
        input.value = '20';
        input.dispatchEvent(new Event('input'));
      }
      await submit(element);
      const answers = all<HTMLElement>(element, '.correct-answer');
      expect(answers).to.have.length(4);
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
      const [, , , english] = (await wrongAttempt('en')).answers;
      expect(english!.textContent!.replace(/\s+/g, ' ')).to.contain('Correct answer: 19.2 to 19.5');
      expect(english!.textContent).not.to.contain('..');
      const [, , , urdu] = (await wrongAttempt('ur')).answers;
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
      await shadowElement(element, '.quiz[aria-busy=false] .question');
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

  describe('long words', () => {
    const WORD = 'CommercialInvoice/PackingList/CertificateOfOrigin/BillOfLading';
    const LONG = `### Which of ${WORD} comes first?
1. [x] ${WORD}
1. [ ] Another ${WORD}

### Order ${WORD}
1. ${WORD}
2. Second${WORD}

### Match ${WORD}
- ${WORD} -> The documents
- Other${WORD} -> Others
`;

    for (const lang of ['en', 'ur']) {
      it(`wrap in question text, options, items and terms: nothing scrolls sideways at 360 px (${lang})`, async () => {
        const { box, element } = await quizIn(360, LONG, lang);
        const check = () => {
          expect(outside(element), 'boxes past the quiz edge').to.deep.equal([]);
          expect(box.scrollWidth, 'the page box scrolls sideways').to.be.at.most(box.clientWidth);
        };
        check();
        await submit(element);
        check();
      });
    }
  });

  describe('in dark mode on a white page', () => {
    /** sRGB components of a computed colour. */
    const rgb = (colour: string) => colour.match(/[\d.]+/g)!.map(Number);
    const luminance = (colour: string) =>
      rgb(colour)
        .slice(0, 3)
        .map((c) => c / 255)
        .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    /** The first opaque background behind `node`, through the shadow root to the page. */
    function backgroundOf(node: Element): string {
      for (let at: Element | null = node; at; at = at.parentElement ?? (at.getRootNode() as ShadowRoot).host ?? null) {
        const colour = getComputedStyle(at).backgroundColor;
        const alpha = rgb(colour)[3];
        if (alpha === undefined || alpha === 1) return colour;
      }
      return 'rgb(255, 255, 255)';
    }

    afterEach(async () => {
      document.body.style.background = '';
      await emulateMedia({ colorScheme: 'light' }).catch(() => undefined);
    });

    it('draws every text at 4.5:1 or more against what is behind it, result included', async function () {
      try {
        await emulateMedia({ colorScheme: 'dark' });
      } catch {
        this.skip(); // This engine's driver cannot emulate a colour scheme (WebKitGTK's WebDriver).
      }
      expect(matchMedia('(prefers-color-scheme: dark)').matches, 'dark mode emulated').to.equal(true);
      document.body.style.background = '#ffffff';
      const { element } = await quizIn(
        600,
        `---\nattempts: 2\n---\nAnswer what you can.\n\n### Under FOB, who pays?\n1. [ ] The seller\n1. [x] The buyer\n`,
      );
      await submit(element);
      const texts = all<HTMLElement>(element, '*').filter(
        (node) =>
          [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim()) &&
          node.getClientRects().length > 0,
      );
      expect(texts.map((node) => node.textContent!.trim()).join(' '))
        .to.contain('Not passed')
        .and.to.contain('1 attempt left')
        .and.to.contain('Answer what you can');
      for (const node of texts) {
        const [text, behind] = [luminance(getComputedStyle(node).color), luminance(backgroundOf(node))];
        const contrast = (Math.max(text, behind) + 0.05) / (Math.min(text, behind) + 0.05);
        expect(
          contrast,
          `"${node.textContent!.trim().slice(0, 40)}": ${getComputedStyle(node).color} on ${backgroundOf(node)}`,
        ).to.be.at.least(4.5);
      }
    });
  });

  describe('the quiz file’s own settings', () => {
    /** A parsed one-question quiz with these settings, set as the player sets a lesson's quiz. */
    async function quizWith(settings: Partial<Quiz['settings']>, lang = '') {
      const quiz: Quiz = {
        id: 'own-settings',
        hash: 'h',
        file: 'quiz.md',
        line: 1,
        settings: { pass: 100, attempts: 0, shuffle: 'none', final: false, partial: false, ...settings },
        questions: [
          {
            id: 'q1',
            line: 1,
            kind: 'single',
            prompt: 'Under FOB, who pays?',
            options: [
              { text: 'The seller', correct: false },
              { text: 'The buyer', correct: true },
            ],
          },
        ],
      };
      const element = await fixture<SabaqQuiz>(html`<sabaq-quiz namespace=${freshNamespace()} lang=${lang} .quiz=${quiz}></sabaq-quiz>`);
      await shadowElement(element, '.quiz[aria-busy=false] .question');
      return element;
    }

    it('shows the pass or fail message, as Markdown, with the result', async () => {
      const passing = await quizWith({ passMessage: 'Well done, **trader**!', failMessage: 'Read the lesson again.' });
      all<HTMLInputElement>(passing, 'input')[1]!.click();
      await submit(passing);
      expect(passing.shadowRoot!.querySelector('.result strong + *, .result')!.textContent).to.contain('Well done, trader!');
      expect(passing.shadowRoot!.querySelector('.result')!.innerHTML).to.contain('<strong>trader</strong>');
      expect(passing.shadowRoot!.textContent).not.to.contain('Read the lesson again.');

      const failing = await quizWith({ passMessage: 'Well done!', failMessage: 'Read the [lesson](why.md) again.' });
      all<HTMLInputElement>(failing, 'input')[0]!.click();
      await submit(failing);
      expect(failing.shadowRoot!.querySelector('.result')!.textContent).to.contain('Read the lesson again.');
      expect(failing.shadowRoot!.querySelector('.result a')).to.exist;
      expect(failing.shadowRoot!.textContent).not.to.contain('Well done!');
    });

    it('speaks the language its locale names when the element has no lang of its own', async () => {
      const urdu = await quizWith({ locale: 'ur' });
      expect(urdu.shadowRoot!.querySelector('.quiz')!.getAttribute('dir')).to.equal('rtl');
      expect(button(urdu, 'جمع کرائیں').disabled, 'the button can be pressed').to.be.false;
      const english = await quizWith({ locale: 'ur' }, 'en');
      expect(button(english, 'Submit').disabled, 'the button can be pressed').to.be.false;
    });

    it('takes its colours, under the ones the page sets', async () => {
      const colours = { primary: 'rgb(29, 78, 137)', secondary: 'rgb(250, 240, 200)', text: 'rgb(20, 20, 60)' };
      const element = await quizWith({ colors: colours });
      const section = element.shadowRoot!.querySelector('.quiz')!;
      expect(getComputedStyle(button(element, 'Submit')).backgroundColor).to.equal(colours.primary);
      expect(getComputedStyle(section.querySelector('.prompt')!).color).to.equal(colours.text);
      all<HTMLInputElement>(element, 'input')[1]!.click();
      await element.updateComplete;
      expect(getComputedStyle(all(element, '.option')[1]!).backgroundColor).to.equal(colours.secondary);
      // A partner's --sabaq-color-primary still wins; a value that is no colour is ignored.
      element.style.setProperty('--sabaq-color-primary', 'rgb(120, 0, 0)');
      expect(getComputedStyle(button(element, 'Submit')).backgroundColor).to.equal('rgb(120, 0, 0)');
      const odd = await quizWith({ colors: { primary: 'url(https://example.org/x.png)' } });
      expect(odd.shadowRoot!.querySelector<HTMLElement>('.quiz')!.style.cssText).to.equal('');
    });
  });
});
