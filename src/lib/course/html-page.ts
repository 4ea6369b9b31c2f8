/**
 * A whole HTML page where a lesson should be: what a web server answers for a missing file (its home
 * page) or what a browser's "Save page" writes. Apart from the lesson reader, so that the loader in
 * dist/sabaq.js can tell one without fetching the reader.
 */
export const HTML_PAGE = /^\s*<(!doctype html|html)[\s>]/i;
/** Why an HTML page cannot be a lesson; the reason the loader and `sabaq check` give when they get one. */
export const HTML_PAGE_REASON = 'it is an HTML web page, not Markdown';
