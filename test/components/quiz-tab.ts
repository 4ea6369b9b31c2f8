/**
 * Runs in another tab (scripts/wtr/commands.mjs `sabaq-tab-call`), one with an origin of its own: a
 * fresh browser profile as far as storage goes. Shows a quiz there as a partner page would.
 */
import '../../src/define.js';

/** The options of a quiz shown in this tab, in the order the learner sees them. */
export async function shownOrder(markdown: string): Promise<string> {
  const quiz = document.createElement('sabaq-quiz');
  const script = Object.assign(document.createElement('script'), { type: 'text/markdown', textContent: markdown });
  quiz.append(script);
  document.body.append(quiz);
  while (!quiz.shadowRoot?.querySelector('.option-text')) await new Promise((resolve) => setTimeout(resolve, 20));
  const order = [...quiz.shadowRoot.querySelectorAll('.option-text')].map((option) => option.textContent!.trim()).join('');
  quiz.remove();
  return order;
}
