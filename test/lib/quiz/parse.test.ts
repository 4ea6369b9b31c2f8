import { expect } from '@open-wc/testing';
import { markdown } from '../../../src/lib/markdown.js';
import { ProblemList } from '../../../src/lib/problems.js';
import { parseQuiz } from '../../../src/lib/quiz/parse.js';
import type { Question } from '../../../src/lib/types.js';

function parse(source: string, inLesson = false) {
  const problems = new ProblemList();
  const quiz = parseQuiz(source, { file: 'quiz.md', defaultId: 'lesson-1', inLesson }, problems);
  return { quiz, problems: problems.items };
}

/** `code@line` for each problem: what an author sees, in a form easy to compare. */
function where(problems: { code: string; line: number }[]) {
  return problems.map((p) => `${p.code}@${p.line}`);
}

const SPEC_EXAMPLE = `---
id: incoterms-check
pass: 80
attempts: 3
shuffle: answers
final: true
---
### Under FOB, who pays for the main sea freight?
> Think about where the seller's duty ends.

1. [ ] The seller
   > Not quite: the seller's duty ends once the goods are on board.
1. [x] The buyer

> Under FOB the buyer books and pays the main carriage.

### Which documents usually travel with an export shipment?
- [x] Commercial invoice
- [x] Packing list
- [ ] Your tax return

### Put the steps of an order in order
1. Receive the purchase order
2. Ship the goods
3. Receive payment

### Match each term to its meaning
- FOB -> Free On Board
- EXW -> Ex Works
- CIF -> Cost, Insurance and Freight

### How many days are in a standard 30/360 month?
= 30

### Name the HS chapter for cotton
= 52
= chapter 52
`;

