/**
 * Rendered Markdown, remembered per source and base URL, so that an element's `render()` never
 * re-runs marked and DOMPurify for text it has already shown (a keystroke re-renders every question).
 * A text that failed to render is remembered as failing: it throws again at once, without the work.
 * Bounded: the least recently used entries go first once a page has shown many texts.
 */
import { renderInline, renderMarkdown } from '../lib/render/render.js';

const MAX_ENTRIES = 500;

type Rendered = { html: string } | { error: unknown };

function memoised(renderer: (source: string, options: { baseUrl?: string }) => string) {
  const cache = new Map<string, Rendered>();
  return (source: string, baseUrl?: string): string => {
    const key = `${baseUrl ?? ''}\n${source}`;
    let rendered = cache.get(key);
    if (rendered === undefined) {
      try {
        rendered = { html: renderer(source, baseUrl === undefined ? {} : { baseUrl }) };
      } catch (error) {
        rendered = { error };
      }
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    } else cache.delete(key); // Most recently used last.
    cache.set(key, rendered);
    if ('error' in rendered) throw rendered.error;
    return rendered.html;
  };
}

/** Safe HTML for a block of Markdown, links and images resolved against `baseUrl`. */
export const renderedMarkdown = memoised(renderMarkdown);

/** Safe HTML for one line of Markdown without a surrounding paragraph. */
export const renderedInline = memoised(renderInline);
