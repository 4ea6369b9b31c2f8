/**
 * What the elements tell an LRS connection. `connectLrs()` loads the connection, which listens here:
 * pages without an LRS load none of the xAPI code, and the elements only ever call through this module.
 */
import type { Course } from '../../lib/types.js';

export interface CourseOpened {
  namespace: string;
  learner: string;
  /** The whole course for the course elements; only its id for a standalone quiz. */
  course: Pick<Course, 'id'> & Partial<Course>;
}

/** Every course an element has opened in this page, for a connection made after them. */
export const openedCourses: CourseOpened[] = [];
export const lrsListeners = new Set<(opened: CourseOpened) => void>();

export function courseOpened(opened: CourseOpened): void {
  openedCourses.push(opened);
  lrsListeners.forEach((listener) => listener(opened));
}
