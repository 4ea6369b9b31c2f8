/**
 * Shows HTML that sabaq's sanitiser has already made safe (rendered Markdown, a prebuilt lesson). Kept
 * in a file of its own: the build minifies the templates of no file that names Lit's unsafe directive.
 */
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

export const sanitizedHtml = unsafeHTML;
