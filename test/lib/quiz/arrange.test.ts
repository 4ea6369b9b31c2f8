import { expect } from '@open-wc/testing';
import { ProblemList } from '../../../src/lib/problems.js';
import { arrangeQuiz, askedQuestions } from '../../../src/lib/quiz/arrange.js';
import { parseQuiz } from '../../../src/lib/quiz/parse.js';

function quiz(frontMatter: string) {
  const questions = Array.from({ length: 8 }, (_, i) => `# Q${i + 1}\n- [x] a\n- [ ] b\n- [ ] c\n- [ ] d\n- [ ] e\n`);
  const source = `---\n${frontMatter}\n---\n${questions.join('\n')}\n# Order\n1. a\n2. b\n3. c\n# Match\n- a -> 1\n- b -> 2\n- c -> 3\n`;
  const problems = new ProblemList();
  const parsed = parseQuiz(source, { file: 'q.md', defaultId: 'q', inLesson: true }, problems);
  expect(problems.items).to.deep.equal([]);
  return parsed;
}

const seeds = Array.from({ length: 20 }, (_, i) => i * 7919 + 1);

describe('arrangeQuiz', () => {
  it('is the same for the same seed, so a reload shows the same attempt', () => {
    const q = quiz('shuffle: both\npick: 5');
    for (const seed of seeds) expect(arrangeQuiz(q, seed)).to.deep.equal(arrangeQuiz(q, seed));
  });

  it('keeps the written order when nothing is shuffled, except ordering items', () => {
    const q = quiz('shuffle: none');
    const arrangement = arrangeQuiz(q, 42);
    expect(arrangement.questionIds).to.deep.equal(q.questions.map((question) => question.id));
    expect(arrangement.order.q1).to.deep.equal([0, 1, 2, 3, 4]);
  });

  it('never shows ordering items already in order, and always shuffles matching right sides', () => {
    const q = quiz('shuffle: none');
    const matchOrders = new Set<string>();
    for (const seed of seeds) {
      const arrangement = arrangeQuiz(q, seed);
      expect(arrangement.order.q9).to.not.deep.equal([0, 1, 2]);
      expect([...arrangement.order.q9!].sort()).to.deep.equal([0, 1, 2]);
      matchOrders.add(arrangement.order.q10!.join());
    }
    expect(matchOrders.size).to.be.greaterThan(1);
  });

  it('shuffles answers or questions as asked', () => {
    const answers = new Set(seeds.map((seed) => arrangeQuiz(quiz('shuffle: answers'), seed).order.q1!.join()));
    const questionOrders = new Set(seeds.map((seed) => arrangeQuiz(quiz('shuffle: questions'), seed).questionIds.join()));
    expect(answers.size).to.be.greaterThan(5);
    expect(questionOrders.size).to.be.greaterThan(5);
    expect(arrangeQuiz(quiz('shuffle: questions'), 3).order.q1).to.deep.equal([0, 1, 2, 3, 4]);
  });

  it('picks that many distinct questions, in the written order unless questions are shuffled', () => {
    const q = quiz('pick: 4');
    const drawn = new Set<string>();
    for (const seed of seeds) {
      const { questionIds } = arrangeQuiz(q, seed);
      expect(questionIds).to.have.length(4);
      expect(new Set(questionIds).size).to.equal(4);
      const positions = questionIds.map((id) => q.questions.findIndex((question) => question.id === id));
      expect(positions).to.deep.equal([...positions].sort((a, b) => a - b));
      questionIds.forEach((id) => drawn.add(id));
    }
    expect(drawn.size).to.be.greaterThan(4);
  });

  it('lists the asked questions in the order shown', () => {
    const q = quiz('shuffle: questions\npick: 3');
    const arrangement = arrangeQuiz(q, 99);
    expect(askedQuestions(q, arrangement).map((question) => question.id)).to.deep.equal(arrangement.questionIds);
  });
});
