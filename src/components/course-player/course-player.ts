import { type PropertyValues, html, nothing } from 'lit';
// styleMap sets properties through the CSSOM, which a strict style-src allows; a style attribute it blocks.
import { styleMap } from 'lit/directives/style-map.js';
import { property, state } from 'lit/decorators.js';
import { sanitizedHtml } from '../../internal/sanitized-html.js';
import { forgetLinkedLesson, linkedLessonId } from '../../internal/continue-link.js';
import { CourseController } from '../../internal/course-controller.js';
import { courseStateView, shownCourse } from '../../internal/course-states.js';
import { translationFor } from '../../i18n/localize.js';
import { defineElement } from '../../internal/define-element.js';
import { renderedHtml, renderedInline, renderedMarkdown } from '../../internal/markdown-cache.js';
import { OfflineController } from '../../internal/offline.js';
import { type ProgressPlace, ProgressController } from '../../internal/progress-controller.js';
import { SabaqElement } from '../../internal/sabaq-element.js';
import { ScreenfulController } from '../../internal/screenful.js';
import { theme } from '../../internal/theme.js';
import { type LessonState, type LessonStatusInfo, isLessonComplete, lessonLock, summarizeCourse } from '../../lib/course/completion.js';
import { courseLevelErrors } from '../../lib/course/course-problems.js';
import type { CourseSoFar } from '../../lib/course/course.js';
import { type CourseLoadError, lessonFetchFailure } from '../../lib/course/loader.js';
import { type CourseProgress, emptyProgress } from '../../lib/progress.js';
import type { AdmonitionKind, Course, Lesson, LessonBlock, Quiz } from '../../lib/types.js';
import { SabaqQuiz } from '../quiz/quiz.js';
import { playerStyles } from './course-player.styles.js';

/** Lessons listed in the contents before the first paint: more than a tall screen shows. */
const FIRST_SCREENFUL_OF_LESSONS = 20;

/** Time spent in a lesson is saved at least this often, so a closed tab or crash loses little of it. */
const TIME_SAVE_INTERVAL_MS = 30_000;

/** A lesson's blocks made ready to show: Markdown rendered to safe HTML once, quizzes found. */
type ShownBlock =
  | { type: 'html'; html: string }
  | { type: 'quiz'; quiz: Quiz }
  | { type: 'admonition'; kind: AdmonitionKind; titleHtml: string | undefined; label: string; blocks: ShownBlock[] };

/** The open lesson, rendered; or why it could not be (the Markdown library threw on it, say). */
type ShownLesson = { lesson: Lesson; blocks: ShownBlock[] } | { lesson: Lesson; failure: string };

