import { expect } from '@open-wc/testing';
import { type GiftImport, giftToQuiz } from '../../../src/lib/gift/to-quiz.js';
import { ProblemList } from '../../../src/lib/problems.js';
import { parseQuiz } from '../../../src/lib/quiz/parse.js';
import { scoreQuestion } from '../../../src/lib/quiz/score.js';
import type { Question, Quiz } from '../../../src/lib/types.js';

const EVERY_TYPE = new URL('../../fixtures/gift/every-type.gift', import.meta.url).href;

/** The quiz as `sabaq check` reads it: every problem it would print, and the parsed quiz. */
function check(imported: GiftImport): { quiz: Quiz; problems: string[] } {
  const problems = new ProblemList();
  const quiz = parseQuiz(imported.markdown, { file: 'quiz.md', defaultId: 'quiz', inLesson: false }, problems);
  return { quiz, problems: problems.items.map((p) => `${p.line}: ${p.message}`) };
}

function convert(gift: string): GiftImport & { quiz: Quiz } {
  const imported = giftToQuiz(gift, { id: 'quiz', source: 'test.gift' });
  const { quiz, problems } = check(imported);
  expect(problems, imported.markdown).to.deep.equal([]);
  return { ...imported, quiz };
}

/** A question's points for an answer, with the partial credit the quiz gives. */
function points(quiz: Quiz, index: number, answer: Parameters<typeof scoreQuestion>[1]): number {
  return scoreQuestion(quiz.questions[index]!, answer, quiz.settings.partial).points;
}

function notes(imported: GiftImport): string[] {
  return imported.notes.map((note) => `${note.line} ${note.kind}`);
}

