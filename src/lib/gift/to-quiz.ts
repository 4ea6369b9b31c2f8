/**
 * Turns a GIFT question bank into a sabaq quiz (SPEC §2.3) that asks and scores the same questions.
 * Whatever sabaq cannot ask is left out, and whatever it asks or scores differently is kept with a
 * note; both are reported with their GIFT line, so nothing is lost without the author being told.
 * Plain TypeScript: no DOM, no Node.
 */
import { quote } from '../text.js';
import { type GiftAnswer, type GiftQuestion, type GiftText, parseGift } from './parse.js';

export interface GiftNote {
  /** The GIFT line it is about. */
  line: number;
  /** `left-out`: not in the quiz; `changed`: in the quiz, but asked or scored differently. */
  kind: 'left-out' | 'changed';
  message: string;
}

export interface GiftImport {
  /** The quiz, as Markdown. */
  markdown: string;
  /** Questions written. */
  questions: number;
  notes: GiftNote[];
}

export interface GiftImportOptions {
  /** The quiz's `id` (front matter); left out when it is not a valid id. */
  id?: string;
  /** The GIFT file's name, mentioned in the quiz's first comment. */
  source?: string;
}

const VALID_ID = /^[a-z0-9][a-z0-9-]*$/;
/** Weights differing by less than this are the same (Moodle writes a third as 33.33333%). */
const SAME_WEIGHT = 0.001;

export function giftToQuiz(source: string, options: GiftImportOptions = {}): GiftImport {
  const parsed = parseGift(source);
  const notes: GiftNote[] = parsed.problems.map((problem) => ({
    line: problem.line,
    kind: 'left-out',
    message: `question left out: ${problem.message}`,
  }));
  const blocks: string[] = [];
  const intro: string[] = [];
  let category: string | undefined;
  let categoryWritten = true;
  let partial = false;

  for (const item of parsed.items) {
    if (item.type === 'category') {
      category = item.category;
      categoryWritten = false;
      continue;
    }
    if (item.type === 'description') {
      // Before the first question it is the quiz's introduction; between questions it has no place.
      if (blocks.length === 0) intro.push(markdownBlock(item.text));
      else
        notes.push({
          line: item.line,
          kind: 'left-out',
          message: `${describe(item)} left out: a description between questions has no place in a sabaq quiz; put it in the lesson around the quiz`,
        });
      continue;
    }
    const written = writeQuestion(item, blocks.length + 1, notes);
    if (written === undefined) continue;
    const comment = [
      `GIFT line ${item.line}`,
      ...(item.title ? [`title: ${item.title}`] : []),
      ...(category !== undefined && !categoryWritten ? [`category: ${category}`] : []),
    ];
    categoryWritten = true;
    partial ||= written.partial;
    // Under the heading: a comment before the heading would end the previous question.
    blocks.push(written.markdown.replace('\n\n', `\n\n${htmlComment(comment.join(' · '))}\n\n`));
  }
  notes.sort((a, b) => a.line - b.line);

  const frontMatter = ['---', `# Imported from ${options.source ?? 'a GIFT file'} by "sabaq import-gift".`];
  if (options.id && VALID_ID.test(options.id)) frontMatter.push(`id: ${options.id}`);
  // Moodle gives partial credit on matching and on several-answer questions; so does sabaq with this.
  if (partial) frontMatter.push('partial: true');
  frontMatter.push('---');
  const markdown = [frontMatter.join('\n'), ...intro, ...blocks].join('\n\n') + '\n';
  return { markdown, questions: blocks.length, notes };
}

interface WrittenQuestion {
  markdown: string;
  /** Moodle scores it with partial credit. */
  partial: boolean;
}

