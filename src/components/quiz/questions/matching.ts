/** Matching: each term labels a select of the right-hand sides. */
import { html } from 'lit';
import type { MatchingQuestion } from '../../../lib/types.js';
import { renderedText } from '../../../internal/markdown-cache.js';
import type { QuestionView } from './view.js';

export function renderMatchingAnswers(question: MatchingQuestion, view: QuestionView) {
  const chosen = Array.isArray(view.value) ? view.value : [];
  const right = (index: number) => question.pairs[index]?.right;
  // Pairs may share a right side ("fruit"): offer each text once.
  const rights = view.order.filter((i, at) => view.order.findIndex((j) => right(j) === right(i)) === at);
  const onChange = (left: number, choice: number) => {
    const now = Array.isArray(view.value) ? view.value : []; // Read now: two changes may come before a render.
    const next = question.pairs.map((_, i) => now[i] ?? -1);
    next[left] = choice;
    view.answer(next);
  };
  return html`<ul class="options matching">
    ${question.pairs.map(
      (pair, i) => html`<li>
        <label class="term" for="match-${question.id}-${i}">${view.inline(pair.left)}</label>
        <select id="match-${question.id}-${i}" ?disabled=${view.submitted || view.waiting}
          @change=${(event: Event) => onChange(i, Number((event.target as HTMLSelectElement).value))}>
          <option value="-1" ?selected=${(chosen[i] ?? -1) < 0}>${view.localize.term('chooseMatch')}</option>
          ${rights.map(
            (j) => html`<option value=${j} ?selected=${chosen[i] !== undefined && right(chosen[i]) === right(j)}>
            ${renderedText(right(j)!)}
          </option>`,
          )}
        </select>
      </li>`,
    )}
  </ul>`;
}

/** Each side is isolated (bdi), so the arrow falls between them in the quiz's direction: it must point
 * that way too, since no font mirrors an arrow. */
export function renderMatchingCorrectAnswer(question: MatchingQuestion, view: QuestionView) {
  const arrow = view.localize.dir === 'rtl' ? '←' : '→';
  const pairs = question.pairs.map(
    (pair) => html`<li><bdi>${view.inline(pair.left)}</bdi> ${arrow} <bdi>${view.inline(pair.right)}</bdi></li>`,
  );
  return html`<div class="correct-answer">${view.localize.term('correctAnswer')}<ul>${pairs}</ul></div>`;
}
