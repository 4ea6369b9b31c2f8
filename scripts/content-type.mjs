// @ts-check
/** What the scripts' local servers (the Storybook check, the benches) say each file is. */
import { extname } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The Content-Type of the file at `path`, by its extension; a byte stream for any other. */
export function contentType(/** @type {string} */ path) {
  return TYPES[/** @type {keyof TYPES} */ (extname(path))] ?? 'application/octet-stream';
}
