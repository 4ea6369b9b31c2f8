/**
 * Quiz Markdown (SPEC §2.3), a superset of Quizdown's syntax: a heading starts a question; the shape of
 * the answers decides its kind; blockquotes are hints, option feedback and explanations.
 */
import type { Token, Tokens } from 'marked';
import { FieldReader, type FrontMatter, type FrontMatterValue, parseFrontMatter } from '../front-matter.js';
import { listItemLines, markdown, tokensWithLines } from '../markdown.js';
import { ProblemList } from '../problems.js';
import { contentHash, countLines, quote } from '../text.js';
import { isCssColor } from './css-color.js';
import type { ChoiceOption, Question, Quiz, QuizSettings, ShuffleMode } from '../types.js';

export interface QuizContext {
  file: string;
  /** Line of the quiz source's first line in its file. */
  line?: number;
  /** Id used when the front matter sets none. */
  defaultId: string;
  /** A quiz inside a lesson must be fully right by default; a final or standalone quiz needs 70%. */
  inLesson: boolean;
}

const SHUFFLE_MODES: readonly ShuffleMode[] = ['none', 'answers', 'questions', 'both'];
/** The languages sabaq's quiz has strings for (src/i18n): a Quizdown `locale` outside them falls back to English. */
const QUIZ_LOCALES = ['en', 'ur'];
const SHORT_ANSWER_LINE = /^=[ \t]+(\S.*?)\s*$/;
/** `left -> right`, or `left :: right` as a widely used Quizdown fork writes matching pairs. */
const MATCH_SEPARATOR = /->|::/;

export function parseQuiz(source: string, context: QuizContext, problems: ProblemList): Quiz {
  const { file } = context;
  const firstLine = context.line ?? 1;
  // Quizdown reads its options after blank lines too (a Hugo shortcode's or a Sphinx directive's
  // content starts with one).
  const blank = /^(?:[ \t]*\n)+(?=---[ \t]*(?:\n|$))/.exec(source)?.[0] ?? '';
  const frontMatter = parseFrontMatter(source.slice(blank.length), file, problems, firstLine + countLines(blank));
  const fields = new FieldReader(frontMatter, file, problems);
  const alias = aliasReader(frontMatter, fields, problems);
  const id = fields.id('id') ?? context.defaultId;
  const final = fields.boolean('final') ?? false;
  const passKey = alias('pass', 'passingGrade');
  const retryKey = alias('enableRetry');
  const retry = fields.boolean(retryKey);
  const settings: QuizSettings = {
    pass: fields.percent(passKey) ?? (context.inLesson && !final ? 100 : 70),
    // Quizdown's "enableRetry: false" lets the learner submit once.
    attempts: fields.count('attempts', 0) ?? (retry === false ? 1 : 0),
    shuffle: readShuffle(fields, alias, frontMatter.data['shuffle']),
    final,
    partial: fields.boolean('partial') ?? false,
  };
  const pickKey = alias('pick', 'nQuestions');
  const pick = fields.count(pickKey, 1);
  const time = fields.positive('time');
  const activityId = fields.iri('activity-id');
  if (pick !== undefined) settings.pick = pick;
  if (time !== undefined) settings.time = time;
  readPresentation(fields, alias, settings, problems);
  // Quizdown's option with nothing to do in sabaq (every quiz renders on its own): accepted and ignored.
  alias('startOnLoad');
  fields.finish();
  if (context.inLesson && !final && settings.attempts > 0) {
    problems.warning(
      'attempts-lock-out',
      fields.at(fields.has('attempts') ? 'attempts' : retryKey),
      `"attempts: ${settings.attempts}" on a lesson quiz: a learner who uses them up without passing can never ` +
        'complete this lesson, nor the course; leave attempts unlimited, or make it the final assessment ("final: true")',
    );
  }

  const { intro, questions, headings } = parseQuestions(frontMatter.body, frontMatter.bodyLine, context, problems);
  if (headings === 0) {
    problems.error(
      'quiz-empty',
      { file, line: firstLine },
      'this quiz has no questions: start each question with a heading, such as "### What does FOB mean?"',
    );
  }
  if (settings.pick !== undefined && settings.pick > questions.length) {
    problems.error(
      'pick-too-large',
      fields.at(pickKey),
      `"${pickKey}: ${settings.pick}" asks for more questions than the quiz has (${questions.length}): lower it or add questions`,
    );
  }

  const quiz: Quiz = { id, questions, settings, hash: contentHash(source), file, line: firstLine };
  if (intro) quiz.intro = intro;
  if (activityId) quiz.activityId = activityId;
  return quiz;
}

