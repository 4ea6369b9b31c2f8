/**
 * Entry of `dist/sabaq.js`: importing it defines the elements. It exports what a partner page's own
 * script may use beside them (the element classes, events, translations and the store); the course
 * engine, parsers and renderers are the npm entry's (`sabaq`), where a bundler can split them as it
 * likes. The Markdown pipeline, which this file loads from a file beside it when a page reads Markdown,
 * is most of their weight.
 */
import './internal/preload.js';
import './define.js';

export { SabaqCoursePlayer } from './components/course-player/course-player.js';
export { SabaqQuiz } from './components/quiz/quiz.js';
export { SabaqProgressTracker } from './components/progress-tracker/progress-tracker.js';
export { SabaqCertificate } from './components/certificate/certificate.js';
export { SabaqEvent, SABAQ_EVENT_TYPES } from './events.js';
export { registerTranslation } from './i18n/localize.js';
export { openStore, createMemoryStore, ProgressImportError, PROGRESS_FORMAT, PROGRESS_FORMAT_VERSION } from './lib/store/index.js';

export { connectLrs } from './connect-lrs.js';
