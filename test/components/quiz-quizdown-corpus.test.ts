/**
 * The Quizdown corpus (test/fixtures/quizdown) as a learner sees it in <sabaq-quiz src>: as many
 * questions as Quizdown shows, each with Quizdown's control (radios, checkboxes, an ordering list), a
 * hint button where the question has a hint, and code in a question's text shown as code, never as
 * stray fences in a paragraph.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { ProblemList } from '../../src/lib/problems.js';
import { parseQuiz } from '../../src/lib/quiz/parse.js';
import { freshNamespace, shadowElement } from './helpers.js';

const FIXTURES = new URL('../fixtures/quizdown/', import.meta.url);
const expected = (await (await fetch(new URL('expected.json', FIXTURES))).json()) as Record<
  string,
  { shown: number; kinds: string } | string
>;

function control(question: Element): string {
  if (question.querySelector('input[type=radio]')) return 'S';
  if (question.querySelector('input[type=checkbox]')) return 'M';
  if (question.querySelector('ol.ordering')) return 'O';
  return '?';
}

describe('<sabaq-quiz> showing the Quizdown corpus', () => {
  for (const [name, want] of Object.entries(expected)) {
    if (typeof want === 'string') continue;
    it(`shows ${name} as Quizdown does`, async () => {
      const src = new URL(name, FIXTURES).href;
      const element = await fixture<SabaqQuiz>(html`<sabaq-quiz src=${src} namespace=${freshNamespace()}></sabaq-quiz>`);
      await shadowElement(element, '.quiz[aria-busy=false] .question');
      await element.updateComplete;
      const shown = [...element.shadowRoot!.querySelectorAll('.question')];
      expect(shown.length, 'questions shown').to.equal(want.shown);

      const source = await (await fetch(src)).text();
      const quiz = parseQuiz(source, { file: name, defaultId: 'x', inLesson: false }, new ProblemList());
      for (const question of shown) {
        const id = question.getAttribute('data-question')!;
        const index = quiz.questions.findIndex((q) => q.id === id);
        expect(control(question), `${id}'s control`).to.equal(want.kinds[index]);
        expect(question.querySelector('.hint-toggle') !== null, `${id}'s hint button`).to.equal(Boolean(quiz.questions[index]!.hint));
      }
      const text = element.shadowRoot!.textContent!;
      expect(text).not.to.contain('```');
      expect(text).not.to.contain('~~~');
      const codeInText = quiz.questions.filter((q) => q.body?.includes('```') || q.body?.includes('~~~'));
      for (const question of codeInText) {
        const shownQuestion = shown.find((q) => q.getAttribute('data-question') === question.id);
        if (shownQuestion) expect(shownQuestion.querySelector('.prose pre code'), `${question.id}'s code`).to.exist;
      }
    });
  }
});
