/**
 * A standalone quiz file (a Quizdown quiz, or a quiz kept apart from any lesson) told from a course
 * manifest by its content, so that `sabaq check quiz.md` needs no flag: a file is a quiz when none of
 * its list items is a lone link (a manifest's lessons) and it holds a question, or at least an option
 * (`- [x]`, `1. [ ]`) or an accepted answer (`= …`) that a broken question left behind. Anything else
 * is read as a course, whose messages then say what a course needs; so is a lesson, whose quizzes sit
 * in ```` ```quiz ```` fences.
 */
import { ProblemList } from '../problems.js';
import { baseName, normalizeNewlines } from '../text.js';
import type { Quiz } from '../types.js';
import { parseQuiz } from './parse.js';

/** A list item that holds one link and nothing else: `- [Why sell abroad](lessons/why.md)`. */
const LESSON_LINK = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\[[^\]]+\]\([^)]*\)[ \t]*$/m;

const QUIZ_FENCE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*quiz[ \t]*$/m;

/** A choice option or a short answer: written only in quizzes. */
const ANSWER_LINE = /^ {0,3}(?:(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\]|=[ \t]+\S)/m;

/** The quiz in `text` when the file is a standalone quiz, with its problems; undefined for a course. */
export function readStandaloneQuiz(text: string, file: string): { quiz: Quiz; problems: ProblemList } | undefined {
  const source = normalizeNewlines(text);
  if (LESSON_LINK.test(source) || QUIZ_FENCE.test(source)) return undefined;
  const problems = new ProblemList();
  const quiz = parseQuiz(source, { file, defaultId: baseName(file) || 'quiz', inLesson: false }, problems);
  return quiz.questions.length > 0 || ANSWER_LINE.test(source) ? { quiz, problems } : undefined;
}