type Alias = (...keys: string[]) => string;

/**
 * Returns a function that, given the names of one setting (sabaq's and Quizdown's), says which one the
 * front matter sets, each also in snake_case (`passing_grade`), or the first when it sets none.
 * Setting two of them is an error, as setting one key twice is.
 */
function aliasReader(frontMatter: FrontMatter, fields: FieldReader, problems: ProblemList): Alias {
  return (...keys) => {
    const spellings = keys.flatMap((key) => [key, key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)]);
    const set = [...new Set(spellings)].filter((key) => fields.has(key));
    set.slice(1).forEach((key) => conflict(frontMatter, fields, problems, key, set[0]!));
    return set[0] ?? keys[0]!;
  };
}

function conflict(frontMatter: FrontMatter, fields: FieldReader, problems: ProblemList, key: string, kept: string) {
  problems.error(
    'front-matter-syntax',
    fields.at(key),
    `"${key}" and "${kept}" (line ${frontMatter.lines[kept]}) are one setting: keep one of the two lines`,
  );
}

function readShuffle(fields: FieldReader, alias: Alias, shuffle: FrontMatterValue | undefined): ShuffleMode {
  const answersKey = alias('shuffleAnswers');
  const questionsKey = alias('shuffleQuestions');
  if (fields.has('shuffle')) {
    [answersKey, questionsKey].filter((key) => fields.has(key)).forEach((key) => alias('shuffle', key));
    // SPEC §2.3: "shuffle: true" shuffles the answers, "shuffle: false" nothing.
    if (typeof shuffle === 'boolean') return shuffle ? 'answers' : 'none';
    return fields.oneOf('shuffle', SHUFFLE_MODES) ?? 'none';
  }
  const answers = fields.boolean(answersKey) ?? false;
  const questions = fields.boolean(questionsKey) ?? false;
  if (answers && questions) return 'both';
  return answers ? 'answers' : questions ? 'questions' : 'none';
}

/** Quizdown's result messages, interface language and colours. */
function readPresentation(fields: FieldReader, alias: Alias, settings: QuizSettings, problems: ProblemList): void {
  const passMessage = fields.string(alias('customPassMsg'));
  const failMessage = fields.string(alias('customFailMsg'));
  if (passMessage) settings.passMessage = passMessage;
  if (failMessage) settings.failMessage = failMessage;

  const localeKey = 'locale';
  const locale = fields.string(localeKey);
  if (locale !== undefined) {
    const language = locale.toLowerCase().split(/[-_]/)[0]!;
    settings.locale = QUIZ_LOCALES.includes(language) ? language : 'en';
    if (settings.locale !== language) {
      problems.warning(
        'invalid-value',
        fields.at(localeKey),
        `"${localeKey}: ${locale}": the quiz is shown in English; sabaq speaks ${QUIZ_LOCALES.join(' and ')}`,
      );
    }
  }

  const colors: NonNullable<QuizSettings['colors']> = {};
  for (const part of ['primary', 'secondary', 'text'] as const) {
    const key = alias(`${part}Color`);
    const value = fields.string(key);
    if (value === undefined) continue;
    if (isCssColor(value)) colors[part] = value;
    else {
      problems.warning(
        'invalid-value',
        fields.at(key),
        `"${key}: ${value}" is ignored: write a CSS colour, such as "#FF851B" or "steelblue"`,
      );
    }
  }
  if (Object.keys(colors).length > 0) settings.colors = colors;
}

/** A question's list of answers: one Markdown list, or several that Quizdown reads as one (below). */
interface AnswerList {
  ordered: boolean;
  items: Tokens.ListItem[];
  /** The line of each item. */
  lines: number[];
  line: number;
}

/** A question while it is being read: answers are kept as the tokens that hold them. */
interface Draft {
  line: number;
  prompt: string;
  body: string[];
  hints: string[];
  explanations: string[];
  answers?: AnswerList | { short: string[]; line: number };
  shuffleAnswers?: boolean;
  /**
   * Quizdown (on an older Markdown parser) reads a blockquote written directly under an option, with no
   * blank line and no indentation, as that option's comment, and the options after it as the same
   * list; marked ends the list there. `feedback`: the last token was a choice list (or a comment) with
   * no blank line after it, so a blockquote now is its last option's comment; `list`: a comment was
   * just read, so a choice list of the same kind now continues the answers.
   */
  continues?: 'feedback' | 'list';
  /** Text after the answers was already reported (once per question). */
  warnedTrailing?: boolean;
}

