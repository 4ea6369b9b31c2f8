/** Progress in the fixture academy course (test/fixtures/courses/academy), written through the real store. */
import { type ProgressStore, openStore } from '../../src/lib/store/index.js';

export const ACADEMY_REF = { learner: 'default', courseId: 'academy' };

/** Completes every lesson of the academy course in `namespace`, the final quiz scored `finalScore`. */
export async function completeAcademy(namespace: string, finalScore = 100): Promise<ProgressStore> {
  const store = openStore({ namespace });
  await store.completeLesson(ACADEMY_REF, 'welcome');
  await store.addQuizAttempt(ACADEMY_REF, { quizId: 'marketplaces-1', answers: {}, score: 100, passed: true, quizHash: 'h' });
  await store.addQuizAttempt(ACADEMY_REF, { quizId: 'final', answers: {}, score: finalScore, passed: finalScore >= 70, quizHash: 'h' });
  return store;
}