describe('giftToQuiz: every question type of the GIFT documentation', () => {
  let imported: GiftImport & { quiz: Quiz };
  let questions: Question[];
  before(async () => {
    imported = convert(await (await fetch(EVERY_TYPE)).text());
    questions = imported.quiz.questions;
  });

  it('writes a quiz sabaq check passes, each question of the kind sabaq asks it as', () => {
    expect(questions.map((question) => question.kind)).to.deep.equal([
      'single', // multiple choice, one right answer
      'single', // missing word
      'multiple', // several right answers with percentages
      'single', // true/false
      'single', // true/false
      'short', // short answer
      'short', // numerical, exact
      'short', // numerical, tolerance
      'short', // numerical, range
      'short', // numerical, several answers
      'matching',
      'single', // escapes, multi-line
    ]);
    expect(imported.questions).to.equal(12);
    expect(imported.quiz.id).to.equal('quiz');
    expect(imported.quiz.settings.partial, 'Moodle gives partial credit on matching and several-answer questions').to.equal(true);
  });

  it('reports what is left out and what changed, with its GIFT line, and nothing else', () => {
    expect(notes(imported)).to.deep.equal([
      '31 changed', // per-answer feedback of a short answer, moved to the explanation
      '41 changed', // per-answer feedback of a numerical answer, moved to the explanation
      '42 left-out', // a 50% numerical answer
      '55 left-out', // essay
      '58 left-out', // description between questions
    ]);
    expect(imported.notes[3]!.message).to.match(
      /^essay question "Describe your last export order in a fe…" left out: sabaq cannot ask essay/,
    );
    expect(imported.notes[2]!.message).to.match(/the answer 1947:2 \(worth 50% in Moodle\) is left out/);
  });

  it('keeps titles and categories as comments beside their question', () => {
    expect(imported.markdown).to.contain(
      '### Under FOB, who pays for the main sea freight?\n\n<!-- GIFT line 7 · title: FOB freight · category: $course$/Export basics/Incoterms -->\n',
    );
    expect(imported.markdown).to.contain('<!-- GIFT line 26 · title: CIF insurance -->');
  });

  it('maps per-answer feedback to option feedback and general feedback to the explanation', () => {
    const [fob, , , cif] = questions as [Question & { kind: 'single' }, Question, Question, Question & { kind: 'single' }];
    expect(fob.options.map((option) => option.feedback)).to.deep.equal([
      "Not quite: the seller's duty ends once the goods are on board.",
      'Right: the buyer books the main carriage.',
      undefined,
    ]);
    expect(fob.explanation).to.equal('Under FOB the buyer books and pays the main carriage.');
    // {T#shown to who chose wrongly#shown to who chose rightly}
    expect(cif.options).to.deep.equal([
      { text: 'True', correct: true, feedback: 'Yes: C, I and F.' },
      { text: 'False', correct: false, feedback: 'No: under CIF the seller buys the insurance.' },
    ]);
    expect(questions[5]!.explanation).to.equal('- chapter 52: The chapter number is enough.');
    expect(questions[9]!.explanation).to.equal('- 1947:0: Right.\n- Any other answer: Look it up: it was 1947.');
    expect(questions[10]!.explanation).to.equal('Incoterms are three letters each.');
  });

  it('scores every question as Moodle would', () => {
    const { quiz } = imported;
    expect([points(quiz, 0, 1), points(quiz, 0, 0), points(quiz, 0, 2)]).to.deep.equal([1, 0, 0]);
    expect(questions[1]!.prompt).to.equal('Goods under EXW are collected at the _____ by the buyer.');
    expect([points(quiz, 1, 1), points(quiz, 1, 0)]).to.deep.equal([1, 0]);
    // 50% + 50% right, -50% for each wrong one: sabaq's partial credit is the same.
    expect([points(quiz, 2, [0, 1]), points(quiz, 2, [0]), points(quiz, 2, [0, 2]), points(quiz, 2, [0, 1, 2])]).to.deep.equal([
      1, 0.5, 0, 0.5,
    ]);
    expect([points(quiz, 3, 0), points(quiz, 3, 1), points(quiz, 4, 1), points(quiz, 4, 0)]).to.deep.equal([1, 0, 1, 0]);
    expect([points(quiz, 5, '52'), points(quiz, 5, 'Chapter 52'), points(quiz, 5, '53')]).to.deep.equal([1, 1, 0]);
    expect([points(quiz, 6, '30'), points(quiz, 6, '31')]).to.deep.equal([1, 0]);
    // 1995:1 accepts 1994 to 1996, ends included.
    expect([points(quiz, 7, '1994'), points(quiz, 7, '1996'), points(quiz, 7, '1997'), points(quiz, 7, '1993.9')]).to.deep.equal([
      1, 1, 0, 0,
    ]);
    expect(questions[8]!.prompt).to.equal('What is pi to three decimal places? _____.');
    expect([points(quiz, 8, '3.1415'), points(quiz, 8, '3.142'), points(quiz, 8, '3.143')]).to.deep.equal([1, 1, 0]);
    expect([points(quiz, 9, '1947'), points(quiz, 9, '1948')]).to.deep.equal([1, 0]);
    expect([points(quiz, 10, [0, 1, 2]), points(quiz, 10, [0, 2, 1])]).to.deep.equal([1, 1 / 3]);
    expect([points(quiz, 11, 0), points(quiz, 11, 1)]).to.deep.equal([1, 0]);
  });

  it('reads escapes and a question written over several lines', () => {
    const last = questions[11] as Question & { kind: 'single' };
    expect(last.prompt).to.equal('The ratio 1:2 means {one part} to two= parts; which #1 word describes it?');
    expect(last.options[0]!.text).to.equal('proportion\\~ish');
    const slashes = convert('Which is not a GIFT control character? {~ \\~ = \\\\ #Right: \\\\ only escapes.}').quiz
      .questions[0] as Question & { kind: 'single' };
    expect(slashes.options.map((option) => [option.text, option.feedback])).to.deep.equal([
      ['\\~', undefined],
      ['\\\\', 'Right: \\\\ only escapes.'],
    ]);
  });
});

