/**
 * Lesson Markdown to safe HTML (SPEC §2.2). marked renders (or `sabaq build` did, for a prebuilt
 * course); the browser's HTML Sanitizer API where it has one, else DOMPurify, removes anything that
 * could run or restyle the host: scripts, event handlers, `javascript:` and (except on images) `data:`
 * URLs, `<iframe>`, `<object>`, `<embed>`, `<form>`, `<style>` and `style=` (`sanitize-rules.ts`).
 * Links get safe `rel` values and resolve against the lesson's own URL; images load lazily.
 *
 * Needs a DOM (both sanitisers parse with the browser's own parser); the rest of `lib/` does not.
 */
import { loadedMarkdownPipeline } from '../markdown-loader.js';
import type { AdmonitionKind, Lesson, LessonBlock } from '../types.js';
import { hasBuiltInSanitizer, sanitizeWithBuiltIn, textWithBuiltIn } from './builtin-sanitizer.js';
import { prerendered } from './prerendered.js';
import { loadedDomPurify } from './sanitizer-loader.js';

export interface RenderOptions {
  /** URL that relative links and images resolve against: the lesson file's own URL. */
  baseUrl?: string;
}

/**
 * Markdown to unsanitised HTML: as `sabaq build` rendered it for a prebuilt course, else by marked,
 * which whatever read the Markdown (a course, a quiz) loaded with the Markdown pipeline.
 */
function toHtml(source: string, inline: boolean): string {
  const html = prerendered(source, inline);
  if (html !== undefined) return html;
  const { markdown } = loadedMarkdownPipeline();
  return inline ? markdown.parseInline(source, { async: false }) : markdown.parse(source, { async: false });
}

/** Removes everything dangerous from an HTML string. */
export function sanitizeHtml(html: string, options: RenderOptions = {}): string {
  return hasBuiltInSanitizer()
    ? sanitizeWithBuiltIn(html, options.baseUrl)
    : loadedDomPurify().sanitizeWithDomPurify(html, options.baseUrl);
}

export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  return sanitizeHtml(toHtml(source, false), options);
}

/** One line of Markdown without a surrounding paragraph: a question, an option, a title. */
export function renderInline(source: string, options: RenderOptions = {}): string {
  return sanitizeHtml(toHtml(source, true), options);
}

/** One line of Markdown as plain text, for labels and options that cannot hold markup. */
export function renderText(source: string): string {
  const html = toHtml(source, true);
  return hasBuiltInSanitizer() ? textWithBuiltIn(html) : loadedDomPurify().textWithDomPurify(html);
}

export type AdmonitionLabels = Record<AdmonitionKind, string>;

const ENGLISH_LABELS: AdmonitionLabels = { note: 'Note', tip: 'Tip', warning: 'Warning', danger: 'Danger' };

/**
 * A lesson's body as safe HTML. Each quiz becomes an empty `<div class="sabaq-quiz-slot"
 * data-quiz-id="…">` for the player to fill. Each Markdown block is sanitised on its own, so nothing in
 * one block can close or reopen the structure around it.
 */
export function renderLesson(lesson: Lesson, labels: AdmonitionLabels = ENGLISH_LABELS): string {
  const options = { baseUrl: lesson.url };
  const render = (blocks: LessonBlock[]): string =>
    blocks
      .map((block) => {
        switch (block.type) {
          case 'markdown':
            return renderMarkdown(block.markdown, options);
          case 'html':
            return sanitizeHtml(block.html, options);
          case 'quiz':
            return `<div class="sabaq-quiz-slot" data-quiz-id="${escapeAttribute(block.quizId)}"></div>`;
          case 'admonition': {
            const title = block.title ? renderInline(block.title, options) : escapeText(labels[block.kind]);
            return (
              `<aside class="admonition admonition-${block.kind}" role="note">` +
              `<p class="admonition-title">${title}</p>${render(block.blocks)}</aside>`
            );
          }
        }
      })
      .join('\n');
  return render(lesson.blocks);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
