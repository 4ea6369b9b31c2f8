/** Quizzes and attempts for the xAPI tests, built as the player builds them. */
import { expect } from '@open-wc/testing';
import { ProblemList } from '../../../src/lib/problems.js';
import type { QuizAttempt } from '../../../src/lib/progress.js';
import { parseQuiz } from '../../../src/lib/quiz/parse.js';
import type { Quiz } from '../../../src/lib/types.js';

/** A lesson's quiz from its Markdown (`incoterms.md`, so `incoterms-1` unless it names its id); it must have no errors. */
export function lessonQuiz(markdown: string): Quiz {
  const problems = new ProblemList();
  const quiz = parseQuiz(markdown, { file: 'incoterms.md', defaultId: 'incoterms-1', inLesson: true }, problems);
  expect(problems.items.filter((problem) => problem.severity === 'error')).to.deep.equal([]);
  return quiz;
}

/** A submitted attempt at `quiz`, as the store keeps it. */
export function quizAttempt(quiz: Quiz, submitted: Omit<QuizAttempt, 'quizId' | 'quizHash'>): QuizAttempt {
  return { quizId: quiz.id, quizHash: quiz.hash, ...submitted };
}
