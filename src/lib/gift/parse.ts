/**
 * Moodle's GIFT question format, read the way Moodle's own importer (question/format/gift) reads it:
 * questions separated by blank lines, `//` comment lines, `::title::`, `$CATEGORY:`, one `{…}` answer
 * block per question whose contents decide the type, `#` feedback, `####` general feedback, `%n%`
 * weights, `[format]` markers and the escapes `\~ \= \# \{ \} \: \n \\`. Every item keeps the GIFT line
 * it starts on, so whatever sabaq cannot take over is reported where the author can find it.
 * Plain TypeScript: no DOM, no Node.
 */
import { normalizeNewlines } from '../text.js';

export type GiftFormat = 'moodle' | 'html' | 'plain' | 'markdown';

export interface GiftText {
  text: string;
  format: GiftFormat;
}

/** A multiple-choice or short answer: its text, its weight (-1..1) and its feedback. */
export interface GiftAnswer {
  text: GiftText;
  weight: number;
  feedback?: GiftText;
  line: number;
}

export interface GiftNumber {
  /** The accepted values, both ends included. */
  low: string;
  high: string;
  /** As written: `1822`, `1822:5` or `1820..1825`. */
  written: string;
  weight: number;
  feedback?: GiftText;
  line: number;
}

interface GiftQuestionBase {
  line: number;
  title?: string;
  /** The question text; a missing-word question has `_____` where its answers were. */
  text: GiftText;
  /** The answers stood inside the sentence (Moodle's "missing word" form). */
  missingWord: boolean;
  generalFeedback?: GiftText;
}

export type GiftQuestion = GiftQuestionBase &
  (
    | { type: 'multichoice'; /** One answer is chosen (an `=` answer exists), else several. */ single: boolean; answers: GiftAnswer[] }
    | { type: 'truefalse'; answer: boolean; /** Shown to who chose wrongly. */ wrongFeedback?: GiftText; rightFeedback?: GiftText }
    | { type: 'shortanswer'; answers: GiftAnswer[] }
    | { type: 'numerical'; answers: GiftNumber[]; /** Feedback for any other number (`~#…`). */ otherFeedback?: GiftText }
    | { type: 'match'; pairs: { left: GiftText; right: string; line: number }[] }
    | { type: 'essay' }
    | { type: 'description' }
  );

export type GiftItem = GiftQuestion | { type: 'category'; line: number; category: string };

/** A question Moodle would refuse to import, and why. */
export interface GiftProblem {
  line: number;
  message: string;
}

export interface ParsedGift {
  items: GiftItem[];
  problems: GiftProblem[];
}

/** Escaped characters stand in as private-use characters while the structure is read. */
const ESCAPES: Record<string, string> = {
  ':': '\uE001',
  '#': '\uE002',
  '=': '\uE003',
  '{': '\uE004',
  '}': '\uE005',
  '~': '\uE006',
  n: '\uE007',
};
const BACKSLASH = '\uE000';
const UNESCAPED: Record<string, string> = {
  [BACKSLASH]: '\\',
  '\uE001': ':',
  '\uE002': '#',
  '\uE003': '=',
  '\uE004': '{',
  '\uE005': '}',
  '\uE006': '~',
  '\uE007': '\n',
};
/** Where a missing-word question's answers stood. */
export const BLANK = '_____';
const WEIGHT = /^%(-*[0-9]{1,2}\.?[0-9]*)%/;
const FORMATS: readonly GiftFormat[] = ['moodle', 'html', 'plain', 'markdown'];

export function parseGift(source: string): ParsedGift {
  const parsed: ParsedGift = { items: [], problems: [] };
  const lines = normalizeNewlines(source).split('\n');
  let block: string[] = [];
  let blockLine = 1;
  const flush = () => {
    if (block.some((line) => line !== '')) readBlock(block, blockLine, parsed);
    block = [];
  };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return flush();
    if (block.length === 0) blockLine = index + 1;
    // A comment line is dropped but does not end the question.
    block.push(line.startsWith('//') ? '' : line);
  });
  flush();
  return parsed;
}

