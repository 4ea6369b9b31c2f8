/**
 * One private `marked` instance for lexing and rendering, so that a host page's global `marked.use()`
 * (when sabaq is bundled beside another copy) never changes how a course is read.
 */
import { Marked, type Token, type Tokens } from 'marked';
import type { ProblemList } from './problems.js';
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

/**
 * How deep blockquotes and lists may nest. marked reads each level with a nested call: 2,000 `>` or
 * `- ` ×5,000 on one line overflow the stack of every engine, and no lesson needs more than a few.
 */
export const MAX_NESTING = 100;

const CONTAINER_MARKER = /^(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*(.*)$/;

/**
 * The most levels of blockquote and list a line can open: its markers (`>`, `-`, `1.`) plus one level
 * per two columns of indentation (a nested list item is indented under its parent's text).
 */
function nestingOf(line: string): number {
  const indent = /^[ \t]*/.exec(line)![0];
  let depth = Math.floor(indent.replace(/\t/g, '    ').length / 2);
  let rest = line.slice(indent.length);
  for (let marker = CONTAINER_MARKER.exec(rest); marker; marker = CONTAINER_MARKER.exec(rest)) {
    depth++;
    rest = rest.slice(marker[0].length).trimStart();
  }
  return depth;
}

/**
 * Reports each line nested deeper than {@link MAX_NESTING} (code fences aside) as an error at its line;
 * false when there is one, and the Markdown must not be parsed.
 */
export function checkNesting(source: string, file: string, firstLine: number, problems: ProblemList): boolean {
  // Code is not Markdown; a quiz's text is, and is read by marked too.
  let code: string | undefined;
  let quiz: string | undefined;
  let ok = true;
  source.split('\n').forEach((text, index) => {
    const fence = FENCE.exec(text);
    const closes = (marker: string | undefined) =>
      fence && marker && fence[1]![0] === marker[0] && fence[1]!.length >= marker.length && !fence[2];
    if (code) {
      if (closes(code)) code = undefined;
      return;
    }
    if (closes(quiz)) {
      quiz = undefined;
      return;
    }
    if (fence) {
      if (fence[2] === 'quiz' && !quiz) quiz = fence[1];
      else code = fence[1];
      return;
    }
    if (nestingOf(text) <= MAX_NESTING) return;
    ok = false;
    problems.error(
      'nesting-too-deep',
      { file, line: firstLine + index },
      `this line nests quotes (">") or lists more than ${MAX_NESTING} levels deep, which cannot be shown: ` + 'use fewer levels',
    );
  });
  return ok;
}
