/**
 * Markdown rendered once per source: marked and DOMPurify are the slowest thing an element does, and a
 * render runs on every keystroke. Elements ask here from `render()` and get the same sanitised string
 * back for the same source and base URL, which also lets `unsafeHTML` skip the unchanged parts.
 */
import { renderInline, renderMarkdown, renderText } from '../lib/render/render.js';

/** Enough for a long lesson's blocks and a 100-question quiz in two languages; small enough to forget. */
const MAX_ENTRIES = 2000;

function memoised(render: (source: string, baseUrl: string) => string) {
  const cache = new Map<string, string>();
  return (source: string, baseUrl: string): string => {
    const key = `${baseUrl}\n${source}`;
    let html = cache.get(key);
    if (html === undefined) {
      html = render(source, baseUrl);
      // A Map keeps insertion order: the first key is the oldest.
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    } else {
      cache.delete(key); // Most recently used goes last, so it is the last forgotten.
    }
    cache.set(key, html);
    return html;
  };
}

/** Block Markdown (paragraphs, lists, code) as sanitised HTML; relative URLs resolve against `baseUrl`. */
export const renderedMarkdown = memoised((source, baseUrl) => renderMarkdown(source, { baseUrl }));

/** One line of Markdown (a question, an option, a title) as sanitised HTML without a paragraph. */
export const renderedInline = memoised((source, baseUrl) => renderInline(source, { baseUrl }));

/** One line of Markdown as plain text, for labels and `<option>`s that cannot hold markup. */
export function renderedText(source: string): string {
  return renderedPlain(source, '');
}

const renderedPlain = memoised((source) => renderText(source));
