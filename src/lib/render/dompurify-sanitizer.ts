/**
 * Sanitising with DOMPurify, for browsers without the HTML Sanitizer API (and its tests everywhere).
 * `dist/sabaq.js` fetches this file only in such browsers (see `sanitizer-loader.ts`).
 */
import DOMPurify, { type Config, type DOMPurify as DOMPurifyInstance } from 'dompurify';
import { ALLOWED_URL, FORBIDDEN_ATTRIBUTES, FORBIDDEN_ELEMENTS, finishElement } from './sanitize-rules.js';

/** A private instance, made on first use (importing this in Node, as the npm entry does, needs no
 * window): hooks added here never touch a DOMPurify the host page uses. */
let instance: DOMPurifyInstance | undefined;

function purifier(): DOMPurifyInstance {
  if (!instance) {
    instance = DOMPurify(window);
    instance.addHook('beforeSanitizeElements', unwrapForm);
    instance.addHook('afterSanitizeAttributes', (node) => finishElement(node, currentBase));
  }
  return instance;
}

const CONFIG: Config = { FORBID_TAGS: FORBIDDEN_ELEMENTS, FORBID_ATTR: FORBIDDEN_ATTRIBUTES, ALLOWED_URI_REGEXP: ALLOWED_URL };

let currentBase: string | undefined;

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

export function sanitizeWithDomPurify(html: string, base: string | undefined): string {
  currentBase = base;
  try {
    return purifier().sanitize(html, CONFIG);
  } finally {
    currentBase = undefined;
  }
}

/** The text of sanitised HTML, parsed by DOMPurify, whose own Trusted Types policy lets it work where
 * `innerHTML` strings are refused. */
export function textWithDomPurify(html: string): string {
  return (
    purifier()
      .sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true })
      .textContent?.trim() ?? ''
  );
}
