/**
 * Scoring (SPEC §2.3): every question is worth one point; without `partial` a question scores only when
 * fully right. A quiz's score is points / questions as a percentage, and it passes at score ≥ `pass`.
 */
import type { Question, QuizSettings } from '../types.js';

/**
 * A learner's answer to one question, in the question's written order:
 * - single choice: the chosen option's index, or null;
 * - multiple choice: the chosen options' indices;
 * - ordering: the item indices in the order the learner put them;
 * - matching: for each pair (by its left side), the index of the pair whose right side was chosen, or -1;
 * - short answer: the text typed.
 */
export type AnswerValue = number | null | number[] | string;
export type Answers = Record<string, AnswerValue>;

export interface QuestionResult {
  /** 0..1 */
  points: number;
  correct: boolean;
}

export interface QuizResult {
  /** 0..100, rounded to two decimals. */
  score: number;
  passed: boolean;
  points: number;
  total: number;
  results: Record<string, QuestionResult>;
}

export function scoreQuiz(questions: readonly Question[], answers: Answers, settings: QuizSettings): QuizResult {
  const results: Record<string, QuestionResult> = {};
  let points = 0;
  for (const question of questions) {
    const result = scoreQuestion(question, answers[question.id] ?? null, settings.partial);
    results[question.id] = result;
    points += result.points;
  }
  const total = questions.length;
  const exact = total === 0 ? 0 : (points / total) * 100;
  return { score: Math.round(exact * 100) / 100, passed: exact >= settings.pass, points, total, results };
}

export function scoreQuestion(question: Question, answer: AnswerValue, partial: boolean): QuestionResult {
  const points = fractionRight(question, answer);
  const correct = points === 1;
  return { points: correct || partial ? points : 0, correct };
}

/** How much of the question the answer gets right, from 0 to 1. */
function fractionRight(question: Question, answer: AnswerValue): number {
  switch (question.kind) {
    case 'single':
      return typeof answer === 'number' && question.options[answer]?.correct ? 1 : 0;
    case 'multiple': {
      const chosen = new Set(indices(answer));
      const right = question.options.filter((option, i) => option.correct && chosen.has(i)).length;
      const wrong = question.options.filter((option, i) => !option.correct && chosen.has(i)).length;
      const needed = question.options.filter((option) => option.correct).length;
      // Each wrong tick cancels a right one, so ticking every box earns nothing.
      return Math.max(0, (right - wrong) / needed);
    }
    case 'ordering': {
      const order = indices(answer);
      if (order.length !== question.items.length) return 0;
      return longestIncreasingRun(order) / question.items.length;
    }
    case 'matching': {
      const chosen = indices(answer);
      return question.pairs.filter((pair, i) => isSameRight(question.pairs, chosen[i], pair.right)).length / question.pairs.length;
    }
    case 'short':
      return typeof answer === 'string' && question.answers.some((accepted) => matchesShortAnswer(accepted, answer)) ? 1 : 0;
  }
}

function indices(answer: AnswerValue): number[] {
  return Array.isArray(answer) ? answer : [];
}

/** Two pairs may share a right side ("fruit"): choosing either one's is right. */
function isSameRight(pairs: readonly { right: string }[], chosen: number | undefined, right: string): boolean {
  return chosen !== undefined && pairs[chosen]?.right === right;
}

/**
 * The length of the longest subsequence already in the right relative order: moving one item out of
 * place costs one item, not every item after it.
 */
function longestIncreasingRun(order: readonly number[]): number {
  const tails: number[] = [];
  for (const value of order) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tails[mid]! < value) low = mid + 1;
      else high = mid;
    }
    tails[low] = value;
  }
  return tails.length;
}

const LOCAL_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Folds an answer for comparison: Arabic-Indic and Urdu digits to 0–9, compatibility forms (NFKC),
 * case, surrounding space and repeated inner spaces.
 */
export function normalizeAnswer(text: string): string {
  return text
    .replace(LOCAL_DIGITS, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90))
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/** A number as people write it, `1,500` and `1500` alike; undefined when the text is not one. */
export function parseNumber(text: string): number | undefined {
  const folded = normalizeAnswer(text).replace(/^([+-]) /, '$1');
  if (!NUMBER.test(folded) || !/\d/.test(folded)) return undefined;
  return Number(folded.replace(/,/g, ''));
}

/** The bounds of a range answer `a..b`, lowest first; undefined when the text is not one. */
export function parseRange(text: string): [number, number] | undefined {
  const match = /^(.+?)\s*\.\.\s*(.+)$/.exec(text.trim());
  if (!match) return undefined;
  const low = parseNumber(match[1]!);
  const high = parseNumber(match[2]!);
  if (low === undefined || high === undefined) return undefined;
  return low <= high ? [low, high] : [high, low];
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether `given` matches one accepted short answer: a number, a range `a..b`, or text. */
export function matchesShortAnswer(accepted: string, given: string): boolean {
  const range = parseRange(accepted);
  if (range) {
    const value = parseNumber(given);
    return value !== undefined && value >= range[0] && value <= range[1];
  }
  const number = parseNumber(accepted);
  if (number !== undefined) {
    const value = parseNumber(given);
    return value !== undefined && sameNumber(number, value);
  }
  return normalizeAnswer(accepted) === normalizeAnswer(given);
}
