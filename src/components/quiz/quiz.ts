import { type PropertyValues, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ProgressController } from '../../internal/progress-controller.js';
import { SabaqElement } from '../../internal/sabaq-element.js';
import { theme } from '../../internal/theme.js';
import { fetchText, isNotFound } from '../../lib/course/loader.js';
import { ProblemList } from '../../lib/problems.js';
import { type QuizAttempt, bestAttempt } from '../../lib/progress.js';
import { type Arrangement, arrangeQuiz, askedQuestions } from '../../lib/quiz/arrange.js';
import { parseQuiz } from '../../lib/quiz/parse.js';
import { type AnswerValue, type Answers, type QuizResult, parseRange, scoreQuiz } from '../../lib/quiz/score.js';
import { renderInline, renderMarkdown, renderText } from '../../lib/render/render.js';
import { baseName, contentHash } from '../../lib/text.js';
import type { Problem } from '../../lib/problems.js';
import type { MatchingQuestion, Question, Quiz } from '../../lib/types.js';
import { quizStyles } from './quiz.styles.js';

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

  /** URL of a quiz Markdown file. Alternatively, put the Markdown in a child
   * `<script type="text/markdown">`. */
  @property() src = '';

  /** A parsed quiz, set by the course player for quizzes inside lessons. */
  @property({ attribute: false }) quiz: Quiz | undefined;

  /** The URL relative links and images in the quiz resolve against: the lesson's, inside a course. */
  @property({ attribute: false }) baseUrl: string | undefined;

  /** The course the quiz belongs to, when inside one. */
  @property({ attribute: 'course-id' }) courseId = '';

  @state() private loaded: { quiz: Quiz } | { problems: Problem[]; message: string } | undefined;
  @state() private answers: Answers = {};
  @state() private revealedHints = new Set<string>();
  @state() private viewing: 'answering' | 'result' = 'answering';
  @state() private warning = '';
  @state() private secondsLeft: number | undefined;
  @state() private saving = false;

  /** A quiz alone on a page keeps its attempts under the course id `quiz:<quiz id>`. */
  private readonly progress = new ProgressController(this, this.localize, () => {
    const quiz = this.currentQuiz;
    return quiz ? { id: this.courseId || `quiz:${quiz.id}` } : undefined;
  });
  private timer: ReturnType<typeof setInterval> | undefined;
  private preparedAttempt = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('quiz') && this.quiz) this.loaded = { quiz: this.quiz };
    if ((changed.has('src') || !this.loaded) && !this.quiz) void this.guard(() => this.loadStandalone());
    const quiz = this.currentQuiz;
    // While an attempt is being saved, submit() shows its result itself once the write is done: the
    // store's change notice may arrive first and must not show a result (with Try again) any earlier.
    if (quiz && this.progress.ready && !this.saving && this.preparedAttempt !== this.attemptNumber) this.prepareAttempt(quiz);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
  }

  private get currentQuiz(): Quiz | undefined {
    return this.loaded && 'quiz' in this.loaded ? this.loaded.quiz : undefined;
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
  private get arrangement(): Arrangement {
    return this.arrangementFor(this.attemptNumber);
  }

  private async loadStandalone(): Promise<void> {
    const inline = this.src ? undefined : dedent(this.querySelector('script[type="text/markdown"]')?.textContent ?? '');
    const source = inline ? inline.text : await this.fetchSource(this.src);
    if (source === undefined) return;
    if (!source.trim()) {
      this.loaded = { problems: [], message: this.localize.term('noQuiz') };
      return;
    }
    const problems = new ProblemList();
    const file = this.src ? baseName(this.src) : 'quiz';
    const line = inline?.line ?? 1;
    const quiz = parseQuiz(source, { file: this.src || 'quiz', line, defaultId: file || 'quiz', inLesson: false }, problems);
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
      const notFound = isNotFound(error);
      this.loaded = { problems: [], message: this.localize.term(notFound ? 'quizNotFound' : 'quizNetwork') };
      this.reportError(notFound ? 'course-not-found' : 'network', `${src}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Starts a fresh attempt's answers (or shows the last result), once per attempt number. */
  private prepareAttempt(quiz: Quiz): void {
    this.preparedAttempt = this.attemptNumber;
    const { order, questionIds } = this.arrangement;
    const answers: Answers = {};
    for (const question of askedQuestions(quiz, { order, questionIds })) {
      if (question.kind === 'ordering') answers[question.id] = [...order[question.id]!];
      if (question.kind === 'matching') answers[question.id] = question.pairs.map(() => -1);
    }
    this.answers = answers;
    this.revealedHints = new Set();
    this.warning = '';
    this.viewing = this.attempts.length > 0 ? 'result' : 'answering';
    if (this.viewing === 'answering') this.startTimer(quiz);
  }

  private startTimer(quiz: Quiz): void {
    this.stopTimer();
    if (!quiz.settings.time) return;
    this.secondsLeft = Math.round(quiz.settings.time * 60);
    this.timer = setInterval(() => {
      this.secondsLeft = Math.max(0, (this.secondsLeft ?? 0) - 1);
      if (this.secondsLeft === 0) {
        this.stopTimer();
        void this.guard(() => this.submit(true));
      }
    }, 1000);
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private setAnswer(question: Question, value: AnswerValue): void {
    this.answers = { ...this.answers, [question.id]: value };
    this.warning = '';
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
    if (!quiz || this.saving || this.attemptsLeft === 0) return;
    const asked = askedQuestions(quiz, this.arrangement);
    const unanswered = asked.filter((question) => !this.isAnswered(question));
    if (!timeUp && unanswered.length > 0 && !this.warning) {
      // The first Submit with gaps only warns, so an attempt is not spent by accident.
      this.warning = this.localize.term('unanswered', unanswered.length);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-question="${unanswered[0]!.id}"] input, [data-question="${unanswered[0]!.id}"] select`)?.focus();
      return;
    }
    this.stopTimer();
    const result = scoreQuiz(asked, this.answers, quiz.settings);
    this.saving = true;
    let attempt: QuizAttempt;
    try {
      attempt = await this.progress.addQuizAttempt({
        quizId: quiz.id,
        answers: this.answers,
        score: result.score,
        passed: result.passed,
        quizHash: quiz.hash,
      });
    } finally {
      this.saving = false;
    }
    this.preparedAttempt = this.attemptNumber;
    this.viewing = 'result';
    this.warning = ''; // "N questions are not answered yet" is stale beside the result.
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

  private tryAgain(): void {
    const quiz = this.currentQuiz;
    if (!quiz) return;
    this.preparedAttempt = 0;
    this.prepareAttempt(quiz);
    this.viewing = 'answering';
    this.startTimer(quiz);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('input, select, button')?.focus());
  }

  private move(question: Question, from: number, to: number): void {
    const order = [...(this.answers[question.id] as number[])];
    if (to < 0 || to >= order.length) return;
    const [item] = order.splice(from, 1);
    order.splice(to, 0, item!);
    this.setAnswer(question, order);
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>(`[data-question="${question.id}"] li`)[to]?.querySelectorAll('button');
      const keep = to < from ? buttons?.[0] : buttons?.[1];
      (keep && !keep.disabled ? keep : buttons?.[0]?.disabled ? buttons[1] : buttons?.[0])?.focus();
    });
  }

  override render() {
    const dir = this.localize.dir;
    if (!this.loaded || ('quiz' in this.loaded && !this.progress.ready)) {
      return html`<div class="notice" role="status" dir=${dir} lang=${this.localize.lang}>${this.localize.term('loading')}</div>`;
    }
    if ('problems' in this.loaded) {
      return html`<div class="notice error" role="alert" dir=${dir} lang=${this.localize.lang}>
        ${this.loaded.message}
        ${this.loaded.problems.length
          ? html`<ul class="problems">${this.loaded.problems.map((p) => html`<li>${p.file}:${p.line}: ${p.message}</li>`)}</ul>`
          : nothing}
      </div>`;
    }
    const quiz = this.loaded.quiz;
    const last = this.attempts.at(-1);
    const showResult = this.viewing === 'result' && last !== undefined;
    const asked = askedQuestions(quiz, this.arrangement);
    const lastResult = showResult ? this.resultOf(quiz, last) : undefined;
    const questions = showResult ? askedQuestions(quiz, this.arrangementFor(last.attempt)) : asked;
    return html`
      <section class="quiz" dir=${dir} lang=${this.localize.lang} aria-label=${this.localize.term('quiz')}>
        ${this.progress.renderNotice()}
        ${quiz.intro ? html`<div class="prose">${this.markdown(quiz.intro)}</div>` : nothing}
        ${this.secondsLeft !== undefined && !showResult
          ? html`<p class="timer" role="timer" aria-live="off">${this.localize.term('timeLeft', formatSeconds(this.secondsLeft))}</p>`
          : nothing}
        ${questions.map((question, index) =>
          this.renderQuestion(question, index, questions.length, showResult ? last!.answers : this.answers, lastResult),
        )}
        <div role="status" aria-live="polite">${lastResult ? this.renderResult(quiz, lastResult) : nothing}</div>
        ${this.warning ? html`<p class="notice" role="alert">${this.warning}</p>` : nothing}
        <div class="actions">
          ${showResult
            ? this.attemptsLeft > 0
              ? html`<button class="button" part="button" @click=${() => this.guard(() => this.tryAgain())}>
                  ${this.localize.term('tryAgain')}
                </button>`
              : nothing
            : html`<button class="button" part="button" ?disabled=${this.saving} @click=${() => this.guard(() => this.submit())}>
                ${this.localize.term('submit')}
              </button>`}
          ${Number.isFinite(this.attemptsLeft)
            ? html`<span>${this.attemptsLeft > 0 ? this.localize.term('attemptsLeft', this.attemptsLeft) : this.localize.term('noAttemptsLeft')}</span>`
            : nothing}
        </div>
      </section>
    `;
  }

  /** Arrangements already drawn: a render asks for one per question. */
  private readonly arrangements = new Map<string, Arrangement>();

  /** The same seed for the same attempt, so a reload shows the same questions in the same order. */
  private arrangementFor(attempt: number): Arrangement {
    const quiz = this.currentQuiz!;
    const key = `${this.namespace}\n${this.learner}\n${quiz.id}\n${attempt}`;
    let arrangement = this.arrangements.get(`${quiz.hash}\n${key}`);
    if (!arrangement) {
      arrangement = arrangeQuiz(quiz, parseInt(contentHash(key).slice(-8), 16));
      this.arrangements.set(`${quiz.hash}\n${key}`, arrangement);
    }
    return arrangement;
  }

  private resultOf(quiz: Quiz, attempt: QuizAttempt): QuizResult {
    return scoreQuiz(askedQuestions(quiz, this.arrangementFor(attempt.attempt)), attempt.answers, quiz.settings);
  }

  private renderResult(quiz: Quiz, result: QuizResult) {
    const percent = (value: number) => this.localize.percent(value);
    const best = bestAttempt(this.attempts);
    return html`<div class="result ${result.passed ? 'passed' : 'failed'}" part="result" tabindex="-1">
      <p><strong>
        ${result.passed
          ? this.localize.term('passed', percent(result.score), percent(quiz.settings.pass))
          : this.localize.term('failed', percent(result.score), percent(quiz.settings.pass))}
      </strong></p>
      ${best && this.attempts.length > 1 ? html`<p>${this.localize.term('bestScore', percent(best.score))}</p>` : nothing}
    </div>`;
  }

  private renderQuestion(question: Question, index: number, total: number, answers: Answers, result?: QuizResult) {
    const number = this.localize.term('question', index + 1, total);
    const prompt = html`<span class="question-number">${number}</span>
      <span class="prompt">${this.inline(question.prompt)}</span>`;
    const verdict = result?.results[question.id];
    const body = html`
      ${question.body ? html`<div class="prose">${this.markdown(question.body)}</div>` : nothing}
      ${this.renderHint(question, result !== undefined)}
      ${this.renderAnswers(question, answers, result !== undefined)}
      ${verdict
        ? html`<p class="verdict ${verdict.correct ? 'right' : 'wrong'}">
              ${verdict.correct ? this.localize.term('correct') : verdict.points > 0 ? this.localize.term('partlyCorrect') : this.localize.term('incorrect')}
            </p>
            ${!verdict.correct ? this.renderCorrectAnswer(question) : nothing}
            ${question.explanation ? html`<div class="explanation prose">${this.markdown(question.explanation)}</div>` : nothing}`
        : nothing}
    `;
    // Choices are a group of radio buttons or checkboxes: a fieldset names the group by its question.
    if (question.kind === 'single' || question.kind === 'multiple') {
      return html`<fieldset class="question" part="question" data-question=${question.id}>
        <legend>${prompt}</legend>${body}
      </fieldset>`;
    }
    return html`<div class="question" part="question" data-question=${question.id} role="group" aria-labelledby="prompt-${question.id}">
      <div id="prompt-${question.id}" class="prompt">${prompt}</div>${body}
    </div>`;
  }

  private renderHint(question: Question, submitted: boolean) {
    if (!question.hint || submitted) return nothing;
    const open = this.revealedHints.has(question.id);
    const toggle = () => {
      const next = new Set(this.revealedHints);
      if (open) next.delete(question.id);
      else next.add(question.id);
      this.revealedHints = next;
    };
    return html`<button class="hint-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="hint-${question.id}" @click=${toggle}>
        ${this.localize.term(open ? 'hideHint' : 'hint')}
      </button>
      <div id="hint-${question.id}" class="hint prose" ?hidden=${!open}>${open ? this.markdown(question.hint) : nothing}</div>`;
  }

  private renderAnswers(question: Question, answers: Answers, submitted: boolean) {
    const value = answers[question.id];
    const order = this.arrangement.order[question.id] ?? [];
    switch (question.kind) {
      case 'single':
      case 'multiple': {
        const type = question.kind === 'single' ? 'radio' : 'checkbox';
        const chosen = (i: number) => (Array.isArray(value) ? value.includes(i) : value === i);
        const shown = submitted ? question.options.map((_, i) => i) : order;
        return html`<div class="options">
          ${shown.map((i) => {
            const option = question.options[i]!;
            const mark = !submitted ? '' : option.correct ? 'right' : chosen(i) ? 'wrong' : '';
            return html`<label class="option ${mark}">
                <input type=${type} name="q-${question.id}" .checked=${chosen(i)} ?disabled=${submitted}
                  @change=${(event: Event) => this.onChoice(question, i, (event.target as HTMLInputElement).checked)} />
                <span class="option-text">${this.inline(option.text)}${mark ? this.renderMark(option.correct, chosen(i)) : nothing}</span>
              </label>
              ${submitted && chosen(i) && option.feedback
                ? html`<div class="option-feedback prose">${this.markdown(option.feedback)}</div>`
                : nothing}`;
          })}
        </div>`;
      }
      case 'short':
        return html`<div class="short-answer">
          <label for="answer-${question.id}" class="visually-hidden">${this.localize.term('yourAnswer')}</label>
          <input id="answer-${question.id}" type="text" autocomplete="off" spellcheck="false" .value=${typeof value === 'string' ? value : ''}
            ?disabled=${submitted} @input=${(event: Event) => this.setAnswer(question, (event.target as HTMLInputElement).value)} />
        </div>`;
      case 'ordering': {
        const current = Array.isArray(value) ? value : order;
        return html`<ol class="options ordering">
          ${current.map((item, position) => {
            const text = question.items[item]!;
            const label = renderText(text);
            return html`<li>
              <span class="item-text">${this.inline(text)}</span>
              ${submitted
                ? nothing
                : html`<span class="moves">
                    <button class="icon-button" aria-label=${this.localize.term('moveItemUp', label)} ?disabled=${position === 0}
                      @click=${() => this.move(question, position, position - 1)}>↑</button>
                    <button class="icon-button" aria-label=${this.localize.term('moveItemDown', label)} ?disabled=${position === current.length - 1}
                      @click=${() => this.move(question, position, position + 1)}>↓</button>
                  </span>`}
            </li>`;
          })}
        </ol>`;
      }
      case 'matching': {
        const chosen = Array.isArray(value) ? value : [];
        // Pairs may share a right side ("fruit"): offer each text once.
        const rights = order.filter((i, at) => order.findIndex((j) => question.pairs[j]!.right === question.pairs[i]!.right) === at);
        return html`<ul class="options matching">
          ${question.pairs.map((pair, i) => html`<li>
            <label class="term" for="match-${question.id}-${i}">${this.inline(pair.left)}</label>
            <select id="match-${question.id}-${i}" ?disabled=${submitted}
              @change=${(event: Event) => this.onMatch(question, i, Number((event.target as HTMLSelectElement).value))}>
              <option value="-1" ?selected=${(chosen[i] ?? -1) < 0}>${this.localize.term('chooseMatch')}</option>
              ${rights.map((j) => html`<option value=${j} ?selected=${chosen[i] !== undefined && question.pairs[chosen[i]!]?.right === question.pairs[j]!.right}>
                ${renderText(question.pairs[j]!.right)}
              </option>`)}
            </select>
          </li>`)}
        </ul>`;
      }
    }
  }

  /** Says in words which options were right and which wrong one the learner chose: colour alone is
   * lost on many learners (colour blindness, a monochrome screen, a printout). */
  private renderMark(correct: boolean, chosen: boolean) {
    const words = correct ? this.localize.term(chosen ? 'chosenRight' : 'rightOption') : this.localize.term('chosenWrong');
    return html`<span class="mark"><span aria-hidden="true">${correct ? '✓' : '✗'}</span> ${words}</span>`;
  }

  private renderCorrectAnswer(question: Question) {
    const label = this.localize.term('correctAnswer');
    switch (question.kind) {
      case 'single':
      case 'multiple':
        return nothing; // The right options are marked in place.
      case 'short': {
        // A range's "a..b" is syntax for authors: a learner reads "19.2 to 19.5", in their language.
        const answer = question.answers[0]!;
        const range = parseRange(answer);
        const number = (value: number) => this.localize.number(value, { maximumFractionDigits: 20 });
        const shown = range ? this.localize.term('answerRange', number(range[0]), number(range[1])) : answer;
        return html`<p class="correct-answer">${label} <span dir="auto">${shown}</span></p>`;
      }
      // Lists rather than text joined with arrows and semicolons: a screen reader announces how many
      // items there are, and no separator needs translating.
      case 'ordering':
        return html`<div class="correct-answer">${label}<ol>${question.items.map((item) => html`<li>${this.inline(item)}</li>`)}</ol></div>`;
      case 'matching': {
        // Each side is isolated (bdi), so the arrow falls between them in the quiz's direction: it must
        // point that way too, since no font mirrors an arrow.
        const arrow = this.localize.dir === 'rtl' ? '←' : '→';
        const pairs = question.pairs.map((pair) => html`<li><bdi>${this.inline(pair.left)}</bdi> ${arrow} <bdi>${this.inline(pair.right)}</bdi></li>`);
        return html`<div class="correct-answer">${label}<ul>${pairs}</ul></div>`;
      }
    }
  }

  private onChoice(question: Question, index: number, checked: boolean): void {
    if (question.kind === 'single') {
      this.setAnswer(question, index);
      return;
    }
    const current = Array.isArray(this.answers[question.id]) ? (this.answers[question.id] as number[]) : [];
    const chosen = checked ? [...new Set([...current, index])].sort((a, b) => a - b) : current.filter((i) => i !== index);
    this.setAnswer(question, chosen);
  }

  /** Sanitised Markdown whose relative URLs resolve against the quiz's own file (SPEC §2.2). */
  private markdown(source: string) {
    return unsafeHTML(renderMarkdown(source, { baseUrl: this.contentBase }));
  }

  private inline(source: string) {
    return unsafeHTML(renderInline(source, { baseUrl: this.contentBase }));
  }

  private get contentBase(): string {
    return this.baseUrl ?? (this.src ? new URL(this.src, document.baseURI).href : document.baseURI);
  }

  private onMatch(question: MatchingQuestion, left: number, right: number): void {
    const current = [...((this.answers[question.id] as number[] | undefined) ?? question.pairs.map(() => -1))];
    current[left] = right;
    this.setAnswer(question, current);
  }
}

/**
 * Inline Markdown as written in a page, indented like the HTML around it. The blank lines before it go
 * (front matter must come first), and so does the indentation its lines share (indented four spaces,
 * "= 52" would be a code block, not an answer); deeper indentation, such as an option's feedback, stays.
 * Indentation is counted in characters, a tab as one, so a page should not mix tabs and spaces.
 *
 * `line` is the line the kept text starts on, counting the script's text from line 1, the rest of the
 * `<script>` tag's own line; the parser adds it to the lines it reports, so author errors count the same
 * way: line N is N - 1 lines below the tag. (Where the tag sits in the page is not known here.)
 */
function dedent(text: string): { text: string; line: number } {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim());
  if (first === -1) return { text: '', line: 1 };
  const kept = lines.slice(first);
  const indent = Math.min(...kept.filter((line) => line.trim()).map((line) => line.search(/\S/)));
  return { text: kept.map((line) => line.slice(indent)).join('\n'), line: first + 1 };
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
