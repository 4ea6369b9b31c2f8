import { expect } from '@open-wc/testing';
import { ProblemList } from '../../../src/lib/problems.js';
import { parseQuiz } from '../../../src/lib/quiz/parse.js';

function parse(source: string, inLesson = false) {
  const problems = new ProblemList();
  const quiz = parseQuiz(source, { file: 'quiz.md', defaultId: 'quiz', inLesson }, problems);
  return { quiz, problems: problems.items };
}

describe('parseQuiz', () => {
  it('reads the SPEC example', () => {
    const { quiz, problems } = parse(`---
id: incoterms-check
pass: 80
---
### Under FOB, who pays?
> Think.

1. [ ] The seller
   > Not quite.
1. [x] The buyer

> Under FOB the buyer pays.
`);
    expect(problems).to.deep.equal([]);
    expect(quiz.id).to.equal('incoterms-check');
    const [q] = quiz.questions;
    expect(q).to.include({ kind: 'single', hint: 'Think.', explanation: 'Under FOB the buyer pays.', line: 5 });
  });
});
