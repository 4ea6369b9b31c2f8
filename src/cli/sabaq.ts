/**
 * The authors' command line: `sabaq check course.md` reports every problem as `file:line:column:
 * message` and exits 1 when any is an error; `sabaq build course.md -o course.json` writes the whole
 * course, parsed and validated, as one JSON file the elements accept as `src`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { readCourse } from '../lib/course/course.js';
import { toCourseFile } from '../lib/course/course-file.js';
import { HTML_PAGE, HTML_PAGE_REASON } from '../lib/course/html-page.js';
import { formatProblem, sortProblems } from '../lib/problems.js';
import { readStandaloneQuiz } from '../lib/quiz/standalone.js';
import type { Course } from '../lib/types.js';
import { IMPORT_GIFT_USAGE, importGift } from './import-gift.js';
import { describeFileError, readInputFile } from './input-file.js';
import { PREVIEW_USAGE, preview } from './preview/command.js';

const USAGE = `Usage:
  sabaq check <course.md>                 report every problem in a course, exit 1 on any error
  sabaq check <quiz.md>                   the same for a quiz file on its own (a Quizdown quiz)
  sabaq build <course.md> -o <out.json>   write the validated course as one JSON file
${PREVIEW_USAGE}
${IMPORT_GIFT_USAGE}
  sabaq --help | --version
Options for check and build:
  --root <folder>   the folder your site serves at "/", for links such as "/courses/a.md"
                    (default: the current folder)`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function run(args: string[], io: CliIo, version: string): Promise<number> {
  const [command, ...rest] = args;
  if (command === '--version' || command === '-v') {
    io.out(version);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'preview') return preview(rest, io);
  if (command === 'import-gift') return importGift(rest, io);
  if (command !== 'check' && command !== 'build') {
    io.err(`sabaq: unknown command "${command}"\n${USAGE}`);
    return 2;
  }

  const output = optionValue(rest, '-o') ?? optionValue(rest, '--output');
  const paths = rest.filter((arg, i) => !arg.startsWith('-') && !['-o', '--output', '--root'].includes(rest[i - 1]!));
  if (paths.length !== 1 || (command === 'build' && !output)) {
    io.err(`sabaq: ${command} needs ${command === 'build' ? 'one course file and -o <out.json>' : 'one course file'}\n${USAGE}`);
    return 2;
  }

  const input = await readInputFile(paths[0]!, 'the course file', io);
  if (!input) return 1;
  const { path: manifestPath, file, text } = input;
  const standalone = readStandaloneQuiz(text, file);
  if (standalone) return checkStandaloneQuiz(command, standalone, file, io);

  const site = siteFiles(resolve(io.cwd, optionValue(rest, '--root') ?? '.'), manifestPath);
  const course = await readCourse({
    text,
    file,
    url: site.url(manifestPath),
    readLesson: async (url) => {
      let lesson: string;
      try {
        lesson = await readFile(site.path(url), 'utf8');
      } catch (error) {
        throw new Error(describeFileError(error), { cause: error });
      }
      // As the player's loader does: a web page is not a lesson.
      if (HTML_PAGE.test(lesson)) throw new Error(HTML_PAGE_REASON);
      return lesson;
    },
  });

  const problems = sortProblems(course.problems);
  problems.forEach((problem) => io.out(formatProblem(problem)));
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  if (errors > 0) {
    io.out(`${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''} in ${file}`);
    return 1;
  }

  if (command === 'build') {
    const target = resolve(io.cwd, output!);
    try {
      await writeFile(target, `${JSON.stringify(toCourseFile(course))}\n`);
    } catch (error) {
      io.err(`sabaq: could not write ${output} (${describeFileError(error)})`);
      return 1;
    }
    io.out(`${summary(course)}; written to ${relative(io.cwd, target)}`);
  } else {
    io.out(`${summary(course)}; no errors${warnings ? `, ${plural(warnings, 'warning')}` : ''}`);
  }
  return 0;
}

/**
 * A file that is a quiz, not a course (src/lib/quiz/standalone.ts says how they are told apart): `check`
 * reports its problems as it does a course's; `build` writes courses only.
 */
function checkStandaloneQuiz(
  command: 'check' | 'build',
  { quiz, problems: found }: NonNullable<ReturnType<typeof readStandaloneQuiz>>,
  file: string,
  io: CliIo,
): number {
  if (command === 'build') {
    io.err(`${file}:1:1: this file is a quiz, not a course: "sabaq build" writes a course; check the quiz with "sabaq check ${file}"`);
    return 1;
  }
  const problems = sortProblems(found.items);
  problems.forEach((problem) => io.out(formatProblem(problem)));
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const warned = warnings ? `, ${plural(warnings, 'warning')}` : '';
  if (errors > 0) {
    io.out(`${plural(errors, 'error')}${warned} in ${file}`);
    return 1;
  }
  io.out(`${quiz.id}: a quiz of ${plural(quiz.questions.length, 'question')}; no errors${warned}`);
  return 0;
}

/**
 * Files as the site serves them: the root folder at "/" of an address that stands for the site, so that
 * links resolve as in the browser, "/courses/a.md" from the root included. A course outside the root
 * is served from its own folder.
 */
function siteFiles(root: string, manifestPath: string) {
  const origin = 'https://site.invalid';
  const base = relative(root, manifestPath).startsWith('..') ? dirname(manifestPath) : root;
  return {
    url: (path: string) => `${origin}/${relative(base, path).split(sep).map(encodeURIComponent).join('/')}`,
    path: (url: string) => {
      const { origin: from, pathname } = new URL(url);
      if (from !== origin) throw new Error(`it is on another site (${from}), which sabaq check does not read`);
      return join(base, ...decodeURIComponent(pathname).split('/'));
    },
  };
}

function summary(course: Course): string {
  const quizzes = course.lessons.flatMap((lesson) => lesson.quizzes);
  const questions = quizzes.reduce((sum, quiz) => sum + quiz.questions.length, 0);
  return (
    `${course.id}: ${plural(course.modules.length, 'module')}, ${plural(course.lessons.length, 'lesson')}, ` +
    `${plural(quizzes.length, 'quiz', 'quizzes')}, ${plural(questions, 'question')}`
  );
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function optionValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}
