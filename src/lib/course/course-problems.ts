/** What is wrong with a course as read: light enough for the elements to use without the reader. */
import { type Problem, sortProblems } from '../problems.js';
import type { Course } from '../types.js';

/** Every error in the course, warnings left out. */
export function courseErrors(course: Course): Problem[] {
  return course.problems.filter((problem) => problem.severity === 'error');
}

/** The errors that belong to no lesson, in file order: the manifest's (an invalid value, a lesson linked twice). */
export function courseLevelErrors(course: Course): Problem[] {
  const inLessons = new Set(course.lessons.flatMap((lesson) => lesson.problems));
  return sortProblems(courseErrors(course).filter((problem) => !inLessons.has(problem)));
}
