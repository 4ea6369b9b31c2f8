/**
 * A lesson file (SPEC §2.2): optional front matter, then GitHub-flavoured Markdown cut into blocks at
 * its `:::` admonitions and ```` ```quiz ```` fences, each quiz parsed where it stands.
 */
import { FieldReader, ID_PATTERN, idAdvice, parseFrontMatter } from '../front-matter.js';
import { checkNesting } from '../markdown.js';
import { ProblemList } from '../problems.js';
import { parseQuiz } from '../quiz/parse.js';
import { baseName, contentHash, normalizeNewlines } from '../text.js';
import type { AdmonitionKind, Lesson, LessonBlock } from '../types.js';

/** Larger files are refused before parsing: no lesson needs more, and it bounds parse time. */
export const MAX_SOURCE_CHARACTERS = 500_000;

export interface LessonContext {
  /** The lesson's path as authors know it, used in messages. */
  file: string;
  /** The link as written in the manifest. */
  href: string;
  url: string;
  /** The link text in the manifest: the title when the front matter sets none. */
  linkTitle: string;
  module: number;
}

const ADMONITION_KINDS: readonly AdmonitionKind[] = ['note', 'tip', 'warning', 'danger'];
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const ADMONITION_OPEN = /^:::[ \t]*([A-Za-z]+)(?:[ \t]+(.*?))?[ \t]*$/;
const ADMONITION_CLOSE = /^:::[ \t]*$/;

/** Checks a source's size; returns false (with an error) when it must not be parsed. */
export function checkSize(source: string, file: string, problems: ProblemList): boolean {
  if (source.length <= MAX_SOURCE_CHARACTERS) return true;
  problems.error(
    'file-too-large',
    { file, line: 1 },
    `this file has ${source.length.toLocaleString('en')} characters, more than the limit of ` +
      `${MAX_SOURCE_CHARACTERS.toLocaleString('en')}: split it into several lessons`,
  );
  return false;
}

/**
 * A file saved in another encoding (Windows-1252, say) reads as UTF-8 with "�" where its accented
 * letters were, in the browser and in `sabaq check` alike: an error at the first such line.
 */
export function checkEncoding(source: string, file: string, problems: ProblemList): void {
  const at = source.indexOf('\uFFFD');
  if (at === -1) return;
  const before = source.slice(0, at);
  const line = before.split('\n').length;
  problems.error(
    'not-utf8',
    { file, line, column: at - before.lastIndexOf('\n') },
    'this file is not saved as UTF-8, so some of its letters cannot be read (they show as "�"): save it ' +
      'again with the encoding "UTF-8" (in Notepad: File, Save as, Encoding: UTF-8)',
  );
}

export interface ParsedLesson {
  lesson: Lesson;
  /** The line each front matter key was written on, for messages about the whole course. */
  keyLines: Record<string, number>;
}

export function parseLesson(rawSource: string, context: LessonContext, problems: ProblemList): ParsedLesson {
  const { file } = context;
  const source = normalizeNewlines(rawSource);
  const lesson: Lesson = {
    id: baseName(context.href),
    title: context.linkTitle,
    file: context.href,
    url: context.url,
    module: context.module,
    requires: [],
    blocks: [],
    quizzes: [],
    hash: contentHash(source),
    problems: [],
  };
  if (!checkSize(source, file, problems)) return { lesson, keyLines: {} };
  checkEncoding(source, file, problems);

  const frontMatter = parseFrontMatter(source, file, problems);
  const fields = new FieldReader(frontMatter, file, problems);
  const id = fields.id('id');
  lesson.title = fields.string('title') ?? context.linkTitle;
  const duration = fields.positive('duration');
  if (duration !== undefined) lesson.duration = duration;
  lesson.requires = fields.idList('requires') ?? [];
  fields.finish();

  if (id) lesson.id = id;
  else if (!fields.has('id') && !ID_PATTERN.test(lesson.id)) {
    problems.error(
      'invalid-id',
      { file, line: 1 },
      `this lesson's id "${lesson.id}" comes from its file name and is not a valid id: ` +
        `add a line "id: …" to its front matter and ${idAdvice(lesson.id)}`,
    );
  }

  if (!checkNesting(frontMatter.body, file, frontMatter.bodyLine, problems)) return { lesson, keyLines: frontMatter.lines };
  const body = splitBlocks(frontMatter.body, frontMatter.bodyLine, file, problems);
  lesson.blocks = withoutRepeatedTitle(body.blocks, lesson.title);
  lesson.quizzes = body.quizzes.map((quiz, index) =>
    parseQuiz(quiz.source, { file, line: quiz.line, defaultId: `${lesson.id}-${index + 1}`, inLesson: true }, problems),
  );
  let next = 0;
  forEachQuizBlock(lesson.blocks, (block) => {
    block.quizId = lesson.quizzes[next++]!.id;
  });
  return { lesson, keyLines: frontMatter.lines };
}

