import { expect } from '@open-wc/testing';
import { dedent } from '../../src/lib/text.js';

describe('dedent', () => {
  it('drops the blank lines before the text and the indentation its lines share, and says where it starts', () => {
    const written = '\n   \n    ---\n    id: q\n    ---\n    ### Q\n    1. [x] a\n       > why\n    1. [ ] b\n  ';
    expect(dedent(written)).to.deep.equal({ text: '---\nid: q\n---\n### Q\n1. [x] a\n   > why\n1. [ ] b\n', line: 3 });
  });

  it('leaves text that starts at the margin as it is, and gives nothing for blank text', () => {
    expect(dedent('### Q\n= 52')).to.deep.equal({ text: '### Q\n= 52', line: 1 });
    expect(dedent(' \n\t\n')).to.deep.equal({ text: '', line: 1 });
  });
});
