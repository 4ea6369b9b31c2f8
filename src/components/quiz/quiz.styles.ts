import { css } from 'lit';

export const quizStyles = css`
  /* The quiz paints its own surface, so its text reads on any page in either colour scheme (a white
     page with the device in dark mode made the text near-white on white). */
  .quiz {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    background: var(--_surface);
    color: var(--_text);
    /* A long word (CommercialInvoice/PackingList) breaks rather than widening the page on a phone. */
    overflow-wrap: anywhere;
  }

  :host([data-standalone]) .quiz {
    padding: var(--_space);
    border-radius: var(--_radius);
  }

  .question {
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-width: 0;
  }

  /* Floated, the legend sits inside the box instead of on its border. */
  .question legend {
    float: left;
    width: 100%;
  }

  .question legend + * {
    clear: both;
  }

  .question legend,
  .question .prompt {
    padding: 0;
    font-weight: 700;
    font-size: 1.05em;
  }

  .question-number {
    display: block;
    color: var(--_muted);
    font-size: 0.85em;
    font-weight: 400;
  }

  .prompt p,
  .option-text p {
    display: inline;
    margin: 0;
  }

  /* One column that never grows past the question: an auto column would widen to its widest row's
     content (a select as wide as its longest option), scrolling a phone's page sideways. */
  .options {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5rem;
    margin: 0.75rem 0 0;
    padding: 0;
    list-style: none;
  }

  .option {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    min-height: var(--_target);
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .option input {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0.2em 0 0;
    accent-color: var(--_primary);
  }

  /* :where() keeps this rule weaker than .right and .wrong below: after submitting, a wrong chosen
     option must not keep the primary colour (a green as close to right's as makes no difference). */
  .option:where(:has(input:checked)) {
    border-color: var(--_primary);
    background: var(--_surface-alt);
  }

  .option.right {
    border-color: var(--_success);
  }

  .option.wrong {
    border-color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
  }

  /* The words under an option's text that say what colour says: right, or the learner's wrong choice. */
  .mark {
    display: block;
    font-size: 0.875em;
    font-weight: 700;
  }

  .right .mark {
    color: var(--_success);
  }

  .wrong .mark {
    color: var(--_danger);
  }

  .option-feedback,
  .explanation,
  .hint {
    margin: 0.5rem 0 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .hint-toggle {
    margin-top: 0.5rem;
    padding: 0.25rem 0.5rem;
    min-height: var(--_target);
    border: none;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
  }

  .short-answer input {
    width: 100%;
    max-width: 24rem;
    min-height: var(--_target);
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .ordering li,
  .matching li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .ordering .item-text {
    flex: 1 1 10rem;
    min-width: 0;
  }

  /* A term and its select share a row while both fit; otherwise the term sits above its select, which
     then takes the row's full width. The select's basis is its longest option and it takes nearly all
     the free space, so a wide screen shows the chosen text whole. */
  .matching .term {
    flex: 1 1 12rem;
    min-width: 0;
  }

  .ordering .moves {
    display: flex;
    gap: 0.25rem;
  }

  .icon-button {
    min-width: var(--_target);
    min-height: var(--_target);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }

  .icon-button:disabled {
    opacity: 0.4;
    cursor: not-allowed;
  }

  /* max-width: 100% also makes a select's minimum width zero, so a long option never widens its row:
     on a phone the closed select cuts the text, and its list shows it whole. WebKit counts the cut text as
     overflow, which would still scroll the page sideways; paint containment clips it (overflow: hidden
     does not, on a select). */
  .matching select {
    flex: 1000 1 auto;
    min-width: 0;
    max-width: 100%;
    contain: paint;
    min-height: var(--_target);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .verdict {
    margin: 0.5rem 0 0;
    font-weight: 700;
  }

  .verdict.right {
    color: var(--_success);
  }

  .verdict.wrong {
    color: var(--_danger);
  }

  .correct-answer {
    margin: 0.5rem 0 0;
  }

  .correct-answer :is(ol, ul) {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.5rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }

  .result {
    padding: var(--_space);
    border-radius: var(--_radius);
    border: 2px solid var(--_border);
  }

  .result.passed {
    border-color: var(--_success);
  }

  .result.failed {
    border-color: var(--_danger);
  }

  .result p {
    margin: 0.25rem 0;
  }

  .timer {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
  }
`;
