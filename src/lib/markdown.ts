/**
 * One private `marked` instance for lexing and rendering, so that a host page's global `marked.use()`
 * (when sabaq is bundled beside another copy) never changes how a course is read.
 */
import { Marked, type Token, type Tokens } from 'marked';
import { countLines } from './text.js';

export const markdown = new Marked({ gfm: true, breaks: false });

/** Top-level tokens with the line each starts on; marked's `raw` fields cover the source exactly. */
export function* tokensWithLines(tokens: readonly Token[], firstLine: number): Generator<[Token, number]> {
  let line = firstLine;
  for (const token of tokens) {
    yield [token, line];
    line += countLines(token.raw);
  }
}

/** The line each list item starts on. */
export function listItemLines(list: Tokens.List, listLine: number): number[] {
  let offset = 0;
  return list.items.map((item) => {
    const at = list.raw.indexOf(item.raw, offset);
    const start = at === -1 ? offset : at;
    offset = start + item.raw.length;
    return listLine + countLines(list.raw.slice(0, start));
  });
}
