/**
 * Quiz Markdown (SPEC §2.3), a superset of Quizdown's syntax: a heading starts a question; the shape of
 * the answers decides its kind; blockquotes are hints, option feedback and explanations.
 */
import type { Token, Tokens } from 'marked';
import { FieldReader, parseFrontMatter } from '../front-matter.js';
import { listItemLines, markdown, tokensWithLines } from '../markdown.js';
import { ProblemList } from '../problems.js';
import { contentHash, quote } from '../text.js';
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
/** Quizdown's presentation options: accepted so a Quizdown quiz works unchanged, and ignored. */
const QUIZDOWN_IGNORED = ['primaryColor', 'secondaryColor', 'textColor', 'locale', 'startOnLoad'];
const SHORT_ANSWER_LINE = /^=[ \t]+(\S.*?)\s*$/;
const MATCH_ARROW = '->';

export function parseQuiz(source: string, context: QuizContext, problems: ProblemList): Quiz {
  const { file } = context;
  const firstLine = context.line ?? 1;
  const frontMatter = parseFrontMatter(source, file, problems, firstLine);
  const fields = new FieldReader(frontMatter, file, problems);
  const id = fields.id('id') ?? context.defaultId;
  const final = fields.boolean('final') ?? false;
  const settings: QuizSettings = {
    pass: fields.percent('pass') ?? (context.inLesson && !final ? 100 : 70),
    attempts: fields.count('attempts', 0) ?? 0,
    shuffle: readShuffle(fields),
    final,
    partial: fields.boolean('partial') ?? false,
  };
  const pick = fields.count('pick', 1) ?? fields.count('nQuestions', 1);
  const time = fields.positive('time');
  const activityId = fields.iri('activity-id');
  if (pick !== undefined) settings.pick = pick;
  if (time !== undefined) settings.time = time;
  QUIZDOWN_IGNORED.forEach((key) => fields.has(key));
  fields.finish();
  if (context.inLesson && !final && settings.attempts > 0) {
    problems.warning(
      'attempts-lock-out',
      fields.at('attempts'),
      `"attempts: ${settings.attempts}" on a lesson quiz: a learner who uses them up without passing can never ` +
        'complete this lesson, nor the course; leave attempts unlimited, or make it the final assessment ("final: true")',
    );
  }

  const { intro, questions, headings } = parseQuestions(frontMatter.body, frontMatter.bodyLine, file, problems);
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
      fields.at(fields.has('pick') ? 'pick' : 'nQuestions'),
      `"pick: ${settings.pick}" asks for more questions than the quiz has (${questions.length}): lower it or add questions`,
    );
  }

  const quiz: Quiz = { id, questions, settings, hash: contentHash(source), file, line: firstLine };
  if (intro) quiz.intro = intro;
  if (activityId) quiz.activityId = activityId;
  return quiz;
}

function readShuffle(fields: FieldReader): ShuffleMode {
  const shuffle = fields.oneOf('shuffle', SHUFFLE_MODES);
  const answers = fields.boolean('shuffleAnswers') ?? false;
  const questions = fields.boolean('shuffleQuestions') ?? false;
  if (shuffle) return shuffle;
  if (answers && questions) return 'both';
  return answers ? 'answers' : questions ? 'questions' : 'none';
}

/** A question while it is being read: answers are kept as the token that holds them. */
interface Draft {
  line: number;
  prompt: string;
  body: string[];
  hints: string[];
  explanations: string[];
  answers?: { list: Tokens.List; line: number } | { short: string[]; line: number };
  shuffleAnswers?: boolean;
}

