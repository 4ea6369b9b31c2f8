/**
 * A whole course, parsed and validated, as one JSON document (`sabaq build`). The loader accepts it as
 * `src` wherever it accepts a manifest: one request instead of one per lesson.
 */
import type { Course } from '../types.js';

export const COURSE_FILE_FORMAT = 'sabaq-course';
export const COURSE_FILE_VERSION = 1;

export interface CourseFile {
  format: typeof COURSE_FILE_FORMAT;
  version: number;
  course: Course;
}

/** The document to write. URLs are left out: they depend on where the file is served from. */
export function toCourseFile(course: Course): CourseFile {
  return {
    format: COURSE_FILE_FORMAT,
    version: COURSE_FILE_VERSION,
    course: { ...course, url: '', lessons: course.lessons.map((lesson) => ({ ...lesson, url: '' })) },
  };
}

export function isCourseFile(value: unknown): value is CourseFile {
  return typeof value === 'object' && value !== null && (value as CourseFile).format === COURSE_FILE_FORMAT;
}

/**
 * Reads a course file served at `url`, with lesson URLs resolved against it as the lessons' files would
 * be. Throws a message for the author when the file is not one this version can read.
 */
export function fromCourseFile(file: CourseFile, url: string): Course {
  if (file.version !== COURSE_FILE_VERSION) {
    throw new Error(
      `this course file is format version ${file.version}, but this sabaq reads version ` +
        `${COURSE_FILE_VERSION}: rebuild it with "npx sabaq build" from the same sabaq version`,
    );
  }
  const { course } = file;
  if (typeof course?.id !== 'string' || !Array.isArray(course.lessons) || !Array.isArray(course.modules)) {
    throw new Error('this course file is incomplete or damaged: rebuild it with "npx sabaq build"');
  }
  return {
    ...course,
    url,
    lessons: course.lessons.map((lesson) => ({ ...lesson, url: new URL(lesson.file, url).href })),
  };
}