function readBlock(lines: string[], firstLine: number, parsed: ParsedGift): void {
  const whole = escape(lines.join('\n'));
  const start = whole.search(/\S/);
  const lineAt = (offset: number) => firstLine + countNewlines(whole, offset);
  const line = lineAt(start);
  let text = whole.slice(start).trimEnd();
  let at = start;

  if (text.startsWith('$CATEGORY:')) {
    parsed.items.push({ type: 'category', line, category: unescape(text.slice('$CATEGORY:'.length)).replace(/\s+/g, ' ').trim() });
    return;
  }

  let title: string | undefined;
  if (text.startsWith('::')) {
    const end = text.indexOf('::', 2);
    if (end !== -1) {
      title = unescape(text.slice(2, end)).trim();
      const rest = text.slice(end + 2);
      at += end + 2 + (rest.length - rest.trimStart().length);
      text = rest.trimStart();
    } else {
      text = text.slice(2);
      at += 2;
    }
  }

  const open = text.indexOf('{');
  const close = text.indexOf('}');
  const base = { line, ...(title ? { title } : {}) };
  if (open === -1 && close === -1) {
    parsed.items.push({ ...base, type: 'description', text: withFormat(text), missingWord: false });
    return;
  }
  if (open === -1 || close === -1 || close < open) {
    parsed.problems.push({ line: lineAt(at + Math.max(open, close)), message: 'its "{" and "}" do not pair up' });
    return;
  }
  const second = text.indexOf('{', close);
  if (second !== -1) {
    parsed.problems.push({
      line: lineAt(at + second),
      message: 'it has a second answer block "{…}": Moodle and sabaq ask one answer block per question',
    });
    return;
  }

  const missingWord = !text.endsWith('}');
  const questionText = missingWord ? `${text.slice(0, open)}${BLANK}${text.slice(close + 1)}` : text.slice(0, open);
  let answerStart = at + open + 1;
  let answers = text.slice(open + 1, close);
  answerStart += answers.length - answers.trimStart().length;
  answers = answers.trim();

  const formatted = withFormat(questionText);
  let generalFeedback: GiftText | undefined;
  const separator = answers.lastIndexOf('####');
  if (separator !== -1) {
    const feedback = withFormat(answers.slice(separator + 4), formatted.format);
    if (feedback.text) generalFeedback = feedback;
    answers = answers.slice(0, separator).trim();
  }
  const question = { ...base, text: formatted, missingWord, ...(generalFeedback ? { generalFeedback } : {}) };
  const fail = (message: string) => parsed.problems.push({ line, message });
  const defaultFormat = formatted.format;

  if (answers === '') {
    parsed.items.push({ ...question, type: 'essay' });
  } else if (answers.startsWith('#')) {
    const numerical = readNumerical(answers.slice(1), answerStart + 1, defaultFormat, lineAt);
    if (typeof numerical === 'string') fail(numerical);
    else parsed.items.push({ ...question, type: 'numerical', ...numerical });
  } else if (answers.includes('~')) {
    const choices = splitAnswers(answers, answerStart, /[~=]/, true).map((part) => readWeighted(part, 0, defaultFormat, lineAt));
    if (choices.length < 2) fail('a multiple-choice question needs at least two answers');
    else parsed.items.push({ ...question, type: 'multichoice', single: answers.includes('='), answers: choices });
  } else if (answers.includes('=') && answers.includes('->')) {
    const pairs = [];
    for (const part of splitAnswers(answers, answerStart, /=/, false)) {
      const arrow = part.text.indexOf('->');
      if (arrow === -1) return void fail(`the matching answer "${unescape(part.text)}" has no "->"`);
      pairs.push({
        left: withFormat(part.text.slice(0, arrow), defaultFormat),
        right: unescape(part.text.slice(arrow + 2)).trim(),
        line: lineAt(part.offset),
      });
    }
    if (pairs.length < 2) fail('a matching question needs at least two pairs');
    else parsed.items.push({ ...question, type: 'match', pairs });
  } else {
    const hash = answers.indexOf('#');
    const truth = (hash > 0 ? answers.slice(0, hash) : answers).trim();
    if (['T', 'TRUE', 'F', 'FALSE'].includes(truth)) {
      // Moodle's explode('#', …, 3): feedback for a wrong choice, then for the right one.
      const [, wrong, ...rest] = answers.split('#');
      const right = rest.length > 0 ? rest.join('#') : undefined;
      const wrongFeedback = wrong === undefined ? undefined : withFormat(wrong, defaultFormat);
      const rightFeedback = right === undefined ? undefined : withFormat(right, defaultFormat);
      parsed.items.push({
        ...question,
        type: 'truefalse',
        answer: truth.startsWith('T'),
        ...(wrongFeedback?.text ? { wrongFeedback } : {}),
        ...(rightFeedback?.text ? { rightFeedback } : {}),
      });
    } else {
      const accepted = splitAnswers(answers, answerStart, /=/, false).map((part) => readWeighted(part, 1, defaultFormat, lineAt));
      parsed.items.push({ ...question, type: 'shortanswer', answers: accepted });
    }
  }
}

interface Part {
  text: string;
  /** Offset of the part's first character in the block. */
  offset: number;
}

/**
 * Splits answers at each marker character, as Moodle's `explode` does. With `keepEquals` (multiple
 * choice) an `=` starts an answer and stays on it, so the answer is known to be fully right. A text
 * before the first marker is an answer too; blank parts are dropped.
 */
