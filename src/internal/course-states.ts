/**
 * What a course element shows before it can show the course: no `src`, loading, a failed load (with
 * Retry) or a course too broken to show. One rendering for the player, the tracker and the certificate.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import { type CourseSummary, type LessonStatusInfo, lessonStates, summarizeCourse } from '../lib/course/completion.js';
import { type CourseProgress, emptyProgress } from '../lib/progress.js';
import type { Course } from '../lib/types.js';
import type { CourseController } from './course-controller.js';
import type { ProgressController } from './progress-controller.js';

/** A course that cannot be shown at all: no id to keep progress under, or no lessons. */
export function isUnusable(course: Course): boolean {
  return !course.id || course.lessons.length === 0;
}

/**
 * The state to show instead of the course, or `undefined` once the whole course and the learner's
 * progress are ready; once the manifest is, for an element that can show the course `early` (before
 * its lessons and the learner's progress are all read).
 */
export function courseStateView(
  course: CourseController,
  progress: ProgressController,
  localize: LocalizeController,
  { early = false } = {},
): TemplateResult | undefined {
  const dir = localize.dir;
  const { state } = course;
  if (state.status === 'empty') return html`<div class="notice" dir=${dir} lang=${localize.lang}>${localize.term('noSource')}</div>`;
  if (state.status === 'error') {
    const key =
      state.error.code === 'course-not-found' ? 'courseNotFound' : state.error.code === 'network' ? 'courseNetwork' : 'courseInvalid';
    return html`<div class="notice error" role="alert" dir=${dir} lang=${localize.lang}>
      <p>${localize.term(key)}</p>
      <button class="button secondary" part="button" @click=${() => course.reload()}>${localize.term('retry')}</button>
    </div>`;
  }
  if (state.status === 'ready' && isUnusable(state.course)) {
    const errors = state.course.problems.filter((problem) => problem.severity === 'error');
    return html`<div class="notice error" role="alert" dir=${dir} lang=${localize.lang}>
      <p>${localize.term('courseInvalid')}</p>
      ${errors.length ? html`<ul class="problems">${errors.map((p) => html`<li>${p.file}:${p.line}: ${p.message}</li>`)}</ul>` : nothing}
    </div>`;
  }
  if (state.status === 'loading' || (!early && (state.status === 'arriving' || !progress.ready))) {
    return html`<div class="notice" role="status" dir=${dir} lang=${localize.lang}>${localize.term('loadingCourse')}</div>`;
  }
  return undefined;
}

/**
 * The course an element shows once `courseStateView` has nothing to show instead of it: the course (as
 * far as it has arrived), the learner's progress in it (empty until read), its summary, whether what
 * depends on either is `pending`, for an element that shows the course early, and each lesson's state.
 */
export function shownCourse(
  course: CourseController,
  progress: ProgressController,
): [course: Course, progress: CourseProgress, summary: CourseSummary, pending: boolean, states: Map<string, LessonStatusInfo>] {
  const shown = course.shown!;
  const learnerProgress = progress.ready ? progress.progress : emptyProgress(shown.id);
  const states = lessonStates(shown, learnerProgress);
  return [shown, learnerProgress, summarizeCourse(shown, learnerProgress, states), !progress.ready || !course.course, states];
}
