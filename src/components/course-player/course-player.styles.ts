import { css } from 'lit';

export const playerStyles = css`
  :host {
    container-type: inline-size;
  }

  .player {
    display: grid;
    gap: var(--_space);
    background: var(--_surface);
  }

  header {
    display: grid;
    gap: 0.5rem;
  }

  .course-title {
    margin: 0;
    font-size: 1.4em;
    line-height: 1.3;
  }

  :host([data-rtl]) .course-title {
    line-height: 2;
  }

  .progress-label {
    color: var(--_muted);
    font-size: 0.9em;
  }

  /* Before the learner's progress and every lesson are read: what they decide keeps its place, unseen (and unread). */
  .pending :is(.bar, .progress-label, .state-icon, .toc-state, .lesson-nav) {
    visibility: hidden;
  }

  .layout {
    display: grid;
    gap: var(--_space);
    min-width: 0;
  }

  /* In em, which here follow the element's text: a page's small root size must not squeeze the lesson. */
  @container (min-width: 48em) {
    .layout {
      grid-template-columns: minmax(14em, 18em) minmax(0, 1fr);
      align-items: start;
    }

    .contents-toggle {
      display: none;
    }

    nav.collapsible {
      display: block !important;
    }
  }

  .contents-toggle {
    justify-self: start;
  }

  nav {
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  nav h2 {
    margin: 0 0 0.5rem;
    font-size: 1em;
  }

  nav h3 {
    margin: 0.75rem 0 0.25rem;
    font-size: 0.95em;
    color: var(--_muted);
  }

  /* A long course's contents are laid out only where they are on screen. */
  nav li {
    content-visibility: auto;
    contain-intrinsic-size: auto 2.75rem;
  }

  nav ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.25rem;
  }

  .toc-item {
    display: flex;
    width: 100%;
    align-items: flex-start;
    gap: 0.5rem;
    min-height: var(--_target);
    padding: 0.4rem 0.5rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    text-align: start;
    cursor: pointer;
  }

  .toc-item[aria-current='page'] {
    border-color: var(--_primary);
    background: var(--_surface);
    font-weight: 700;
  }

  .toc-item[aria-disabled='true'] {
    color: var(--_muted);
    cursor: not-allowed;
  }

  /* Each state's icon is a mask painted in the text's colour: a long course's contents build no SVG.
     Prefixed too for Chrome before 120 and Samsung Internet before 25, common on older phones. */
  .state-icon {
    flex: none;
    width: 1.1em;
    height: 1.1em;
    margin-block-start: 0.2em;
    background: currentColor;
    -webkit-mask: var(--_state-icon) center / contain no-repeat;
    mask: var(--_state-icon) center / contain no-repeat;
  }

  @media (forced-colors: active) {
    .state-icon {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }

  .state-locked {
    --_state-icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect x='3' y='7' width='10' height='7' rx='1.5'/%3E%3Cpath d='M5 7V5a3 3 0 0 1 6 0v2' fill='none' stroke='black' stroke-width='1.5'/%3E%3C/svg%3E");
  }

  .state-not-started {
    --_state-icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='5.5' fill='none' stroke='black' stroke-width='1.5'/%3E%3C/svg%3E");
  }

  .state-in-progress {
    --_state-icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='5.5' fill='none' stroke='black' stroke-width='1.5'/%3E%3Cpath d='M8 2.5a5.5 5.5 0 0 1 0 11z'/%3E%3C/svg%3E");
  }

  .state-complete {
    --_state-icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M3 8.5l3.2 3.2L13 4.8' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'/%3E%3C/svg%3E");
  }

  .toc-text {
    display: grid;
    min-width: 0;
  }

  .toc-state {
    font-size: 0.8em;
    color: var(--_muted);
    font-weight: 400;
  }

  .state-complete .state-icon {
    color: var(--_success);
  }

  main {
    min-width: 0;
  }

  .lesson-title {
    margin: 0 0 0.25rem;
    font-size: 1.3em;
    line-height: 1.35;
  }

  .lesson-meta {
    margin: 0 0 1rem;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .lesson-nav {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.75rem;
    margin-top: 1.5rem;
    padding-top: 1rem;
    border-top: 1px solid var(--_border);
  }

  .lesson-nav .spacer {
    flex: 1;
  }

  .start {
    display: grid;
    gap: 0.75rem;
    justify-items: start;
  }

  sabaq-quiz {
    margin: 1.25rem 0;
  }
`;
