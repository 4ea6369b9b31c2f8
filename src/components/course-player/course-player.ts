import { type PropertyValues, type SVGTemplateResult, html, nothing, svg } from 'lit';
// styleMap sets properties through the CSSOM, which a strict style-src allows; a style attribute it blocks.
import { styleMap } from 'lit/directives/style-map.js';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { linkedLessonId } from '../../internal/continue-link.js';
import { CourseController } from '../../internal/course-controller.js';
import { courseStateView } from '../../internal/course-states.js';
import { translationFor } from '../../i18n/localize.js';
import { defineElement } from '../../internal/define-element.js';
import { ProgressController } from '../../internal/progress-controller.js';
import { SabaqElement } from '../../internal/sabaq-element.js';
import { theme } from '../../internal/theme.js';
import {
  type LessonState,
  type LessonStatusInfo,
  isLessonComplete,
  lessonLock,
  lessonStates,
  summarizeCourse,
} from '../../lib/course/completion.js';
import type { CourseLoadError } from '../../lib/course/loader.js';
import { renderLesson, renderMarkdown } from '../../lib/render/render.js';
import type { Course, Lesson } from '../../lib/types.js';
import { SabaqQuiz } from '../quiz/quiz.js';
import { playerStyles } from './course-player.styles.js';

/** Drawn rather than typed: a phone without an emoji font shows 🔒 as an empty box. */
const STATE_ICON: Record<LessonState, SVGTemplateResult> = {
  locked: svg`<rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor"/><path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
  'not-started': svg`<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
  'in-progress': svg`<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 2.5a5.5 5.5 0 0 1 0 11z" fill="currentColor"/>`,
  complete: svg`<path d="M3 8.5l3.2 3.2L13 4.8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`,
};

/**
 * A whole course: a start page, the table of contents with each lesson's state, the lesson with its
 * quizzes, Previous / Next / Finish and a progress bar. Reopens at the learner's last lesson.
 *
 * @tagname sabaq-course-player
 * @summary The course player.
 *
 * @fires sabaq-lesson-start - The learner opened a lesson.
 * @fires sabaq-lesson-complete - A lesson became complete.
 * @fires sabaq-quiz-submit - Bubbles up from the quizzes inside lessons.
 * @fires sabaq-course-complete - Every lesson is complete.
 * @fires sabaq-progress - Progress changed through the learner's action.
 *
 * @csspart header - Title and progress bar.
 * @csspart progress - The course progress bar.
 * @csspart contents - The table of contents.
 * @csspart lesson - The lesson being read.
 * @csspart button - Every button.
 */
export class SabaqCoursePlayer extends SabaqElement {
  static override styles = [theme, playerStyles];

  /** URL of the course manifest (`course.md`) or of a course built by `sabaq build`. */
  @property() src = '';

  @state() private openLessonId: string | undefined;
  @state() private contentsOpen = false;
  @state() private message = '';
  @state() private finished = false;

  private readonly course = new CourseController(this, (error) => this.onLoadError(error));
  private readonly progress = new ProgressController(this, this.localize, () => this.course.course);
  /** The course and learner the open lesson was last chosen for on arrival: reopened once per pair. */
  private restoredFor: string | undefined;
  /** The lessons that were complete when events were last fired. */
  private reportedComplete: Set<string> | undefined;
  private lessonOpenedAt = 0;
  private reportedBrokenLessons = new Set<string>();
  private readonly onContinue = (event: Event) => this.guard(() => this.handleContinue(event));
  private readonly onHidden = () => {
    if (document.visibilityState === 'hidden') void this.guard(() => this.saveTimeSpent());
    else this.lessonOpenedAt = performance.now();
  };

