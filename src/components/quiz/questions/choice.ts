/** Single and multiple choice: a radio group or checkboxes, marked in colour and in words once submitted. */
import { html, nothing } from 'lit';
import type { MultipleChoiceQuestion, SingleChoiceQuestion } from '../../../lib/types.js';
import type { QuestionView } from './view.js';

export function renderChoiceAnswers(question: SingleChoiceQuestion | MultipleChoiceQuestion, view: QuestionView) {
  const { value, submitted } = view;
  const type = question.kind === 'single' ? 'radio' : 'checkbox';
  const chosen = (i: number) => (Array.isArray(value) ? value.includes(i) : value === i);
  const onChange = (index: number, checked: boolean) => {
    if (question.kind === 'single') return view.answer(index);
    const current = Array.isArray(view.value) ? view.value : []; // Read now: two changes may come before a render.
    view.answer(checked ? [...new Set([...current, index])].sort((a, b) => a - b) : current.filter((i) => i !== index));
  };
  // After submitting, options go back to their written order, as the right answers are described.
  const shown = submitted ? question.options.map((_, i) => i) : view.order;
  return html`<div class="options">
    ${shown.map((i) => {
      const option = question.options[i]!;
      const mark = !submitted ? '' : option.correct ? 'right' : chosen(i) ? 'wrong' : '';
      return html`<label class="option ${mark}">
          <input type=${type} name="q-${question.id}" .checked=${chosen(i)} ?disabled=${submitted || view.waiting}
            @change=${(event: Event) => onChange(i, (event.target as HTMLInputElement).checked)} />
          <span class="option-text">${view.inline(option.text)}${mark ? renderMark(view, option.correct, chosen(i)) : nothing}</span>
        </label>
        ${submitted && chosen(i) && option.feedback ? html`<div class="option-feedback prose">${view.markdown(option.feedback)}</div>` : nothing}`;
    })}
  </div>`;
}

/** Says in words which options were right and which wrong one the learner chose: colour alone is lost
 * on many learners (colour blindness, a monochrome screen, a printout). */
function renderMark(view: QuestionView, correct: boolean, chosen: boolean) {
  const words = correct ? view.localize.term(chosen ? 'chosenRight' : 'rightOption') : view.localize.term('chosenWrong');
  return html`<span class="mark"><span aria-hidden="true">${correct ? '✓' : '✗'}</span> ${words}</span>`;
}