function parseQuestions(body: string, bodyLine: number, context: QuizContext, problems: ProblemList) {
  const { file } = context;
  const drafts: Draft[] = [];
  const intro: string[] = [];
  const tokens = [...tokensWithLines(markdown.lexer(body), bodyLine)];

  for (let i = 0; i < tokens.length; i++) {
    const [token, line] = tokens[i]!;
    const draft = drafts.at(-1);
    if (token.type === 'space') {
      if (draft?.continues === 'feedback') delete draft.continues;
      continue;
    }
    if (token.type === 'code') checkCodeClosed(token as Tokens.Code, line, context, problems);
    if (token.type === 'heading') {
      drafts.push({ line, prompt: (token as Tokens.Heading).text, body: [], hints: [], explanations: [] });
      i += readQuestionOptions(tokens, i + 1, drafts.at(-1)!, file, problems);
      continue;
    }
    if (!draft) intro.push(token.raw);
    else if (!draft.answers) readBeforeAnswers(draft, token, line, file, problems);
    else if (!continueAnswers(draft, token, line)) readAfterAnswers(draft, token, line, file, problems);
  }

  const questions = drafts
    .map((draft, index) => buildQuestion(draft, `q${index + 1}`, file, problems))
    .filter((question): question is Question => question !== undefined);
  return { intro: joinBlocks(intro), questions, headings: drafts.length };
}

/**
 * A fenced code block that runs to the end of the quiz was never closed. Inside a lesson that is
 * usually the quiz's own fence: its closing line closed the quiz at the code's closing line instead.
 */
function checkCodeClosed(code: Tokens.Code, line: number, context: QuizContext, problems: ProblemList): void {
  const lines = code.raw.trimEnd().split('\n');
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(lines[0]!)?.[1];
  if (!fence) return;
  const close = new RegExp(`^ {0,3}${fence[0]}{${fence.length},}[ \\t]*$`);
  if (lines.length > 1 && close.test(lines.at(-1)!)) return;
  problems.error(
    'quiz-unclosed',
    { file: context.file, line },
    `this code block is never closed: end it with a line "${fence}" (in a lesson, fence the quiz with "${fence}${fence[0]}quiz")`,
  );
}

/**
 * Markdown blocks read one token at a time, as one text again. The blank lines between them were
 * separate tokens (and a hint may have stood between two): without a blank line, a paragraph ran into
 * the code fence after it, and a code block's closing fence into the paragraph after it.
 */
function joinBlocks(blocks: string[]): string {
  return blocks
    .map((block) => block.replace(/^\n+/, '').trimEnd())
    .filter(Boolean)
    .join('\n\n');
}

function answerList(list: Tokens.List, line: number): AnswerList {
  return { ordered: list.ordered, items: [...list.items], lines: listItemLines(list, line), line };
}

/** After a choice list, what may still belong to it (see {@link Draft.continues}). */
function continuesAfter(list: Tokens.List): Draft['continues'] {
  return list.items[0]?.task && !/\n\n$/.test(list.raw) ? 'feedback' : undefined;
}

/** Reads an unindented option comment, or the options after it; false when the token is neither. */
function continueAnswers(draft: Draft, token: Token, line: number): boolean {
  const answers = draft.answers as AnswerList;
  const continues = draft.continues;
  delete draft.continues;
  if (continues === 'feedback' && token.type === 'blockquote') {
    answers.items.at(-1)!.tokens.push(token);
    draft.continues = 'list';
    return true;
  }
  const list = token as Tokens.List;
  if (continues === 'list' && token.type === 'list' && list.ordered === answers.ordered && list.items[0]?.task) {
    const more = answerList(list, line);
    answers.items.push(...more.items);
    answers.lines.push(...more.lines);
    draft.continues = continuesAfter(list);
    return true;
  }
  return false;
}

/**
 * Quizdown lets a question carry its own options between two `---` lines right after its heading
 * (only `shuffleAnswers` is honoured there). marked lexes that block as a rule followed by a paragraph
 * and a rule, or, with no blank line before the closing `---`, as a rule and a setext heading.
 * Returns how many tokens were consumed.
 */