function splitAnswers(answers: string, offset: number, marker: RegExp, keepEquals: boolean): Part[] {
  const parts: Part[] = [];
  let from = 0;
  const push = (end: number) => {
    const raw = answers.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) parts.push({ text: raw.trim(), offset: offset + from + lead });
  };
  for (let i = 0; i < answers.length; i++) {
    if (!marker.test(answers[i]!)) continue;
    push(i);
    from = keepEquals && answers[i] === '=' ? i : i + 1;
  }
  push(answers.length);
  return parts;
}

/** An answer with its optional `%weight%` (or `=` for fully right) and `#feedback`. */
function readWeighted(part: Part, defaultWeight: number, format: GiftFormat, lineAt: (offset: number) => number): GiftAnswer {
  let text = part.text;
  let weight = defaultWeight;
  if (text.startsWith('=')) {
    weight = 1;
    text = text.slice(1);
  } else {
    const match = WEIGHT.exec(text);
    if (match) {
      weight = Number(match[1]!.replace(/^-+/, '-')) / 100;
      text = text.slice(match[0].length);
    }
  }
  const hash = text.indexOf('#');
  const answer: GiftAnswer = { text: withFormat(hash === -1 ? text : text.slice(0, hash), format), weight, line: lineAt(part.offset) };
  if (hash !== -1) {
    const feedback = withFormat(text.slice(hash + 1), format);
    if (feedback.text) answer.feedback = feedback;
  }
  return answer;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function readNumerical(
  answers: string,
  offset: number,
  format: GiftFormat,
  lineAt: (offset: number) => number,
): { answers: GiftNumber[]; otherFeedback?: GiftText } | string {
  let otherFeedback: GiftText | undefined;
  const tilde = answers.indexOf('~');
  if (tilde !== -1) {
    const rest = answers.slice(tilde + 1);
    const hash = rest.indexOf('#');
    const feedback = withFormat(hash === -1 ? '' : rest.slice(hash + 1), format);
    if (feedback.text) otherFeedback = feedback;
    answers = answers.slice(0, tilde);
  }
  const numbers: GiftNumber[] = [];
  for (const part of splitAnswers(answers, offset, /=/, false)) {
    const answer = readWeighted(part, 1, format, lineAt);
    const written = answer.text.text.trim();
    let low: string;
    let high: string;
    const range = written.indexOf('..');
    const colon = written.indexOf(':');
    if (range > 0) {
      low = written.slice(0, range).trim();
      high = written.slice(range + 2).trim();
    } else if (colon > 0) {
      const value = written.slice(0, colon).trim();
      const tolerance = written.slice(colon + 1).trim();
      if (!NUMBER.test(value) || !NUMBER.test(tolerance)) return `"${written}" is not a number with a tolerance`;
      [low, high] = [shift(value, tolerance, -1), shift(value, tolerance, 1)];
    } else {
      low = high = written;
    }
    if (!NUMBER.test(low) || !NUMBER.test(high)) return `"${written}" is not a number, a number:tolerance or a range low..high`;
    numbers.push({
      low,
      high,
      written,
      weight: answer.weight,
      line: answer.line,
      ...(answer.feedback ? { feedback: answer.feedback } : {}),
    });
  }
  if (numbers.length === 0) return 'a numerical question needs at least one number';
  return { answers: numbers, ...(otherFeedback ? { otherFeedback } : {}) };
}

/** `value ± tolerance` in decimal, so 3.14159 - 0.0005 is 3.14109 and not 3.1410899999999997. */
function shift(value: string, tolerance: string, sign: 1 | -1): string {
  const places = Math.min(Math.max(decimals(value), decimals(tolerance)), 20);
  return String(Number((Number(value) + sign * Math.abs(Number(tolerance))).toFixed(places)));
}

function decimals(number: string): number {
  if (/e/i.test(number)) return 10;
  const dot = number.indexOf('.');
  return dot === -1 ? 0 : number.length - dot - 1;
}

/** A text with its optional `[format]` marker read off, and its escapes turned back into characters. */
function withFormat(text: string, defaultFormat: GiftFormat = 'moodle'): GiftText {
  let format = defaultFormat;
  const marker = /^\[(\w+)\]/.exec(text.trimStart());
  if (marker && FORMATS.includes(marker[1] as GiftFormat)) {
    format = marker[1] as GiftFormat;
    text = text.trimStart().slice(marker[0].length);
  }
  // In Moodle's own format and plain text, a line break in the file only wraps a long line; "\n"
  // starts a new line. In Markdown and HTML, line breaks are the format's own.
  if (format === 'moodle' || format === 'plain') text = text.replace(/[ \t]*\n[ \t]*/g, ' ');
  return { text: unescape(text).trim(), format };
}

function escape(text: string): string {
  return text.replace(/\\(\\|[:#={}~n])/g, (_, character: string) => (character === '\\' ? BACKSLASH : ESCAPES[character]!));
}

function unescape(text: string): string {
  return text.replace(/[\uE000-\uE007]/g, (character) => UNESCAPED[character]!);
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
