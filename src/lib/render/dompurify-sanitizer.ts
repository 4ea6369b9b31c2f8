/**
 * Sanitising with DOMPurify, for browsers without the HTML Sanitizer API (and its tests everywhere).
 * `dist/sabaq.js` fetches this file only in such browsers (see `sanitizer-loader.ts`).
 */
import DOMPurify, { type Config } from 'dompurify';
import { ALLOWED_URL, FORBIDDEN_ATTRIBUTES, FORBIDDEN_ELEMENTS, finishElement } from './sanitize-rules.js';

/** A private instance: hooks added here never touch a DOMPurify the host page uses. */
const purifier = DOMPurify(window);

const CONFIG: Config = { FORBID_TAGS: FORBIDDEN_ELEMENTS, FORBID_ATTR: FORBIDDEN_ATTRIBUTES, ALLOWED_URI_REGEXP: ALLOWED_URL };

let currentBase: string | undefined;

purifier.addHook('afterSanitizeAttributes', (node) => finishElement(node as Element, currentBase));

export function sanitizeWithDomPurify(html: string, base: string | undefined): string {
  currentBase = base;
  try {
    return purifier.sanitize(html, CONFIG) as string;
  } finally {
    currentBase = undefined;
  }
}

/** The text of sanitised HTML, parsed by DOMPurify, whose own Trusted Types policy lets it work where
 * `innerHTML` strings are refused. */
export function textWithDomPurify(html: string): string {
  return purifier.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true }).textContent?.trim() ?? '';
}
