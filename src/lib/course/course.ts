/**
 * Reads a whole course: the manifest, every lesson it links (in parallel, each failure kept to its
 * lesson), then the checks that span files: duplicate ids, unknown or circular requirements.
 * The same code serves the browser loader and the CLI; only `readLesson` differs, and the browser
 * may be told of the course as it arrives (`onArrival`).
 */
import { type Problem, ProblemList } from '../problems.js';
import { contentHash } from '../text.js';
import type { Course, Lesson } from '../types.js';
import { HTML_PAGE_REASON } from './html-page.js';
import { type LessonContext, type ParsedLesson, checkSize, parseLesson } from './lesson.js';
import { type LessonLink, type Manifest, parseManifest } from './manifest.js';

export interface CourseInput {
  /** The manifest's text. */
  text: string;
  /** The manifest's path as authors know it, used in messages. */
  file: string;
  /** The manifest's absolute URL; lesson links resolve against it. */
  url: string;
  /** Reads one lesson file; a rejection becomes an error on that lesson only. */
  readLesson: (url: string) => Promise<string>;
  /** Told of the course as far as it has arrived: once the manifest is read, then as lessons become known. */
  onArrival?: (soFar: CourseSoFar) => void;
}

/**
 * A course whose lesson files are still arriving. A lesson in it is the very one the whole course will
 * have once nothing unread can change it: its file and every earlier one have been read (an earlier
 * lesson may take its id), and it requires no other lesson (whose id, errors or place could make its
 * requirements wrong). Every other lesson stands in as its link: the link text for a title, no content,
 * an id no lesson can have. The duration counts the known lessons only; the hash is the whole course's
 * alone, so it is empty.
 */
export interface CourseSoFar {
  course: Course;
  standIns: ReadonlySet<Lesson>;
}

export async function readCourse(input: CourseInput): Promise<Course> {
  const manifestProblems = new ProblemList();
  const manifest = checkSize(input.text, input.file, manifestProblems)
    ? parseManifest(input.text, input.file, manifestProblems)
    : parseManifest('', input.file, manifestProblems);

  const links = manifest.modules.flatMap((module, index) => module.links.map((link) => ({ link, module: index })));
  // Lessons join `entries` in course order, each once every earlier one has been read: the checks for
  // duplicate ids go through the course in order, so each lesson's are final when it joins.
  const entries: LessonEntry[] = [];
  const arrived = new Map<number, LessonEntry>();
  const duplicates = new DuplicateCheck();
  const { onArrival } = input;
  const standIns = onArrival ? links.map(({ link, module }, index) => standIn(input, link, module, index)) : [];
  const tellArrival = () => onArrival?.(courseSoFar(manifest, input.url, manifestProblems.items, entries, standIns));
  tellArrival();
  await Promise.all(
    links.map(async ({ link, module }, index) => {
      arrived.set(index, await readOneLesson(input, link, module));
      const known = entries.length;
      for (let next = arrived.get(entries.length); next; next = arrived.get(entries.length)) {
        duplicates.check(next, entries.length);
        next.parsed.lesson.problems = lessonErrors(next); // Final for a lesson that requires none.
        entries.push(next);
      }
      if (entries.length > known) tellArrival();
    }),
  );

  checkRequirements(entries, duplicates.lessonById, manifest.sequential);
  for (const entry of entries) entry.parsed.lesson.problems = lessonErrors(entry);
  const lessons = entries.map((entry) => entry.parsed.lesson);
  const hash = contentHash([contentHash(input.text), ...lessons.map((lesson) => lesson.hash)].join(' '));
  const problems = [...manifestProblems.items, ...entries.flatMap((entry) => entry.problems.items)];
  return assembleCourse(manifest, input.url, lessons, hash, problems);
}

