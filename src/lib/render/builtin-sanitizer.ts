/**
 * Sanitising with the browser's own HTML Sanitizer API (`Element.setHTML` with a sanitizer), where the
 * browser has it: no library to fetch. Its safe mode removes scripts, event handlers and
 * `javascript:` URLs whatever the configuration; the configuration and the walk below apply the rest of
 * the rules DOMPurify is given, so both give the same guarantees (the XSS corpus runs through both).
 * Parsing with the API is no Trusted Types sink: it needs no policy.
 */
import { ALLOWED_URL, FORBIDDEN_ATTRIBUTES, FORBIDDEN_ELEMENTS, URL_ATTRIBUTES, finishElement } from './sanitize-rules.js';

interface SanitizerConfig {
  removeElements: { name: string; namespace: string }[];
  replaceWithChildrenElements: { name: string; namespace: string }[];
  removeAttributes: string[];
}

type SetHTML = (this: Element, html: string, options: { sanitizer: object }) => void;

const setHTML = (globalThis.Element?.prototype as { setHTML?: SetHTML } | undefined)?.setHTML;

/** A name alone means the HTML element: `<style>` inside `<svg>` or `<math>` would stay. */
const NAMESPACES = ['http://www.w3.org/1999/xhtml', 'http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML'];

const CONFIG: SanitizerConfig = {
  // Also what DOMPurify leaves out by default and the API would keep: SVG animation (which can rewrite
  // an href after sanitising), templates (whose content the walk below would not reach) and elements
  // whose content is parsed differently with scripting on.
  removeElements: [
    ...FORBIDDEN_ELEMENTS.filter((name) => name !== 'form'),
    ...['animate', 'animateMotion', 'animateTransform', 'set', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext'],
  ].flatMap((name) => NAMESPACES.map((namespace) => ({ name, namespace }))),
  // An unclosed <form> holds the rest of the lesson as the HTML parser reads it: only the form goes.
  replaceWithChildrenElements: [{ name: 'form', namespace: NAMESPACES[0]! }],
  removeAttributes: FORBIDDEN_ATTRIBUTES,
};

/** Built once: a configuration given as a plain object is read again on every call (six times slower). */
let sanitizer: object | undefined;

/** True when this browser has the API; the renderer then never needs DOMPurify. */
export function hasBuiltInSanitizer(): boolean {
  return typeof setHTML === 'function';
}

/** Parsed in a document of its own, which loads nothing (no image, even one that is later removed). */
let inert: Document | undefined;
/** A form, whose properties a field's name must not shadow. */
let formProbe: HTMLFormElement | undefined;

function parse(html: string, base: string | undefined): HTMLElement {
  inert ??= document.implementation.createHTMLDocument('');
  formProbe ??= inert.createElement('form');
  const body = inert.createElement('div');
  const { Sanitizer } = globalThis as unknown as { Sanitizer?: new (config: SanitizerConfig) => object };
  sanitizer ??= Sanitizer ? new Sanitizer(CONFIG) : CONFIG;
  setHTML!.call(body, html, { sanitizer });
  for (const element of body.querySelectorAll('*')) {
    // As DOMPurify: no custom element (a live <sabaq-quiz src> from elsewhere, say); its content stays.
    if (element.localName.includes('-')) {
      element.replaceWith(...element.childNodes);
      continue;
    }
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      // eslint-disable-next-line no-control-regex -- the whitespace DOMPurify strips before the same test
      if (value !== null && !ALLOWED_URL.test(value.replace(/[\u0000-\u0020\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000]/g, ''))) {
        // As DOMPurify: a data: URL survives here only as a src, for finishElement to keep on an image.
        if (name !== 'src' || !/^\s*data:/i.test(value)) element.removeAttribute(name);
      }
    }
    // As DOMPurify's SANITIZE_DOM: no id or name that would shadow a property of the document or a form
    // (`<input name="attributes">`), which scripts on the page read.
    for (const name of ['id', 'name']) {
      const value = element.getAttribute(name);
      if (value !== null && (value in document || value in formProbe)) element.removeAttribute(name);
    }
    finishElement(element, base);
  }
  return body;
}

export function sanitizeWithBuiltIn(html: string, base: string | undefined): string {
  return parse(html, base).innerHTML;
}

export function textWithBuiltIn(html: string): string {
  return parse(html, undefined).textContent?.trim() ?? '';
}
