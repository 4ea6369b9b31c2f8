/**
 * The look every element shares. Public `--sabaq-*` custom properties are read once into private
 * `--_*` ones, with light and dark defaults in the fallbacks: a partner who sets a colour sets it for
 * both schemes. Urdu gets a Nastaliq-friendly font and line height.
 */
import { css } from 'lit';

export const theme = css`
  :host {
    --_primary: var(--sabaq-color-primary, #0b6b3a);
    --_on-primary: var(--sabaq-color-on-primary, #ffffff);
    --_text: var(--sabaq-color-text, #1b2420);
    --_muted: var(--sabaq-color-muted, #55625b);
    --_surface: var(--sabaq-color-surface, #ffffff);
    --_surface-alt: var(--sabaq-color-surface-alt, #f1f5f2);
    --_border: var(--sabaq-color-border, #c9d3cd);
    --_success: var(--sabaq-color-success, #1a7f37);
    --_danger: var(--sabaq-color-danger, #b42318);
    --_warning: var(--sabaq-color-warning, #8a5a00);
    --_focus: var(--sabaq-color-focus, #1b5fd1);
    --_font: var(--sabaq-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_font-rtl: var(
      --sabaq-font-family-rtl,
      'Noto Nastaliq Urdu',
      'Jameel Noori Nastaleeq',
      'Urdu Typesetting',
      'Noto Naskh Arabic',
      var(--_font)
    );
    --_radius: var(--sabaq-radius, 0.5rem);
    --_space: var(--sabaq-spacing, 1rem);
    --_line-height: 1.6;
    --_duration: 150ms;
    /* Touch targets in px as well as rem: a partner's html { font-size: 62.5% } makes a rem 10 px. */
    --_target: max(2.75rem, 44px);

    display: block;
    color: var(--_text);
    font-family: var(--_font);
    /* Readable whatever the page's root size; sizes inside are in em where they follow the text. */
    font-size: max(1em, 16px);
    line-height: var(--_line-height);
    box-sizing: border-box;
    /* A long word (a title such as "CommercialInvoice/PackingList") wraps rather than spilling over. */
    overflow-wrap: anywhere;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--sabaq-color-primary, #5fd08f);
      --_on-primary: var(--sabaq-color-on-primary, #07210f);
      --_text: var(--sabaq-color-text, #e5ece8);
      --_muted: var(--sabaq-color-muted, #a7b5ad);
      --_surface: var(--sabaq-color-surface, #141a17);
      --_surface-alt: var(--sabaq-color-surface-alt, #1e2622);
      --_border: var(--sabaq-color-border, #3a4741);
      --_success: var(--sabaq-color-success, #5fd08f);
      --_danger: var(--sabaq-color-danger, #ff8a80);
      --_warning: var(--sabaq-color-warning, #f2c46d);
      --_focus: var(--sabaq-color-focus, #8ab4ff);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0ms;
    }
  }

  /* Nastaliq needs room above and below each line. */
  :host([data-rtl]) {
    font-family: var(--_font-rtl);
    --_line-height: 2.1;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: var(--_target);
    padding: 0.4rem 1.1rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
    transition: filter var(--_duration);
  }

  .button:hover {
    filter: brightness(1.08);
  }

  .button.secondary {
    background: transparent;
    color: var(--_primary);
  }

  .button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }

  /* A progress bar: a role="progressbar" box around a span as wide as the percent done. */
  .bar {
    height: 0.6rem;
    border-radius: 999px;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    overflow: hidden;
  }

  .bar > span {
    display: block;
    height: 100%;
    background: var(--_primary);
    transition: width var(--_duration);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .notice {
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface-alt);
  }

  .notice.error {
    border-color: var(--_danger);
    color: var(--_danger);
  }

  .problems {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.875em;
    line-height: 1.5;
    direction: ltr;
    text-align: start;
  }

  /* Rendered lesson content. */
  /* Lesson headings stay below the element's own title. */
  .prose h1 {
    font-size: 1.3em;
  }

  .prose h2 {
    font-size: 1.15em;
  }

  .prose h3,
  .prose h4 {
    font-size: 1em;
  }

  .prose img,
  .prose video {
    max-width: 100%;
    height: auto;
  }

  .prose table {
    display: block;
    max-width: 100%;
    overflow-x: auto;
    border-collapse: collapse;
  }

  .prose th,
  .prose td {
    border: 1px solid var(--_border);
    padding: 0.35rem 0.6rem;
    text-align: start;
  }

  .prose pre {
    max-width: 100%;
    overflow-x: auto;
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    direction: ltr;
    text-align: left;
  }

  .prose a {
    color: var(--_primary);
  }

  .prose .admonition {
    margin: 1rem 0;
    padding: 0.5rem 1rem;
    border-inline-start: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .prose .admonition-title {
    margin: 0;
    font-weight: 700;
  }

  .prose .admonition-warning {
    border-color: var(--_warning);
  }

  .prose .admonition-danger {
    border-color: var(--_danger);
  }
`;
