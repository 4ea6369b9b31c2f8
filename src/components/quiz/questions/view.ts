/** What a question's renderer is given by the quiz: the answer it shows and how to change it. */
import type { DirectiveResult } from 'lit/directive.js';
import type { LocalizeController } from '../../../i18n/localize.js';
import type { AnswerValue } from '../../../lib/quiz/score.js';

export interface QuestionView {
  readonly localize: LocalizeController;
  /** Sanitised block / inline Markdown, its relative URLs resolved against the quiz's own file. */
  markdown(source: string): DirectiveResult;
  inline(source: string): DirectiveResult;
  /** True when the question is shown with its result: controls are disabled and marked. */
  readonly submitted: boolean;
  /** True while the learner's attempt is read: the question is shown with its controls disabled, and
   * options the attempt shuffles are not shown yet (`order` is empty). */
  readonly waiting: boolean;
  /** The learner's answer: being given, or as submitted. */
  readonly value: AnswerValue | undefined;
  /** The written indices of the options, items or right-hand sides, in the order this attempt shows them. */
  readonly order: readonly number[];
  /** Records a new answer to this question. */
  answer(value: AnswerValue): void;
  /** Submits the quiz, as the Submit button does. */
  submit(): void;
  /** Runs `then` on the quiz's shadow root once the change just made is on screen (to move focus). */
  afterUpdate(then: (root: ParentNode) => void): void;
}
