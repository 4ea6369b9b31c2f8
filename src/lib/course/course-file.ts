/**
 * A whole course, parsed and validated, as one JSON document (`sabaq build`, SPEC §2.6). The loader
 * accepts it as `src` wherever it accepts a manifest: one request instead of one per lesson. Its
 * Markdown arrives rendered to HTML by `sabaq build`, so that a page showing it never loads marked or
 * the readers; the browser still sanitises that HTML. Version 3 puts each lesson block's HTML in place
 * of its Markdown (the bulk of a course, sent once) and keeps the quizzes' and descriptions' short
 * texts as Markdown, which learning records quote, with their HTML in a table by source. Older files
 * are still read: version 2 (every text in that table, lesson blocks as Markdown too) as this one,
 * version 1 (Markdown only) rendered in the browser as `course.md` is.
 */
import { loadedMarkdownPipeline } from '../markdown-loader.js';
import { type PrerenderedHtml, addPrerendered } from '../render/prerendered.js';
import type { Course, LessonBlock, Quiz } from '../types.js';

export const COURSE_FILE_FORMAT = 'sabaq-course';
export const COURSE_FILE_VERSION = 3;
/** The oldest version this sabaq still reads. */
const OLDEST_READABLE_VERSION = 1;

export interface CourseFile {
  format: typeof COURSE_FILE_FORMAT;
  version: number;
  course: Course;
  /** Since version 2: the course's Markdown texts (since version 3, those outside lesson blocks) rendered
   * to (unsanitised) HTML, by source. */
  html?: PrerenderedHtml;
}

/** The document to write. URLs are left out: they depend on where the file is served from. */
export function toCourseFile(course: Course): CourseFile {
  return {
    format: COURSE_FILE_FORMAT,
    version: COURSE_FILE_VERSION,
    course: { ...course, url: '', lessons: course.lessons.map((lesson) => ({ ...lesson, url: '', blocks: renderBlocks(lesson.blocks) })) },
    html: renderTexts(course),
  };
}

export function isCourseFile(value: unknown): value is CourseFile {
  return typeof value === 'object' && value !== null && (value as CourseFile).format === COURSE_FILE_FORMAT;
}

/** True when the file carries its HTML, so that nothing in the browser needs to render Markdown. */
export function isPrerendered(file: CourseFile): boolean {
  return typeof file.html?.markdown === 'object' && typeof file.html.inline === 'object';
}

/**
 * Reads a course file served at `url`, with lesson URLs resolved against it as the lessons' files would
 * be, and hands its HTML to the renderer. Throws a message for the author when the file is not one this
 * version can read.
 */
export function fromCourseFile(file: CourseFile, url: string): Course {
  if (!(file.version >= OLDEST_READABLE_VERSION && file.version <= COURSE_FILE_VERSION)) {
    throw new Error(
      `this course file is format version ${file.version}, but this sabaq reads versions ` +
        `${OLDEST_READABLE_VERSION} to ${COURSE_FILE_VERSION}: rebuild it with "npx sabaq build" from the same sabaq version`,
    );
  }
  const { course } = file;
  if (typeof course?.id !== 'string' || !Array.isArray(course.lessons) || !Array.isArray(course.modules)) {
    throw new Error('this course file is incomplete or damaged: rebuild it with "npx sabaq build"');
  }
  if (file.html && isPrerendered(file)) addPrerendered(file.html);
  return {
    ...course,
    url,
    lessons: course.lessons.map((lesson) => ({ ...lesson, url: new URL(lesson.file, url).href })),
  };
}

/** A lesson's Markdown blocks rendered in place (its admonitions' titles go in the table). */
function renderBlocks(blocks: LessonBlock[]): LessonBlock[] {
  const { markdown } = loadedMarkdownPipeline();
  return blocks.map((block) => {
    if (block.type === 'markdown') return { type: 'html', html: markdown.parse(block.markdown, { async: false }), line: block.line };
    if (block.type === 'admonition') return { ...block, blocks: renderBlocks(block.blocks) };
    return block;
  });
}

/** Every other Markdown text the elements show, rendered as they render it (block or inline), by source. */
function renderTexts(course: Course): PrerenderedHtml {
  const { markdown } = loadedMarkdownPipeline();
  const html: PrerenderedHtml = { markdown: {}, inline: {} };
  const block = (source: string | undefined) => {
    if (source) html.markdown[source] ??= markdown.parse(source, { async: false });
  };
  const inline = (source: string | undefined) => {
    if (source) html.inline[source] ??= markdown.parseInline(source, { async: false });
  };
  const admonitionTitles = (list: LessonBlock[]): void => {
    for (const item of list) {
      if (item.type === 'admonition') {
        inline(item.title);
        admonitionTitles(item.blocks);
      }
    }
  };
  const quiz = (q: Quiz) => {
    [q.intro, q.settings.passMessage, q.settings.failMessage].forEach(block);
    for (const question of q.questions) {
      inline(question.prompt);
      [question.body, question.hint, question.explanation].forEach(block);
      if (question.kind === 'single' || question.kind === 'multiple') {
        for (const option of question.options) {
          inline(option.text);
          block(option.feedback);
        }
      }
      if (question.kind === 'ordering') question.items.forEach(inline);
      if (question.kind === 'matching') question.pairs.forEach((pair) => [pair.left, pair.right].forEach(inline));
    }
  };
  block(course.description);
  course.modules.forEach((module) => block(module.description));
  for (const lesson of course.lessons) {
    admonitionTitles(lesson.blocks);
    lesson.quizzes.forEach(quiz);
  }
  return html;
}
