/**
 * Progress in the fixture academy course (test/fixtures/courses/academy), written through the real
 * store, or made in a player as the learner makes it.
 */
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { type ProgressStore, openStore } from '../../src/lib/store/index.js';
import { button, shadowElement } from './helpers.js';

export const ACADEMY_REF = { learner: 'default', courseId: 'academy' };

/** Completes every lesson of the academy course in `namespace`, the final quiz scored `finalScore`. */
export async function completeAcademy(namespace: string, finalScore = 100): Promise<ProgressStore> {
  const store = openStore({ namespace });
  await store.completeLesson(ACADEMY_REF, 'welcome');
  await store.addQuizAttempt(ACADEMY_REF, { quizId: 'marketplaces-1', answers: {}, score: 100, passed: true, quizHash: 'h' });
  await store.addQuizAttempt(ACADEMY_REF, { quizId: 'final', answers: {}, score: finalScore, passed: finalScore >= 70, quizHash: 'h' });
  return store;
}

/** The code of the certificate `certifyAcademy` keeps. */
export const ACADEMY_CERTIFICATE_CODE = 'ABCD-EFGH-JKMN';

/** Completes the academy course in `namespace` and keeps `learnerName`'s certificate, issued on 27 November 2026. */
export async function certifyAcademy(namespace: string, learnerName: string): Promise<ProgressStore> {
  const store = await completeAcademy(namespace);
  await store.saveCertificate(ACADEMY_REF, { code: ACADEMY_CERTIFICATE_CODE, learnerName, issuedAt: Date.UTC(2026, 10, 27), score: 100 });
  return store;
}

/** Passes the quiz of the Marketplaces lesson, open in `player`, through its controls (B2B is right). */
export async function passMarketplacesQuiz(player: Element) {
  const quiz = await shadowElement<SabaqQuiz>(player, 'sabaq-quiz');
  await shadowElement(quiz, '.quiz[aria-busy=false] .question');
  const b2b = [...quiz.shadowRoot!.querySelectorAll('label')].find((label) => label.textContent!.includes('B2B'))!;
  b2b.querySelector('input')!.click();
  await quiz.updateComplete;
  button(quiz, 'Submit').click();
}
