/**
 * Where DOMPurify comes from. Here, the npm entry and the tests: imported with the rest. `dist/sabaq.js`
 * is built with `sanitizer-loader.split.ts` instead, which fetches it only in a browser without the HTML
 * Sanitizer API; code that reads a course or a quiz therefore awaits `loadSanitizer()` first.
 */
import * as domPurify from './dompurify-sanitizer.js';

type DomPurifySanitizer = typeof domPurify;

export function loadSanitizer(): Promise<void> {
  return Promise.resolve();
}

/** DOMPurify, for code that runs only after something awaited {@link loadSanitizer}. */
export function loadedDomPurify(): DomPurifySanitizer {
  return domPurify;
}
