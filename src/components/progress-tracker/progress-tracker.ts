import { css, html, nothing } from 'lit';
// styleMap sets properties through the CSSOM, which a strict style-src allows; a style attribute it blocks.
import { styleMap } from 'lit/directives/style-map.js';
import { property } from 'lit/decorators.js';
import { continueHref } from '../../internal/continue-link.js';
import { CourseController } from '../../internal/course-controller.js';
import { courseStateView, shownCourse } from '../../internal/course-states.js';
import { ProgressController } from '../../internal/progress-controller.js';
import { SabaqElement } from '../../internal/sabaq-element.js';
import { theme } from '../../internal/theme.js';
import { bestAttempt } from '../../lib/progress.js';
import type { CourseLoadError } from '../../lib/course/loader.js';

/**
 * A learner's progress in a course at a glance: percent complete, lessons done of total, per-module
 * progress, quiz best scores, time spent and a Continue link to the next lesson.
 *
 * @tagname sabaq-progress-tracker
 * @summary Progress in one course, full or compact.
 *
 *
 * @csspart progress - The overall progress bar.
 * @csspart continue - The Continue link.
 */
export class SabaqProgressTracker extends SabaqElement {
  static override styles = [
    theme,
    css`
      .tracker {
        display: grid;
        gap: 0.6rem;
        padding: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }

      h2,
      h3 {
        margin: 0;
        font-size: 1em;
      }

      .percent {
        font-size: 1.6em;
        font-weight: 700;
        line-height: 1.2;
      }

      ul {
        display: grid;
        gap: 0.4rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .row {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        font-size: 0.9em;
      }

      /* A score or count ("100%", "4/4") stays whole; a long name wraps beside it instead. */
      .row > :last-child {
        flex-shrink: 0;
        white-space: nowrap;
      }

      .muted {
        color: var(--_muted);
        font-size: 0.9em;
      }

      .continue {
        justify-self: start;
      }
    `,
  ];

  /** URL of the course manifest. */
  @property() src = '';

  /** `full` shows modules, quiz scores and time spent; `compact` only the essentials. */
  @property({ reflect: true }) layout: 'full' | 'compact' = 'full';

  /** The page that holds the course player, for the Continue link when the player is elsewhere. */
  @property() href = '';

  private readonly course = new CourseController(this, (error: CourseLoadError) => this.reportError(error.code, error.message));
  private readonly progress = new ProgressController(this, this.localize, () => this.course.course);

  /** @internal */
  override get contentLang(): string | undefined {
    return this.course.course?.lang;
  }

  /** Asks a player on this page to open the lesson; follows the link when none answers. */
  private continueTo(event: MouseEvent, courseId: string, lessonId: string): void {
    const ask = new CustomEvent('sabaq-continue', { detail: { courseId, lessonId }, bubbles: true, composed: true, cancelable: true });
    this.dispatchEvent(ask);
    if (ask.defaultPrevented) event.preventDefault();
  }

  override render() {
    const dir = this.localize.dir;
    const waiting = courseStateView(this.course, this.progress, this.localize);
    if (waiting) return waiting;
    const [course, progress, summary] = shownCourse(this.course, this.progress);
    const next = course.lessons.find((lesson) => lesson.id === summary.nextLessonId);
    const full = this.layout === 'full';
    // Best scores of the quizzes taken so far, named after their lessons: a course may have dozens.
    const taken = course.lessons.flatMap((lesson) =>
      lesson.quizzes.flatMap((quiz, i) => {
        const best = bestAttempt(progress.attempts[quiz.id]);
        const name = lesson.quizzes.length > 1 ? `${lesson.title} (${i + 1})` : lesson.title;
        return best ? [{ name, score: best.score }] : [];
      }),
    );
    const timeSpent = Object.values(progress.lessons).reduce((sum, lesson) => sum + lesson.timeSpentMs, 0);
    // The page's address without its fragment: the Continue link adds its own.
    const base = this.href || location.href.replace(/#.*$/, '');
    return html`
      <section class="tracker" dir=${dir} lang=${this.localize.lang} aria-label=${this.localize.term('progress')}>
        ${this.progress.renderNotice()}
        <h2>${course.title}</h2>
        <span class="percent" aria-hidden="true">${this.localize.percent(summary.percent)}</span>
        <div class="bar" part="progress" role="progressbar" aria-label=${this.localize.term('courseProgress')}
          aria-valuemin="0" aria-valuemax="100" aria-valuenow=${summary.percent}
          aria-valuetext=${this.localize.term('percentComplete', this.localize.percent(summary.percent))}>
          <span style=${styleMap({ width: `${summary.percent}%` })}></span>
        </div>
        <span>${this.localize.term('lessonsDone', summary.completed, summary.total)}</span>
        ${
          full && course.modules.length > 1
            ? html`<ul>
              ${summary.modules.map(
                (module) => html`<li>
                <div class="row"><span>${module.title}</span><span>${this.localize.number(module.completed)}/${this.localize.number(module.total)}</span></div>
                <div class="bar" role="progressbar" aria-label=${module.title} aria-valuemin="0" aria-valuemax=${module.total} aria-valuenow=${module.completed}>
                  <span style=${styleMap({ width: `${module.total ? (module.completed / module.total) * 100 : 0}%` })}></span>
                </div>
              </li>`,
              )}
            </ul>`
            : nothing
        }
        ${
          full && taken.length > 0
            ? html`<h3>${this.localize.term('quizScores')}</h3>
              <ul>
                ${taken.map(({ name, score }) => html`<li class="row"><span>${name}</span><span>${this.localize.percent(score)}</span></li>`)}
              </ul>`
            : nothing
        }
        ${full && timeSpent > 0 ? html`<span class="muted">${this.localize.term('timeSpent', this.formatDuration(timeSpent))}</span>` : nothing}
        ${
          next
            ? html`<a class="button continue" part="continue" href=${continueHref(base, next.id)}
              @click=${(event: MouseEvent) => this.continueTo(event, course.id, next.id)}>${this.localize.term('continueLesson', next.title)}</a>`
            : nothing
        }
      </section>
    `;
  }

  private formatDuration(milliseconds: number): string {
    const minutes = Math.max(1, Math.round(milliseconds / 60000));
    const unit = (value: number, name: 'hour' | 'minute') =>
      this.localize.number(value, { style: 'unit', unit: name, unitDisplay: 'long' });
    if (minutes < 60) return unit(minutes, 'minute');
    return `${unit(Math.floor(minutes / 60), 'hour')} ${unit(minutes % 60, 'minute')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sabaq-progress-tracker': SabaqProgressTracker;
  }
}
