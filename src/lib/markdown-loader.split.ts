/**
 * `dist/sabaq.js`'s version of `markdown-loader.ts` (the bundle build swaps it in): the Markdown
 * pipeline is a file beside the script, fetched once per page on first need by a URL relative to it,
 * with the sanitiser its output needs. A page whose courses are prebuilt (`course.json`) never fetches it.
 */
import { loadSanitizer } from './render/sanitizer-loader.js';
type MarkdownPipeline = typeof import('./markdown-pipeline.js');

let loading: Promise<MarkdownPipeline> | undefined;
let loaded: MarkdownPipeline | undefined;

export function loadMarkdownPipeline(): Promise<MarkdownPipeline> {
  loading ??= Promise.all([import('./markdown-pipeline.js'), loadSanitizer()]).then(
    ([pipeline]) => (loaded = pipeline),
    (error: unknown) => {
      // A failed fetch (a patchy connection) is tried again on the next need.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export function loadedMarkdownPipeline(): MarkdownPipeline {
  if (!loaded) throw new Error('Markdown was rendered before the Markdown pipeline had loaded');
  return loaded;
}
