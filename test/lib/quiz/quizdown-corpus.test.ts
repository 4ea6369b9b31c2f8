/**
 * The Quizdown corpus (test/fixtures/quizdown, SOURCES.md there): quizzes shaped like public Quizdown
 * quizzes, each read as Quizdown 0.6 shows it (expected.json, counted by hand from Quizdown's rules):
 * the same questions and control types, every hint and comment kept, and full marks for the answers
 * marked [x] or written in order.
 */
import { expect } from '@open-wc/testing';
import { ProblemList } from '../../../src/lib/problems.js';
import { parseQuiz } from '../../../src/lib/quiz/parse.js';
import { type Answers, scoreQuiz } from '../../../src/lib/quiz/score.js';
import { rightAnswer } from '../../fixtures/right-answer.js';

interface Expected {
  /** Questions a learner sees in one attempt. */
  shown: number;
  /** Per question: S single choice (radios), M multiple choice (checkboxes), O sequence. */
  kinds: string;
  /** Questions with a hint in Quizdown (sabaq: a hint, or an explanation when written after the answers). */
  hints: number;
  explanations: number;
  /** Options with a comment. */
  comments: number;
  warnings: number;
}

const FIXTURES = new URL('../../fixtures/quizdown/', import.meta.url);
const expected = (await (await fetch(new URL('expected.json', FIXTURES))).json()) as Record<string, Expected | string>;
const KIND_LETTER = { single: 'S', multiple: 'M', ordering: 'O', matching: 'P', short: 'T' } as const;

describe('the Quizdown corpus', () => {
  for (const [name, want] of Object.entries(expected)) {
    if (typeof want === 'string') continue;
    it(`reads ${name} as Quizdown shows it`, async () => {
      const source = await (await fetch(new URL(name, FIXTURES))).text();
      const problems = new ProblemList();
      const quiz = parseQuiz(source, { file: name, defaultId: 'corpus', inLesson: false }, problems);
      expect(problems.items.filter((p) => p.severity === 'error')).to.deep.equal([]);
      expect(problems.items.length, problems.items.map((p) => p.message).join('\n')).to.equal(want.warnings);

      const { questions, settings } = quiz;
      expect(Math.min(settings.pick ?? questions.length, questions.length), 'questions shown').to.equal(want.shown);
      expect(questions.map((q) => KIND_LETTER[q.kind]).join(''), 'control types').to.equal(want.kinds);
      expect(questions.filter((q) => q.hint || q.explanation).length, 'hints').to.equal(want.hints);
      expect(questions.filter((q) => q.explanation).length, 'explanations').to.equal(want.explanations);
      const options = questions.flatMap((q) => ('options' in q ? q.options : []));
      expect(options.filter((option) => option.feedback).length, 'comments').to.equal(want.comments);

      // Every option and every [x] of the source, counted without the parser, landed in an option.
      expect(options.length, 'options').to.equal(source.match(/^ {0,3}(?:[-*+]|\d+\.)[ \t]+\[[ xX]\]/gm)?.length ?? 0);
      expect(options.filter((option) => option.correct).length, '[x] marks').to.equal(
        source.match(/^ {0,3}(?:[-*+]|\d+\.)[ \t]+\[[xX]\]/gm)?.length ?? 0,
      );

      const answers: Answers = Object.fromEntries(questions.map((q) => [q.id, rightAnswer(q)]));
      expect(scoreQuiz(questions, answers, settings).score).to.equal(100);
    });
  }
});