function parseQuestions(body: string, bodyLine: number, file: string, problems: ProblemList) {
  const drafts: Draft[] = [];
  const intro: string[] = [];
  const tokens = [...tokensWithLines(markdown.lexer(body), bodyLine)];

  for (let i = 0; i < tokens.length; i++) {
    const [token, line] = tokens[i]!;
    if (token.type === 'space') continue;
    if (token.type === 'heading') {
      drafts.push({ line, prompt: (token as Tokens.Heading).text, body: [], hints: [], explanations: [] });
      i += readQuestionOptions(tokens, i + 1, drafts.at(-1)!, file, problems);
      continue;
    }
    const draft = drafts.at(-1);
    if (!draft) intro.push(token.raw);
    else if (!draft.answers) readBeforeAnswers(draft, token, line, file, problems);
    else readAfterAnswers(draft, token, line, file, problems);
  }

  const questions = drafts
    .map((draft, index) => buildQuestion(draft, `q${index + 1}`, file, problems))
    .filter((question): question is Question => question !== undefined);
  return { intro: intro.join('').trim(), questions, headings: drafts.length };
}

/**
 * Quizdown lets a question carry its own options between two `---` lines right after its heading
 * (only `shuffleAnswers` is honoured there). marked lexes that block as a rule followed by a paragraph
 * and a rule, or, with no blank line before the closing `---`, as a rule and a setext heading.
 * Returns how many tokens were consumed.
 */
function readQuestionOptions(
  tokens: [Token, number][],
  start: number,
  draft: Draft,
  file: string,
  problems: ProblemList,
): number {
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
  const text = setext ? options.raw.replace(/\n-{3,}\s*$/, '') : options!.raw.trimEnd();
  const frontMatter = parseFrontMatter(`---\n${text}\n---`, file, problems, open[1]);
  const fields = new FieldReader(frontMatter, file, problems);
  const shuffleAnswers = fields.boolean('shuffleAnswers');
  if (shuffleAnswers !== undefined) draft.shuffleAnswers = shuffleAnswers;
  fields.finish();
  return end + 1 - start;
}

function readBeforeAnswers(draft: Draft, token: Token, line: number, file: string, problems: ProblemList) {
  if (token.type === 'blockquote') {
    draft.hints.push((token as Tokens.Blockquote).text);
  } else if (token.type === 'list') {
    draft.answers = { list: token as Tokens.List, line };
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
  const lines = token.raw.replace(/\n+$/, '').split('\n');
  if (draft.answers && 'short' in draft.answers && token.type === 'paragraph' && SHORT_ANSWER_LINE.test(lines[0]!)) {
    readShortAnswers(draft, lines, line, file, problems);
    return;
  }
  const what = token.type === 'list' ? 'a second list of answers' : quote(token.raw);
  problems.error(
    'question-answer-shape',
    { file, line },
    `question ${quote(draft.prompt)} has ${what} after its answers: start a new question with a heading, ` +
      'or write an explanation as a blockquote ("> …")',
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
    ...optional('body', draft.body.join('').trim()),
    ...optional('hint', draft.hints.join('\n\n').trim()),
    ...optional('explanation', draft.explanations.join('\n\n').trim()),
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
  return listQuestion(base, draft.answers.list, draft.answers.line, file, problems);
}

type QuestionFields = Omit<Question, 'kind' | 'options' | 'items' | 'pairs' | 'answers'>;

function listQuestion(
  base: QuestionFields,
  list: Tokens.List,
  listLine: number,
  file: string,
  problems: ProblemList,
): Question | undefined {
  const lines = listItemLines(list, listLine);
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

  const arrows = texts.map((text) => text.includes(MATCH_ARROW));
  const unmatched = arrows.indexOf(false);
  if (unmatched !== -1) {
    const any = arrows.includes(true);
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
  const pairs = texts.map((text) => {
    const at = text.indexOf(MATCH_ARROW);
    return { left: text.slice(0, at).trim(), right: text.slice(at + MATCH_ARROW.length).trim() };
  });
  const empty = pairs.findIndex((pair) => !pair.left || !pair.right);
  if (empty !== -1) {
    problems.error(
      'question-answer-shape',
      { file, line: lines[empty]! },
      `matching item in question ${name} needs text on both sides of "->"`,
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

