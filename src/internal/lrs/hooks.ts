/**
 * What the elements tell an LRS connection. `connectLrs()` loads the connection, which listens here:
 * pages without an LRS load none of the xAPI code, and the elements only ever call through this module.
 */
import type { Course } from '../../lib/types.js';
import type { StandaloneQuiz } from '../../lib/xapi/record.js';

/**
 * A course as an element opens it: the whole course for the course elements; only its id for a quiz in
 * a lesson; for a quiz alone on its page, the id it keeps its attempts under and the quiz.
 */
export type OpenedCourse = Pick<Course, 'id'> & Partial<Course> & { standaloneQuiz?: StandaloneQuiz };

export interface CourseOpened {
  namespace: string;
  learner: string;
  course: OpenedCourse;
}

/** Every course an element has opened in this page, for a connection made after them. */
export const openedCourses: CourseOpened[] = [];
export const lrsListeners = new Set<(opened: CourseOpened) => void>();

export function courseOpened(opened: CourseOpened): void {
  openedCourses.push(opened);
  lrsListeners.forEach((listener) => listener(opened));
}