/** One question as sabaq Markdown: heading, a blank line, then body, answers and explanation. */
function writeQuestion(
  question: Exclude<GiftQuestion, { type: 'description' }>,
  position: number,
  notes: GiftNote[],
): WrittenQuestion | undefined {
  const leaveOut = (why: string) => {
    notes.push({ line: question.line, kind: 'left-out', message: `${describe(question)} left out: ${why}` });
    return undefined;
  };
  const change = (line: number, message: string) => notes.push({ line, kind: 'changed', message: `${describe(question)}: ${message}` });

  if (question.type === 'essay') return leaveOut('sabaq cannot ask essay questions, which a teacher marks by hand');
  if (question.missingWord && (question.type === 'truefalse' || question.type === 'match')) {
    return leaveOut(
      `its ${question.type === 'truefalse' ? 'true/false' : 'matching'} answers stand inside the sentence, where a blank cannot hold them; move them to the end`,
    );
  }
  if (/@@PLUGINFILE@@/.test(JSON.stringify(question))) {
    change(
      question.line,
      'it shows a file stored in Moodle (@@PLUGINFILE@@), which the GIFT file does not contain; put the file beside the quiz and change its address',
    );
  }

  const explanation: string[] = [];
  if (question.generalFeedback) explanation.push(markdownBlock(question.generalFeedback));
  let answers: string;
  let partial = false;

  switch (question.type) {
    case 'truefalse': {
      const option = (label: string, right: boolean) => {
        const feedback = right ? question.rightFeedback : question.wrongFeedback;
        return choice('1.', right, label, feedback);
      };
      answers = [option('True', question.answer), option('False', !question.answer)].join('\n');
      break;
    }
    case 'multichoice': {
      if (question.single) {
        const full = question.answers.filter((answer) => answer.weight >= 1 - SAME_WEIGHT);
        if (full.length !== 1) {
          return leaveOut(
            `it has ${full.length} fully right answers but lets a learner choose only one; a sabaq single-choice question has exactly one right answer`,
          );
        }
        for (const answer of question.answers) {
          if (answer.weight !== 0 && answer !== full[0]) {
            change(
              answer.line,
              `${quote(answer.text.text)} is worth ${percent(answer.weight)} in Moodle; in sabaq only the right answer scores`,
            );
          }
        }
        answers = question.answers.map((answer) => choice('1.', answer === full[0], answer.text, answer.feedback)).join('\n');
      } else {
        const right = question.answers.filter((answer) => answer.weight > 0);
        if (right.length === 0) return leaveOut('none of its answers has a positive weight, so none is right');
        partial = true;
        if (!weightsFitPartial(question.answers, right.length)) {
          change(
            question.line,
            `Moodle adds up its answer weights (${question.answers.map((answer) => percent(answer.weight)).join(', ')}); ` +
              `sabaq gives each of the ${right.length} right answers ${percent(1 / right.length)} and takes as much away for each wrong one ticked`,
          );
        }
        answers = question.answers.map((answer) => choice('-', answer.weight > 0, answer.text, answer.feedback)).join('\n');
      }
      break;
    }
    case 'shortanswer': {
      const accepted = acceptedAnswers(question, notes);
      if (accepted.length === 0) return leaveOut('it has no fully right answer that sabaq can compare');
      answers = accepted.map((answer) => `= ${oneLine(answer.text.text)}`).join('\n');
      const feedback = question.answers.filter((answer) => answer.feedback && accepted.includes(answer));
      if (feedback.length > 0) {
        explanation.push(feedback.map((answer) => `- ${oneLine(answer.text.text)}: ${inline(answer.feedback!)}`).join('\n'));
        change(
          feedback[0]!.line,
          "sabaq has no feedback for each typed answer: the answers' feedback is shown with the explanation, to every learner",
        );
      }
      break;
    }
    case 'numerical': {
      const accepted = question.answers.filter((answer) => {
        if (answer.weight >= 1 - SAME_WEIGHT) return true;
        notes.push({
          line: answer.line,
          kind: 'left-out',
          message: `${describe(question)}: the answer ${answer.written} (worth ${percent(answer.weight)} in Moodle) is left out: sabaq has no partial credit for typed answers`,
        });
        return false;
      });
      if (accepted.length === 0) return leaveOut('it has no fully right number');
      answers = accepted.map((answer) => `= ${answer.low === answer.high ? answer.low : `${answer.low}..${answer.high}`}`).join('\n');
      const feedback = accepted.filter((answer) => answer.feedback);
      const lines = feedback.map((answer) => `- ${answer.written}: ${inline(answer.feedback!)}`);
      if (question.otherFeedback) lines.push(`- Any other answer: ${inline(question.otherFeedback)}`);
      if (lines.length > 0) {
        explanation.push(lines.join('\n'));
        change(
          feedback[0]?.line ?? question.line,
          "sabaq has no feedback for each typed answer: the answers' feedback is shown with the explanation, to every learner",
        );
      }
      break;
    }
    case 'match': {
      const pairs = question.pairs.filter((pair) => {
        if (pair.left.text && pair.right) return true;
        notes.push({
          line: pair.line,
          kind: 'left-out',
          message: `${describe(question)}: the extra answer ${quote(pair.right || pair.left.text)} is left out: every sabaq matching item needs both sides`,
        });
        return false;
      });
      if (pairs.length < 2) return leaveOut('it has fewer than two complete pairs');
      // "->" on the left would end the term early: write it as an entity, which reads the same.
      answers = pairs.map((pair) => `- ${inline(pair.left).replace(/->/g, '-&gt;')} -> ${oneLine(pair.right)}`).join('\n');
      partial = true;
      break;
    }
  }

  const { heading, body } = prompt(question, position);
  const parts = [`### ${heading}`, ...(body ? [body] : []), answers];
  if (explanation.length > 0) parts.push(explanation.join('\n\n').replace(/^/gm, '> ').replace(/^> $/gm, '>'));
  return { markdown: parts.join('\n\n'), partial };
}

