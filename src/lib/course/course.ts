/**
 * Reads a whole course: the manifest, every lesson it links (in parallel, each failure kept to its
 * lesson), then the checks that span files: duplicate ids, unknown or circular requirements.
 * The same code serves the browser loader and the CLI; only `readLesson` differs.
 */
import { ProblemList } from '../problems.js';
import { contentHash } from '../text.js';
import type { Course } from '../types.js';
import { HTML_PAGE_REASON } from './html-page.js';
import { type ParsedLesson, checkSize, parseLesson } from './lesson.js';
import { type LessonLink, parseManifest } from './manifest.js';

export interface CourseInput {
  /** The manifest's text. */
  text: string;
  /** The manifest's path as authors know it, used in messages. */
  file: string;
  /** The manifest's absolute URL; lesson links resolve against it. */
  url: string;
  /** Reads one lesson file; a rejection becomes an error on that lesson only. */
  readLesson: (url: string) => Promise<string>;
}

export async function readCourse(input: CourseInput): Promise<Course> {
  const manifestProblems = new ProblemList();
  const manifest = checkSize(input.text, input.file, manifestProblems)
    ? parseManifest(input.text, input.file, manifestProblems)
    : parseManifest('', input.file, manifestProblems);

  const links = manifest.modules.flatMap((module, index) => module.links.map((link) => ({ link, module: index })));
  const parsed = await Promise.all(links.map(async ({ link, module }) => readOneLesson(input, link, module)));

  const lessons = parsed.map((entry) => entry.parsed.lesson);
  checkAcrossLessons(parsed, manifest.sequential);
  for (const entry of parsed) {
    entry.parsed.lesson.problems = entry.problems.items.filter((p) => p.severity === 'error');
  }

  const course: Course = {
    id: manifest.id,
    title: manifest.title,
    lang: manifest.lang,
    pass: manifest.pass,
    sequential: manifest.sequential,
    certificate: manifest.certificate,
    modules: manifest.modules.map((module) => ({
      title: module.title,
      ...(module.description ? { description: module.description } : {}),
      lessonIds: [],
    })),
    lessons,
    duration: lessons.reduce((sum, lesson) => sum + (lesson.duration ?? 0), 0),
    hash: contentHash([contentHash(input.text), ...lessons.map((lesson) => lesson.hash)].join(' ')),
    url: input.url,
    problems: [...manifestProblems.items, ...parsed.flatMap((entry) => entry.problems.items)],
  };
  if (manifest.description) course.description = manifest.description;
  if (manifest.issuer) course.issuer = manifest.issuer;
  if (manifest.activityId) course.activityId = manifest.activityId;
  lessons.forEach((lesson) => course.modules[lesson.module]!.lessonIds.push(lesson.id));
  return course;
}

interface LessonEntry {
  parsed: ParsedLesson;
  problems: ProblemList;
  file: string;
  /** The file could not be read, so its real id is unknown. */
  unreadable?: boolean;
}

