/**
 * What the preview shows of the author's files at one moment: every problem `sabaq check` would print
 * (found by the same engine code, `readCourse` or `parseQuiz`), grouped by the lesson each one breaks,
 * and, for a course, the course as the player should load it: with every lesson open.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { joinPath, readCourse } from '../../lib/course/course.js';
import { toCourseFile } from '../../lib/course/course-file.js';
import { type Problem, ProblemList, sortProblems } from '../../lib/problems.js';
import { parseQuiz } from '../../lib/quiz/parse.js';
import { readStandaloneQuiz } from '../../lib/quiz/standalone.js';
import type { Course } from '../../lib/types.js';

export type PreviewKind = 'course' | 'quiz';

/** Problems that belong to one lesson, or to the manifest or quiz file itself (no `lessonId`). */
export interface ProblemGroup {
  lessonId?: string;
  title: string;
  file: string;
  problems: Problem[];
}

export interface PreviewState {
  kind: PreviewKind;
  title: string;
  lang: string;
  courseId?: string;
  problems: Problem[];
  groups: ProblemGroup[];
  /** The folder served as `/course/`: the manifest's, or one that also holds every lesson. */
  root: string;
  /** Path of the manifest or quiz under `root`, with forward slashes. */
  entry: string;
  /** For a course: the prebuilt course the player loads, every lesson open. */
  courseJson?: string;
  /** The entry file could not be read: nothing to show but this. */
  unreadable?: string;
}

/** A quiz file or a course manifest, told apart by content as `sabaq check` does. */
export async function detectKind(path: string): Promise<PreviewKind> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return 'course';
  }
  // The same test as `sabaq check`'s, so preview and check never disagree on what a file is.
  return readStandaloneQuiz(text, path) ? 'quiz' : 'course';
}

/**
 * Reads the course or quiz at `path` as `sabaq check` does; `cwd` makes file names in problems the
 * same as check prints them.
 */
export async function readPreviewState(path: string, kind: PreviewKind, cwd: string): Promise<PreviewState> {
  const file = relative(cwd, path).split(sep).join('/') || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    const problem: Problem = {
      severity: 'error',
      code: 'file-missing',
      file,
      line: 1,
      column: 1,
      message: `the ${kind} file could not be read (${reason})`,
    };
    return {
      kind,
      title: file,
      lang: 'en',
      problems: [problem],
      groups: [{ title: file, file, problems: [problem] }],
      root: dirname(path),
      entry: posix.basename(file),
      unreadable: problem.message,
    };
  }
  return kind === 'quiz' ? quizState(text, path, file) : courseState(text, path, file);
}

function quizState(text: string, path: string, file: string): PreviewState {
  const problems = new ProblemList();
  const quiz = parseQuiz(text, { file, defaultId: posix.basename(file, '.md'), inLesson: false }, problems);
  const sorted = sortProblems(problems.items);
  return {
    kind: 'quiz',
    title: file,
    lang: quiz.settings.locale ?? 'en',
    problems: sorted,
    groups: sorted.length ? [{ title: file, file, problems: sorted }] : [],
    root: dirname(path),
    entry: posix.basename(path),
  };
}

async function courseState(text: string, path: string, file: string): Promise<PreviewState> {
  const course = await readCourse({
    text,
    file,
    url: pathToFileURL(path).href,
    readLesson: async (url) => {
      try {
        return await readFile(fileURLToPath(url), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new Error(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(error), { cause: error });
      }
    },
  });
  // Only lessons that exist widen the folder served and watched: a mistyped "../../../x.md" must not.
  const lessonFolders = course.lessons
    .filter((lesson) => lesson.url.startsWith('file:') && existsSync(fileURLToPath(lesson.url)))
    .map((lesson) => dirname(fileURLToPath(lesson.url)));
  const root = commonFolder([dirname(path), ...lessonFolders]);
  const problems = sortProblems(course.problems);
  return {
    kind: 'course',
    title: course.title || file,
    lang: course.lang,
    courseId: course.id,
    problems,
    groups: groupByLesson(course, problems, file),
    root,
    entry: relative(root, path).split(sep).join('/'),
    courseJson: JSON.stringify(openCourseFile(course)),
  };
}

/**
 * The course as a prebuilt course file (SPEC §2.6) with every lesson open: not sequential and no
 * `requires`. Each lesson keeps its problems, so the player shows them in place of the lesson. Served
 * beside the manifest, so lesson paths (relative to the manifest) resolve as they would.
 */
function openCourseFile(course: Course) {
  return toCourseFile({ ...course, sequential: false, lessons: course.lessons.map((lesson) => ({ ...lesson, requires: [] })) });
}

/** Each problem next to the lesson it breaks; the manifest's own problems first. */
function groupByLesson(course: Course, problems: Problem[], manifestFile: string): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  const manifest: ProblemGroup = { title: course.title || manifestFile, file: manifestFile, problems: [] };
  for (const problem of problems) {
    const lesson = course.lessons.find(
      (candidate) => candidate.problems.includes(problem) || joinPath(manifestFile, candidate.file) === problem.file,
    );
    if (!lesson) {
      manifest.problems.push(problem);
      continue;
    }
    let group = groups.get(lesson.id);
    if (!group) {
      group = { lessonId: lesson.id, title: lesson.title, file: joinPath(manifestFile, lesson.file), problems: [] };
      groups.set(lesson.id, group);
    }
    group.problems.push(problem);
  }
  const ordered = course.lessons.map((lesson) => groups.get(lesson.id)).filter((group): group is ProblemGroup => group !== undefined);
  return [...(manifest.problems.length ? [manifest] : []), ...new Set(ordered)];
}

function commonFolder(folders: string[]): string {
  return folders.reduce((common, folder) => {
    let candidate = common;
    while (relative(candidate, folder).startsWith('..')) candidate = dirname(candidate);
    return candidate;
  }, resolve(folders[0]!));
}
