import { expect } from '@open-wc/testing';
import { ProblemList } from '../../../src/lib/problems.js';
import { parseQuiz } from '../../../src/lib/quiz/parse.js';
import { matchesShortAnswer, normalizeAnswer, parseNumber, scoreQuestion, scoreQuiz } from '../../../src/lib/quiz/score.js';
import type { Question } from '../../../src/lib/types.js';

function question(markdown: string): Question {
  const problems = new ProblemList();
  const quiz = parseQuiz(markdown, { file: 'q.md', defaultId: 'q', inLesson: true }, problems);
  expect(problems.items).to.deep.equal([]);
  return quiz.questions[0]!;
}

const single = question('# Q\n1. [ ] a\n1. [x] b\n1. [ ] c\n');
const multiple = question('# Q\n- [x] a\n- [x] b\n- [ ] c\n- [ ] d\n');
const ordering = question('# Q\n1. one\n2. two\n3. three\n4. four\n');
const matching = question('# Q\n- banana -> fruit\n- tomato -> vegetable\n- kiwi -> fruit\n');

describe('scoreQuestion', () => {
  it('single choice: right, wrong, unanswered', () => {
    expect(scoreQuestion(single, 1, false)).to.deep.equal({ points: 1, correct: true });
    expect(scoreQuestion(single, 0, false)).to.deep.equal({ points: 0, correct: false });
    expect(scoreQuestion(single, null, false)).to.deep.equal({ points: 0, correct: false });
    expect(scoreQuestion(single, 7, false).points).to.equal(0);
  });

  it('multiple choice scores only when fully right, unless partial', () => {
    expect(scoreQuestion(multiple, [0, 1], false)).to.deep.equal({ points: 1, correct: true });
    expect(scoreQuestion(multiple, [1, 0], false).correct).to.equal(true);
    expect(scoreQuestion(multiple, [0], false)).to.deep.equal({ points: 0, correct: false });
    expect(scoreQuestion(multiple, [0], true)).to.deep.equal({ points: 0.5, correct: false });
  });

  it('partial multiple choice: each wrong tick cancels a right one, never below zero', () => {
    expect(scoreQuestion(multiple, [0, 2], true).points).to.equal(0);
    expect(scoreQuestion(multiple, [0, 1, 2], true).points).to.equal(0.5);
    expect(scoreQuestion(multiple, [0, 1, 2, 3], true).points).to.equal(0);
    expect(scoreQuestion(multiple, [2, 3], true).points).to.equal(0);
  });

  it('ordering: partial credit counts the items already in the right relative order', () => {
    expect(scoreQuestion(ordering, [0, 1, 2, 3], false).correct).to.equal(true);
    // One item moved out of place costs one item, not every item after it.
    expect(scoreQuestion(ordering, [3, 0, 1, 2], true).points).to.equal(0.75);
    expect(scoreQuestion(ordering, [3, 0, 1, 2], false).points).to.equal(0);
    expect(scoreQuestion(ordering, [3, 2, 1, 0], true).points).to.equal(0.25);
    expect(scoreQuestion(ordering, [0, 1], true).points).to.equal(0);
  });

  it('matching: partial credit per pair; pairs sharing a right side accept either', () => {
    expect(scoreQuestion(matching, [0, 1, 2], false).correct).to.equal(true);
    expect(scoreQuestion(matching, [2, 1, 0], false).correct).to.equal(true);
    expect(scoreQuestion(matching, [1, 0, 2], true).points).to.be.closeTo(1 / 3, 1e-9);
    expect(scoreQuestion(matching, [-1, 1, -1], true).points).to.be.closeTo(1 / 3, 1e-9);
    expect(scoreQuestion(matching, [], true).points).to.equal(0);
  });

  it('short answers ignore case, surrounding and repeated spaces', () => {
    const q = question('# Capital?\n= Islamabad\n= Federal Capital  Territory\n');
    expect(scoreQuestion(q, '  ISLAMABAD ', false).correct).to.equal(true);
    expect(scoreQuestion(q, 'federal   capital territory', false).correct).to.equal(true);
    expect(scoreQuestion(q, 'Lahore', false).correct).to.equal(false);
    expect(scoreQuestion(q, null, false).correct).to.equal(false);
  });
});

