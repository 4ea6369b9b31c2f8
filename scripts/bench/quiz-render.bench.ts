/** The quiz element: time to show a 20-question quiz, from being added to the page to every question on screen. */
import '../../src/define.js';
import { type Report, median, ms } from './measure.js';

const QUESTION_KINDS = [
  '1. [x] Free On Board\n1. [ ] Freight On Boat\n1. [ ] Free Of Burden',
  '- [x] Commercial invoice\n- [x] Packing list\n- [ ] Tax return',
  '1. Receive the order\n2. Pack the goods\n3. Ship\n4. Get paid',
  '- FOB -> Free On Board\n- EXW -> Ex Works\n- CIF -> Cost, Insurance and Freight',
  '= 52\n= chapter 52',
];

const QUIZ = Array.from({ length: 20 }, (_, i) => `### Question ${i + 1}: what is **right** here?\n> A hint.\n\n${QUESTION_KINDS[i % 5]}\n\n> Explanation ${i + 1}.\n`).join('\n');

async function showQuiz(run: number): Promise<void> {
  const quiz = document.createElement('sabaq-quiz');
  quiz.setAttribute('namespace', `bench-quiz-${run}`);
  const source = document.createElement('script');
  source.type = 'text/markdown';
  source.textContent = QUIZ;
  quiz.append(source);
  document.body.append(quiz);
  while ((quiz.shadowRoot?.querySelectorAll('.question').length ?? 0) < 20) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  quiz.remove();
}

export async function bench(report: Report): Promise<void> {
  let run = 0;
  const time = await median(() => showQuiz(run++), 15);
  report('show a 20-question quiz (parse, read progress, render), median of 15', ms(time));
}