function readQuestionOptions(tokens: [Token, number][], start: number, draft: Draft, file: string, problems: ProblemList): number {
  let i = start;
  while (tokens[i]?.[0].type === 'space') i++;
  const open = tokens[i];
  if (open?.[0].type !== 'hr') return 0;
  let j = i + 1;
  while (tokens[j]?.[0].type === 'space') j++;
  const options = tokens[j]?.[0];
  const setext = options?.type === 'heading' && /\n-{3,}\s*$/.test(options.raw);
  let end = j;
  if (!setext) {
    end = j + 1;
    while (tokens[end]?.[0].type === 'space') end++;
    if (options?.type !== 'paragraph' || tokens[end]?.[0].type !== 'hr') return 0;
  }
  const text = setext ? options.raw.replace(/\n-{3,}\s*$/, '') : options.raw.trimEnd();
  const frontMatter = parseFrontMatter(`---\n${text}\n---`, file, problems, open[1]);
  const fields = new FieldReader(frontMatter, file, problems);
  const shuffleAnswers = fields.boolean(aliasReader(frontMatter, fields, problems)('shuffleAnswers'));
  if (shuffleAnswers !== undefined) draft.shuffleAnswers = shuffleAnswers;
  fields.finish();
  return end + 1 - start;
}

function readBeforeAnswers(draft: Draft, token: Token, line: number, file: string, problems: ProblemList) {
  if (token.type === 'blockquote') {
    draft.hints.push((token as Tokens.Blockquote).text);
  } else if (token.type === 'list') {
    draft.answers = answerList(token as Tokens.List, line);
    const continues = continuesAfter(token as Tokens.List);
    if (continues) draft.continues = continues;
  } else if (token.type === 'paragraph' && token.raw.split('\n').some((l) => SHORT_ANSWER_LINE.test(l))) {
    // A body paragraph directly followed by "= " lines (no blank line between) lexes as one paragraph.
    const lines = token.raw.replace(/\n+$/, '').split('\n');
    const first = lines.findIndex((l) => SHORT_ANSWER_LINE.test(l));
    if (first > 0) draft.body.push(lines.slice(0, first).join('\n'));
    draft.answers = { short: [], line: line + first };
    readShortAnswers(draft, lines.slice(first), line + first, file, problems);
  } else {
    draft.body.push(token.raw);
  }
}

function readAfterAnswers(draft: Draft, token: Token, line: number, file: string, problems: ProblemList) {
  if (token.type === 'blockquote') {
    draft.explanations.push((token as Tokens.Blockquote).text);
    return;
  }
  // A rule between questions only separates them.
  if (token.type === 'hr') return;
  const lines = token.raw.replace(/\n+$/, '').split('\n');
  if (draft.answers && 'short' in draft.answers && token.type === 'paragraph' && SHORT_ANSWER_LINE.test(lines[0]!)) {
    readShortAnswers(draft, lines, line, file, problems);
    return;
  }
  if (token.type === 'list' && (token as Tokens.List).items[0]?.task) {
    problems.error(
      'question-answer-shape',
      { file, line },
      `question ${quote(draft.prompt)} has a second list of answers: keep its options in one list, or start a new question with a heading`,
    );
    return;
  }
  // Quizdown shows any other text after the answers with the question; sabaq keeps it as the explanation.
  draft.explanations.push(token.raw);
  if (draft.warnedTrailing) return;
  draft.warnedTrailing = true;
  problems.warning(
    'question-answer-shape',
    { file, line },
    `text after the answers of question ${quote(draft.prompt)} is its explanation, shown after answering: ` +
      'move it above the answers to show it with the question, or make it a blockquote ("> …")',
  );
}

function readShortAnswers(draft: Draft, lines: string[], line: number, file: string, problems: ProblemList) {
  const answers = draft.answers as { short: string[] };
  lines.forEach((text, i) => {
    const match = SHORT_ANSWER_LINE.exec(text);
    if (match) answers.short.push(match[1]!);
    else {
      problems.error(
        'question-answer-shape',
        { file, line: line + i },
        `question ${quote(draft.prompt)} mixes accepted answers with other text: start every answer line with "= "`,
      );
    }
  });
}

function buildQuestion(draft: Draft, id: string, file: string, problems: ProblemList): Question | undefined {
  const base = {
    id,
    line: draft.line,
    prompt: draft.prompt,
    ...optional('body', joinBlocks(draft.body)),
    ...optional('hint', draft.hints.join('\n\n').trim()),
    ...optional('explanation', joinBlocks(draft.explanations)),
    ...(draft.shuffleAnswers === undefined ? {} : { shuffleAnswers: draft.shuffleAnswers }),
  };
  if (!draft.answers) {
    problems.error(
      'question-no-answers',
      { file, line: draft.line },
      `question ${quote(draft.prompt)} has no answers: add a list of "- [x]" / "- [ ]" options, ` +
        'a numbered list to put in order, "left -> right" pairs, or "= answer" lines',
    );
    return undefined;
  }
  if ('short' in draft.answers) {
    return { ...base, kind: 'short', answers: draft.answers.short };
  }
  return listQuestion(base, draft.answers, file, problems);
}