/** Only fully right typed answers are kept: sabaq has no partial credit and no `*` wildcard. */
function acceptedAnswers(question: GiftQuestion & { answers: GiftAnswer[] }, notes: GiftNote[]): GiftAnswer[] {
  return question.answers.filter((answer) => {
    if (!answer.text.text) return false;
    const note = (kind: GiftNote['kind'], message: string) =>
      notes.push({ line: answer.line, kind, message: `${describe(question)}: ${message}` });
    if (answer.weight < 1 - SAME_WEIGHT) {
      note(
        'left-out',
        `the answer ${quote(answer.text.text)} (worth ${percent(answer.weight)} in Moodle) is left out: sabaq has no partial credit for typed answers`,
      );
      return false;
    }
    if (answer.text.text.includes('*')) {
      note('changed', `the answer ${quote(answer.text.text)} uses Moodle's "*" wildcard, which sabaq compares as a plain "*"`);
    }
    return true;
  });
}

/** sabaq's partial credit gives 1/k per right answer and takes 1/k per wrong tick: Moodle's weights then. */
function weightsFitPartial(answers: GiftAnswer[], right: number): boolean {
  const share = 1 / right;
  return answers.every((answer) => Math.abs(Math.abs(answer.weight) - share) < SAME_WEIGHT);
}

/**
 * The heading is the question's first line (its first paragraph in Markdown or HTML); the rest of its
 * text is the body.
 */
function prompt(question: GiftQuestion, position: number): { heading: string; body?: string } {
  const { text } = question;
  const source =
    text.format === 'html'
      ? text.text.replace(/^<p>([\s\S]*)<\/p>$/i, (whole, inner: string) => (/<\/?p[\s>]/i.test(inner) ? whole : inner))
      : text.text;
  const split = text.format === 'moodle' || text.format === 'plain' ? /\n/ : /\n\s*\n/;
  const at = source.search(split);
  const first = (at === -1 ? source : source.slice(0, at)).replace(/\s*\n\s*/g, ' ').trim();
  const rest = at === -1 ? '' : source.slice(at).trim();
  // A first paragraph that opens a block (a code fence, a list) cannot be a heading: keep it in the body.
  const blockStart = (text.format === 'markdown' || text.format === 'html') && /^(```|~~~|[-*+>#|<]|\d+[.)])/.test(first);
  if (!first || blockStart) {
    const heading = escapeHeading(inline({ text: question.title ?? `Question ${position}`, format: 'plain' }));
    return source.trim() ? { heading, body: markdownBlock({ ...text, text: source }) } : { heading };
  }
  const heading = escapeHeading(inline({ ...text, text: first }));
  return rest ? { heading, body: markdownBlock({ ...text, text: rest }) } : { heading };
}

function choice(marker: '1.' | '-', right: boolean, text: GiftText | string, feedback?: GiftText): string {
  const label = typeof text === 'string' ? text : inline(text);
  const lines = [`${marker} [${right ? 'x' : ' '}] ${label}`];
  if (feedback?.text)
    lines.push(
      markdownBlock(feedback)
        .replace(/^/gm, '   > ')
        .replace(/^ {3}> $/gm, '   >'),
    );
  return lines.join('\n');
}

/** A text as Markdown that stays inside one list item or heading: later lines are indented breaks. */
function inline(text: GiftText): string {
  return markdownLines(text).join('\\\n   ');
}

/** A text as Markdown paragraphs, its line breaks kept. */
function markdownBlock(text: GiftText): string {
  if (text.format === 'markdown' || text.format === 'html') return text.text;
  return markdownLines(text).join('\\\n');
}

function markdownLines(text: GiftText): string[] {
  if (text.format === 'markdown' || text.format === 'html') return text.text.split('\n').filter((line) => line.trim());
  return text.text
    .split('\n')
    .map((line) => escapeMarkdown(line.trim(), text.format === 'plain'))
    .filter(Boolean);
}

/**
 * Moodle's own and plain text are not Markdown: characters Markdown would read as formatting are
 * escaped, so `2*3*4` stays `2*3*4`. Moodle's own format allows HTML, so `<b>` stays HTML there.
 */
function escapeMarkdown(line: string, plain: boolean): string {
  const escaped = line
    .replace(plain ? /[\\`*_[\]~|<>&]/g : /[\\`*_[\]~|]/g, '\\$&')
    // A missing word's blank stands between spaces, where Markdown reads no emphasis: keep it readable.
    .replace(/(^|\s)((?:\\_){3,})(?=\s|[.,;:!?]|$)/g, (_, before: string, run: string) => before + run.replace(/\\/g, ''));
  return escaped
    .replace(/^([#>+=:-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^_{3}/, '\\_');
}

/** A closing run of "#" would be read as the end of the heading. */
function escapeHeading(text: string): string {
  return text.replace(/(^|[^\\])#+\s*$/, (run) => run.replace(/#/g, '\\#'));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function htmlComment(text: string): string {
  return `<!-- ${text.replace(/--/g, '- -')} -->`;
}

function percent(weight: number): string {
  return `${Math.round(weight * 100000) / 1000}%`;
}

function describe(question: GiftQuestion): string {
  const kind = {
    multichoice: 'multiple-choice question',
    truefalse: 'true/false question',
    shortanswer: 'short-answer question',
    numerical: 'numerical question',
    match: 'matching question',
    essay: 'essay question',
    description: 'description',
  }[question.type];
  return `${kind} ${quote(question.title ?? question.text.text)}`;
}
