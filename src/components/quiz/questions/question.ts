/** One question's box: its number and prompt, body, hint, answers, and after submitting its verdict. */
import { html, nothing } from 'lit';
import type { QuestionResult } from '../../../lib/quiz/score.js';
import type { Question } from '../../../lib/types.js';
import { renderChoiceAnswers } from './choice.js';
import { renderMatchingAnswers, renderMatchingCorrectAnswer } from './matching.js';
import { renderOrderingAnswers, renderOrderingCorrectAnswer } from './ordering.js';
import { renderShortAnswer, renderShortCorrectAnswer } from './short-answer.js';
import type { QuestionView } from './view.js';

export interface QuestionFrame {
  /** "Question 2 of 5". */
  number: string;
  /** The question's result, once submitted. */
  verdict: QuestionResult | undefined;
  hintOpen: boolean;
  toggleHint(): void;
}

export function renderQuestion(question: Question, frame: QuestionFrame, view: QuestionView) {
  const { verdict } = frame;
  const prompt = html`<span class="question-number">${frame.number}</span>
    <span class="prompt">${view.inline(question.prompt)}</span>`;
  const body = html`
    ${question.body ? html`<div class="prose">${view.markdown(question.body)}</div>` : nothing}
    ${question.hint && !view.submitted && !view.waiting ? renderHint(question.id, question.hint, frame, view) : nothing}
    ${renderAnswers(question, view)}
    ${
      verdict
        ? html`<p class="verdict ${verdict.correct ? 'right' : 'wrong'}">
            ${view.localize.term(verdict.correct ? 'correct' : verdict.points > 0 ? 'partlyCorrect' : 'incorrect')}
          </p>
          ${verdict.correct ? nothing : renderCorrectAnswer(question, view)}
          ${question.explanation ? html`<div class="explanation prose">${view.markdown(question.explanation)}</div>` : nothing}`
        : nothing
    }
  `;
  // Choices are a group of radio buttons or checkboxes: a fieldset names the group by its question.
  if (question.kind === 'single' || question.kind === 'multiple') {
    return html`<fieldset class="question" part="question" data-question=${question.id}>
      <legend>${prompt}</legend>${body}
    </fieldset>`;
  }
  return html`<div class="question" part="question" data-question=${question.id} role="group" aria-labelledby="prompt-${question.id}">
    <div id="prompt-${question.id}" class="prompt">${prompt}</div>${body}
  </div>`;
}

function renderHint(id: string, hint: string, frame: QuestionFrame, view: QuestionView) {
  return html`<button class="hint-toggle" aria-expanded=${frame.hintOpen ? 'true' : 'false'} aria-controls="hint-${id}" @click=${() => frame.toggleHint()}>
      ${view.localize.term(frame.hintOpen ? 'hideHint' : 'hint')}
    </button>
    <div id="hint-${id}" class="hint prose" ?hidden=${!frame.hintOpen}>${frame.hintOpen ? view.markdown(hint) : nothing}</div>`;
}

function renderAnswers(question: Question, view: QuestionView) {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return renderChoiceAnswers(question, view);
    case 'short':
      return renderShortAnswer(question, view);
    case 'ordering':
      return renderOrderingAnswers(question, view);
    case 'matching':
      return renderMatchingAnswers(question, view);
  }
}

function renderCorrectAnswer(question: Question, view: QuestionView) {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return nothing; // The right options are marked in place.
    case 'short':
      return renderShortCorrectAnswer(question, view);
    case 'ordering':
      return renderOrderingCorrectAnswer(question, view);
    case 'matching':
      return renderMatchingCorrectAnswer(question, view);
  }
}