/** The course so far: each lesson known for sure, or its stand-in (see {@link CourseSoFar}). */
function courseSoFar(manifest: Manifest, url: string, problems: Problem[], entries: LessonEntry[], standIns: Lesson[]): CourseSoFar {
  const shownStandIns = new Set<Lesson>();
  const lessons = standIns.map((standIn, index) => {
    const entry = entries[index];
    if (entry && !entry.unreadable && entry.parsed.lesson.requires.length === 0) return entry.parsed.lesson;
    shownStandIns.add(standIn);
    return standIn;
  });
  return { course: assembleCourse(manifest, url, lessons, '', [...problems]), standIns: shownStandIns };
}

/** A lesson not known yet, as its link tells it; "/" in its id keeps it apart from every real lesson's. */
function standIn(input: CourseInput, link: LessonLink, module: number, index: number): Lesson {
  return { ...parseLesson('', linkContext(input, link, module), new ProblemList()).lesson, id: `unknown/${index + 1}` };
}

function assembleCourse(manifest: Manifest, url: string, lessons: Lesson[], hash: string, problems: Problem[]): Course {
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
    hash,
    url,
    problems,
  };
  if (manifest.description) course.description = manifest.description;
  if (manifest.issuer) course.issuer = manifest.issuer;
  if (manifest.activityId) course.activityId = manifest.activityId;
  lessons.forEach((lesson) => course.modules[lesson.module]!.lessonIds.push(lesson.id));
  return course;
}

function lessonErrors(entry: LessonEntry): Problem[] {
  return entry.problems.items.filter((problem) => problem.severity === 'error');
}

interface LessonEntry {
  parsed: ParsedLesson;
  problems: ProblemList;
  file: string;
  /** The file could not be read, so its real id is unknown. */
  unreadable?: boolean;
}

/** What the parser needs to know of a lesson from its link. */
function linkContext(input: CourseInput, link: LessonLink, module: number): LessonContext {
  // Browsers read "\" in a path as "/", but the id would keep it.
  const href = link.href.replaceAll('\\', '/');
  return { file: joinPath(input.file, href), href, url: resolveUrl(href, input.url), linkTitle: link.title, module };
}

async function readOneLesson(input: CourseInput, link: LessonLink, module: number): Promise<LessonEntry> {
  const problems = new ProblemList();
  const linkAt = { file: input.file, line: link.line, column: link.column };
  const context = linkContext(input, link, module);
  const { file, href } = context;
  if (href !== link.href) {
    // Say what to change where it was written.
    problems.error('backslash-path', linkAt, `the link "${link.href}" separates folders with "\\": write "/" instead, as in "${href}"`);
  }
  let text: string;
  try {
    text = await input.readLesson(context.url);
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

/** Where a lesson's front matter sets `key`. */
const at = (entry: LessonEntry, key: string) => ({ file: entry.file, line: entry.parsed.keyLines[key] ?? 1 });

/** The checks for lesson and quiz ids used twice, made on each lesson in course order. */
class DuplicateCheck {
  readonly lessonById = new Map<string, LessonEntry>();
  private readonly quizById = new Map<string, string>();

  /** Checks the lesson at `index`, every earlier one having been checked. */
  check(entry: LessonEntry, index: number): void {
    const { lesson } = entry.parsed;
    const twin = this.lessonById.get(lesson.id);
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
    this.lessonById.set(lesson.id, entry);

    for (const quiz of lesson.quizzes) {
      const other = this.quizById.get(quiz.id);
      if (other) {
        entry.problems.error(
          'duplicate-id',
          { file: entry.file, line: quiz.line },
          `the quiz id "${quiz.id}" is already used in ${other}: give each quiz its own "id:"`,
        );
      } else this.quizById.set(quiz.id, entry.file);
    }
  }
}

/** The checks of `requires`, once every lesson is read: unknown, unreachable or circular requirements. */
function checkRequirements(entries: LessonEntry[], lessonById: Map<string, LessonEntry>, sequential: boolean): void {
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
  reportCycles(entries, lessonById);
}

/** Reports each circle of `requires` once, on the first lesson of the circle in course order. */
function reportCycles(entries: LessonEntry[], lessonById: Map<string, LessonEntry>): void {
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
