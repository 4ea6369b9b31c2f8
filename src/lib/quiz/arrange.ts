/**
 * Which questions an attempt asks and in what order its options are shown. Drawn from a seed that the
 * attempt keeps, so a reload shows the same arrangement until the learner submits.
 */
import type { Question, Quiz } from '../types.js';

export interface Arrangement {
  /** Ids of the questions asked, in the order shown. */
  questionIds: string[];
  /** Per question, the written indices of its options (choices, ordering items, matching right sides)
   * in the order shown. */
  order: Record<string, number[]>;
}

/** A seed for a new attempt. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}

export function arrangeQuiz(quiz: Quiz, seed: number): Arrangement {
  const random = mulberry32(seed);
  const { shuffle, pick } = quiz.settings;
  const shuffleQuestions = shuffle === 'questions' || shuffle === 'both';
  let questions = quiz.questions;
  if (pick !== undefined && pick < questions.length) {
    // Drawn at random, then shown in the written order unless questions are shuffled too.
    const drawn = new Set(shuffled(questions, random).slice(0, pick));
    questions = questions.filter((question) => drawn.has(question));
  }
  if (shuffleQuestions) questions = shuffled(questions, random);

  const order: Record<string, number[]> = {};
  for (const question of questions) {
    order[question.id] = optionOrder(question, quiz.settings.shuffle, random);
  }
  return { questionIds: questions.map((question) => question.id), order };
}

/**
 * What every attempt's arrangement shares, known before the learner's attempt (and its seed) is read:
 * all the questions in the written order, with the options whose order is fixed. Options that an
 * attempt shuffles are left out (`[]`) until its seed is known; undefined when the quiz draws or
 * shuffles its questions, since then no question's place is known.
 */
export function arrangementWithoutSeed(quiz: Quiz): Arrangement | undefined {
  const { shuffle, pick } = quiz.settings;
  if ((pick !== undefined && pick < quiz.questions.length) || shuffle === 'questions' || shuffle === 'both') return undefined;
  const order: Record<string, number[]> = {};
  for (const question of quiz.questions) {
    order[question.id] = shufflesOptions(question, shuffle) ? [] : writtenOrder(question);
  }
  return { questionIds: quiz.questions.map((question) => question.id), order };
}

/** The questions an arrangement asks, in the order shown. */
export function askedQuestions(quiz: Quiz, arrangement: Arrangement): Question[] {
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  return arrangement.questionIds.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined);
}

function optionOrder(question: Question, mode: Quiz['settings']['shuffle'], random: () => number): number[] {
  const written = writtenOrder(question);
  if (!shufflesOptions(question, mode)) return written;
  const order = shuffled(written, random);
  // An ordering question is never shown already in the right order.
  return question.kind === 'ordering' ? notIdentity(order) : order;
}

/** Ordering items and matching right sides are always shown shuffled; choices when the quiz or question says. */
function shufflesOptions(question: Question, mode: Quiz['settings']['shuffle']): boolean {
  switch (question.kind) {
    case 'ordering':
    case 'matching':
      return true;
    case 'single':
    case 'multiple':
      return question.shuffleAnswers ?? (mode === 'answers' || mode === 'both');
    case 'short':
      return false;
  }
}

function writtenOrder(question: Question): number[] {
  switch (question.kind) {
    case 'ordering':
      return range(question.items.length);
    case 'matching':
      return range(question.pairs.length);
    case 'single':
    case 'multiple':
      return range(question.options.length);
    case 'short':
      return [];
  }
}

function range(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}

function notIdentity(order: number[]): number[] {
  const identity = order.every((value, i) => value === i);
  return identity && order.length > 1 ? [...order.slice(1), order[0]!] : order;
}

/** Fisher–Yates on a copy. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A small, fast seeded generator; quality is ample for shuffling answers. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
