/**
 * What sanitising keeps and changes (SPEC §2.2), shared by both sanitisers: DOMPurify and the browser's
 * own HTML Sanitizer API. Either removes scripts, event handlers and `javascript:` URLs; these rules add
 * the rest, and then {@link finishElement} makes each surviving element fit a lesson.
 */

/** Elements that could load another document, restyle the host or retarget its links. */
export const FORBIDDEN_ELEMENTS = ['style', 'form', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'link', 'meta'];

/**
 * `srcset` is a list of URLs, which DOMPurify checks as one string and the finishing step cannot resolve:
 * `<img srcset="http://x 1x, javascript:… 2x">` kept its javascript: URL (angular/angular#9638), and
 * relative candidates would load from the host page, not the lesson. `src` still shows the image.
 */
export const FORBIDDEN_ATTRIBUTES = ['style', 'autofocus', 'target', 'formaction', 'srcset', 'ping'];

/** http(s), mailto and relative URLs only; `data:` is then allowed on images alone ({@link finishElement}). */
export const ALLOWED_URL = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** Attributes whose value is a URL that a click or the page may load. */
export const URL_ATTRIBUTES = [
  'href',
  'src',
  'xlink:href',
  'action',
  'poster',
  'background',
  'cite',
  'longdesc',
  'data',
  'codebase',
  'ping',
  'manifest',
  'icon',
];

/** SVG presentation attributes that may name a resource with `url(…)`. */
const URL_PRESENTATION_ATTRIBUTES = ['fill', 'stroke', 'mask', 'clip-path', 'marker-start', 'marker-mid', 'marker-end', 'filter', 'cursor'];
/** A same-document reference, `url(#id)` (quoted or not), which fetches nothing. */
const LOCAL_URL_REFERENCE = /url\(\s*(["']?)#[\w.:-]*\1\s*\)/gi;

/**
 * After sanitising: `data:` URLs only as an image's `src`; links and images resolve against the
 * lesson's URL (`base`), links elsewhere open in a new tab without the opener, images load lazily, and
 * what the keyboard must reach or a screen reader must name gets what it needs.
 */
export function finishElement(element: Element, base: string | undefined): void {
  for (const name of ['href', 'src', 'xlink:href']) {
    const value = element.getAttribute(name);
    if (value === null) continue;
    if (/^\s*data:/i.test(value) && !(element.tagName === 'IMG' && name === 'src')) {
      element.removeAttribute(name);
    } else {
      element.setAttribute(name, resolve(value, base));
    }
  }
  // HTML `<a>`, SVG `<a>` (localName `a` too, with `href` or `xlink:href`) and `<area>` alike.
  const href = element.getAttribute('href') ?? element.getAttribute('xlink:href');
  if ((element.localName === 'a' || element.localName === 'area') && href !== null) {
    const external = isExternal(href, base);
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
    for (let node = element.nextSibling; node && node.nodeName !== 'UL' && node.nodeName !== 'OL'; node = node.nextSibling)
      text += node.textContent;
    if (text.trim()) element.setAttribute('aria-label', text.replace(/\s+/g, ' ').trim());
  }
}

function resolve(url: string, base: string | undefined): string {
  if (!base || url.startsWith('#') || /^\s*(data|mailto):/i.test(url)) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

function isExternal(href: string, base: string | undefined): boolean {
  if (href.startsWith('#') || href.startsWith('mailto:')) return false;
  try {
    const page = base ?? globalThis.location?.href;
    return new URL(href, page).origin !== new URL(page ?? href).origin;
  } catch {
    return true;
  }
}