describe('short answers', () => {
  it('compares numbers numerically, with thousands separators', () => {
    expect(matchesShortAnswer('1500', '1,500')).to.equal(true);
    expect(matchesShortAnswer('1,500', '1500.0')).to.equal(true);
    expect(matchesShortAnswer('30', '030')).to.equal(true);
    expect(matchesShortAnswer('0.1', '.1')).to.equal(true);
    expect(matchesShortAnswer('30', '31')).to.equal(false);
    expect(matchesShortAnswer('30', 'thirty')).to.equal(false);
    expect(matchesShortAnswer('-2.5', '- 2.5')).to.equal(true);
  });

  it('accepts a number inside a range a..b, ends included, either way round', () => {
    expect(matchesShortAnswer('10..20', '10')).to.equal(true);
    expect(matchesShortAnswer('10..20', '15.5')).to.equal(true);
    expect(matchesShortAnswer('10..20', '20')).to.equal(true);
    expect(matchesShortAnswer('10..20', '20.01')).to.equal(false);
    expect(matchesShortAnswer('20..10', '12')).to.equal(true);
    expect(matchesShortAnswer('1,000..2,000', '1500')).to.equal(true);
    expect(matchesShortAnswer('10..20', 'fifteen')).to.equal(false);
  });

  it('reads Urdu and Arabic-Indic digits as numbers', () => {
    expect(matchesShortAnswer('52', '۵۲')).to.equal(true);
    expect(matchesShortAnswer('30', '٣٠')).to.equal(true);
    expect(parseNumber('۱,۵۰۰')).to.equal(1500);
  });

  it('does not take text with digits for a number', () => {
    expect(parseNumber('chapter 52')).to.equal(undefined);
    expect(parseNumber('1,50')).to.equal(undefined);
    expect(parseNumber('')).to.equal(undefined);
    expect(matchesShortAnswer('chapter 52', 'Chapter  52')).to.equal(true);
  });

  it('folds compatibility forms', () => {
    expect(normalizeAnswer('ＦＯＢ')).to.equal('fob');
  });
});

describe('scoreQuiz', () => {
  const settings = { pass: 70, attempts: 0, shuffle: 'none' as const, final: false, partial: false };
  const questions: Question[] = [single, { ...multiple, id: 'q2' }, { ...ordering, id: 'q3' }];

  it('scores points over questions as a percentage and passes at score ≥ pass', () => {
    const result = scoreQuiz(questions, { q1: 1, q2: [0, 1], q3: [1, 0, 2, 3] }, settings);
    expect(result).to.deep.include({ points: 2, total: 3, score: 66.67, passed: false });
    expect(result.results.q3).to.deep.equal({ points: 0, correct: false });
    expect(scoreQuiz(questions, { q1: 1, q2: [0, 1], q3: [1, 0, 2, 3] }, { ...settings, pass: 66 }).passed).to.equal(true);
  });

  it('passes exactly at the pass mark, judged on the unrounded score', () => {
    expect(scoreQuiz(questions, { q1: 1, q2: [0, 1], q3: [1, 0, 2, 3] }, { ...settings, pass: 66.67 }).passed).to.equal(false);
    expect(scoreQuiz(questions.slice(0, 2), { q1: 1 }, { ...settings, pass: 50 }).passed).to.equal(true);
  });

  it('gives partial credit only when the quiz asks for it', () => {
    const answers = { q1: 1, q2: [0], q3: [3, 0, 1, 2] };
    expect(scoreQuiz(questions, answers, settings).score).to.equal(33.33);
    expect(scoreQuiz(questions, answers, { ...settings, partial: true }).score).to.equal(75);
  });

  it('scores unanswered questions as zero and an empty quiz as 0%', () => {
    expect(scoreQuiz(questions, {}, settings)).to.deep.include({ score: 0, passed: false });
    expect(scoreQuiz([], {}, settings)).to.deep.include({ score: 0, total: 0, passed: false });
  });
});
