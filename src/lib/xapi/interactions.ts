/**
 * A quiz question as an xAPI `cmi.interaction` (xAPI 1.0.3, Data §2.4.4.1): its `interactionType`,
 * the component lists, the correct responses, and the learner's answer in the same response format.
 * Components are numbered from 1 in the question's written order, whatever order the learner saw.
 */
import { type AnswerValue, parseNumber, parseRange } from '../quiz/score.js';
import type { Question } from '../types.js';

export type LanguageMap = Record<string, string>;

export interface InteractionComponent {
  id: string;
  description: LanguageMap;
}

export type InteractionType = 'choice' | 'sequencing' | 'matching' | 'fill-in' | 'numeric';

export interface InteractionDefinition {
  type: 'http://adlnet.gov/expapi/activities/cmi.interaction';
  name: LanguageMap;
  description?: LanguageMap;
  interactionType: InteractionType;
  correctResponsesPattern: string[];
  choices?: InteractionComponent[];
  source?: InteractionComponent[];
  target?: InteractionComponent[];
}

const LIST = '[,]';
const PAIR = '[.]';
const RANGE = '[:]';

export function interactionDefinition(question: Question, lang: string): InteractionDefinition {
  const base = {
    type: 'http://adlnet.gov/expapi/activities/cmi.interaction' as const,
    name: { [lang]: question.prompt },
    ...(question.body ? { description: { [lang]: question.body } } : {}),
  };
  const components = (texts: readonly string[]) => texts.map((text, i) => ({ id: componentId(i), description: { [lang]: text } }));
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return {
        ...base,
        interactionType: 'choice',
        correctResponsesPattern: [
          question.options
            .map((option, i) => (option.correct ? componentId(i) : undefined))
            .filter((id) => id !== undefined)
            .join(LIST),
        ],
        choices: components(question.options.map((option) => option.text)),
      };
    case 'ordering':
      return {
        ...base,
        interactionType: 'sequencing',
        correctResponsesPattern: [question.items.map((_, i) => componentId(i)).join(LIST)],
        choices: components(question.items),
      };
    case 'matching': {
      const targets = matchingTargets(question.pairs);
      return {
        ...base,
        interactionType: 'matching',
        correctResponsesPattern: [question.pairs.map((pair, i) => `${componentId(i)}${PAIR}${targets.idOf(pair.right)}`).join(LIST)],
        source: components(question.pairs.map((pair) => pair.left)),
        target: targets.components(lang),
      };
    }
    case 'short': {
      const numeric = numericPatterns(question.answers);
      if (numeric) return { ...base, interactionType: 'numeric', correctResponsesPattern: numeric };
      // Compared ignoring case (SPEC §2.3); a literal "[,]" would read as a list delimiter, so it is spaced out.
      return {
        ...base,
        interactionType: 'fill-in',
        correctResponsesPattern: question.answers.map((answer) => `{case_matters=false}${escapeDelimiters(answer)}`),
      };
    }
  }
}

/** The learner's answer in the response format of the question's `interactionType`. */
export function interactionResponse(question: Question, answer: AnswerValue | undefined): string {
  switch (question.kind) {
    case 'single':
      return typeof answer === 'number' ? componentId(answer) : '';
    case 'multiple':
      return indices(answer)
        .slice()
        .sort((a, b) => a - b)
        .map(componentId)
        .join(LIST);
    case 'ordering':
      return indices(answer).map(componentId).join(LIST);
    case 'matching': {
      const targets = matchingTargets(question.pairs);
      return indices(answer)
        .map((chosen, i) => {
          const right = question.pairs[chosen]?.right;
          return right === undefined ? undefined : `${componentId(i)}${PAIR}${targets.idOf(right)}`;
        })
        .filter((pair) => pair !== undefined)
        .join(LIST);
    }
    case 'short': {
      const text = typeof answer === 'string' ? answer.trim() : '';
      if (numericPatterns(question.answers)) return String(parseNumber(text) ?? escapeDelimiters(text));
      return escapeDelimiters(text);
    }
  }
}

function componentId(index: number): string {
  return String(index + 1);
}

function indices(answer: AnswerValue | undefined): number[] {
  return Array.isArray(answer) ? answer : [];
}

/**
 * Matching targets are the distinct right sides: two pairs may share one ("fruit"), and component ids
 * within a list must be distinct. A target's id is the position of the first pair that has it.
 */
function matchingTargets(pairs: readonly { right: string }[]) {
  const first = new Map<string, number>();
  pairs.forEach((pair, i) => {
    if (!first.has(pair.right)) first.set(pair.right, i);
  });
  return {
    idOf: (right: string) => componentId(first.get(right)!),
    components: (lang: string) => [...first].map(([right, i]) => ({ id: componentId(i), description: { [lang]: right } })),
  };
}

/** Numeric patterns (`52`, `19.2[:]19.5`) when every accepted answer is a number or a range; else undefined. */
function numericPatterns(answers: readonly string[]): string[] | undefined {
  const patterns: string[] = [];
  for (const answer of answers) {
    const range = parseRange(answer);
    const number = range ? undefined : parseNumber(answer);
    if (range) patterns.push(`${range[0]}${RANGE}${range[1]}`);
    else if (number !== undefined) patterns.push(String(number));
    else return undefined;
  }
  return patterns;
}

function escapeDelimiters(text: string): string {
  return text.replace(/\[([,.:])\]/g, '[ $1 ]');
}
