/** A short answer: one text box; Enter submits the quiz, as in any one-line form. */
import { html } from 'lit';
import { parseRange } from '../../../lib/quiz/score.js';
import { MAX_TEXT_LENGTH } from '../../../lib/store/index.js';
import type { ShortAnswerQuestion } from '../../../lib/types.js';
import type { QuestionView } from './view.js';

export function renderShortAnswer(question: ShortAnswerQuestion, view: QuestionView) {
  const onKeydown = (event: KeyboardEvent) => {
    // Not while an input method is composing a word (Urdu, say): there Enter picks the word.
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    view.submit();
  };
  return html`<div class="short-answer">
    <label for="answer-${question.id}" class="visually-hidden">${view.localize.term('yourAnswer')}</label>
    <input id="answer-${question.id}" type="text" autocomplete="off" spellcheck="false" maxlength=${MAX_TEXT_LENGTH}
      .value=${typeof view.value === 'string' ? view.value : ''} ?disabled=${view.submitted || view.waiting}
      @input=${(event: Event) => view.answer((event.target as HTMLInputElement).value)} @keydown=${onKeydown} />
  </div>`;
}

/** The first accepted answer; a range's "a..b" is syntax for authors: a learner reads "19.2 to 19.5". */
export function renderShortCorrectAnswer(question: ShortAnswerQuestion, view: QuestionView) {
  const answer = question.answers[0]!;
  const range = parseRange(answer);
  const number = (value: number) => view.localize.number(value, { maximumFractionDigits: 20 });
  const shown = range ? view.localize.term('answerRange', number(range[0]), number(range[1])) : answer;
  return html`<p class="correct-answer">${view.localize.term('correctAnswer')} <span dir="auto">${shown}</span></p>`;
}
