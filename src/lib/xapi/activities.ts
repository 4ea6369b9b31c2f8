/**
 * xAPI activity ids (SPEC §6): a course's is its manifest's `activity-id`, else the manifest's URL
 * without query or fragment; lessons, quizzes and questions hang below it. An LRS keys everything it
 * knows about a learner's course on these, so they must stay the same from one visit to the next.
 */
import type { Course, Quiz } from '../types.js';

export function courseActivityId(course: Pick<Course, 'activityId' | 'url'>): string {
  return course.activityId ?? withoutQueryOrFragment(course.url);
}

export function lessonActivityId(courseId: string, lessonId: string): string {
  return `${courseId}/lessons/${encodeURIComponent(lessonId)}`;
}

export function quizActivityId(courseId: string, quizId: string): string {
  return `${courseId}/quizzes/${encodeURIComponent(quizId)}`;
}

/** `position` counts from 1, in the quiz's written order. */
export function questionActivityId(quizId: string, position: number): string {
  return `${quizId}/questions/${position}`;
}

/**
 * A quiz outside any course: its front matter's `activity-id`, else the URL of its file, else the
 * page's URL with `#<quiz id>` (a quiz written inline in the page).
 */
export function standaloneQuizActivityId(quiz: Pick<Quiz, 'id' | 'activityId'>, fileUrl: string | undefined, pageUrl: string): string {
  if (quiz.activityId) return quiz.activityId;
  if (fileUrl) return withoutQueryOrFragment(fileUrl);
  return `${withoutQueryOrFragment(pageUrl)}#${encodeURIComponent(quiz.id)}`;
}

/** The last path segment of an id made by {@link lessonActivityId} or {@link quizActivityId}, if it is one. */
export function childId(parentId: string, kind: 'lessons' | 'quizzes', activityId: string): string | undefined {
  const prefix = `${parentId}/${kind}/`;
  if (!activityId.startsWith(prefix)) return undefined;
  const rest = activityId.slice(prefix.length);
  return rest && !rest.includes('/') ? decodeURIComponent(rest) : undefined;
}

function withoutQueryOrFragment(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}
