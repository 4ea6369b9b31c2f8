/** The typed course that the parsers produce and the elements display. Plain data: it survives JSON. */
import type { Problem } from './problems.js';

export type ShuffleMode = 'none' | 'answers' | 'questions' | 'both';

export interface QuizSettings {
  /** Percent needed to pass. */
  pass: number;
  /** Attempts allowed; 0 means unlimited. */
  attempts: number;
  shuffle: ShuffleMode;
  /** Ask this many questions, drawn at random; all of them when absent. */
  pick?: number;
  /** Time limit in minutes. */
  time?: number;
  /** Counts toward the course score. */
  final: boolean;
  /** Partial credit on multiple choice, ordering and matching. */
  partial: boolean;
  /** Markdown shown with the result when the attempt passes (Quizdown's `customPassMsg`). */
  passMessage?: string;
  /** Markdown shown with the result when the attempt fails (Quizdown's `customFailMsg`). */
  failMessage?: string;
  /** The quiz's UI language, when its file names one (Quizdown's `locale`) that sabaq has. */
  locale?: string;
  /** The quiz's own colours (Quizdown's `primaryColor`, `secondaryColor`, `textColor`), as CSS colours. */
  colors?: { primary?: string; secondary?: string; text?: string };
}

export interface ChoiceOption {
  /** Markdown. */
  text: string;
  correct: boolean;
  /** Markdown shown when this option was chosen. */
  feedback?: string;
}

interface QuestionBase {
  /** `q1`, `q2`…: the question's position in the quiz as written. */
  id: string;
  line: number;
  /** The heading, as Markdown. */
  prompt: string;
  /** Markdown between the heading and the answers. */
  body?: string;
  hint?: string;
  explanation?: string;
  /** Quizdown's per-question override of the quiz's answer shuffling. */
  shuffleAnswers?: boolean;
}

export interface SingleChoiceQuestion extends QuestionBase {
  kind: 'single';
  options: ChoiceOption[];
}

export interface MultipleChoiceQuestion extends QuestionBase {
  kind: 'multiple';
  options: ChoiceOption[];
}

export interface OrderingQuestion extends QuestionBase {
  kind: 'ordering';
  /** Markdown items in the correct order. */
  items: string[];
}

export interface MatchingQuestion extends QuestionBase {
  kind: 'matching';
  pairs: { left: string; right: string }[];
}

export interface ShortAnswerQuestion extends QuestionBase {
  kind: 'short';
  /** Accepted answers as written; numbers and ranges `a..b` compare numerically. */
  answers: string[];
}

export type Question = SingleChoiceQuestion | MultipleChoiceQuestion | OrderingQuestion | MatchingQuestion | ShortAnswerQuestion;

export type QuestionKind = Question['kind'];

export interface Quiz {
  id: string;
  /** Markdown written before the first question. */
  intro?: string;
  questions: Question[];
  settings: QuizSettings;
  /** Hash of the quiz's source: attempts remember which version they answered. */
  hash: string;
  /** The quiz's xAPI activity id when its front matter names one (`activity-id`, an absolute IRI). */
  activityId?: string;
  file: string;
  line: number;
}

export type AdmonitionKind = 'note' | 'tip' | 'warning' | 'danger';

/** A lesson body is Markdown cut at its admonitions and quizzes. */
export type LessonBlock =
  | { type: 'markdown'; markdown: string; line: number }
  /** A Markdown block as `sabaq build` rendered it, in a course file: untrusted HTML, sanitised when shown. */
  | { type: 'html'; html: string; line: number }
  | { type: 'admonition'; kind: AdmonitionKind; title?: string; blocks: LessonBlock[]; line: number }
  | { type: 'quiz'; quizId: string; line: number };

export interface Lesson {
  id: string;
  title: string;
  /** The link as written in the manifest, relative to it. */
  file: string;
  /** Absolute URL the lesson was (or would be) fetched from; relative links in it resolve against it. */
  url: string;
  /** Index of its module in {@link Course.modules}. */
  module: number;
  duration?: number;
  requires: string[];
  blocks: LessonBlock[];
  quizzes: Quiz[];
  hash: string;
  /** Errors that stop this lesson from being shown; the rest of the course still works. */
  problems: Problem[];
}

export interface Module {
  title: string;
  /** Markdown between the module heading and its lessons. */
  description?: string;
  lessonIds: string[];
}

export interface Course {
  id: string;
  title: string;
  lang: string;
  /** Markdown shown on the start page. */
  description?: string;
  issuer?: string;
  /** The course's xAPI activity id when its manifest names one (`activity-id`, an absolute IRI). */
  activityId?: string;
  pass: number;
  sequential: boolean;
  certificate: boolean;
  modules: Module[];
  lessons: Lesson[];
  /** Total of the lessons' `duration`, in minutes. */
  duration: number;
  hash: string;
  url: string;
  /** Every problem in the course, lesson problems included, errors and warnings. */
  problems: Problem[];
}