async function readOneLesson(input: CourseInput, link: LessonLink, module: number): Promise<LessonEntry> {
  const problems = new ProblemList();
  const linkAt = { file: input.file, line: link.line, column: link.column };
  // Browsers read "\" in a path as "/", but the id would keep it: say what to change where it was written.
  const href = link.href.replaceAll('\\', '/');
  if (href !== link.href) {
    problems.error('backslash-path', linkAt, `the link "${link.href}" separates folders with "\\": write "/" instead, as in "${href}"`);
  }
  const file = joinPath(input.file, href);
  const url = resolveUrl(href, input.url);
  const context = { file, href, url, linkTitle: link.title, module };
  let text: string;
  try {
    text = await input.readLesson(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.error(
      reason === HTML_PAGE_REASON ? 'not-markdown' : 'file-missing',
      linkAt,
      reason === HTML_PAGE_REASON
        ? `the lesson file "${href}" is an HTML web page, not Markdown: if it is the lesson, save it as ` +
            `Markdown text; if not, check the link (a web server may answer a missing file with its home page)`
        : `the lesson file "${href}" could not be read (${reason}): check the link, which ` +
            (href.startsWith('/')
              ? "starts at the site's root (for sabaq check, the current folder or the one given with --root)"
              : `is relative to ${baseFileName(input.file)}`),
    );
    return { parsed: parseLesson('', context, new ProblemList()), problems, file, unreadable: true };
  }
  return { parsed: parseLesson(text, context, problems), problems, file };
}

function checkAcrossLessons(entries: LessonEntry[], sequential: boolean): void {
  const lessonById = new Map<string, LessonEntry>();
  const quizById = new Map<string, string>();
  const at = (entry: LessonEntry, key: string) => ({ file: entry.file, line: entry.parsed.keyLines[key] ?? 1 });

  entries.forEach((entry, index) => {
    const { lesson } = entry.parsed;
    const twin = lessonById.get(lesson.id);
    if (twin) {
      entry.problems.error(
        'duplicate-id',
        at(entry, 'id'),
        `the lesson id "${lesson.id}" is already used by ${twin.file}: give each lesson its own id`,
      );
      // Progress, links and the contents find lessons by id: the first keeps it, this one gets its own
      // (with a character ids cannot hold, so it matches no real lesson) until the author fixes it.
      lesson.id = `${lesson.id}~${index + 1}`;
    }
    lessonById.set(lesson.id, entry);

    for (const quiz of lesson.quizzes) {
      const other = quizById.get(quiz.id);
      if (other) {
        entry.problems.error(
          'duplicate-id',
          { file: entry.file, line: quiz.line },
          `the quiz id "${quiz.id}" is already used in ${other}: give each quiz its own "id:"`,
        );
      } else quizById.set(quiz.id, entry.file);
    }
  });

  const order = new Map(entries.map((entry, index) => [entry.parsed.lesson.id, index]));
  // An unreadable lesson's real id is unknown: a requirement naming it is not the author's mistake.
  const idsKnown = !entries.some((entry) => entry.unreadable);
  entries.forEach((entry, index) => {
    for (const required of entry.parsed.lesson.requires) {
      const position = order.get(required);
      if (position === undefined) {
        if (!idsKnown) continue;
        entry.problems.error(
          'unknown-requirement',
          at(entry, 'requires'),
          `"requires" names "${required}", but no lesson has that id: use the id of a lesson in this course`,
        );
      } else if (sequential && position > index) {
        entry.problems.error(
          'requirement-unreachable',
          at(entry, 'requires'),
          `"requires" names "${required}", which comes later in this sequential course, so this lesson ` +
            'could never open: move that lesson earlier or remove the requirement',
        );
      }
    }
  });
  reportCycles(entries, lessonById, at);
}

/** Reports each circle of `requires` once, on the first lesson of the circle in course order. */
function reportCycles(
  entries: LessonEntry[],
  lessonById: Map<string, LessonEntry>,
  at: (entry: LessonEntry, key: string) => { file: string; line: number },
): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    path.push(id);
    for (const next of lessonById.get(id)?.parsed.lesson.requires ?? []) {
      if (!lessonById.has(next)) continue;
      if (state.get(next) === 'visiting') {
        const circle = [...path.slice(path.indexOf(next)), next];
        const first = lessonById.get(next)!;
        first.problems.error(
          'requirement-cycle',
          at(first, 'requires'),
          `lessons require each other in a circle (${circle.join(' → ')}), so none of them could open: ` +
            'remove one of these requirements',
        );
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(id, 'done');
  };
  for (const entry of entries) {
    if (!state.has(entry.parsed.lesson.id)) visit(entry.parsed.lesson.id);
  }
}

/** A lesson's path as authors know it: the manifest's folder joined with the link, or the link itself
 * when it is absolute (`https://…`, or `/…` from the site's root). */
export function joinPath(manifestFile: string, href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) return href.split(/[?#]/)[0]!;
  const parts = manifestFile.split('/').slice(0, -1);
  for (const part of href.split(/[?#]/)[0]!.split('/')) {
    if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function baseFileName(file: string): string {
  return file.split('/').pop() ?? file;
}

function resolveUrl(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}