describe('giftToQuiz: what sabaq asks differently, or cannot ask', () => {
  it('keeps one-answer questions with partial weights as single choice, and says the weights are gone', () => {
    const imported = convert('Where is the Badshahi Mosque? {\n~Karachi\n~%50%Punjab\n=Lahore\n~%-25%Quetta\n}\n');
    expect((imported.quiz.questions[0] as Question & { kind: 'single' }).options.map((o) => o.correct)).to.deep.equal([
      false,
      false,
      true,
      false,
    ]);
    expect(imported.notes.map((note) => [note.line, note.kind, note.message])).to.deep.equal([
      [
        3,
        'changed',
        'multiple-choice question "Where is the Badshahi Mosque?": "Punjab" is worth 50% in Moodle; in sabaq only the right answer scores',
      ],
      [
        5,
        'changed',
        'multiple-choice question "Where is the Badshahi Mosque?": "Quetta" is worth -25% in Moodle; in sabaq only the right answer scores',
      ],
    ]);
  });

  it('says when several-answer weights differ from sabaq partial credit', () => {
    const imported = convert('Pick the ports. {\n~%70%Karachi\n~%30%Gwadar\n~Lahore\n}');
    expect(imported.quiz.questions[0]!.kind).to.equal('multiple');
    expect(notes(imported)).to.deep.equal(['1 changed']);
    expect(imported.notes[0]!.message).to.contain('Moodle adds up its answer weights (70%, 30%, 0%)');
  });

  it('leaves out, with their line, what Moodle itself would refuse or sabaq cannot ask', () => {
    const gift = [
      '::Two right::Pick one. {=a =b ~c}', // 1: two fully right answers, one to choose
      '',
      'Broken {=a ~b', // 3: unpaired brace
      '',
      'Two blanks {=a ~b} and {=c ~d} here.', // 5: second answer block
      '',
      'The sun {T} rises in the east.', // 7: true/false inside a sentence
      '',
      'How far? {#far:1}', // 9: not a number
      '',
      'Match. {=a -> 1 =b -> 2 = -> 3}', // 11: a distractor with no term
      '',
      'Name a port. {=%50%Port Qasim =Karachi =Kar*}', // 13: partial typed answer, wildcard
      '',
      'What is 2+2? {=four}',
    ].join('\n');
    const imported = convert(gift);
    expect(imported.questions).to.equal(3);
    expect(imported.notes.map((note) => `${note.line} ${note.kind}: ${note.message}`)).to.deep.equal([
      '1 left-out: multiple-choice question "Two right" left out: it has 2 fully right answers but lets a learner choose only one; a sabaq single-choice question has exactly one right answer',
      '3 left-out: question left out: its "{" and "}" do not pair up',
      '5 left-out: question left out: it has a second answer block "{…}": Moodle and sabaq ask one answer block per question',
      '7 left-out: true/false question "The sun _____ rises in the east." left out: its true/false answers stand inside the sentence, where a blank cannot hold them; move them to the end',
      '9 left-out: question left out: "far:1" is not a number with a tolerance',
      '11 left-out: matching question "Match.": the extra answer "3" is left out: every sabaq matching item needs both sides',
      '13 left-out: short-answer question "Name a port.": the answer "Port Qasim" (worth 50% in Moodle) is left out: sabaq has no partial credit for typed answers',
      '13 changed: short-answer question "Name a port.": the answer "Kar*" uses Moodle\'s "*" wildcard, which sabaq compares as a plain "*"',
    ]);
  });

  it('turns a description before the first question into the introduction', () => {
    const imported = convert('// intro\nAnswer from memory.\n\nWhat is 2+2? {=4}\n');
    expect(imported.quiz.intro).to.equal('Answer from memory.');
    expect(imported.notes).to.deep.equal([]);
  });
});

describe('giftToQuiz: text formats', () => {
  it('keeps Moodle text literal where Markdown would read formatting', () => {
    const { quiz } = convert('# of boxes: 2*3*4 = _24_? See [note] `x`. {T}\n\n1. Not a list item {=yes ~no}\n');
    expect(quiz.questions.map((question) => question.prompt)).to.deep.equal([
      '\\# of boxes: 2\\*3\\*4 = \\_24\\_? See \\[note\\] \\`x\\`.',
      '1\\. Not a list item',
    ]);
  });

  it('keeps Markdown and HTML as written, and a "\\n" as a new line', () => {
    const { quiz } = convert(
      '[markdown]Is **bold** bold?\\n\\nSee below. {T}\n\n[html]<p>Is <b>this</b> HTML?</p> {T}\n\nFirst line\\nsecond line {T}\n',
    );
    const withoutComment = (body?: string) => body?.replace(/<!--[^]*?-->/g, '').trim() || undefined;
    expect(quiz.questions.map((question) => [question.prompt, withoutComment(question.body)])).to.deep.equal([
      ['Is **bold** bold?', 'See below.'],
      ['Is <b>this</b> HTML?', undefined],
      ['First line', 'second line'],
    ]);
  });
});
