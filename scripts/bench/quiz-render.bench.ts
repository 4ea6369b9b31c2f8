/**
 * The quiz element: time to show a 20-question quiz, from being added to the page to every question on
 * screen; and time for one keystroke in its short-answer box (issue 12: 4 ms), beside what rendering the
 * quiz's Markdown afresh costs, which every keystroke paid before it was rendered once per source.
 */
import '../../src/define.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { renderInline, renderMarkdown } from '../../src/lib/render/render.js';
import { type Report, median, ms } from './measure.js';
import { TWENTY_QUESTION_QUIZ } from './twenty-question-quiz.mjs';

async function showQuiz(run: number): Promise<SabaqQuiz> {
  const quiz = document.createElement('sabaq-quiz');
  quiz.setAttribute('namespace', `bench-quiz-${run}`);
  const source = document.createElement('script');
  source.type = 'text/markdown';
  source.textContent = TWENTY_QUESTION_QUIZ;
  quiz.append(source);
  document.body.append(quiz);
  while ((quiz.shadowRoot?.querySelectorAll('.question').length ?? 0) < 20) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return quiz;
}

/** One key typed into the first short-answer box, until the quiz has rendered it. */
async function keystroke(quiz: SabaqQuiz, input: HTMLInputElement): Promise<void> {
  input.value += 'x';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await quiz.updateComplete;
}

/** The Markdown of every question, option and explanation, rendered and sanitised with no cache. */
function renderAllMarkdown(): void {
  for (const block of TWENTY_QUESTION_QUIZ.split(/^### /m).filter(Boolean)) {
    const [prompt, ...rest] = block.split('\n');
    renderInline(prompt!);
    for (const line of rest.filter((text) => text.trim())) renderInline(line.replace(/^([-=>]|\d+\.)\s*(\[.\]\s*)?/, ''));
    renderMarkdown('A hint.');
    renderMarkdown('Explanation.');
  }
}

export async function bench(report: Report): Promise<void> {
  let run = 0;
  const time = await median(async () => (await showQuiz(run++)).remove(), 15);
  report('show a 20-question quiz (parse, read progress, render), median of 15', ms(time));

  const quiz = await showQuiz(run++);
  const input = quiz.shadowRoot!.querySelector<HTMLInputElement>('.short-answer input')!;
  report('one keystroke in a short answer of a 20-question quiz, median of 60', ms(await median(() => keystroke(quiz, input), 60, 10), 4));
  report('  beside: its Markdown rendered afresh (each keystroke did this before)', ms(await median(renderAllMarkdown, 30)));
  quiz.remove();
}
