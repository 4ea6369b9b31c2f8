/**
 * `dist/sabaq.js`'s version of `sanitizer-loader.ts` (the bundle build swaps it in): DOMPurify is a file
 * beside the script, fetched once per page, and only by a browser without the HTML Sanitizer API.
 */
import { importOnce } from '../import-once.js';
import { hasBuiltInSanitizer } from './builtin-sanitizer.js';

const domPurify = importOnce(() => import('./dompurify-sanitizer.js'));

export async function loadSanitizer(): Promise<void> {
  if (!hasBuiltInSanitizer()) await domPurify.load();
}

export function loadedDomPurify(): typeof import('./dompurify-sanitizer.js') {
  const loaded = domPurify.loaded;
  if (!loaded) throw new Error('HTML was sanitised before DOMPurify had loaded');
  return loaded;
}
