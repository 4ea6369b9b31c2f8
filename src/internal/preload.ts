/**
 * Imported first by `dist/sabaq.js`, so that it runs before the elements are defined: what the page's
 * elements will surely need starts to be fetched now, beside the rest of the script's work, rather than
 * when the first element asks: the Markdown pipeline for a quiz or a Markdown course, and the strings
 * of an element's language where sabaq keeps them in a file of their own (Urdu). (Whoever needs them
 * awaits them and reports a failure; this only starts them.)
 */
import { fetchTranslation } from '../i18n/localize.js';
import { loadMarkdownPipeline } from '../lib/markdown-loader.js';

const ELEMENTS = 'sabaq-quiz, sabaq-course-player, sabaq-progress-tracker, sabaq-certificate';
const READS_MARKDOWN = 'sabaq-quiz, :is(sabaq-course-player, sabaq-progress-tracker, sabaq-certificate)[src]:not([src$=".json" i])';

if (typeof document !== 'undefined') {
  if (document.querySelector(READS_MARKDOWN)) loadMarkdownPipeline().catch(() => undefined);
  for (const element of document.querySelectorAll(ELEMENTS)) {
    fetchTranslation(element.closest('[lang]')?.getAttribute('lang') ?? 'en')?.catch(() => undefined);
  }
}