/**
 * A whole course: a start page, the table of contents with each lesson's state, the lesson with its
 * quizzes, Previous / Next / Finish and a progress bar. Reopens at the learner's last lesson. Shows a
 * Markdown course from its manifest, while the lesson files arrive.
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
  /** Start was pressed before the course could say where it leads: it goes there once it can. */
  private startAsked = false;

  private readonly course = new CourseController(this, (error) => this.onLoadError(error));
  // The learner's progress is read as soon as the manifest names the course; the rest waits for the whole course.
  private readonly progress = new ProgressController(this, this.localize, () => {
    const shown = this.course.shown;
    return this.course.course ?? (shown && { id: shown.id });
  });
  private readonly offline = new OfflineController(this, () => this.course.course);
  private readonly screenful = new ScreenfulController(this);
  /** The course and learner the open lesson was last chosen for on arrival: reopened once per pair. */
  private restoredFor: string | undefined;
  /** The lessons that were complete when events were last fired. */
  private reportedComplete: Set<string> | undefined;
  /** The lesson whose time is being counted, since when, and where that learner's progress is kept. */
  private timing: { lessonId: string; since: number; place: ProgressPlace } | undefined;
  private timeSaver: ReturnType<typeof setInterval> | undefined;
  /** The open lesson, rendered once each time it changes (not in `render()`). */
  private shown: ShownLesson | undefined;
  private description: { course: Course; html: string } | undefined;
  /** Broken lessons already reported with `sabaq-error`; a lesson fetched again is a new object. */
  private readonly reportedBrokenLessons = new WeakSet<Lesson>();
  /** The course whose manifest errors were last reported. */
  private reportedCourse: Course | undefined;
  private readonly onContinue = (event: Event) => void this.guard(() => this.handleContinue(event));
  private readonly onHidden = () => {
    if (document.visibilityState === 'hidden') void this.guard(() => this.saveTimeSpent());
    else if (this.timing) this.timing.since = performance.now();
  };

  /** @internal */
  override get contentLang(): string | undefined {
    return this.course.shown?.lang;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    defineElement('sabaq-quiz', SabaqQuiz);
    document.addEventListener('sabaq-continue', this.onContinue);
    document.addEventListener('visibilitychange', this.onHidden);
    window.addEventListener('pagehide', this.onHidden);
    this.timeSaver = setInterval(() => {
      if (document.visibilityState === 'visible') void this.guard(() => this.saveTimeSpent());
    }, TIME_SAVE_INTERVAL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('sabaq-continue', this.onContinue);
    document.removeEventListener('visibilitychange', this.onHidden);
    window.removeEventListener('pagehide', this.onHidden);
    clearInterval(this.timeSaver);
    void this.guard(() => this.saveTimeSpent());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('src') || changed.has('learner') || changed.has('namespace')) {
      // The time so far belongs to the learner and course it was spent in, still in `timing`.
      void this.guard(() => this.saveTimeSpent());
      this.timing = undefined;
      this.openLessonId = undefined;
      this.finished = false;
      this.startAsked = false;
      this.message = '';
    }
    const shown = this.course.shown;
    const course = this.course.course;
    // Reopen once per course and learner, and only with that learner's progress in that course: this
    // runs before the controllers hear of a new src or learner, while they still hold the last ones.
    const arrival = `${shown?.url}\n${this.namespace}\n${this.learner}`;
    if (course && this.progress.ready && arrival !== this.restoredFor) {
      this.reportCourseErrors(course);
      this.restoredFor = arrival;
      this.reportedComplete = this.completeLessons(course, this.progress.progress);
      // Reopen where the learner left off (SPEC §3), or the lesson a Continue link on another page named.
      const linked = linkedLessonId(location.hash);
      const target = [linked, this.progress.progress.lastLessonId].find(
        (id) => id !== undefined && this.lesson(id) && !lessonLock(course, this.lesson(id)!, this.progress.progress),
      );
      // The link asks once: a reload, Back or Forward reopens the learner's last lesson, not the linked one.
      // Once the lesson is on screen: rewriting the page's URL can take milliseconds.
      if (linked !== undefined && this.lesson(linked)) setTimeout(() => void this.guard(forgetLinkedLesson));
      this.openLessonId = target;
      this.startTiming(target);
    } else if (shown && !(course && this.progress.ready) && this.openLessonId === undefined) {
      this.openLessonId = this.lessonOpenEarly(this.course.arriving ?? { course: shown, standIns: new Set() });
    }
    this.prepareContent(shown);
  }

  /**
   * The lesson to show while the learner's progress is read (IndexedDB can be slow to open on a phone) or
   * the course's lessons arrive, when it is sure to be the one reopened: the lesson a Continue link names,
   * else the learner's last, once it is known for sure and nothing unread could lock it (progress only
   * ever unlocks lessons; a lesson not known yet counts as not complete).
   */
  private lessonOpenEarly({ course, standIns }: CourseSoFar): string | undefined {
    const progress = this.progress.ready ? this.progress.progress : emptyProgress(course.id);
    const lesson = this.lesson(linkedLessonId(location.hash) ?? progress.lastLessonId);
    return lesson && !standIns.has(lesson) && !lessonLock(course, lesson, progress) ? lesson.id : undefined;
  }

  /** Renders the Markdown to show (the open lesson, the course description) once per change. */
  private prepareContent(course: Course | undefined): void {
    const lesson = this.finished ? undefined : this.lesson(this.openLessonId);
    if (lesson && this.shown?.lesson !== lesson) this.shown = this.renderLessonBlocks(lesson);
    if (course?.description && this.description?.course !== course) {
      let html = '';
      try {
        html = renderedMarkdown(course.description, course.url);
      } catch (error) {
        console.error('sabaq:', error); // The start page shows the course without its description.
      }
      this.description = { course, html };
    }
  }

  /** A lesson's blocks rendered, or why they could not be: whatever fails in one lesson stays in it. */
  private renderLessonBlocks(lesson: Lesson): ShownLesson {
    const labels = translationFor(this.course.shown!.lang);
    const prepare = (blocks: LessonBlock[]): ShownBlock[] =>
      blocks.flatMap((block): ShownBlock[] => {
        switch (block.type) {
          case 'markdown':
            return [{ type: 'html', html: renderedMarkdown(block.markdown, lesson.url) }];
          case 'html':
            return [{ type: 'html', html: renderedHtml(block.html, lesson.url) }];
          case 'quiz': {
            const quiz = lesson.quizzes.find((candidate) => candidate.id === block.quizId);
            return quiz ? [{ type: 'quiz', quiz }] : [];
          }
          case 'admonition':
            return [
              {
                type: 'admonition',
                kind: block.kind,
                titleHtml: block.title ? renderedInline(block.title, lesson.url) : undefined,
                label: labels[block.kind],
                blocks: prepare(block.blocks),
              },
            ];
        }
      });
    try {
      return { lesson, blocks: prepare(lesson.blocks) };
    } catch (error) {
      console.error('sabaq:', error);
      return { lesson, failure: error instanceof Error ? error.message : String(error) };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.reportBrokenLesson();
    if (this.startAsked && this.course.course && this.progress.ready) void this.guard(() => this.start());
  }

  /** Fires `sabaq-error` once for the open lesson when it cannot be shown, once the whole course is read. */
  private reportBrokenLesson(): void {
    const course = this.course.course;
    const shown = this.finished ? undefined : this.shown;
    const lesson = shown?.lesson;
    if (!course || !lesson || lesson !== this.lesson(this.openLessonId) || this.reportedBrokenLessons.has(lesson)) return;
    const fetchFailure = lessonFetchFailure(course, lesson.url);
    const [problem] = lesson.problems;
    if (fetchFailure) {
      const reason = fetchFailure.status ? `the server answered HTTP ${fetchFailure.status}` : 'the network failed';
      this.reportError('network', `The lesson file ${lesson.url} could not be loaded (${reason}).`, { file: lesson.file });
    } else if (problem) {
      this.reportError('lesson-invalid', problem.message, { file: problem.file, line: problem.line });
    } else if ('failure' in shown) {
      this.reportError('lesson-invalid', `${lesson.file} could not be displayed: ${shown.failure}`, { file: lesson.file });
    } else return;
    this.reportedBrokenLessons.add(lesson);
  }

  private lessonIndex: { course: Course; byId: Map<string, Lesson> } | undefined;

  private lesson(id: string | undefined): Lesson | undefined {
    const course = this.course.shown;
    if (!course || id === undefined) return undefined;
    if (this.lessonIndex?.course !== course) {
      this.lessonIndex = { course, byId: new Map(course.lessons.map((lesson) => [lesson.id, lesson])) };
    }
    return this.lessonIndex.byId.get(id);
  }

  /** Once per course: the author's errors outside any lesson, which the start page lists. */
  private reportCourseErrors(course: Course): void {
    if (course === this.reportedCourse) return;
    this.reportedCourse = course;
    const [first] = courseLevelErrors(course);
    if (first) queueMicrotask(() => this.reportError('course-invalid', first.message, { file: first.file, line: first.line }));
  }

  private onLoadError(error: CourseLoadError): void {
    const [first] = error.problems;
    this.reportError(error.code, error.message, first ? { file: first.file, line: first.line } : {});
  }

  private async handleContinue(event: Event): Promise<void> {
    const { courseId, lessonId } = (event as CustomEvent<{ courseId: string; lessonId: string }>).detail;
    const course = this.course.course;
    if (!course || courseId !== course.id || event.defaultPrevented) return;
    event.preventDefault();
    await this.openLesson(lessonId);
    this.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  /** Opens a lesson at the learner's request, unless it is locked (or its lock is not known yet). */
  private async openLesson(lessonId: string): Promise<void> {
    const course = this.course.course;
    const lesson = this.lesson(lessonId);
    if (!course || !lesson || !this.progress.ready) return;
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
    this.startTiming(lessonId);
    await this.progress.openLesson(lessonId);
    this.emit('sabaq-lesson-start', { courseId: course.id, lessonId });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.lesson-title')?.focus();
  }

  /** Counts time in the lesson from now, for the learner and course whose progress is shown now. */
  private startTiming(lessonId: string | undefined): void {
    const place = this.progress.place;
    this.timing = lessonId && place ? { lessonId, since: performance.now(), place } : undefined;
  }

  /** Saves the time counted so far (whole seconds' worth) and counts on from now. */
  private async saveTimeSpent(): Promise<void> {
    const timing = this.timing;
    if (!timing) return;
    const now = performance.now();
    const spent = now - timing.since;
    if (spent < 1000) return;
    timing.since = now;
    await this.progress.addTimeSpent(timing.place, timing.lessonId, Math.round(spent));
  }

  /** Next or Finish: a lesson without quizzes is complete once left forward (SPEC §2.4). */
  private async leaveForward(lesson: Lesson, next: Lesson | undefined): Promise<void> {
    if (lesson.quizzes.length === 0 && lesson.problems.length === 0) await this.progress.completeLesson(lesson.id);
    this.reportChanges();
    if (next) await this.openLesson(next.id);
    else {
      await this.saveTimeSpent();
      this.timing = undefined;
      this.finished = true;
    }
  }

  /** After a quiz inside the lesson was submitted and kept: the lesson may now be complete. */
  private async onQuizSubmitted(): Promise<void> {
    await this.progress.refresh();
    this.reportChanges();
  }

  /** Start: the first lesson to do, once the whole course and the learner's progress can tell which. */
  private async start(): Promise<void> {
    const course = this.course.course;
    if (!course || !this.progress.ready) {
      this.startAsked = true;
      this.message = this.localize.term('loadingCourse');
      return;
    }
    this.startAsked = false;
    await this.openLesson(summarizeCourse(course, this.progress.progress).nextLessonId ?? course.lessons[0]!.id);
  }

  /**
   * Fires the events for what the learner's last action completed: sabaq-lesson-complete for each lesson
   * newly complete, sabaq-progress, and sabaq-course-complete when the last one was. Compared with what
   * was complete at the last report, since the store may have told every element before the action ends.
   * Only ever of the whole course: an action taken while it arrives is told once it has.
   */
  private reportChanges(): void {
    const course = this.course.course;
    if (!course) return;
    const reported = this.reportedComplete ?? new Set();
    const complete = this.completeLessons(course, this.progress.progress);
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

  private completeLessons(course: Course, progress: CourseProgress): Set<string> {
    return new Set(course.lessons.filter((lesson) => isLessonComplete(lesson, progress)).map((l) => l.id));
  }

  private lockText(lessonIds: string[], reason: 'sequential' | 'requires'): string {
    const title = (id: string) => this.lesson(id)?.title ?? id;
    // A sequential course's lesson waits for every earlier one: it names the first.
    return reason === 'sequential'
      ? this.localize.term('lockedSequential', title(lessonIds[0]!))
      : this.localize.term('lockedRequires', this.localize.list(lessonIds.map((id) => `"${title(id)}"`)));
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

  override render() {
    const dir = this.localize.dir;
    const waiting = courseStateView(this.course, this.progress, this.localize, { early: true });
    if (waiting) return waiting;
    // Until the learner's progress and every lesson are read, the course is shown without them: what
    // depends on them (the progress bar, each lesson's state, the way on) keeps its place on screen but
    // is not shown.
    const [course, , summary, pending, states] = shownCourse(this.course, this.progress);
    const lesson = this.lesson(this.openLessonId);
    const listed = new Set(this.screenful.firstScreenful(course.lessons, FIRST_SCREENFUL_OF_LESSONS));
    return html`
      <div class="player ${pending ? 'pending' : ''}" aria-busy=${pending || this.screenful.partial ? 'true' : 'false'} dir=${dir} lang=${this.localize.lang} @sabaq-quiz-submit=${() => this.guard(() => this.onQuizSubmitted())}>
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
          ${this.offline.render(this.localize)}
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
          ${this.renderContents(course, listed, states, pending)}
          <main part="lesson">
            ${
              this.finished
                ? this.renderFinished(course, summary)
                : lesson
                  ? this.renderLesson(course, lesson, states, pending)
                  : this.mayReopenLesson()
                    ? html`<p class="notice" role="status">${this.localize.term('loadingCourse')}</p>`
                    : this.renderStart(course)
            }
          </main>
        </div>
      </div>
    `;
  }

  /** The contents: every module and lesson, or those of them in `listed` until the rest is drawn. */
  private renderContents(course: Course, listed: Set<Lesson>, states: Map<string, LessonStatusInfo>, pending: boolean) {
    // Until the rest is drawn, the modules below the first screenful wait with their lessons.
    const modules = this.screenful.partial
      ? course.modules.filter((module) => module.lessonIds.some((id) => listed.has(this.lesson(id)!)))
      : course.modules;
    return html`<nav id="contents" part="contents" aria-label=${this.localize.term('contents')} ?hidden=${!this.contentsOpen} class="collapsible">
      <h2>${this.localize.term('contents')}</h2>
      ${modules.map(
        (module) => html`<h3>${module.title}</h3>
          <ol>
            ${module.lessonIds.map((id) => {
              const lesson = this.lesson(id)!;
              if (!listed.has(lesson)) return nothing;
              const { state, lock } = states.get(id)!;
              return html`<li class="state-${state}">
                <button
                  class="toc-item"
                  aria-current=${lesson.id === this.openLessonId && !this.finished ? 'page' : 'false'}
                  aria-disabled=${state === 'locked' || pending ? 'true' : 'false'}
                  title=${lock && !pending ? this.lockText(lock.lessonIds, lock.reason) : ''}
                  @click=${() => this.guard(() => this.openLesson(lesson.id))}
                >
                  <span class="state-icon" aria-hidden="true"></span>
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

  /**
   * Whether a lesson may still be reopened in place of the start page: until the learner's progress is
   * read, and while the lesson a Continue link names or the learner's last is not known for sure.
   */
  private mayReopenLesson(): boolean {
    if (!this.progress.ready) return true;
    return !this.course.course && (linkedLessonId(location.hash) ?? this.progress.progress.lastLessonId) !== undefined;
  }

  private renderStart(course: Course) {
    const started = Object.keys(this.progress.progress.lessons).length > 0;
    // The manifest's errors (`sequential: yes`): the course still works, with the defaults in their place.
    const errors = courseLevelErrors(course);
    return html`<div class="start">
      ${
        errors.length > 0
          ? html`<div class="notice error" role="alert">
            ${this.localize.term('courseHasErrors')}
            <ul class="problems">${errors.map((p) => html`<li>${p.file}:${p.line}: ${p.message}</li>`)}</ul>
          </div>`
          : nothing
      }
      ${
        this.description?.course === course && this.description.html
          ? html`<div class="prose">${sanitizedHtml(this.description.html)}</div>`
          : nothing
      }
      <p class="lesson-meta">
        ${this.localize.term('lessonCount', course.lessons.length)}${
          // The course's minutes add up every lesson's: known once the whole course is.
          this.course.course?.duration ? html` · ${this.localize.term('minutes', Math.round(this.course.course.duration))}` : nothing
        }
      </p>
      <button class="button" part="button" @click=${() => this.guard(() => this.start())}>
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
      ${
        next
          ? html`<button class="button" part="button" @click=${() => this.guard(() => this.openLesson(next.id))}>
            ${this.localize.term('continueLesson', next.title)}
          </button>`
          : nothing
      }
    </div>`;
  }

  private renderLesson(course: Course, lesson: Lesson, states: Map<string, LessonStatusInfo>, pending: boolean) {
    const index = course.lessons.indexOf(lesson);
    const previous = course.lessons[index - 1];
    const next = course.lessons[index + 1];
    const { state } = states.get(lesson.id)!;
    const nextLocked = next !== undefined && state !== 'complete' && lesson.quizzes.length > 0 && states.get(next.id)!.lock !== undefined;
    return html`
      <article lang=${course.lang} dir=${course.lang === this.localize.lang ? this.localize.dir : 'auto'}>
        <h2 class="lesson-title" tabindex="-1">${lesson.title}</h2>
        <p class="lesson-meta">
          ${this.localize.term('lessonOf', index + 1, course.lessons.length)}${
            lesson.duration ? html` · ${this.localize.term('minutes', Math.round(lesson.duration))}` : nothing
          }
        </p>
        ${this.renderLessonBody(course, lesson)}
      </article>
      ${nextLocked && !pending ? html`<p class="notice">${this.localize.term('passQuizzesToContinue')}</p>` : nothing}
      <div class="lesson-nav">
        ${
          previous
            ? html`<button class="button secondary" part="button" @click=${() => this.guard(() => this.openLesson(previous.id))}>
              ${this.localize.term('previous')}
            </button>`
            : html`<span></span>`
        }
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

  /** The lesson's content, or in its place why it cannot be shown (the rest of the course still works). */
  private renderLessonBody(course: Course, lesson: Lesson) {
    const fetchFailure = lessonFetchFailure(course, lesson.url);
    if (fetchFailure) {
      return html`<div class="notice error" role="alert">
        <p>${fetchFailure.status ? this.localize.term('lessonServerError', fetchFailure.status) : this.localize.term('lessonNetwork')}</p>
        <button class="button secondary" part="button" @click=${() => this.guard(() => this.course.retryLessons())}>
          ${this.localize.term('retry')}
        </button>
      </div>`;
    }
    if (lesson.problems.length > 0) {
      return html`<div class="notice error" role="alert">
        ${this.localize.term('lessonBroken')}
        <ul class="problems">${lesson.problems.map((p) => html`<li>${p.file}:${p.line}: ${p.message}</li>`)}</ul>
      </div>`;
    }
    const shown = this.shown?.lesson === lesson ? this.shown : undefined;
    if (!shown || 'failure' in shown) {
      return html`<div class="notice error" role="alert"><p>${this.localize.term('lessonNotDisplayed')}</p></div>`;
    }
    return html`<div class="prose">${this.renderBlocks(course, lesson, shown.blocks)}</div>`;
  }

  private renderBlocks(course: Course, lesson: Lesson, blocks: ShownBlock[]): unknown {
    return blocks.map((block) => {
      switch (block.type) {
        case 'html':
          return sanitizedHtml(block.html);
        case 'quiz':
          // A quiz waits for the whole course: what the learner does in it is told (events, learning
          // records) of the course, which is known only then.
          if (!this.course.course) return html`<p class="notice" role="status">${this.localize.term('loading')}</p>`;
          return html`<sabaq-quiz
            .quiz=${block.quiz}
            .baseUrl=${lesson.url}
            .courseId=${course.id}
            .learner=${this.learner}
            .namespace=${this.namespace}
            .lang=${this.lang}
          ></sabaq-quiz>`;
        case 'admonition':
          return html`<aside class="admonition admonition-${block.kind}" role="note">
            <p class="admonition-title">${block.titleHtml === undefined ? block.label : sanitizedHtml(block.titleHtml)}</p>
            ${this.renderBlocks(course, lesson, block.blocks)}
          </aside>`;
      }
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sabaq-course-player': SabaqCoursePlayer;
  }
}
