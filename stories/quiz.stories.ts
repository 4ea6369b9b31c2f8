import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { waitFor } from 'storybook/test';
import { html } from 'lit';
import { COURSES, holdProgress, narrow, renderElement, seedQuiz, sharedArgTypes } from './support.js';

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
  argTypes: {
    ...sharedArgTypes,
    markdown: {
      control: 'text',
      description: 'The quiz, inline in a child `<script type="text/markdown">`.',
      table: { category: 'content' },
    },
  },
  args: { src: '', learner: '', lang: '', markdown: quiz('id: incoterms-check\nattempts: 3') },
};
export default meta;
type Story = StoryObj;

/** Single choice (with a hint), multiple choice, ordering, matching and short answer, being answered. */
export const EveryQuestionType: Story = { args: { namespace: 'quiz-answering' } };

/** Before the learner's attempt is read (storage held busy for 5 s): the questions, their controls
 * disabled, and no shuffled items yet; then the attempt fills in. */
export const WaitingForStorage: Story = { args: { namespace: 'quiz-waiting' }, loaders: [holdProgress] };

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

/** Passed, with the quiz file's own message (Quizdown's `customPassMsg`) under the score. */
export const PassMessage: Story = {
  args: {
    namespace: 'quiz-pass-message',
    markdown: quiz(
      'id: incoterms-messages\nattempts: 3\ncustomPassMsg: "Well done: you are ready to **quote FOB prices**."\ncustomFailMsg: "Read [the Incoterms lesson](#incoterms) again, then try once more."',
    ),
  },
  loaders: [seedQuiz({ right: true })],
};

/** Failed, with the quiz file's own message (Quizdown's `customFailMsg`), and Try again. */
export const FailMessage: Story = {
  args: { ...PassMessage.args, namespace: 'quiz-fail-message' },
  loaders: [seedQuiz({ right: false })],
};

/** On a page that sets no `--sabaq-color-*` of its own: the partner's colours would win over the quiz's. */
const pageWithoutColours: Decorator = (story) => {
  const unset = ['primary', 'surface-alt', 'text'].map((name) => `--sabaq-color-${name}: initial`).join('; ');
  return html`<div style=${unset}>${story()}</div>`;
};

/** The quiz file's own colours (Quizdown's `primaryColor`, `secondaryColor`, `textColor`), on a page that sets none. */
export const OwnColours: Story = {
  args: {
    namespace: 'quiz-own-colours',
    markdown: quiz('id: incoterms-colours\nprimaryColor: "#7b1fa2"\nsecondaryColor: "#f3e5f5"\ntextColor: "#311b92"'),
  },
  decorators: [pageWithoutColours],
};

/** `locale: ur` in the quiz file and no `lang` anywhere: the quiz speaks Urdu, right to left. */
export const LocaleFromQuiz: Story = {
  args: {
    namespace: 'quiz-locale',
    markdown: `---
id: incoterms-locale
locale: ur
attempts: 2
---
### FOB کی شرط پر سمندری سفر کا خرچ کون دیتا ہے؟
> سوچیں کہ سیلر کی ذمہ داری کہاں ختم ہوتی ہے۔

1. [ ] سیلر
1. [x] خریدار

### کپاس کا HS باب کون سا ہے؟
= 52
`,
  },
};

/**
 * A quiz written for Quizdown, unchanged: \`#\` headings, a question's own options block, option comments
 * written directly under the option, \`::\` matching pairs and Quizdown's options in front matter.
 */
export const Quizdown: Story = {
  args: {
    namespace: 'quiz-quizdown',
    markdown: `---
primaryColor: steelblue
shuffleQuestions: false
shuffleAnswers: true
passingGrade: 50
---

# Which city is the capital of Pakistan?

> Islamabad has been the capital since the 1960s.

1. [x] Islamabad
2. [ ] Karachi
> Karachi was the first capital, until 1959.
3. [ ] Lahore

# Which of these are Incoterms?

---
shuffleAnswers: false
---

- [x] FOB
    > Free On Board.
- [x] CIF
- [ ] VAT
    > A tax, not a delivery term.

# Match each port to its country

- Karachi :: Pakistan
- Jebel Ali :: United Arab Emirates
- Hamburg :: Germany
`,
  },
};

/** The time ran out: the quiz submitted itself with what had been answered (nothing). */
export const TimeUp: Story = { args: { namespace: 'quiz-time-up', markdown: quiz('id: incoterms-time-up\ntime: 0.01\nattempts: 2') } };

/** One attempt allowed, and it passed: its result stays, with "No attempts left" and no Try again (Locked is the failed one). */
export const NoAttemptsLeft: Story = {
  args: { namespace: 'quiz-no-attempts-left', markdown: quiz('id: incoterms-once\nattempts: 1') },
  loaders: [seedQuiz({ right: true })],
};

/** What a play function waits for: `waitFor` retries its callback until it stops throwing. */
function rendered<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('not rendered yet');
  return value;
}

/**
 * A short answer longer than the store keeps (10,000 characters; the box takes no more, so a script
 * puts it in): Submit warns instead of losing the attempt.
 */
export const AnswerTooLong: Story = {
  args: { namespace: 'quiz-answer-too-long', markdown: quiz('id: incoterms-too-long') },
  play: async ({ canvasElement }) => {
    const root = await waitFor(() => rendered(canvasElement.querySelector('sabaq-quiz')?.shadowRoot));
    const input = await waitFor(() => rendered(root.querySelector<HTMLInputElement>('.short-answer input')));
    input.value = '52 '.repeat(3_400);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    [...root.querySelectorAll<HTMLButtonElement>('.actions button')].at(-1)!.click();
    await waitFor(() => rendered(root.querySelector('[role=alert]')));
  },
};
