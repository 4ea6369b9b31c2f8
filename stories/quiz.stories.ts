import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { COURSES, narrow, renderElement, seedQuiz, sharedArgTypes } from './support.js';

/** Every question type, after the front matter given. */
const quiz = (frontMatter: string) => `---
${frontMatter}
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

### Name the HS chapter for cotton
= 52
= chapter 52
`;

// A quiz alone on a page, inline or fetched from `src`; its attempts are kept under the course id
// `quiz:<quiz id>`. The docs page's description is the element's own, from custom-elements.json.
const meta: Meta = {
  title: 'Elements/Quiz',
  component: 'sabaq-quiz',
  render: ({ markdown, ...args }, context) => {
    const element = renderElement(args, context);
    if (markdown) element.append(Object.assign(document.createElement('script'), { type: 'text/markdown', textContent: markdown }));
    return element;
  },
  argTypes: { ...sharedArgTypes, markdown: { control: 'text', description: 'The quiz, inline in a child `<script type="text/markdown">`.', table: { category: 'content' } } },
  args: { src: '', learner: '', lang: '', markdown: quiz('id: incoterms-check\nattempts: 3') },
};
export default meta;
type Story = StoryObj;

/** Single choice (with a hint), multiple choice, ordering, matching and short answer, being answered. */
export const EveryQuestionType: Story = { args: { namespace: 'quiz-answering' } };

/** Submitted with every answer right: passed, with feedback and explanations. */
export const Done: Story = { args: { namespace: 'quiz-done' }, loaders: [seedQuiz({ right: true })] };

/** One attempt allowed, and it failed: the right answers are shown and there is no Try again. */
export const Locked: Story = {
  args: { namespace: 'quiz-locked', markdown: quiz('id: incoterms-check\nattempts: 1') },
  loaders: [seedQuiz({ right: false })],
};

/** Two minutes to answer: the quiz submits itself when the time is up. */
export const TimeLimit: Story = { args: { namespace: 'quiz-time-limit', markdown: quiz('id: incoterms-timed\ntime: 2') } };

/** A mistake in the quiz: the author sees the file, the line and what to change. */
export const AuthorError: Story = {
  args: {
    namespace: 'quiz-author-error',
    markdown: '### Under FOB, who pays for the main sea freight?\n1. [x] The seller\n1. [x] The buyer\n',
  },
};

/** Neither `src` nor inline Markdown. */
export const Empty: Story = { args: { namespace: 'quiz-empty', markdown: '' } };

/** The quiz file is still being fetched. */
export const Loading: Story = { args: { namespace: 'quiz-loading', markdown: '', src: COURSES.pending } };

/** The quiz file is not found (404). */
export const LoadError: Story = { args: { namespace: 'quiz-error', markdown: '', src: COURSES.notFound } };

/** An Urdu quiz, right to left (from the demo course's Urdu draft). */
export const RTL: Story = {
  args: {
    namespace: 'quiz-rtl',
    lang: 'ur',
    markdown: `---
id: incoterms-ur
---
### ہر Incoterms قاعدے کو اس کے پورے نام سے ملائیں
- EXW -> Ex Works
- FOB -> Free On Board
- CIF -> Cost, Insurance and Freight

### CIF Hamburg کی شرط پر سمندری سفر کے دوران ایک کارٹن خراب ہو جاتا ہے۔ یہ کس کا رسک ہے؟
> C والے قواعد میں سفر کا خرچ دینا اور اس کا رسک اٹھانا دو الگ باتیں ہیں۔

1. [ ] سیلر کا، کیونکہ کرایہ سیلر نے دیا
1. [x] خریدار کا، کیونکہ رسک روانگی کی بندرگاہ پر مال جہاز پر لادتے ہی منتقل ہو گیا تھا
`,
  },
  globals: { lang: 'ur' },
};

/** The failed attempt, with its right and wrong answers marked. */
export const Dark: Story = { ...Locked, args: { ...Locked.args, namespace: 'quiz-dark' }, globals: { scheme: 'dark' } };

/** 360 pixels wide. */
export const Narrow: Story = { args: { namespace: 'quiz-narrow' }, decorators: [narrow] };
