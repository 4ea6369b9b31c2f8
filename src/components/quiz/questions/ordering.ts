/** Ordering: the items as a list, each with Move up / Move down buttons named after it. */
import { html, nothing } from 'lit';
import type { OrderingQuestion } from '../../../lib/types.js';
import { renderedText } from '../../../internal/markdown-cache.js';
import type { QuestionView } from './view.js';

export function renderOrderingAnswers(question: OrderingQuestion, view: QuestionView) {
  const current = Array.isArray(view.value) ? view.value : view.order;
  const move = (from: number, to: number) => {
    const order = [...(Array.isArray(view.value) ? view.value : view.order)];
    const [item] = order.splice(from, 1);
    order.splice(to, 0, item!);
    view.answer(order);
    // Focus stays with the item that moved, on the button that moves it the same way again if it can.
    view.afterUpdate((root) => {
      const buttons = root.querySelectorAll(`[data-question="${question.id}"] li`)[to]?.querySelectorAll('button');
      const same = to < from ? buttons?.[0] : buttons?.[1];
      (same && !same.disabled ? same : buttons?.[0]?.disabled ? buttons[1] : buttons?.[0])?.focus();
    });
  };
  return html`<ol class="options ordering">
    ${current.map((item, position) => {
      const text = question.items[item]!;
      const label = renderedText(text);
      return html`<li>
        <span class="item-text">${view.inline(text)}</span>
        ${
          view.submitted
            ? nothing
            : html`<span class="moves">
              <button class="icon-button" aria-label=${view.localize.term('moveItemUp', label)} ?disabled=${position === 0}
                @click=${() => move(position, position - 1)}>↑</button>
              <button class="icon-button" aria-label=${view.localize.term('moveItemDown', label)} ?disabled=${position === current.length - 1}
                @click=${() => move(position, position + 1)}>↓</button>
            </span>`
        }
      </li>`;
    })}
  </ol>`;
}

/** A list rather than text joined with arrows: a screen reader says how many items there are. */
export function renderOrderingCorrectAnswer(question: OrderingQuestion, view: QuestionView) {
  return html`<div class="correct-answer">
    ${view.localize.term('correctAnswer')}<ol>${question.items.map((item) => html`<li>${view.inline(item)}</li>`)}</ol>
  </div>`;
}
