/**
 * `dist/sabaq.js`'s version of `sanitizer-loader.ts` (the bundle build swaps it in): DOMPurify is a file
 * beside the script, fetched once per page, and only by a browser without the HTML Sanitizer API.
 */
import { hasBuiltInSanitizer } from './builtin-sanitizer.js';

type DomPurifySanitizer = typeof import('./dompurify-sanitizer.js');

let loading: Promise<void> | undefined;
let loaded: DomPurifySanitizer | undefined;

export function loadSanitizer(): Promise<void> {
  if (hasBuiltInSanitizer()) return Promise.resolve();
  loading ??= import('./dompurify-sanitizer.js').then(
    (module) => {
      loaded = module;
    },
    (error: unknown) => {
      // A failed fetch (a patchy connection) is tried again on the next need.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export function loadedDomPurify(): DomPurifySanitizer {
  if (!loaded) throw new Error('HTML was sanitised before DOMPurify had loaded');
  return loaded;
}
