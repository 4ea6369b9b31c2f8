import { expect } from '@open-wc/testing';
import { FieldReader, parseFrontMatter } from '../../src/lib/front-matter.js';
import { ProblemList } from '../../src/lib/problems.js';

function parse(source: string) {
  const problems = new ProblemList();
  return { ...parseFrontMatter(source, 'f.md', problems), problems: problems.items };
}

describe('parseFrontMatter', () => {
  it('reads strings, numbers, booleans and lists, and where the body starts', () => {
    const result = parse(`---
id: export-basics
title: "Selling: abroad"
pass: 70
ratio: 0.5
sequential: true
certificate: false
requires: [why, marketplaces]
empty: []
quoted: '#FF851B'
# a comment
---
# Title
`);
    expect(result.problems).to.deep.equal([]);
    expect(result.data).to.deep.equal({
      id: 'export-basics',
      title: 'Selling: abroad',
      pass: 70,
      ratio: 0.5,
      sequential: true,
      certificate: false,
      requires: ['why', 'marketplaces'],
      empty: [],
      quoted: '#FF851B',
    });
    expect(result.lines.requires).to.equal(8);
    expect(result.body).to.equal('# Title\n');
    expect(result.bodyLine).to.equal(13);
  });

  it('leaves a file without front matter alone', () => {
    const result = parse('# Title\n\n---\nnot front matter\n---\n');
    expect(result.data).to.deep.equal({});
    expect(result.body).to.equal('# Title\n\n---\nnot front matter\n---\n');
    expect(result.bodyLine).to.equal(1);
  });

  it('reports front matter that is never closed, at its first line', () => {
    const result = parse('---\nid: x\n# Title\n');
    expect(result.problems.map((p) => [p.code, p.line])).to.deep.equal([['front-matter-unclosed', 1]]);
    expect(result.problems[0]!.message).to.contain('add a line "---"');
  });

  it('reports a line that is not key: value, and a key set twice', () => {
    const result = parse('---\nid: x\njust words\nid: y\n---\n');
    expect(result.problems.map((p) => [p.code, p.line])).to.deep.equal([
      ['front-matter-syntax', 3],
      ['front-matter-syntax', 4],
    ]);
    expect(result.problems[1]!.message).to.equal('"id" is already set on line 2: keep only one of the two lines');
    expect(result.data.id).to.equal('x');
  });
});

describe('FieldReader', () => {
  it('suggests the closest known key for a typo, and only warns', () => {
    const problems = new ProblemList();
    const fields = new FieldReader(parseFrontMatter('---\nsequental: true\nauthor: Amna\n---\n', 'f.md', problems), 'f.md', problems);
    expect(fields.boolean('sequential')).to.equal(undefined);
    fields.finish();
    expect(problems.items.map((p) => [p.severity, p.line, p.message])).to.deep.equal([
      ['warning', 2, 'unknown front matter key "sequental"; did you mean "sequential"?'],
      ['warning', 3, 'unknown front matter key "author"; it is ignored'],
    ]);
  });
});
