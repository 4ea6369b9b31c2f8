// @ts-check
/** The five kinds of question, each with its answers. */
const QUESTION_KINDS = [
  '1. [x] Free On Board\n1. [ ] Freight On Boat\n1. [ ] Free Of Burden',
  '- [x] Commercial invoice\n- [x] Packing list\n- [ ] Tax return',
  '1. Receive the order\n2. Pack the goods\n3. Ship\n4. Get paid',
  '- FOB -> Free On Board\n- EXW -> Ex Works\n- CIF -> Cost, Insurance and Freight',
  '= 52\n= chapter 52',
];

/**
 * The quiz benches' 20-question quiz (quiz-render.bench.ts in the browser, first-screen.mjs in Node),
 * every question kind in turn, each with a hint and an explanation.
 */
export const TWENTY_QUESTION_QUIZ = Array.from(
  { length: 20 },
  (_, i) => `### Question ${i + 1}: what is **right** here?\n> A hint.\n\n${QUESTION_KINDS[i % 5]}\n\n> Explanation ${i + 1}.\n`,
).join('\n');
