/**
 * Loads the course named by the host's `src` (once per page for all elements, through the loader's
 * cache) and keeps its state for rendering: loading, arriving (a Markdown course's manifest read, its
 * lessons on the way), ready or failed.
 */
import type { ReactiveController } from 'lit';
import type { CourseSoFar } from '../lib/course/course.js';
import { CourseLoadError, loadCourse, retryFailedLessons } from '../lib/course/loader.js';
import type { Course } from '../lib/types.js';
import { isUnusable } from './course-states.js';
import type { SabaqElement } from './sabaq-element.js';

export type CourseState =
  | { status: 'empty' }
  | { status: 'loading' }
  | { status: 'arriving'; soFar: CourseSoFar }
  | { status: 'ready'; course: Course }
  | { status: 'error'; error: CourseLoadError };

interface CourseHost extends SabaqElement {
  src: string;
}

export class CourseController implements ReactiveController {
  state: CourseState = { status: 'empty' };
  private loadedSrc: string | undefined;

  constructor(
    private readonly host: CourseHost,
    private readonly onError: (error: CourseLoadError) => void,
  ) {
    host.addController(this);
  }

  /** The whole course, once every lesson file has arrived (or failed). */
  get course(): Course | undefined {
    return this.state.status === 'ready' ? this.state.course : undefined;
  }

  /** The course as far as it has arrived, while its lessons arrive. */
  get arriving(): CourseSoFar | undefined {
    return this.state.status === 'arriving' ? this.state.soFar : undefined;
  }

  /** The course to show: whole, or as far as it has arrived. */
  get shown(): Course | undefined {
    return this.course ?? this.arriving?.course;
  }

  hostUpdate(): void {
    const src = this.host.src?.trim() ?? '';
    if (src === this.loadedSrc) return;
    this.loadedSrc = src;
    if (!src) {
      this.state = { status: 'empty' };
      return;
    }
    void this.load(src);
  }

  /** Loads again, for a Retry button after a failure (failed loads are not cached). */
  reload(): void {
    if (this.loadedSrc) void this.load(this.loadedSrc);
    this.host.requestUpdate();
  }

  /**
   * Fetches again the lessons that failed for the network's or server's sake, showing the course as it
   * is meanwhile; resolves once the course shown holds what could be fetched.
   */
  async retryLessons(): Promise<void> {
    const course = this.course;
    if (!course) return;
    const retried = await retryFailedLessons(course);
    if (this.course !== course) return;
    this.state = { status: 'ready', course: retried };
    this.host.requestUpdate();
  }

  private async load(src: string): Promise<void> {
    this.state = { status: 'loading' };
    try {
      const course = await loadCourse(src, { onArrival: (soFar) => this.arrived(src, soFar) });
      if (src !== this.loadedSrc) return;
      this.state = { status: 'ready', course };
      if (isUnusable(course)) this.onError(unusableError(course));
    } catch (error) {
      if (src !== this.loadedSrc) return;
      const failure = error instanceof CourseLoadError ? error : new CourseLoadError('network', String(error), src);
      this.state = { status: 'error', error: failure };
      this.onError(failure);
    }
    this.host.requestUpdate();
  }

  /** More of the course has arrived. A course too broken to show is told once whole, as an error. */
  private arrived(src: string, soFar: CourseSoFar): void {
    if (src !== this.loadedSrc || this.state.status === 'ready' || isUnusable(soFar.course)) return;
    this.state = { status: 'arriving', soFar };
    this.host.requestUpdate();
  }
}

/** A course loaded but too broken to show at all, told as its first error. */
function unusableError(course: Course): CourseLoadError {
  const errors = course.problems.filter((problem) => problem.severity === 'error');
  const [first] = errors;
  const message = first ? `${first.file}:${first.line}: ${first.message}` : `${course.url} has no lessons.`;
  return new CourseLoadError('course-invalid', message, course.url, errors);
}
