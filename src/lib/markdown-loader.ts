/**
 * Where the Markdown pipeline (marked and the course and quiz readers) comes from. Here, the npm entry,
 * the CLI and the tests: imported with the rest, so `renderMarkdown` works at once. `dist/sabaq.js` is
 * built with `markdown-loader.split.ts` instead, which fetches the pipeline only when a page needs it;
 * code that reads Markdown therefore awaits `loadMarkdownPipeline()` first, and code that renders it
 * runs only after something did.
 */
import * as pipeline from './markdown-pipeline.js';

type MarkdownPipeline = typeof pipeline;

export function loadMarkdownPipeline(): Promise<MarkdownPipeline> {
  return Promise.resolve(pipeline);
}

/** The pipeline, for code that runs only after something awaited {@link loadMarkdownPipeline}. */
export function loadedMarkdownPipeline(): MarkdownPipeline {
  return pipeline;
}
