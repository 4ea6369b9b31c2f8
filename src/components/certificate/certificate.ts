import { type PropertyValues, type SVGTemplateResult, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { CourseController } from '../../internal/course-controller.js';
import { courseStateView, shownCourse } from '../../internal/course-states.js';
import { LazyModule } from '../../internal/lazy-module.js';
import { ProgressController } from '../../internal/progress-controller.js';
import { SabaqElement } from '../../internal/sabaq-element.js';
import { theme } from '../../internal/theme.js';
import { certificateCode } from '../../lib/certificate.js';
import { summarizeCourse } from '../../lib/course/completion.js';
import type { CourseLoadError } from '../../lib/course/loader.js';
import type { IssuedCertificate } from '../../lib/progress.js';
import type { CertificateText } from './certificate-svg.js';

type Artwork = typeof import('./certificate-artwork.js');

/**
 * The course certificate. Before completion it says what is still missing; after it, it asks for the
 * learner's name (kept for next time), then shows the certificate with a verification code derived from
 * its contents, with Print and Download.
 *
 * @tagname sabaq-certificate
 * @summary A certificate of completion.
 *
 * @fires sabaq-certificate-issue - The learner asked for the certificate and it was issued.
 *
 * @csspart certificate - The certificate drawing.
 * @csspart button - Print, Download and the name form's button.
 */
export class SabaqCertificate extends SabaqElement {
  static override styles = [
    theme,
    css`
      .certificate-box {
        display: grid;
        gap: 0.75rem;
        padding: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }

      h2 {
        margin: 0;
        font-size: 1.1em;
      }

      ul {
        margin: 0;
        padding-inline-start: 1.25rem;
      }

      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem;
      }

      label {
        display: grid;
        gap: 0.25rem;
        flex: 1 1 14rem;
      }

      input {
        min-height: var(--_target);
        padding: 0.4rem 0.6rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }

      a {
        color: var(--_primary);
      }

      svg {
        display: block;
        width: 100%;
        height: auto;
        border-radius: var(--_radius);
      }

      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }

      @media print {
        .actions,
        h2,
        a {
          display: none;
        }

        .certificate-box {
          border: none;
          padding: 0;
        }
      }
    `,
  ];

  /** URL of the course manifest. */
  @property() src = '';

  /** Where a code can be checked, with `{code}` standing for it: shown as a link on the certificate. */
  @property({ attribute: 'verify-url' }) verifyUrl = '';

  @state() private issuing = false;
  @query('svg') private drawing!: SVGSVGElement | null;

  private readonly course = new CourseController(this, (error: CourseLoadError) => this.reportError(error.code, error.message));
  private readonly progress = new ProgressController(this, this.localize, () => this.course.course);
  private readonly artworkCode = new LazyModule(
    this,
    () => import('./certificate-artwork.js'),
    (error) => this.reportError('network', String(error)),
  );

  /** The drawing, measured in the page (a probe SVG, getBBox) only when its texts, font or colour change. */
  private artwork: { key: string; drawing: SVGTemplateResult } | undefined;

  /** @internal */
  override get contentLang(): string | undefined {
    return this.course.course?.lang;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const course = this.course.course;
    const certificate = this.progress.progress.certificate;
    if (course?.certificate && certificate && this.progress.ready) this.prepareArtwork(course.title, course.issuer, certificate);
  }

  private prepareArtwork(courseTitle: string, issuer: string | undefined, certificate: IssuedCertificate): void {
    const artwork = this.artworkCode.module;
    if (!artwork) return; // Asked for now; the element updates again once it has arrived.
    const styles = getComputedStyle(this);
    const text: CertificateText = {
      heading: this.localize.term('certificateTitle'),
      certifies: this.localize.term('certifies'),
      learnerName: certificate.learnerName,
      hasCompleted: this.localize.term('hasCompleted'),
      courseTitle,
      ...(issuer ? { issuedBy: this.localize.term('issuedBy', issuer) } : {}),
      date: this.localize.term('issuedOn', this.localize.date(certificate.issuedAt)),
      score: this.localize.term('score', this.localize.percent(certificate.score)),
      codeLabel: this.localize.term('verificationCode'),
      code: certificate.code,
      dir: this.localize.dir,
      fontFamily: styles.fontFamily || 'sans-serif',
      primary: artwork.paperInk(styles.getPropertyValue('--sabaq-color-primary')),
    };
    const key = JSON.stringify(text);
    if (this.artwork?.key !== key) this.artwork = { key, drawing: artwork.certificateSvg(text) };
  }

  private async issue(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const course = this.course.course;
    const input = (event.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
    const learnerName = input.value.trim().replace(/\s+/g, ' ');
    if (!course || !learnerName || this.issuing) return;
    this.issuing = true;
    try {
      const { score } = summarizeCourse(course, this.progress.progress);
      const issuedAt = Date.now();
      const certificate = {
        learnerName,
        issuedAt,
        score,
        code: certificateCode({ courseId: course.id, courseTitle: course.title, issuer: course.issuer, learnerName, issuedAt, score }),
      };
      await this.progress.setLearnerName(learnerName);
      await this.progress.saveCertificate(certificate);
      this.emit('sabaq-certificate-issue', { courseId: course.id, ...certificate });
    } finally {
      this.issuing = false;
    }
  }

  private async download(artwork: Artwork, certificate: IssuedCertificate): Promise<void> {
    if (this.drawing) await artwork.downloadDrawing(this.drawing, `certificate-${certificate.courseId}-${certificate.code}`);
  }

  override render() {
    const dir = this.localize.dir;
    const waiting = courseStateView(this.course, this.progress, this.localize);
    if (waiting) return waiting;
    const [course, progress, summary] = shownCourse(this.course, this.progress);
    const certificate = progress.certificate;
    return html`<section class="certificate-box" dir=${dir} lang=${this.localize.lang} aria-labelledby="heading">
      ${this.progress.renderNotice()}
      <h2 id="heading">${this.localize.term('certificate')}</h2>
      ${
        !course.certificate
          ? html`<p>${this.localize.term('certificateDisabled')}</p>`
          : certificate
            ? this.renderCertificate(certificate)
            : summary.certificateEarned
              ? this.renderNameForm()
              : this.renderMissing(summary.total - summary.completed, summary.score, course.pass, summary.complete)
      }
    </section>`;
  }

  private renderMissing(lessonsLeft: number, score: number, pass: number, complete: boolean) {
    return html`<p>${this.localize.term('stillMissing')}</p>
      <ul>
        ${lessonsLeft > 0 ? html`<li>${this.localize.term('missingLessons', lessonsLeft)}</li>` : nothing}
        ${
          complete && score < pass
            ? html`<li>${this.localize.term('missingScore', this.localize.percent(score), this.localize.percent(pass))}</li>`
            : nothing
        }
      </ul>`;
  }

  private renderNameForm() {
    return html`<form @submit=${(event: SubmitEvent) => this.guard(() => this.issue(event))}>
      <label>
        ${this.localize.term('yourName')}
        <input name="name" autocomplete="name" required maxlength="120" .value=${this.progress.learnerName} />
      </label>
      <button class="button" part="button" ?disabled=${this.issuing}>${this.localize.term('issue')}</button>
    </form>`;
  }

  private renderCertificate(certificate: IssuedCertificate) {
    const artwork = this.artworkCode.module;
    if (!this.artwork || !artwork) return nothing; // The drawing's code is still on its way (a file beside sabaq.js).
    const verify = webAddress(this.verifyUrl.replace('{code}', encodeURIComponent(certificate.code)));
    return html`<div part="certificate">${this.artwork?.drawing}</div>
      ${verify ? html`<a href=${verify} rel="noopener">${this.localize.term('verifyAt')}</a>` : nothing}
      <div class="actions">
        <button class="button" part="button" @click=${() => this.guard(() => artwork.printAlone(this))}>${this.localize.term('print')}</button>
        <button class="button secondary" part="button" @click=${() => this.guard(() => this.download(artwork, certificate))}>
          ${this.localize.term('download')}
        </button>
      </div>`;
  }
}

/** `url` resolved against the page when it is an http(s) address; a partner's malformed one shows no link. */
function webAddress(url: string): string | undefined {
  if (!url) return undefined;
  try {
    const resolved = new URL(url, document.baseURI);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sabaq-certificate': SabaqCertificate;
  }
}
