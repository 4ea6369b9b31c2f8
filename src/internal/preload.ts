/**
 * Imported first by `dist/sabaq.js`, so that it runs before the elements are defined: a page with a quiz
 * or a Markdown course will surely need the Markdown pipeline, so its fetch starts now, beside the rest
 * of the script's work, rather than when the first element asks. (Whoever needs it awaits it and
 * reports a failure; this only starts it.)
 */
import { loadMarkdownPipeline } from '../lib/markdown-loader.js';

const READS_MARKDOWN = 'sabaq-quiz, :is(sabaq-course-player, sabaq-progress-tracker, sabaq-certificate)[src]:not([src$=".json" i])';

if (typeof document !== 'undefined' && document.querySelector(READS_MARKDOWN)) loadMarkdownPipeline().catch(() => undefined);