type QuestionFields = Omit<Question, 'kind' | 'options' | 'items' | 'pairs' | 'answers'>;

function listQuestion(base: QuestionFields, list: AnswerList, file: string, problems: ProblemList): Question | undefined {
  const { lines, line: listLine } = list;
  const tasks = list.items.map((item) => item.task);
  const name = quote(base.prompt);
  const odd = tasks.indexOf(!tasks[0]);
  if (odd !== -1) {
    problems.error(
      'question-mixed-answers',
      { file, line: lines[odd]! },
      `question ${name} mixes answer shapes: ${tasks[0] ? 'every' : 'no'} option must start with "[x]" or "[ ]", ` +
        `as the first one ${tasks[0] ? 'does' : 'does not'}`,
    );
    return undefined;
  }
  if (list.items.length < 2) {
    problems.error('question-answer-shape', { file, line: listLine }, `question ${name} needs at least two answers`);
    return undefined;
  }

  if (tasks[0]) {
    const options = list.items.map(choiceOption);
    const correct = options.filter((option) => option.correct).length;
    if (list.ordered) {
      if (correct !== 1) {
        problems.error(
          'single-choice-correct-count',
          { file, line: listLine },
          `single-choice question ${name} has ${correct} answers marked [x]; mark exactly one, ` +
            'or use "- [x]" items for multiple choice',
        );
        return undefined;
      }
      return { ...base, kind: 'single', options };
    }
    if (correct === 0) {
      problems.error(
        'multiple-choice-no-correct',
        { file, line: listLine },
        `multiple-choice question ${name} has no answer marked [x]: mark every correct option "- [x]"`,
      );
      return undefined;
    }
    return { ...base, kind: 'multiple', options };
  }

  const texts = list.items.map(itemMarkdown);
  if (list.ordered) return { ...base, kind: 'ordering', items: texts };

  const separators = texts.map((text) => MATCH_SEPARATOR.exec(text));
  const unmatched = separators.indexOf(null);
  if (unmatched !== -1) {
    const any = separators.some(Boolean);
    problems.error(
      any ? 'question-mixed-answers' : 'question-answer-shape',
      { file, line: lines[unmatched]! },
      any
        ? `question ${name} mixes answer shapes: write every matching item as "left -> right"`
        : `the answers of question ${name} have no shape: start options with "[x]" or "[ ]", ` +
            'write matching pairs as "left -> right", or number the items to put them in order',
    );
    return undefined;
  }
  const pairs = separators.map((match) => ({
    left: match!.input.slice(0, match!.index).trim(),
    right: match!.input.slice(match!.index + match![0].length).trim(),
  }));
  const empty = pairs.findIndex((pair) => !pair.left || !pair.right);
  if (empty !== -1) {
    problems.error(
      'question-answer-shape',
      { file, line: lines[empty]! },
      `matching item in question ${name} needs text on both sides of "${separators[empty]![0]}"`,
    );
    return undefined;
  }
  // Two lines with one term would show the same term twice, each with its own choice of match.
  const terms = pairs.map((pair) => pair.left.replace(/\s+/g, ' ').toLowerCase());
  const twice = terms.findIndex((term, i) => terms.indexOf(term) !== i);
  if (twice !== -1) {
    const first = terms.indexOf(terms[twice]!);
    problems.error(
      'question-answer-shape',
      { file, line: lines[twice]! },
      `matching question ${name} uses the term ${quote(pairs[twice]!.left)} twice (lines ${lines[first]} and ${lines[twice]}): write each term once`,
    );
    return undefined;
  }
  return { ...base, kind: 'matching', pairs };
}

/** The item's own Markdown, without its checkbox or the feedback blockquote under it. */
function itemMarkdown(item: Tokens.ListItem): string {
  return item.tokens
    .filter((token) => token.type !== 'blockquote' && token.type !== 'checkbox')
    .map((token) => token.raw)
    .join('')
    .trim();
}

function choiceOption(item: Tokens.ListItem): ChoiceOption {
  const feedback = item.tokens
    .filter((token): token is Tokens.Blockquote => token.type === 'blockquote')
    .map((token) => token.text)
    .join('\n\n')
    .trim();
  return { text: itemMarkdown(item), correct: item.checked === true, ...optional('feedback', feedback) };
}

function optional<K extends string>(key: K, value: string): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
