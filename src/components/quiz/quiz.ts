import { type PropertyValues, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { sanitizedHtml } from '../../internal/sanitized-html.js';
import { renderedInline, renderedMarkdown } from '../../internal/markdown-cache.js';
import { ProgressController } from '../../internal/progress-controller.js';
import { ScreenfulController } from '../../internal/screenful.js';
import { SabaqElement } from '../../internal/sabaq-element.js';
import { theme } from '../../internal/theme.js';
import { fetchText, isNotFound } from '../../lib/course/loader.js';
import { ProblemList } from '../../lib/problems.js';
import { type OpenQuizAttempt, type QuizAttempt, bestAttempt } from '../../lib/progress.js';
import { type Arrangement, arrangeQuiz, arrangementWithoutSeed, askedQuestions } from '../../lib/quiz/arrange.js';
import { loadMarkdownPipeline } from '../../lib/markdown-loader.js';
import { MAX_TEXT_LENGTH, QuizAttemptsUsedError } from '../../lib/store/index.js';
import { type AnswerValue, type Answers, type QuizResult, scoreQuiz } from '../../lib/quiz/score.js';
import { baseName, contentHash, dedent } from '../../lib/text.js';
import type { Problem } from '../../lib/problems.js';
import type { Question, Quiz } from '../../lib/types.js';
import { renderQuestion } from './questions/question.js';
import type { QuestionView } from './questions/view.js';
import { quizStyles } from './quiz.styles.js';

/** Questions drawn before the first paint: more than a phone's screen holds. */
const FIRST_SCREENFUL_OF_QUESTIONS = 3;

/**
 * One quiz: questions with native controls, hints on request, Submit, feedback per question, the score
 * and pass/fail announced to screen readers, Try again while attempts remain, and the best score.
 *
 * @tagname sabaq-quiz
 * @summary A quiz written in Markdown, inside a lesson or alone on any page.
 *
 * @fires sabaq-quiz-submit - The learner submitted an attempt; `detail` has the score and answers.
 *
 * @csspart question - Each question's box.
 * @csspart result - The score and pass/fail after submitting.
 * @csspart button - Submit and Try again.
 */
export class SabaqQuiz extends SabaqElement {
  static override styles = [theme, quizStyles];

  /** A quiz alone on a page keeps its attempts under the course id `quiz:<quiz id>`, and is an xAPI activity of its own. */
  private readonly progress: ProgressController = new ProgressController(this, this.localize, () => {
    const quiz = this.currentQuiz;
    if (!quiz) return undefined;
    const id = this.courseId || `quiz:${quiz.id}`;
    if (this.quiz) return { id };
    const fileUrl = this.src ? this.contentBase : undefined;
    return { id, standaloneQuiz: { quiz, fileUrl, pageUrl: location.href, lang: this.localize.lang } };
  });
  private readonly screenful = new ScreenfulController(this);

  /** URL of a quiz Markdown file. Alternatively, put the Markdown in a child
   * `<script type="text/markdown">`. */
  @property() src = '';

  /** A parsed quiz, set by the course player for quizzes inside lessons. */
  @property({ attribute: false }) quiz: Quiz | undefined;

  /** The URL relative links and images in the quiz resolve against: the lesson's, inside a course. */
  @property({ attribute: false }) baseUrl: string | undefined;

  /** The course the quiz belongs to, when inside one. */
  @property({ attribute: 'course-id' }) courseId = '';

  /** The quiz file's `locale`, used when the element has no `lang`.
   * @internal */
  override get contentLang(): string | undefined {
    return this.currentQuiz?.settings.locale;
  }

  @state() private loaded: { quiz: Quiz } | { problems: Problem[]; message: string } | undefined;
  @state() private answers: Answers = {};
  @state() private revealedHints = new Set<string>();
  @state() private viewing: 'answering' | 'result' = 'answering';
  @state() private warning = '';
  @state() private secondsLeft: number | undefined;
  @state() private saving = false;
  /** The attempt being answered, as the store started it: its seed and, when timed, its deadline. */
  @state() private open: OpenQuizAttempt | undefined;

  private timer: ReturnType<typeof setInterval> | undefined;
  /** The attempt number whose answers (or result) are on screen; 0 until one is prepared. */
  private preparedAttempt = 0;
  /** Whose quiz is on screen: namespace, learner, course and quiz. Answers never outlive it. */
  private shownFor = '';
  /** The `src` whose quiz is loading or loaded (`''`: the inline Markdown); undefined before the first load. */
  private loadingSrc: string | undefined;
  /** Arrangements already drawn: a render asks for one per question. */
  private readonly arrangements = new Map<string, Arrangement>();

  private get currentQuiz(): Quiz | undefined {
    return this.loaded && 'quiz' in this.loaded ? this.loaded.quiz : undefined;
  }

  private get owner(): string {
    const quiz = this.currentQuiz;
    return [this.namespace, this.learner, this.courseId, quiz?.id, quiz?.hash].join('\n');
  }

  private get attempts(): QuizAttempt[] {
    const quiz = this.currentQuiz;
    return quiz ? (this.progress.progress.attempts[quiz.id] ?? []) : [];
  }

  /** The number of the attempt being answered now. */
  private get attemptNumber(): number {
    return this.attempts.length + 1;
  }

  private get attemptsLeft(): number {
    const allowed = this.currentQuiz?.settings.attempts ?? 0;
    return allowed === 0 ? Infinity : Math.max(0, allowed - this.attempts.length);
  }

  /** The arrangement of the attempt being answered now. */
  private get arrangement(): Arrangement | undefined {
    return this.open && this.arrangementFor(this.open.attempt, this.open.seed);
  }

  private get contentBase(): string {
    return this.baseUrl ?? (this.src ? new URL(this.src, document.baseURI).href : document.baseURI);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('quiz') && this.quiz) this.loaded = { quiz: this.quiz };
    if (!this.quiz && this.loadingSrc !== this.src) {
      this.loadingSrc = this.src;
      void this.guard(() => this.loadStandalone(this.src));
    }
    // Alone on a page, the quiz is a box of its own: inside a lesson it is part of the lesson's.
    this.toggleAttribute('data-standalone', !this.quiz);
    // Another learner (a shared computer), namespace or quiz: nothing of the last one's stays on screen.
    if (this.owner !== this.shownFor) {
      this.shownFor = this.owner;
      this.clearAttempt();
    }
    const quiz = this.currentQuiz;
    // While an attempt is being saved, submit() shows its result itself once the write is done: the
    // store's change notice may arrive first and must not show a result (with Try again) any earlier.
    if (quiz && this.progress.ready && !this.saving && this.preparedAttempt !== this.attemptNumber) this.prepareAttempt(quiz);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.startTimer(); // Moved in the page: the countdown goes on.
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
  }

  /** Loads the quiz at `src` (or inline); a later `src` wins over a load still under way. */
  private async loadStandalone(src: string): Promise<void> {
    const inline = src ? undefined : dedent(this.querySelector('script[type="text/markdown"]')?.textContent ?? '');
    const source = inline ? inline.text : await this.fetchSource(src);
    if (source === undefined || src !== this.src) return;
    if (!source.trim()) {
      this.loaded = { problems: [], message: this.localize.term('noQuiz') };
      return;
    }
    const problems = new ProblemList();
    const file = this.src ? baseName(this.src) : 'quiz';
    // `line` counts from the script tag's own line, so error lines match the page (see dedent).
    const line = inline?.line ?? 1;
    const pipeline = await loadMarkdownPipeline().catch((error: unknown) => {
      this.loaded = { problems: [], message: this.localize.term('quizNetwork') };
      this.reportError('network', `the quiz reader could not be loaded (${String(error)})`);
    });
    if (!pipeline || src !== this.src) return;
    const quiz = pipeline.parseQuiz(source, { file: this.src || 'quiz', line, defaultId: file || 'quiz', inLesson: false }, problems);
    const errors = problems.items.filter((problem) => problem.severity === 'error');
    if (errors.length > 0) {
      this.loaded = { problems: errors, message: this.localize.term('quizBroken') };
      const [first] = errors;
      this.reportError('quiz-invalid', first!.message, { file: first!.file, line: first!.line });
    } else {
      this.loaded = { quiz };
    }
  }

  private async fetchSource(src: string): Promise<string | undefined> {
    try {
      return await fetchText(new URL(src, document.baseURI).href);
    } catch (error) {
      if (src !== this.src) return undefined; // Another quiz was asked for meanwhile.
      const notFound = isNotFound(error);
      this.loaded = { problems: [], message: this.localize.term(notFound ? 'quizNotFound' : 'quizNetwork') };
      this.reportError(notFound ? 'course-not-found' : 'network', `${src}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Forgets the attempt on screen: its answers, hints, result, warning and countdown. */
  private clearAttempt(): void {
    this.stopTimer();
    this.preparedAttempt = 0;
    this.open = undefined;
    this.answers = {};
    this.revealedHints = new Set();
    this.warning = '';
    this.viewing = 'answering';
    this.secondsLeft = undefined;
  }

  /**
   * Shows the last result, or the attempt being answered, once per attempt number. After a result the
   * next attempt starts when the learner asks to try again, unless they had started it already (and
   * reloaded).
   */
  private prepareAttempt(quiz: Quiz): void {
    this.clearAttempt();
    this.preparedAttempt = this.attemptNumber;
    const started = this.progress.progress.openAttempts[quiz.id];
    if (this.attempts.length > 0 && (this.attemptsLeft === 0 || started?.attempt !== this.attemptNumber)) this.viewing = 'result';
    else void this.guard(() => this.startAttempt(quiz));
  }

  /**
   * Shows the attempt the learner started before (a reload), or asks the store to start one: its seed,
   * drawn afresh for each learner and attempt, and its deadline.
   */
  private async startAttempt(quiz: Quiz): Promise<void> {
    const kept = this.progress.progress.openAttempts[quiz.id];
    if (kept?.attempt === this.attemptNumber) return this.beginAnswering(quiz, kept);
    const owner = this.owner;
    const time = quiz.settings.time;
    const open = await this.progress.startQuizAttempt({ quizId: quiz.id, ...(time ? { timeLimitMs: Math.round(time * 60_000) } : {}) });
    if (owner === this.owner) this.beginAnswering(quiz, open);
  }

  private beginAnswering(quiz: Quiz, open: OpenQuizAttempt): void {
    const { order, questionIds } = this.arrangementFor(open.attempt, open.seed);
    const answers: Answers = {};
    for (const question of askedQuestions(quiz, { order, questionIds })) {
      if (question.kind === 'ordering') answers[question.id] = [...order[question.id]!];
      if (question.kind === 'matching') answers[question.id] = question.pairs.map(() => -1);
    }
    this.answers = answers;
    this.revealedHints = new Set();
    this.warning = '';
    this.open = open;
    this.viewing = 'answering';
    this.startTimer();
  }

  /** Counts down to the attempt's deadline, read from the clock at each tick: a reload, a move in the
   * page or a throttled background tab changes nothing. Time already up submits at once. */
  private startTimer(): void {
    this.stopTimer();
    const deadline = this.open?.deadline;
    if (deadline === undefined || this.viewing !== 'answering') return;
    const tick = () => {
      this.secondsLeft = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      if (this.secondsLeft > 0) return;
      this.stopTimer();
      void this.guard(() => this.submit(true));
    };
    this.timer = setInterval(tick, 250);
    tick();
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private setAnswer(question: Question, value: AnswerValue): void {
    this.answers = { ...this.answers, [question.id]: value };
    this.warning = '';
  }

  private toggleHint(question: Question): void {
    const next = new Set(this.revealedHints);
    if (!next.delete(question.id)) next.add(question.id);
    this.revealedHints = next;
  }

  private isAnswered(question: Question): boolean {
    const value = this.answers[question.id];
    if (question.kind === 'matching') return Array.isArray(value) && value.every((choice) => choice >= 0);
    if (question.kind === 'ordering') return true;
    if (Array.isArray(value)) return value.length > 0;
    return typeof value === 'string' ? value.trim() !== '' : value !== null && value !== undefined;
  }

  private async submit(timeUp = false): Promise<void> {
    const quiz = this.currentQuiz;
    const arrangement = this.arrangement;
    if (!quiz || !arrangement || this.saving || this.attemptsLeft === 0 || this.viewing !== 'answering') return;
    const asked = askedQuestions(quiz, arrangement);
    // The store keeps no longer text: say so rather than lose the attempt (the box takes no more, but a
    // script or an old browser can put more in).
    const tooLong = asked.findIndex((question) => {
      const value = this.answers[question.id];
      return typeof value === 'string' && value.length > MAX_TEXT_LENGTH;
    });
    if (tooLong !== -1) {
      this.warning = this.localize.term('answerTooLong', tooLong + 1, this.localize.number(MAX_TEXT_LENGTH));
      return this.focusQuestion(asked[tooLong]!);
    }
    const unanswered = asked.filter((question) => !this.isAnswered(question));
    if (!timeUp && unanswered.length > 0 && !this.warning) {
      // The first Submit with gaps only warns, so an attempt is not spent by accident.
      this.warning = this.localize.term('unanswered', unanswered.length);
      return this.focusQuestion(unanswered[0]!);
    }
    this.stopTimer();
    const result = scoreQuiz(asked, this.answers, quiz.settings);
    const owner = this.owner;
    this.saving = true;
    let attempt: QuizAttempt;
    try {
      attempt = await this.progress.addQuizAttempt({
        quizId: quiz.id,
        answers: this.answers,
        score: result.score,
        passed: result.passed,
        quizHash: quiz.hash,
        allowed: quiz.settings.attempts,
      });
    } catch (error) {
      if (!(error instanceof QuizAttemptsUsedError)) throw error;
      // Another tab kept the last attempt first: show where things stand instead of this attempt.
      await this.progress.refresh();
      if (owner === this.owner) this.showResult(this.localize.term('attemptsUsedElsewhere'));
      return;
    } finally {
      this.saving = false;
    }
    if (owner !== this.owner) return; // Kept for the learner who answered; another one is on screen now.
    // "N questions are not answered yet" is stale beside the result; time up says why it was submitted.
    this.showResult(timeUp ? this.localize.term('timeUp') : '');
    this.emit('sabaq-quiz-submit', {
      ...(this.courseId ? { courseId: this.courseId } : {}),
      quizId: quiz.id,
      attempt: attempt.attempt,
      score: attempt.score,
      passed: attempt.passed,
      answers: attempt.answers,
    });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.result')?.focus();
  }

  private showResult(warning: string): void {
    this.stopTimer();
    this.preparedAttempt = this.attemptNumber;
    this.open = undefined;
    this.viewing = 'result';
    this.warning = warning;
  }

  private async focusQuestion(question: Question): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-question="${question.id}"] :is(input, select)`)?.focus();
  }

  private async tryAgain(): Promise<void> {
    const quiz = this.currentQuiz;
    if (!quiz) return;
    // The result stays on screen until the new attempt has started.
    this.preparedAttempt = this.attemptNumber;
    await this.startAttempt(quiz);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input, select, button')?.focus();
  }

  override render() {
    const dir = this.localize.dir;
    if (!this.loaded) {
      return html`<div class="notice" role="status" dir=${dir} lang=${this.localize.lang}>${this.localize.term('loading')}</div>`;
    }
    if ('problems' in this.loaded) {
      return html`<div class="notice error" role="alert" dir=${dir} lang=${this.localize.lang}>
        ${this.loaded.message}
        ${
          this.loaded.problems.length
            ? html`<ul class="problems">${this.loaded.problems.map((p) => html`<li>${p.file}:${p.line}: ${p.message}</li>`)}</ul>`
            : nothing
        }
      </div>`;
    }
    const quiz = this.loaded.quiz;
    const last = this.attempts.at(-1);
    const shown = this.viewing === 'result' && last !== undefined ? last : undefined;
    const attemptArrangement = shown ? this.arrangementFor(shown.attempt, shown.seed) : this.arrangement;
    // Until the learner's attempt is read (IndexedDB can be slow to open on a phone), the quiz shows
    // what every attempt shares, its controls disabled; nothing on screen changes place when it arrives.
    const waiting = !attemptArrangement;
    const arrangement = attemptArrangement ?? arrangementWithoutSeed(quiz);
    if (!arrangement)
      return html`<div class="notice" role="status" dir=${dir} lang=${this.localize.lang}>${this.localize.term('loading')}</div>`;
    const questions = askedQuestions(quiz, arrangement);
    const result = shown ? scoreQuiz(questions, shown.answers, quiz.settings) : undefined;
    const drawn = this.screenful.firstScreenful(questions, FIRST_SCREENFUL_OF_QUESTIONS);
    const busy = waiting || this.screenful.partial;
    return html`
      <section class="quiz" dir=${dir} lang=${this.localize.lang} aria-label=${this.localize.term('quiz')} aria-busy=${busy ? 'true' : 'false'}
        style=${styleMap(quizColours(quiz))}>
        ${this.progress.renderNotice()}
        ${quiz.intro ? html`<div class="prose">${this.markdown(quiz.intro)}</div>` : nothing}
        ${
          this.secondsLeft !== undefined && !shown
            ? html`<p class="timer" role="timer" aria-live="off">${this.localize.term('timeLeft', formatSeconds(this.secondsLeft))}</p>`
            : nothing
        }
        ${drawn.map((question, index) =>
          renderQuestion(
            question,
            {
              number: this.localize.term('question', index + 1, questions.length),
              verdict: result?.results[question.id],
              hintOpen: this.revealedHints.has(question.id),
              toggleHint: () => this.toggleHint(question),
            },
            this.questionView(question, arrangement, shown, waiting),
          ),
        )}
        <div role="status" aria-live="polite">${result ? this.renderResult(quiz, result) : nothing}</div>
        ${this.warning ? html`<p class="notice" role="alert">${this.warning}</p>` : nothing}
        <div class="actions">
          ${
            shown
              ? this.attemptsLeft > 0
                ? html`<button class="button" part="button" @click=${() => this.guard(() => this.tryAgain())}>
                  ${this.localize.term('tryAgain')}
                </button>`
                : nothing
              : html`<button class="button" part="button" ?disabled=${this.saving || busy} @click=${() => this.guard(() => this.submit())}>
                ${this.localize.term('submit')}
              </button>`
          }
          ${
            Number.isFinite(this.attemptsLeft) && !waiting
              ? html`<span>${this.attemptsLeft > 0 ? this.localize.term('attemptsLeft', this.attemptsLeft) : this.localize.term('noAttemptsLeft')}</span>`
              : nothing
          }
        </div>
      </section>
    `;
  }

  /** What a question's renderer sees: the answers being given, or those of the attempt shown. */
  private questionView(question: Question, arrangement: Arrangement, shown: QuizAttempt | undefined, waiting: boolean): QuestionView {
    const answers = () => (shown ? shown.answers : this.answers);
    return {
      localize: this.localize,
      markdown: (source) => this.markdown(source),
      inline: (source) => this.inline(source),
      submitted: shown !== undefined,
      waiting,
      get value() {
        return answers()[question.id];
      },
      order: arrangement.order[question.id] ?? [],
      answer: (value) => this.setAnswer(question, value),
      submit: () => void this.guard(() => this.submit()),
      afterUpdate: (then) => void this.updateComplete.then(() => then(this.renderRoot)),
    };
  }

  /**
   * The questions and order an attempt is shown with, from the seed the store drew for it. Attempts
   * kept before attempts had seeds were arranged from their learner, quiz and number, as here.
   */
  private arrangementFor(attempt: number, seed?: number): Arrangement {
    const quiz = this.currentQuiz!;
    const drawn = seed ?? parseInt(contentHash(`${this.namespace}\n${this.learner}\n${quiz.id}\n${attempt}`).slice(-8), 16);
    const key = `${quiz.hash}\n${drawn}`;
    let arrangement = this.arrangements.get(key);
    if (!arrangement) {
      arrangement = arrangeQuiz(quiz, drawn);
      this.arrangements.set(key, arrangement);
    }
    return arrangement;
  }

  private renderResult(quiz: Quiz, result: QuizResult) {
    const percent = (value: number) => this.localize.percent(value);
    const best = bestAttempt(this.attempts);
    const message = result.passed ? quiz.settings.passMessage : quiz.settings.failMessage;
    return html`<div class="result ${result.passed ? 'passed' : 'failed'}" part="result" tabindex="-1">
      <p><strong>
        ${
          result.passed
            ? this.localize.term('passed', percent(result.score), percent(quiz.settings.pass))
            : this.localize.term('failed', percent(result.score), percent(quiz.settings.pass))
        }
      </strong></p>
      ${best && this.attempts.length > 1 ? html`<p>${this.localize.term('bestScore', percent(best.score))}</p>` : nothing}
      ${message ? html`<div class="prose">${this.markdown(message)}</div>` : nothing}
    </div>`;
  }

  /** Sanitised Markdown whose relative URLs resolve against the quiz's own file (SPEC §2.2), rendered
   * once per source. */
  private markdown(source: string) {
    return sanitizedHtml(renderedMarkdown(source, this.contentBase));
  }

  private inline(source: string) {
    return sanitizedHtml(renderedInline(source, this.contentBase));
  }
}

/**
 * The quiz file's own colours (Quizdown's `primaryColor`, `secondaryColor`, `textColor`), under the
 * partner's: a `--sabaq-*` colour the page sets still wins, as it does over sabaq's defaults.
 */
function quizColours({ settings: { colors = {} } }: Quiz): Record<string, string> {
  const own = {
    primary: ['--_primary', '--sabaq-color-primary'],
    secondary: ['--_surface-alt', '--sabaq-color-surface-alt'],
    text: ['--_text', '--sabaq-color-text'],
  } as const;
  const style: Record<string, string> = {};
  for (const [name, [property, partner]] of Object.entries(own)) {
    const colour = colors[name as keyof typeof own];
    // A colour and nothing else: a url() here would make the page fetch it wherever the colour is used.
    if (colour && CSS.supports('color', colour)) style[property] = `var(${partner}, ${colour})`;
  }
  return style;
}

function formatSeconds(total: number): string {
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'sabaq-quiz': SabaqQuiz;
  }
}
