import { expect } from '@open-wc/testing';
import { parseLesson } from '../../../src/lib/course/lesson.js';
import { MAX_NESTING } from '../../../src/lib/markdown.js';
import { ProblemList } from '../../../src/lib/problems.js';

function parse(source: string) {
  const problems = new ProblemList();
  const context = { file: 'lessons/why.md', href: 'lessons/why.md', url: 'https://x.test/lessons/why.md', linkTitle: 'Why', module: 0 };
  const { lesson } = parseLesson(source, context, problems);
  return { lesson, problems: problems.items.map((p) => `${p.code}@${p.line}`), messages: problems.items.map((p) => p.message) };
}

describe('parseLesson', () => {
  it('cuts the body at admonitions and quizzes, keeping their lines', () => {
    const { lesson, problems } = parse(`---
duration: 5
---
# Why

Intro text.

:::tip Start *small*
List five products.
:::

\`\`\`quiz
# Q
= 1
\`\`\`

After.
`);
    expect(problems).to.deep.equal([]);
    expect(lesson.blocks).to.deep.equal([
      { type: 'markdown', markdown: '\nIntro text.\n', line: 5 },
      {
        type: 'admonition',
        kind: 'tip',
        title: 'Start *small*',
        line: 8,
        blocks: [{ type: 'markdown', markdown: 'List five products.', line: 9 }],
      },
      { type: 'quiz', quizId: 'why-1', line: 12 },
      { type: 'markdown', markdown: '\nAfter.\n', line: 16 },
    ]);
    expect(lesson.quizzes[0]!.line).to.equal(13);
  });

  it('drops an opening "# heading" that repeats the title, and keeps any other', () => {
    expect(parse('# why\n\nText.\n').lesson.blocks).to.deep.equal([{ type: 'markdown', markdown: '\nText.\n', line: 2 }]);
    expect(parse('# Why').lesson.blocks).to.deep.equal([]);
    expect(parse('# Another heading\n\nText.\n').lesson.blocks[0]).to.deep.include({ markdown: '# Another heading\n\nText.\n' });
    expect(parse('Text first.\n\n# Why\n').lesson.blocks[0]).to.deep.include({ markdown: 'Text first.\n\n# Why\n' });
  });

  it('reads every admonition kind, nested ones and quizzes inside them', () => {
    const { lesson, problems } = parse(':::note\n:::danger Careful\nx\n:::\n```quiz\n# Q\n= 1\n```\n:::\n:::warning\ny\n:::\n');
    expect(problems).to.deep.equal([]);
    const [note, warning] = lesson.blocks;
    expect(note).to.deep.include({ type: 'admonition', kind: 'note' });
    expect(note!.type === 'admonition' && note!.blocks.map((b) => b.type)).to.deep.equal(['admonition', 'quiz']);
    expect(warning).to.deep.include({ kind: 'warning', line: 10 });
  });

  it('leaves ::: and ```quiz inside other code fences alone', () => {
    const { lesson, problems } = parse('````md\n```quiz\n# not a quiz\n```\n:::note\n````\n\n~~~\n:::\n~~~\n');
    expect(problems).to.deep.equal([]);
    expect(lesson.quizzes).to.deep.equal([]);
    expect(lesson.blocks).to.have.length(1);
    expect(lesson.blocks[0]!.type === 'markdown' && lesson.blocks[0]!.markdown).to.contain('```quiz');
  });

  it('numbers quizzes per lesson and keeps an id the quiz sets', () => {
    const { lesson } = parse('```quiz\n# A\n= 1\n```\n```quiz\n---\nid: named\n---\n# B\n= 2\n```\n~~~quiz\n# C\n= 3\n~~~\n');
    expect(lesson.quizzes.map((quiz) => quiz.id)).to.deep.equal(['why-1', 'named', 'why-3']);
  });

  it('reports an unclosed admonition at the line that opens it', () => {
    const { problems, messages } = parse('Text\n\n:::warning Heads up\nnever closed\n');
    expect(problems).to.deep.equal(['admonition-unclosed@3']);
    expect(messages[0]).to.equal('the ":::warning" callout opened here is never closed: add a line ":::" where it ends');
  });

  it('reports a stray ::: and an unknown callout type', () => {
    expect(parse('Text\n:::\n').problems).to.deep.equal(['admonition-stray-close@2']);
    const unknown = parse(':::info\nx\n:::\n');
    expect(unknown.problems).to.deep.equal(['invalid-value@1']);
    expect(unknown.messages[0]).to.contain(':::note, :::tip, :::warning or :::danger');
  });

  it('reports a quiz fence that is never closed', () => {
    const { problems, messages } = parse('Intro\n\n```quiz\n# Q\n= 1\n');
    expect(problems).to.deep.equal(['quiz-unclosed@3']);
    expect(messages[0]).to.contain('add a line "```"');
  });

  it('reports unclosed front matter and bad lesson keys', () => {
    expect(parse('---\nid: x\n# Title\n').problems).to.deep.equal(['front-matter-unclosed@1']);
    expect(parse('---\nduration: soon\nrequires: [Bad Id]\n---\n').problems).to.deep.equal(['invalid-value@2', 'invalid-id@3']);
  });

  it('reads Windows line ends and a byte-order mark with the same line numbers', () => {
    const { lesson, problems } = parse('\uFEFF---\r\ntitle: T\r\n---\r\n:::note\r\nx\r\n');
    expect(lesson.title).to.equal('T');
    expect(problems).to.deep.equal(['admonition-unclosed@4']);
  });

  it('refuses quotes and lists nested too deep for marked, at their lines, without reading them', () => {
    const quotes = '>'.repeat(2000);
    const dashes = '- '.repeat(5000);
    const { lesson, problems, messages } = parse(`---\ntitle: Deep\n---\nFine.\n\n${quotes} x\n\n${dashes}y\n`);
    expect(problems).to.deep.equal(['nesting-too-deep@6', 'nesting-too-deep@8']);
    expect(messages[0]).to.equal(
      `this line nests quotes (">") or lists more than ${MAX_NESTING} levels deep, which cannot be shown: use fewer levels`,
    );
    expect(lesson.blocks).to.deep.equal([]);
    // In a quiz's text too, which the quiz parser reads with marked.
    expect(parse(`\`\`\`quiz\n### Q\n${quotes} hint\n\n- [x] a\n- [ ] b\n\`\`\`\n`).problems).to.deep.equal(['nesting-too-deep@3']);
  });

  it('counts nesting across lines by indentation, and leaves code alone', () => {
    const deepList = Array.from({ length: MAX_NESTING + 2 }, (_, level) => `${'  '.repeat(level)}- item`).join('\n');
    expect(parse(deepList).problems).to.deep.equal([`nesting-too-deep@${MAX_NESTING + 1}`, `nesting-too-deep@${MAX_NESTING + 2}`]);
    expect(parse(`\`\`\`text\n${'>'.repeat(2000)}\n\`\`\`\n\n${'> '.repeat(MAX_NESTING)}ok\n`).problems).to.deep.equal([]);
  });
});
