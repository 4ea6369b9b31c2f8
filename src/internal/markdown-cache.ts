/**
 * Markdown rendered once per source: marked and DOMPurify are the slowest thing an element does, and a
 * render runs on every keystroke. Elements ask here from `render()` and get the same sanitised string
 * back for the same source and base URL, which also lets `unsafeHTML` skip the unchanged parts.
 */
import { renderInline, renderMarkdown, renderText, sanitizeHtml } from '../lib/render/render.js';

/** Enough for a long lesson's blocks and a 100-question quiz in two languages; small enough to forget. */
const MAX_ENTRIES = 2000;

/** What rendering a text came to: its HTML, or the error it threw (thrown again, without the work). */
type Rendered = { html: string } | { error: unknown };

function memoised(render: (source: string, baseUrl: string) => string) {
  const cache = new Map<string, Rendered>();
  return (source: string, baseUrl: string): string => {
    const key = `${baseUrl}\n${source}`;
    let rendered = cache.get(key);
    if (rendered === undefined) {
      try {
        rendered = { html: render(source, baseUrl) };
      } catch (error) {
        // A lesson nested deep enough to overflow the stack (a RangeError) takes seconds to fail: fail it
        // once. Anything else (the Markdown pipeline not loaded yet, say) may pass: try again next time.
        if (!(error instanceof RangeError)) throw error;
        rendered = { error };
      }
      // A Map keeps insertion order: the first key is the oldest.
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    } else {
      cache.delete(key); // Most recently used goes last, so it is the last forgotten.
    }
    cache.set(key, rendered);
    if ('error' in rendered) throw rendered.error;
    return rendered.html;
  };
}

/** Block Markdown (paragraphs, lists, code) as sanitised HTML; relative URLs resolve against `baseUrl`. */
export const renderedMarkdown = memoised((source, baseUrl) => renderMarkdown(source, { baseUrl }));

/** HTML that `sabaq build` rendered from a lesson's Markdown, sanitised as if rendered here. */
export const renderedHtml = memoised((html, baseUrl) => sanitizeHtml(html, { baseUrl }));

/** One line of Markdown (a question, an option, a title) as sanitised HTML without a paragraph. */
export const renderedInline = memoised((source, baseUrl) => renderInline(source, { baseUrl }));

/** One line of Markdown as plain text, for labels and `<option>`s that cannot hold markup. */
export function renderedText(source: string): string {
  return renderedPlain(source, '');
}

const renderedPlain = memoised((source) => renderText(source));
