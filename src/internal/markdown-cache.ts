/**
 * Rendered Markdown, remembered per source and base URL, so that an element's `render()` never
 * re-runs marked and DOMPurify for text it has already shown (a keystroke re-renders every question).
 * Bounded: the oldest entries go first once a page has shown many texts.
 */
import { renderInline, renderMarkdown } from '../lib/render/render.js';

const MAX_ENTRIES = 500;

function memoised(renderer: (source: string, options: { baseUrl?: string }) => string) {
  const cache = new Map<string, string>();
  return (source: string, baseUrl?: string): string => {
    const key = `${baseUrl ?? ''}\n${source}`;
    let rendered = cache.get(key);
    if (rendered === undefined) {
      rendered = renderer(source, baseUrl === undefined ? {} : { baseUrl });
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    } else cache.delete(key); // Most recently used last.
    cache.set(key, rendered);
    return rendered;
  };
}

/** Safe HTML for a block of Markdown, links and images resolved against `baseUrl`. */
export const renderedMarkdown = memoised(renderMarkdown);

/** Safe HTML for one line of Markdown without a surrounding paragraph. */
export const renderedInline = memoised(renderInline);
