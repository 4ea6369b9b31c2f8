/**
 * What every sabaq element shares: the common attributes, language and direction, typed events, and
 * the promise that no exception ever reaches the host page: failures become a `sabaq-error` event.
 */
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { SabaqEvent, type SabaqErrorCode, type SabaqEventDetails, type SabaqEventType } from '../events.js';
import { LocalizeController } from '../i18n/localize.js';

/**
 * Shared by every element, so the Custom Elements Manifest lists them once here and each element inherits them.
 *
 * @fires sabaq-error - Something failed: the course, a lesson or a quiz could not be loaded or read,
 * progress cannot be kept, or learning records could not be delivered. `detail.code` says which.
 *
 * @csspart notice - The notice that progress will not be kept, or was lost (storage unavailable or closed).
 *
 * @cssproperty --sabaq-color-primary - Buttons, progress bars, links and the current lesson.
 * @cssproperty --sabaq-color-on-primary - Text on the primary colour.
 * @cssproperty --sabaq-color-text - Body text.
 * @cssproperty --sabaq-color-muted - Secondary text.
 * @cssproperty --sabaq-color-surface - The element's background.
 * @cssproperty --sabaq-color-surface-alt - Boxes set off from the background.
 * @cssproperty --sabaq-color-border - Borders and dividers.
 * @cssproperty --sabaq-color-success - Right answers and passed results.
 * @cssproperty --sabaq-color-danger - Wrong answers, failed results and errors.
 * @cssproperty --sabaq-color-warning - Warnings.
 * @cssproperty --sabaq-color-focus - The keyboard focus ring.
 * @cssproperty --sabaq-font-family - The text font.
 * @cssproperty --sabaq-font-family-rtl - The font for right-to-left languages (Urdu: a Nastaliq font).
 * @cssproperty --sabaq-radius - Corner radius of boxes and buttons.
 * @cssproperty --sabaq-spacing - The base spacing unit.
 */
export class SabaqElement extends LitElement {
  /** Separates learners who share a browser. */
  @property({ reflect: true }) learner = 'default';

  /** Separates partner sites or deployments on one origin. */
  @property({ reflect: true }) namespace = 'default';

  /** The UI language; defaults to the course's, then the page's. Not reflected: an empty `lang`
   * attribute would mark the content as in no language at all. */
  @property() override lang = '';

  protected readonly localize = new LocalizeController(this);

  /** The course's language, once known: used when the element has no `lang` of its own.
   * @internal */
  get contentLang(): string | undefined {
    return undefined;
  }

  protected emit<T extends SabaqEventType>(type: T, detail: SabaqEventDetails[T]): void {
    // Built apart from dispatchEvent: the manifest analyser would list an event named after the variable `type`.
    const event = new SabaqEvent(type, detail);
    this.dispatchEvent(event);
  }

  protected reportError(code: SabaqErrorCode, message: string, where: { file?: string; line?: number } = {}): void {
    this.emit('sabaq-error', { code, message, ...where });
  }

  /** Runs a learner's action; an exception becomes an `internal` error event instead of escaping. */
  protected async guard(action: () => unknown): Promise<void> {
    try {
      await action();
    } catch (error) {
      console.error('sabaq:', error);
      this.reportError('internal', error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * Each update starts by resolving the language. Strings sabaq keeps in a file of their own (Urdu) are
   * waited for, so that the element never shows English first; if they cannot be fetched, it goes on
   * in English (the learner can read on; nothing is lost) and says why.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const fetching = this.localize.resolve();
    if (!fetching) return super.scheduleUpdate();
    return fetching.then(
      () => this.scheduleUpdate(),
      (error: unknown) => {
        this.reportError('network', `${error instanceof Error ? error.message : String(error)}: shown in English.`);
        return this.scheduleUpdate();
      },
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The content's direction follows the resolved language (SPEC §3); the host's own `dir` is the page's.
    this.toggleAttribute('data-rtl', this.localize.dir === 'rtl');
  }

  /** Lit reports a failed render by throwing from `update`; keep it inside the element. */
  protected override update(changed: PropertyValues<this>): void {
    try {
      super.update(changed);
    } catch (error) {
      console.error('sabaq:', error);
      this.reportError('internal', error instanceof Error ? error.message : String(error));
    }
  }
}