  /** @internal */
  override get contentLang(): string | undefined {
    return this.course.course?.lang;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    defineElement('sabaq-quiz', SabaqQuiz);
    document.addEventListener('sabaq-continue', this.onContinue);
    document.addEventListener('visibilitychange', this.onHidden);
    window.addEventListener('pagehide', this.onHidden);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('sabaq-continue', this.onContinue);
    document.removeEventListener('visibilitychange', this.onHidden);
    window.removeEventListener('pagehide', this.onHidden);
    void this.guard(() => this.saveTimeSpent());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('src') || changed.has('learner') || changed.has('namespace')) {
      this.openLessonId = undefined;
      this.finished = false;
    }
    const course = this.course.course;
    // Reopen once per course and learner, and only with that learner's progress in that course: this
    // runs before the controllers hear of a new src or learner, while they still hold the last ones.
    const arrival = `${course?.url}\n${this.namespace}\n${this.learner}`;
    if (course && this.progress.ready && arrival !== this.restoredFor) {
      this.restoredFor = arrival;
      this.reportedComplete = this.completeLessons(course);
      // Reopen where the learner left off (SPEC §3), or the lesson a Continue link on another page named.
      const linked = linkedLessonId(location.hash);
      const target = [linked, this.progress.progress.lastLessonId].find(
        (id) => id !== undefined && this.lesson(id) && !lessonLock(course, this.lesson(id)!, this.progress.progress),
      );
      this.openLessonId = target;
      this.lessonOpenedAt = performance.now();
    }
  }

  private lessonIndex: { course: Course; byId: Map<string, Lesson> } | undefined;

  private lesson(id: string | undefined): Lesson | undefined {
    const course = this.course.course;
    if (!course || id === undefined) return undefined;
    if (this.lessonIndex?.course !== course) {
      this.lessonIndex = { course, byId: new Map(course.lessons.map((lesson) => [lesson.id, lesson])) };
    }
    return this.lessonIndex.byId.get(id);
  }

  private onLoadError(error: CourseLoadError): void {
    this.reportError(error.code, error.message);
  }

  private async handleContinue(event: Event): Promise<void> {
    const { courseId, lessonId } = (event as CustomEvent<{ courseId: string; lessonId: string }>).detail;
    const course = this.course.course;
    if (!course || courseId !== course.id || event.defaultPrevented) return;
    event.preventDefault();
    await this.openLesson(lessonId);
    this.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  /** Opens a lesson at the learner's request, unless it is locked. */
  private async openLesson(lessonId: string): Promise<void> {
    const course = this.course.course!;
    const lesson = this.lesson(lessonId);
    if (!lesson) return;
    const lock = lessonLock(course, lesson, this.progress.progress);
    if (lock) {
      this.message = this.lockText(lock.lessonIds, lock.reason);
      return;
    }
    await this.saveTimeSpent();
    this.message = '';
    this.finished = false;
    this.contentsOpen = false;
    this.openLessonId = lessonId;
    this.lessonOpenedAt = performance.now();
    await this.progress.openLesson(lessonId);
    this.emit('sabaq-lesson-start', { courseId: course.id, lessonId });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.lesson-title')?.focus();
  }

  private async saveTimeSpent(): Promise<void> {
    const lessonId = this.openLessonId;
    if (!lessonId || !this.lessonOpenedAt || !this.progress.ready) return;
    const spent = performance.now() - this.lessonOpenedAt;
    this.lessonOpenedAt = performance.now();
    if (spent >= 1000) await this.progress.addTimeSpent(lessonId, Math.round(spent));
  }

  /** Next or Finish: a lesson without quizzes is complete once left forward (SPEC §2.4). */
  private async leaveForward(lesson: Lesson, next: Lesson | undefined): Promise<void> {
    if (lesson.quizzes.length === 0 && lesson.problems.length === 0) await this.progress.completeLesson(lesson.id);
    this.reportChanges();
    if (next) await this.openLesson(next.id);
    else {
      await this.saveTimeSpent();
      this.finished = true;
    }
  }

  /** After a quiz inside the lesson was submitted and kept: the lesson may now be complete. */
  private async onQuizSubmitted(): Promise<void> {
    await this.progress.refresh();
    this.reportChanges();
  }

  /**
   * Fires the events for what the learner's last action completed: sabaq-lesson-complete for each lesson
   * newly complete, sabaq-progress, and sabaq-course-complete when the last one was. Compared with what
   * was complete at the last report, since the store may have told every element before the action ends.
   */
  private reportChanges(): void {
    const course = this.course.course!;
    const reported = this.reportedComplete ?? new Set();
    const complete = this.completeLessons(course);
    for (const lesson of course.lessons) {
      if (complete.has(lesson.id) && !reported.has(lesson.id)) {
        this.emit('sabaq-lesson-complete', { courseId: course.id, lessonId: lesson.id });
      }
    }
    this.reportedComplete = complete;
    if (complete.size === reported.size) return;
    const summary = summarizeCourse(course, this.progress.progress);
    const { completed, total, percent } = summary;
    this.emit('sabaq-progress', { courseId: course.id, completed, total, percent });
    if (summary.complete) this.emit('sabaq-course-complete', { courseId: course.id, score: summary.score });
  }

  private completeLessons(course: Course): Set<string> {
    return new Set(course.lessons.filter((lesson) => isLessonComplete(lesson, this.progress.progress)).map((l) => l.id));
  }

  private lockText(lessonIds: string[], reason: 'sequential' | 'requires'): string {
    const titles = lessonIds.map((id) => this.lesson(id)?.title ?? id);
    return reason === 'sequential'
      ? this.localize.term('lockedSequential', titles[0]!)
      : this.localize.term('lockedRequires', this.localize.list(titles.map((title) => `"${title}"`)));
  }

  private stateText(state: LessonState): string {
    const keys = {
      locked: 'stateLocked',
      'not-started': 'stateNotStarted',
      'in-progress': 'stateInProgress',
      complete: 'stateComplete',
    } as const;
    return this.localize.term(keys[state]);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.fillQuizSlots();
  }

  /** Puts a live quiz element in each quiz slot of the rendered lesson. */
  private fillQuizSlots(): void {
    const lesson = this.lesson(this.openLessonId);
    const course = this.course.course;
    if (!lesson || !course) return;
    for (const slot of this.renderRoot.querySelectorAll<HTMLElement>('.sabaq-quiz-slot')) {
      const quiz = lesson.quizzes.find((candidate) => candidate.id === slot.dataset.quizId);
      let element = slot.querySelector('sabaq-quiz');
      if (!quiz) continue;
      if (!element) {
        element = document.createElement('sabaq-quiz');
        slot.append(element);
      }
      Object.assign(element, { quiz, baseUrl: lesson.url, courseId: course.id, learner: this.learner, namespace: this.namespace });
      if (this.lang) element.setAttribute('lang', this.lang);
      else element.removeAttribute('lang');
    }
  }

  override render() {
    const dir = this.localize.dir;
    const waiting = courseStateView(this.course, this.progress, this.localize);
    if (waiting) return waiting;
    const course = this.course.course!;
    const summary = summarizeCourse(course, this.progress.progress);
    const states = lessonStates(course, this.progress.progress);
    const lesson = this.lesson(this.openLessonId);
    return html`
      <div class="player" dir=${dir} lang=${this.localize.lang} @sabaq-quiz-submit=${() => this.guard(() => this.onQuizSubmitted())}>
        ${this.progress.renderNotice()}
        <header part="header">
          <h2 class="course-title">${course.title}</h2>
          <div
            class="bar"
            part="progress"
            role="progressbar"
            aria-label=${this.localize.term('courseProgress')}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${summary.percent}
            aria-valuetext=${this.localize.term('lessonsDone', summary.completed, summary.total)}
          >
            <span style=${styleMap({ width: `${summary.percent}%` })}></span>
          </div>
          <span class="progress-label">${this.localize.term('lessonsDone', summary.completed, summary.total)}</span>
        </header>
        ${this.message ? html`<p class="notice" role="status">${this.message}</p>` : nothing}
        <div class="layout">
          <button
            class="button secondary contents-toggle"
            part="button"
            aria-expanded=${this.contentsOpen ? 'true' : 'false'}
            aria-controls="contents"
            @click=${() => (this.contentsOpen = !this.contentsOpen)}
          >
            ${this.localize.term(this.contentsOpen ? 'closeContents' : 'openContents')}
          </button>
          ${this.renderContents(course, states)}
          <main part="lesson">
            ${this.finished
              ? this.renderFinished(course, summary)
              : lesson
                ? this.renderLesson(course, lesson, states)
                : this.renderStart(course, summary.nextLessonId)}
          </main>
        </div>
      </div>
    `;
  }

  private renderContents(course: Course, states: Map<string, LessonStatusInfo>) {
    return html`<nav id="contents" part="contents" aria-label=${this.localize.term('contents')} ?hidden=${!this.contentsOpen} hidden-on-narrow>
      <h2>${this.localize.term('contents')}</h2>
      ${course.modules.map(
        (module) => html`<h3>${module.title}</h3>
          <ol>
            ${module.lessonIds.map((id) => {
              const lesson = this.lesson(id)!;
              const { state, lock } = states.get(id)!;
              return html`<li class="state-${state}">
                <button
                  class="toc-item"
                  aria-current=${lesson.id === this.openLessonId && !this.finished ? 'page' : 'false'}
                  aria-disabled=${state === 'locked' ? 'true' : 'false'}
                  title=${lock ? this.lockText(lock.lessonIds, lock.reason) : ''}
                  @click=${() => this.guard(() => this.openLesson(lesson.id))}
                >
                  <svg class="state-icon" viewBox="0 0 16 16" aria-hidden="true">${STATE_ICON[state]}</svg>
                  <span class="toc-text">
                    <span>${lesson.title}</span>
                    <span class="toc-state">${this.stateText(state)}</span>
                  </span>
                </button>
              </li>`;
            })}
          </ol>`,
      )}
    </nav>`;
  }

  private renderStart(course: Course, nextLessonId: string | undefined) {
    const started = Object.keys(this.progress.progress.lessons).length > 0;
    const first = nextLessonId ?? course.lessons[0]!.id;
    return html`<div class="start">
      ${course.description ? html`<div class="prose">${unsafeHTML(renderMarkdown(course.description, { baseUrl: course.url }))}</div>` : nothing}
      <p class="lesson-meta">
        ${this.localize.term('lessonCount', course.lessons.length)}${course.duration
          ? html` · ${this.localize.term('minutes', Math.round(course.duration))}`
          : nothing}
      </p>
      <button class="button" part="button" @click=${() => this.guard(() => this.openLesson(first))}>
        ${this.localize.term(started ? 'continueCourse' : 'start')}
      </button>
    </div>`;
  }

  private renderFinished(course: Course, summary: ReturnType<typeof summarizeCourse>) {
    // Finish with lessons still to do (a failed final quiz, say) leads back to the first of them.
    const next = summary.complete ? undefined : this.lesson(summary.nextLessonId);
    return html`<div class="start" role="status">
      <h2 class="lesson-title" tabindex="-1">${summary.complete ? this.localize.term('courseComplete') : course.title}</h2>
      <p>${this.localize.term('lessonsDone', summary.completed, summary.total)}</p>
      ${next
        ? html`<button class="button" part="button" @click=${() => this.guard(() => this.openLesson(next.id))}>
            ${this.localize.term('continueLesson', next.title)}
          </button>`
        : nothing}
    </div>`;
  }

  private renderLesson(course: Course, lesson: Lesson, states: Map<string, LessonStatusInfo>) {
    const index = course.lessons.indexOf(lesson);
    const previous = course.lessons[index - 1];
    const next = course.lessons[index + 1];
    const { state } = states.get(lesson.id)!;
    const nextLocked = next !== undefined && state !== 'complete' && lesson.quizzes.length > 0 && states.get(next.id)!.lock !== undefined;
    if (lesson.problems.length > 0 && !this.reportedBrokenLessons.has(lesson.id)) {
      this.reportedBrokenLessons.add(lesson.id);
      const [first] = lesson.problems;
      queueMicrotask(() => this.reportError('lesson-invalid', first!.message, { file: first!.file, line: first!.line }));
    }
    return html`
      <article lang=${course.lang} dir=${course.lang === this.localize.lang ? this.localize.dir : 'auto'}>
        <h2 class="lesson-title" tabindex="-1">${lesson.title}</h2>
        <p class="lesson-meta">
          ${this.localize.term('lessonOf', index + 1, course.lessons.length)}${lesson.duration
            ? html` · ${this.localize.term('minutes', Math.round(lesson.duration))}`
            : nothing}
        </p>
        ${lesson.problems.length > 0
          ? html`<div class="notice error" role="alert">
              ${this.localize.term('lessonBroken')}
              <ul class="problems">${lesson.problems.map((p) => html`<li>${p.file}:${p.line}: ${p.message}</li>`)}</ul>
            </div>`
          : html`<div class="prose">${unsafeHTML(this.lessonHtml(lesson))}</div>`}
      </article>
      ${nextLocked ? html`<p class="notice">${this.localize.term('passQuizzesToContinue')}</p>` : nothing}
      <div class="lesson-nav">
        ${previous
          ? html`<button class="button secondary" part="button" @click=${() => this.guard(() => this.openLesson(previous.id))}>
              ${this.localize.term('previous')}
            </button>`
          : html`<span></span>`}
        <button
          class="button"
          part="button"
          ?disabled=${nextLocked || (lesson.problems.length > 0 && next === undefined)}
          @click=${() => this.guard(() => this.leaveForward(lesson, next))}
        >
          ${this.localize.term(next ? 'next' : 'finish')}
        </button>
      </div>
    `;
  }

  private renderedLesson: { lesson: Lesson; html: string } | undefined;

  /** Rendering a lesson costs a few milliseconds: do it once per lesson shown. */
  private lessonHtml(lesson: Lesson): string {
    if (this.renderedLesson?.lesson !== lesson) {
      const { note, tip, warning, danger } = translationFor(this.course.course!.lang);
      this.renderedLesson = { lesson, html: renderLesson(lesson, { note, tip, warning, danger }) };
    }
    return this.renderedLesson.html;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sabaq-course-player': SabaqCoursePlayer;
  }
}