describe('parseQuiz', () => {
  describe('the SPEC example', () => {
    const { quiz, problems } = parse(SPEC_EXAMPLE, true);
    // Six questions, as the first test checks.
    const [single, multiple, ordering, matching, numeric, short] = quiz.questions as [
      Question,
      Question,
      Question,
      Question,
      Question,
      Question,
    ];

    it('has no problems and reads every option', () => {
      expect(problems).to.deep.equal([]);
      expect(quiz.id).to.equal('incoterms-check');
      expect(quiz.settings).to.deep.equal({
        pass: 80,
        attempts: 3,
        shuffle: 'answers',
        final: true,
        partial: false,
      });
      expect(quiz.questions.map((q) => q.kind)).to.deep.equal(['single', 'multiple', 'ordering', 'matching', 'short', 'short']);
    });

    it('reads a single-choice question with hint, option feedback and explanation', () => {
      expect(single).to.deep.include({
        id: 'q1',
        line: 8,
        prompt: 'Under FOB, who pays for the main sea freight?',
        hint: "Think about where the seller's duty ends.",
        explanation: 'Under FOB the buyer books and pays the main carriage.',
      });
      expect(single.kind === 'single' && single.options).to.deep.equal([
        { text: 'The seller', correct: false, feedback: "Not quite: the seller's duty ends once the goods are on board." },
        { text: 'The buyer', correct: true },
      ]);
    });

    it('reads multiple choice, ordering, matching and short answers', () => {
      expect(multiple.kind === 'multiple' && multiple.options.map((o) => o.correct)).to.deep.equal([true, true, false]);
      expect(ordering.kind === 'ordering' && ordering.items).to.deep.equal([
        'Receive the purchase order',
        'Ship the goods',
        'Receive payment',
      ]);
      expect(matching.kind === 'matching' && matching.pairs[2]).to.deep.equal({
        left: 'CIF',
        right: 'Cost, Insurance and Freight',
      });
      expect(numeric.kind === 'short' && numeric.answers).to.deep.equal(['30']);
      expect(short.kind === 'short' && short.answers).to.deep.equal(['52', 'chapter 52']);
      expect(short.line).to.equal(35);
    });
  });

  it('keeps the question body as Markdown, apart from hint and answers', () => {
    const { quiz } = parse(
      '## What is **FOB**?\n\nRead the table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> a hint\n\n- [x] yes\n- [ ] no\n',
    );
    expect(quiz.questions[0]).to.deep.include({ prompt: 'What is **FOB**?', hint: 'a hint' });
    expect(quiz.questions[0]!.body).to.contain('Read the table').and.contain('| 1 | 2 |');
  });

  it('reads short answers written straight under the body, without a blank line', () => {
    const { quiz, problems } = parse('# Capital of Pakistan?\nThink of the planned city.\n= Islamabad\n');
    expect(problems).to.deep.equal([]);
    expect(quiz.questions[0]).to.deep.include({ kind: 'short', answers: ['Islamabad'], body: 'Think of the planned city.' });
  });

  it('keeps text before the first question as the intro', () => {
    const { quiz } = parse('Answer all questions.\n\n# Q\n= 1\n');
    expect(quiz.intro).to.equal('Answer all questions.');
  });

  describe('defaults and options', () => {
    it('needs 100% inside a lesson, 70% for a final or standalone quiz', () => {
      expect(parse('# Q\n= 1', true).quiz.settings.pass).to.equal(100);
      expect(parse('---\nfinal: true\n---\n# Q\n= 1', true).quiz.settings.pass).to.equal(70);
      expect(parse('# Q\n= 1', false).quiz.settings.pass).to.equal(70);
    });

    it('takes its id from the lesson and position unless set', () => {
      expect(parse('# Q\n= 1').quiz.id).to.equal('lesson-1');
    });

    it('reads pick, time and partial', () => {
      const { quiz, problems } = parse('---\npick: 1\ntime: 2.5\npartial: true\n---\n# A\n= 1\n# B\n= 2\n');
      expect(problems).to.deep.equal([]);
      expect(quiz.settings).to.include({ pick: 1, time: 2.5, partial: true });
    });

    for (const shuffle of ['none', 'answers', 'questions', 'both']) {
      it(`reads shuffle: ${shuffle}`, () => {
        expect(parse(`---\nshuffle: ${shuffle}\n---\n# Q\n= 1`).quiz.settings.shuffle).to.equal(shuffle);
      });
    }

    it("accepts Quizdown's shuffleAnswers, shuffleQuestions and nQuestions", () => {
      const both = parse('---\nshuffleAnswers: true\nshuffleQuestions: true\nnQuestions: 1\n---\n# A\n= 1\n# B\n= 2\n');
      expect(both.problems).to.deep.equal([]);
      expect(both.quiz.settings).to.include({ shuffle: 'both', pick: 1 });
      expect(parse('---\nshuffleQuestions: true\n---\n# A\n= 1').quiz.settings.shuffle).to.equal('questions');
      expect(parse('---\nshuffleAnswers: true\n---\n# A\n= 1').quiz.settings.shuffle).to.equal('answers');
    });

    it('works on a Quizdown quiz unchanged, per-question options included', () => {
      const { quiz, problems } = parse(`---
primaryColor: '#FF851B'
secondaryColor: '#DDDDDD'
textColor: black
locale: de
---

# What is the capital of Germany?

---
shuffleAnswers: false
---

In this question you are asked a **very** difficult question.

> Do some research!

- [x] Berlin
- [ ] Stuttgart

### Please bring the following into sequence!

1. One
2. Two
3. Three
`);
      // Only the German interface sabaq does not have is worth a word.
      expect(problems.map((p) => [p.severity, p.line])).to.deep.equal([['warning', 5]]);
      expect(quiz.questions[0]).to.deep.include({ kind: 'multiple', hint: 'Do some research!', shuffleAnswers: false });
      expect(quiz.questions[0]!.body).to.contain('**very**');
      expect(quiz.questions[1]!.kind).to.equal('ordering');
    });

    it('reports wrong option values where they are written', () => {
      const { problems } = parse(
        '---\npass: 120\nattempts: -1\nshuffle: sideways\npick: 0\ntime: soon\nfinal: yes\npartial: 1\n---\n# Q\n= 1\n',
      );
      expect(where(problems).sort()).to.deep.equal([2, 3, 4, 5, 6, 7, 8].map((line) => `invalid-value@${line}`));
      expect(problems.find((p) => p.line === 4)!.message).to.equal(
        '"shuffle" must be one of "none", "answers", "questions", "both", not "sideways"',
      );
    });

    it('warns about an unknown key with a did-you-mean, without failing', () => {
      const { problems } = parse('---\natempts: 3\n---\n# Q\n= 1\n');
      expect(problems).to.have.length(1);
      expect(problems[0]).to.deep.include({ severity: 'warning', code: 'unknown-key', line: 2 });
      expect(problems[0]!.message).to.equal('unknown front matter key "atempts"; did you mean "attempts"?');
    });

    it('warns that limited attempts on a lesson quiz can lock a learner out', () => {
      const { problems } = parse('---\nattempts: 2\n---\n# Q\n= 1\n', true);
      expect(problems.map((p) => [p.severity, p.code, p.line])).to.deep.equal([['warning', 'attempts-lock-out', 2]]);
      expect(parse('---\nattempts: 2\nfinal: true\n---\n# Q\n= 1\n', true).problems).to.deep.equal([]);
      expect(parse('---\nattempts: 2\n---\n# Q\n= 1\n', false).problems).to.deep.equal([]);
    });

    it('reports an invalid id', () => {
      const { problems } = parse('---\nid: Final Quiz\n---\n# Q\n= 1\n');
      expect(where(problems)).to.deep.equal(['invalid-id@2']);
      expect(problems[0]!.message).to.contain('"final-quiz"');
    });
  });

  describe('Quizdown compatibility (SPEC §2.3)', () => {
    it("reads an option's comment written directly under it without indentation", () => {
      const { quiz, problems } = parse('### Q\n- [x] a\n> right\n- [ ] b\n> wrong\n- [ ] c\n');
      expect(problems).to.deep.equal([]);
      expect(quiz.questions[0]).to.deep.include({ kind: 'multiple' });
      expect(quiz.questions[0]!.kind === 'multiple' && quiz.questions[0]!.options).to.deep.equal([
        { text: 'a', correct: true, feedback: 'right' },
        { text: 'b', correct: false, feedback: 'wrong' },
        { text: 'c', correct: false },
      ]);
      expect(quiz.questions[0]!.explanation).to.equal(undefined);
    });

    it('reads unindented comments in a single-choice list, blank lines between options included', () => {
      const { quiz, problems } = parse('# Q\n1. [ ] a\n> no\n\n1. [x] b\n> yes\n\n> The explanation.\n');
      expect(problems).to.deep.equal([]);
      const [question] = quiz.questions;
      expect(question!.kind === 'single' && question!.options.map((o) => [o.text, o.feedback])).to.deep.equal([
        ['a', 'no'],
        ['b', 'yes'],
      ]);
      expect(question!.explanation).to.equal('The explanation.');
    });

    it('keeps a blockquote after a blank line below the answers as the explanation', () => {
      const { quiz } = parse('# Q\n- [x] a\n- [ ] b\n\n> Because.\n');
      expect(quiz.questions[0]).to.deep.include({ explanation: 'Because.' });
      expect(quiz.questions[0]!.kind === 'multiple' && quiz.questions[0]!.options[1]).to.deep.equal({ text: 'b', correct: false });
    });

    for (const [order, body] of [
      ['text first', 'Text:\n```python\nx = 1\n```\n'],
      ['code first', '```python\nx = 1\n```\nText:\n'],
    ]) {
      it(`keeps a paragraph and a fenced code block in the question's text (${order})`, () => {
        const { quiz, problems } = parse(`# Q\n${body}- [x] a\n- [ ] b\n`);
        expect(problems).to.deep.equal([]);
        const tokens = markdown.lexer(quiz.questions[0]!.body!).filter((token) => token.type !== 'space');
        expect(tokens.map((token) => token.type).sort()).to.deep.equal(['code', 'paragraph']);
        expect(tokens.find((token) => token.type === 'code')).to.deep.include({ lang: 'python', text: 'x = 1' });
        expect(tokens.find((token) => token.type === 'paragraph')!.raw.trim()).to.equal('Text:');
      });
    }

    it('keeps blocks of the question text apart when blank lines and a hint separate them', () => {
      const { quiz, problems } = parse(
        '# Q\n\nWhat is `x[1]`?\n\n> A hint.\n\n~~~python\nx = [3, 4]\n~~~\n\n```html\n<a></a>\n```\n\nPick one:\n\n- [x] a\n- [ ] b\n',
      );
      expect(problems).to.deep.equal([]);
      const tokens = markdown.lexer(quiz.questions[0]!.body!).filter((token) => token.type !== 'space');
      expect(tokens.map((token) => [token.type, 'text' in token ? token.text : ''])).to.deep.equal([
        ['paragraph', 'What is `x[1]`?'],
        ['code', 'x = [3, 4]'],
        ['code', '<a></a>'],
        ['paragraph', 'Pick one:'],
      ]);
      const indented = parse('# Q\n\n> A hint.\n\n    indented code\n\n- [x] a\n- [ ] b\n').quiz.questions[0]!.body!;
      expect(markdown.lexer(indented)[0]).to.deep.include({ type: 'code', text: 'indented code' });
      const intro = parse('Read this:\n\n```\ncode\n```\n\nThen answer.\n\n# Q\n= 1\n').quiz.intro!;
      expect(
        markdown
          .lexer(intro)
          .filter((token) => token.type !== 'space')
          .map((token) => token.type),
      ).to.deep.equal(['paragraph', 'code', 'paragraph']);
    });

    for (const [value, shuffle] of [
      ['true', 'answers'],
      ['false', 'none'],
    ]) {
      it(`reads shuffle: ${value} as ${shuffle}`, () => {
        const { quiz, problems } = parse(`---\nshuffle: ${value}\n---\n# Q\n= 1\n`);
        expect(problems).to.deep.equal([]);
        expect(quiz.settings.shuffle).to.equal(shuffle);
      });
    }

    it('keeps text after the answers as the explanation, with one warning', () => {
      const { quiz, problems } = parse(
        '# Q\n- [x] a\n- [ ] b\n\nSee the [guide](g.md).\n\n- one\n- two\n\n```\ncode\n```\n\n---\n\n# R\n= 1\n',
      );
      expect(problems.map((p) => [p.severity, p.code, p.line])).to.deep.equal([['warning', 'question-answer-shape', 5]]);
      expect(problems[0]!.message).to.equal(
        'text after the answers of question "Q" is its explanation, shown after answering: ' +
          'move it above the answers to show it with the question, or make it a blockquote ("> …")',
      );
      expect(quiz.questions.map((q) => q.prompt)).to.deep.equal(['Q', 'R']);
      expect(quiz.questions[0]!.explanation).to.equal('See the [guide](g.md).\n\n- one\n- two\n\n```\ncode\n```');
      expect(parse('# Q\n= 1\n\nBecause.\n').quiz.questions[0]!.explanation).to.equal('Because.');
    });

    it('reads matching pairs written "left :: right"', () => {
      const { quiz, problems } = parse('# Q\n- Dog :: Woof\n- Cat :: Meow\n- C++ :: std::cout -> stream\n');
      expect(problems).to.deep.equal([]);
      expect(quiz.questions[0]!.kind === 'matching' && quiz.questions[0]!.pairs).to.deep.equal([
        { left: 'Dog', right: 'Woof' },
        { left: 'Cat', right: 'Meow' },
        { left: 'C++', right: 'std::cout -> stream' },
      ]);
      expect(where(parse('# Q\n- a :: b\n- c ::\n').problems)).to.deep.equal(['question-answer-shape@3']);
      expect(parse('# Q\n- a :: b\n- c ::\n').problems[0]!.message).to.contain('both sides of "::"');
    });

    for (const style of ['camelCase', 'snake_case']) {
      const key = (name: string) => (style === 'camelCase' ? name : name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
      it(`reads Quizdown's options in ${style}`, () => {
        const { quiz, problems } = parse(`---
${key('passingGrade')}: 60
${key('customPassMsg')}: Well done, **you passed**!
${key('customFailMsg')}: 'Read the lesson again: then retry.'
locale: ur
${key('primaryColor')}: '#FF851B'
${key('secondaryColor')}: rgb(221, 221, 221)
${key('textColor')}: black
${key('shuffleAnswers')}: true
${key('shuffleQuestions')}: true
${key('nQuestions')}: 1
${key('startOnLoad')}: true
${key('enableRetry')}: false
---
# A
= 1
# B
= 2
`);
        expect(problems).to.deep.equal([]);
        expect(quiz.settings).to.deep.equal({
          pass: 60,
          attempts: 1,
          shuffle: 'both',
          final: false,
          partial: false,
          pick: 1,
          passMessage: 'Well done, **you passed**!',
          failMessage: 'Read the lesson again: then retry.',
          locale: 'ur',
          colors: { primary: '#FF851B', secondary: 'rgb(221, 221, 221)', text: 'black' },
        });
      });
    }

    it('shows a locale sabaq has no strings for in English, with a warning', () => {
      const { quiz, problems } = parse('---\nlocale: de\n---\n# Q\n= 1\n');
      expect(quiz.settings.locale).to.equal('en');
      expect(problems.map((p) => [p.severity, p.line])).to.deep.equal([['warning', 2]]);
      expect(problems[0]!.message).to.equal('"locale: de": the quiz is shown in English; sabaq speaks en and ur');
      expect(parse('---\nlocale: ur-PK\n---\n# Q\n= 1\n').quiz.settings.locale).to.equal('ur');
    });

    it('keeps only colours that are CSS colours, warning about the rest', () => {
      const good = [
        '#abc',
        '#AABBCCDD',
        'rgb(1 2 3 / 50%)',
        'rgba(1, 2, 3, 0.5)',
        'hsl(28 100% 55%)',
        'hsla(28deg, 100%, 55%, .5)',
        'SteelBlue',
      ];
      for (const color of good) {
        const { quiz, problems } = parse(`---\nprimaryColor: '${color}'\n---\n# Q\n= 1\n`);
        expect(problems, color).to.deep.equal([]);
        expect(quiz.settings.colors, color).to.deep.equal({ primary: color });
      }
      // A colour name is any one word (the CSS list would weigh on the bundle): the browser ignores an unknown one.
      const bad = ['#abcde', 'red; background: url(x.png)', 'var(--x)', 'url(x)', 'rgb(1, 2)', 'light blue', 'expression(alert(1))'];
      for (const color of bad) {
        const { quiz, problems } = parse(`---\ntextColor: '${color}'\n---\n# Q\n= 1\n`);
        expect(quiz.settings.colors, color).to.equal(undefined);
        expect(
          problems.map((p) => [p.severity, p.code, p.line]),
          color,
        ).to.deep.equal([['warning', 'invalid-value', 2]]);
      }
    });

    it('reports one setting written twice under two names', () => {
      const { quiz, problems } = parse('---\npass: 80\npassingGrade: 60\nshuffle: both\nshuffle_answers: false\n---\n# Q\n= 1\n');
      expect(where(problems)).to.deep.equal(['front-matter-syntax@3', 'front-matter-syntax@5']);
      expect(problems[0]!.message).to.equal('"passingGrade" and "pass" (line 2) are one setting: keep one of the two lines');
      expect(quiz.settings).to.include({ pass: 80, shuffle: 'both' });
    });

    it('reads options after blank lines, as a Hugo shortcode or Sphinx directive passes them', () => {
      const { quiz, problems } = parse('\n\n---\npassingGrade: 50\n---\n\n## Q\n- [x] a\n- [ ] b\n\n## R\n= 1\n= x\n');
      expect(problems).to.deep.equal([]);
      expect(quiz.settings.pass).to.equal(50);
      expect(quiz.questions.map((q) => [q.prompt, q.line])).to.deep.equal([
        ['Q', 7],
        ['R', 11],
      ]);
    });

    it("reads shuffle_answers in a question's own options block", () => {
      const { quiz, problems } = parse('# Q\n\n---\nshuffle_answers: false\n---\n\n- [x] a\n- [ ] b\n');
      expect(problems).to.deep.equal([]);
      expect(quiz.questions[0]).to.deep.include({ shuffleAnswers: false });
    });
  });

  describe('errors for authors', () => {
    it('reports an empty quiz', () => {
      expect(where(parse('---\nid: x\n---\n\nNo questions here.\n').problems)).to.deep.equal(['quiz-empty@1']);
    });

    it('reports a single-choice question with no or several [x], on the answers', () => {
      const none = parse('# Q\n\n1. [ ] a\n1. [ ] b\n').problems;
      expect(where(none)).to.deep.equal(['single-choice-correct-count@3']);
      expect(none[0]!.message).to.equal(
        'single-choice question "Q" has 0 answers marked [x]; mark exactly one, or use "- [x]" items for multiple choice',
      );
      expect(where(parse('# Q\n1. [x] a\n1. [x] b\n').problems)).to.deep.equal(['single-choice-correct-count@2']);
    });

    it('reports a multiple-choice question with nothing marked', () => {
      expect(where(parse('# Q\n- [ ] a\n- [ ] b\n').problems)).to.deep.equal(['multiple-choice-no-correct@2']);
    });

    it('reports a question with no answers, at its heading', () => {
      const { problems, quiz } = parse('# First\n= 1\n\n### Second\n\nJust text.\n\n# Third\n= 3\n');
      expect(where(problems)).to.deep.equal(['question-no-answers@4']);
      expect(quiz.questions.map((q) => q.prompt)).to.deep.equal(['First', 'Third']);
    });

    it('reports mixed answer shapes on the first odd item', () => {
      expect(where(parse('# Q\n- [x] a\n- b\n- [ ] c\n').problems)).to.deep.equal(['question-mixed-answers@3']);
      expect(where(parse('# Q\n- a -> b\n- c\n').problems)).to.deep.equal(['question-mixed-answers@3']);
      expect(where(parse('# Q\n- a\n- [x] b\n').problems)).to.deep.equal(['question-mixed-answers@3']);
    });

    it('reports a plain bulleted list that is neither choice nor matching', () => {
      const { problems } = parse('# Q\n- one\n- two\n');
      expect(where(problems)).to.deep.equal(['question-answer-shape@2']);
    });

    it('reports text mixed into short answers, and a second list of options', () => {
      expect(where(parse('# Q\n= 1\nnot an answer\n').problems)).to.deep.equal(['question-answer-shape@3']);
      const second = parse('# Q\n- [x] a\n- [ ] b\n\n1. [ ] c\n1. [x] d\n').problems;
      expect(second.map((p) => [p.severity, p.line])).to.deep.equal([['error', 5]]);
      expect(second[0]!.message).to.contain('second list of answers');
    });

    it('reports a matching term written on two lines', () => {
      const { problems, quiz } = parse('# Q\n- FOB -> Free On Board\n- EXW -> Ex Works\n- fob -> Free Carrier\n');
      expect(where(problems)).to.deep.equal(['question-answer-shape@4']);
      expect(problems[0]!.message).to.equal('matching question "Q" uses the term "fob" twice (lines 2 and 4): write each term once');
      expect(quiz.questions).to.deep.equal([]);
      // The same meaning for two terms is fine.
      expect(parse('# Q\n- Apple -> Fruit\n- Pear -> Fruit\n').problems).to.deep.equal([]);
    });

    it('reports a code block that is never closed, and a quiz fence closed by a code block in a lesson', () => {
      const standalone = parse('# Q\n```python\nx = 1\n').problems;
      expect(where(standalone)).to.deep.equal(['quiz-unclosed@2', 'question-no-answers@1']);
      expect(standalone[0]!.message).to.equal(
        'this code block is never closed: end it with a line "```" (in a lesson, fence the quiz with "````quiz")',
      );
      expect(where(parse('# Q\nText\n~~~python\nx = 1', true).problems)).to.deep.equal(['quiz-unclosed@3', 'question-no-answers@1']);
    });

    it('reports a matching item with an empty side', () => {
      expect(where(parse('# Q\n- a -> b\n- c ->\n').problems)).to.deep.equal(['question-answer-shape@3']);
    });

    it('reports pick larger than the number of questions', () => {
      const { problems } = parse('---\npick: 5\n---\n# A\n= 1\n# B\n= 2\n');
      expect(where(problems)).to.deep.equal(['pick-too-large@2']);
      expect(problems[0]!.message).to.contain('(2)');
    });

    it('collects every problem instead of stopping at the first', () => {
      const { problems } = parse('---\npass: 200\n---\n# A\n1. [x] a\n1. [x] b\n# B\n- [ ] a\n- [ ] b\n# C\n');
      expect(where(problems)).to.deep.equal([
        'invalid-value@2',
        'single-choice-correct-count@5',
        'multiple-choice-no-correct@8',
        'question-no-answers@10',
      ]);
    });

    it('counts lines from where the quiz sits in its lesson', () => {
      const problems = new ProblemList();
      parseQuiz('# Q\n1. [ ] a\n1. [ ] b\n', { file: 'l.md', line: 20, defaultId: 'l-1', inLesson: true }, problems);
      expect(problems.items[0]).to.deep.include({ file: 'l.md', line: 21 });
    });
  });
});