/** A lesson that opens with `# Its title` would show the title twice under the player's own heading. */
function withoutRepeatedTitle(blocks: LessonBlock[], title: string): LessonBlock[] {
  const [first, ...rest] = blocks;
  if (first?.type !== 'markdown') return blocks;
  const match = /^\s*#[ \t]+(.+?)[ \t#]*(?:\n|$)/.exec(first.markdown);
  if (!match || match[1]!.trim().toLowerCase() !== title.trim().toLowerCase()) return blocks;
  const markdown = first.markdown.slice(match[0].length);
  const line = first.line + (match[0].match(/\n/g)?.length ?? 0);
  return markdown.trim() ? [{ type: 'markdown', markdown, line }, ...rest] : rest;
}

function forEachQuizBlock(blocks: LessonBlock[], visit: (block: LessonBlock & { type: 'quiz' }) => void): void {
  for (const block of blocks) {
    if (block.type === 'quiz') visit(block);
    else if (block.type === 'admonition') forEachQuizBlock(block.blocks, visit);
  }
}

interface OpenAdmonition {
  block: LessonBlock & { type: 'admonition' };
}

/** Cuts the body at admonitions and quiz fences, keeping code fences (and what they hold) intact. */
function splitBlocks(body: string, firstLine: number, file: string, problems: ProblemList) {
  const root: LessonBlock[] = [];
  const open: OpenAdmonition[] = [];
  const quizzes: { source: string; line: number }[] = [];
  let chunk: string[] = [];
  let chunkLine = firstLine;
  let fence: { marker: string; quiz: boolean; line: number; lines: string[] } | undefined;

  const container = () => open.at(-1)?.block.blocks ?? root;
  const flush = (nextLine: number) => {
    const markdown = chunk.join('\n');
    if (markdown.trim()) container().push({ type: 'markdown', markdown, line: chunkLine });
    chunk = [];
    chunkLine = nextLine;
  };

  body.split('\n').forEach((text, index) => {
    const line = firstLine + index;
    if (fence) {
      const closes = closesFence(text, fence.marker);
      if (!fence.quiz) chunk.push(text);
      if (closes) {
        if (fence.quiz) {
          quizzes.push({ source: fence.lines.join('\n'), line: fence.line + 1 });
          container().push({ type: 'quiz', quizId: '', line: fence.line });
          chunkLine = line + 1;
        }
        fence = undefined;
      } else if (fence.quiz) fence.lines.push(text);
      return;
    }

    const fenceOpen = FENCE_OPEN.exec(text);
    if (fenceOpen) {
      const quiz = fenceOpen[2] === 'quiz';
      fence = { marker: fenceOpen[1]!, quiz, line, lines: [] };
      if (quiz) flush(line);
      else chunk.push(text);
      return;
    }

    if (ADMONITION_CLOSE.test(text)) {
      if (open.length === 0) {
        problems.error(
          'admonition-stray-close',
          { file, line },
          'this ":::" closes no callout: remove it, or open one above with a line such as ":::note"',
        );
        return;
      }
      flush(line + 1);
      open.pop();
      return;
    }

    const admonition = ADMONITION_OPEN.exec(text);
    if (admonition) {
      const kind = admonition[1]!.toLowerCase() as AdmonitionKind;
      if (!ADMONITION_KINDS.includes(kind)) {
        problems.error(
          'invalid-value',
          { file, line, column: 4 },
          `":::${admonition[1]}" is not a callout type: use :::note, :::tip, :::warning or :::danger`,
        );
      }
      flush(line + 1);
      const block: OpenAdmonition['block'] = {
        type: 'admonition',
        kind: ADMONITION_KINDS.includes(kind) ? kind : 'note',
        blocks: [],
        line,
      };
      if (admonition[2]) block.title = admonition[2];
      container().push(block);
      open.push({ block });
      return;
    }
    chunk.push(text);
  });

  if (fence?.quiz) {
    problems.error(
      'quiz-unclosed',
      { file, line: fence.line },
      `the quiz opened here is never closed: add a line "${fence.marker}" after its last question`,
    );
  }
  flush(firstLine);
  for (const { block } of open) {
    problems.error(
      'admonition-unclosed',
      { file, line: block.line },
      `the ":::${block.kind}" callout opened here is never closed: add a line ":::" where it ends`,
    );
  }
  return { blocks: root, quizzes };
}

/** A closing fence uses the opening's character, at least as many times, and nothing after it. */
function closesFence(text: string, marker: string): boolean {
  const match = FENCE_CLOSE.exec(text);
  return match !== null && match[1]![0] === marker[0] && match[1]!.length >= marker.length;
}
