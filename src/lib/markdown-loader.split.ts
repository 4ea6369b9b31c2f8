/**
 * `dist/sabaq.js`'s version of `markdown-loader.ts` (the bundle build swaps it in): the Markdown
 * pipeline is a file beside the script, fetched once per page on first need by a URL relative to it,
 * with the sanitiser its output needs. A page whose courses are prebuilt (`course.json`) never fetches it.
 */
import { importOnce } from './import-once.js';
import { loadSanitizer } from './render/sanitizer-loader.js';
type MarkdownPipeline = typeof import('./markdown-pipeline.js');

const pipeline = importOnce(async () => (await Promise.all([import('./markdown-pipeline.js'), loadSanitizer()]))[0]);

export function loadMarkdownPipeline(): Promise<MarkdownPipeline> {
  return pipeline.load();
}

export function loadedMarkdownPipeline(): MarkdownPipeline {
  const loaded = pipeline.loaded;
  if (!loaded) throw new Error('Markdown was rendered before the Markdown pipeline had loaded');
  return loaded;
}
