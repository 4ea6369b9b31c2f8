/**
 * Lesson Markdown to safe HTML (SPEC §2.2). marked renders; DOMPurify, with the rules below, removes
 * anything that could run or restyle the host: scripts, event handlers, `javascript:` and (except on
 * images) `data:` URLs, `<iframe>`, `<object>`, `<embed>`, `<form>`, `<style>` and `style=`. Links get
 * safe `rel` values and resolve against the lesson's own URL; images load lazily.
 *
 * Needs a DOM (DOMPurify parses with the browser's own parser) when it renders, and only then: importing
 * it in Node, as the npm entry does, costs nothing.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { markdown } from '../markdown.js';
import type { AdmonitionKind, Lesson, LessonBlock } from '../types.js';

export interface RenderOptions {
  /** URL that relative links and images resolve against: the lesson file's own URL. */
  baseUrl?: string;
}

/** A private instance, made on first use: hooks added here never touch a DOMPurify the host page uses. */
let instance: Purifier | undefined;

function purifier(): Purifier {
  if (!instance) {
    instance = DOMPurify(window);
    instance.addHook('beforeSanitizeElements', unwrapForm);
    instance.addHook('afterSanitizeAttributes', adjustAttributes);
  }
  return instance;
}

const CONFIG: Config = {
  FORBID_TAGS: ['style', 'form', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'link', 'meta'],
  // `srcset` is a list of URLs, which DOMPurify checks as one string and the hook below cannot resolve:
  // `<img srcset="http://x 1x, javascript:… 2x">` kept its javascript: URL (angular/angular#9638), and
  // relative candidates would load from the host page, not the lesson. `src` still shows the image.
  FORBID_ATTR: ['style', 'autofocus', 'target', 'formaction', 'srcset'],
  // http(s), mailto and relative URLs only; `data:` is then allowed on images alone (hook below).
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

let currentBase: string | undefined;

/** SVG presentation attributes that may name a resource with `url(…)`. */
const URL_PRESENTATION_ATTRIBUTES = [
  'fill', 'stroke', 'mask', 'clip-path', 'marker-start', 'marker-mid', 'marker-end', 'filter', 'cursor',
];
/** A same-document reference, `url(#id)` (quoted or not), which fetches nothing. */
const LOCAL_URL_REFERENCE = /url\(\s*(["']?)#[\w.:-]*\1\s*\)/gi;

/**
 * `<form>` is forbidden, and DOMPurify removes a form whose fields clobber its DOM properties
 * (`<form><input name="attributes">`) whole, with everything the HTML parser put inside it: an unclosed
 * one would take the rest of the lesson with it. Its content is moved out first, through Node's own
 * methods (the form's may be clobbered), so only the form goes.
 */
function unwrapForm(node: Node): void {
  const { prototype } = window.Node;
  const read = (name: 'nodeName' | 'parentNode' | 'firstChild' | 'nextSibling', of: Node) =>
    Object.getOwnPropertyDescriptor(prototype, name)!.get!.call(of) as Node | string | null;
  if (read('nodeName', node) !== 'FORM') return;
  const parent = read('parentNode', node) as Node | null;
  if (!parent) return;
  const after = read('nextSibling', node) as Node | null;
  for (let child = read('firstChild', node) as Node | null; child; child = read('firstChild', node) as Node | null) {
    prototype.insertBefore.call(parent, child, after);
  }
  prototype.removeChild.call(parent, node);
}

function adjustAttributes(element: Element): void {
  for (const name of ['href', 'src', 'xlink:href']) {
    const value = element.getAttribute(name);
    if (value === null) continue;
    if (/^\s*data:/i.test(value) && !(element.tagName === 'IMG' && name === 'src')) {
      element.removeAttribute(name);
    } else {
      element.setAttribute(name, resolve(value));
    }
  }
  // HTML `<a>`, SVG `<a>` (localName `a` too, with `href` or `xlink:href`) and `<area>` alike.
  const href = element.getAttribute('href') ?? element.getAttribute('xlink:href');
  if ((element.localName === 'a' || element.localName === 'area') && href !== null) {
    const external = isExternal(href);
    element.setAttribute('rel', external ? 'noopener noreferrer nofollow' : 'noopener');
    if (external) element.setAttribute('target', '_blank');
  }
  // A presentation attribute's `url(…)` loads from wherever it points: only `url(#id)` in the lesson stays.
  for (const name of URL_PRESENTATION_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value !== null && /url|\\|image/i.test(value.replace(LOCAL_URL_REFERENCE, ''))) element.removeAttribute(name);
  }
  if (element.tagName === 'IMG') {
    element.setAttribute('loading', 'lazy');
    element.setAttribute('decoding', 'async');
  }
  // axe (scrollable-region-focusable): a wide table or a long line of code scrolls sideways in its own
  // box (theme.ts), which the keyboard can scroll only once the box can take focus.
  if (element.tagName === 'PRE' || element.tagName === 'TABLE') element.setAttribute('tabindex', '0');
  // axe (label): a task list's checkbox (`- [x] …`) is named by the text of its item.
  if (element.tagName === 'INPUT' && element.getAttribute('type') === 'checkbox' && !element.hasAttribute('aria-label')) {
    let text = '';
    for (let node = element.nextSibling; node && node.nodeName !== 'UL' && node.nodeName !== 'OL'; node = node.nextSibling) text += node.textContent;
    if (text.trim()) element.setAttribute('aria-label', text.replace(/\s+/g, ' ').trim());
  }
}

function resolve(url: string): string {
  if (!currentBase || url.startsWith('#') || /^\s*(data|mailto):/i.test(url)) return url;
  try {
    return new URL(url, currentBase).href;
  } catch {
    return url;
  }
}

function isExternal(href: string): boolean {
  if (href.startsWith('#') || href.startsWith('mailto:')) return false;
  try {
    const base = currentBase ?? globalThis.location?.href;
    return new URL(href, base).origin !== new URL(base ?? href).origin;
  } catch {
    return true;
  }
}

/** Removes everything dangerous from an HTML string. */
export function sanitizeHtml(html: string, options: RenderOptions = {}): string {
  currentBase = options.baseUrl;
  try {
    return purifier().sanitize(html, CONFIG) as string;
  } finally {
    currentBase = undefined;
  }
}

export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  return sanitizeHtml(markdown.parse(source, { async: false }), options);
}

/** One line of Markdown without a surrounding paragraph: a question, an option, a title. */
export function renderInline(source: string, options: RenderOptions = {}): string {
  return sanitizeHtml(markdown.parseInline(source, { async: false }), options);
}

/** One line of Markdown as plain text, for labels and options that cannot hold markup. Parsed by
 * DOMPurify, whose own Trusted Types policy lets it work where `innerHTML` strings are refused. */
export function renderText(source: string): string {
  const fragment = purifier().sanitize(markdown.parseInline(source, { async: false }), { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  return fragment.textContent?.trim() ?? '';
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
