/**
 * The elements' one door to the progress store: reads the learner's progress in the host's course,
 * re-reads it whenever any element on the page or another tab writes, and shows the one notice a
 * learner gets when progress cannot be kept.
 */
import { html, nothing, type ReactiveController } from 'lit';
import { type CourseProgress, type IssuedCertificate, type OpenQuizAttempt, type QuizAttempt, emptyProgress } from '../lib/progress.js';
import {
  type CourseRef,
  type NewQuizAttempt,
  type ProgressStore,
  type QuizStart,
  type StorageProblem,
  MAX_ID_LENGTH,
  createMemoryStore,
  openStore,
} from '../lib/store/index.js';
import { contentHash } from '../lib/text.js';
import { SabaqEvent } from '../events.js';
import type { LocalizeController } from '../i18n/localize.js';
import { type OpenedCourse, courseOpened } from './lrs/hooks.js';
import type { SabaqElement } from './sabaq-element.js';

/** Elements told that progress cannot be kept, in order: the page shows the notice in the first one. */
const toldUnavailable = new Set<ProgressController>();
let noticeDismissed = false;

/**
 * Where progress goes for a `namespace` or `learner` longer than the store takes: memory, one store per
 * namespace for the whole page (so elements sharing them stay in step), under ids the store can take.
 */
const memoryStores = new Map<string, ProgressStore>();

/** An id the store can take: itself, or for one over the limit a hash that keeps it apart from others. */
function storableId(id: string): string {
  return id.length > MAX_ID_LENGTH ? `long-${contentHash(id)}` : id;
}

/** Where progress is written: kept by a caller that writes later, after the learner may have changed. */
export interface ProgressPlace {
  store: ProgressStore;
  ref: CourseRef;
}

export class ProgressController implements ReactiveController {
  progress: CourseProgress = emptyProgress('');
  learnerName = '';
  private store: ProgressStore | undefined;
  /** The namespace, learner and course the store is asked about, and those `progress` was read for. */
  private key = '';
  private readKey = '';
  /** The namespace, learner and course an LRS connection was last told of. */
  private openedKey = '';
  private readonly subscriptions: (() => void)[] = [];
  private unavailable = false;
  /** The browser closed the database under the page (site data cleared): told until dismissed. */
  private closed = false;

  /** `course()` names the course whose progress the host shows, once its id is known. */
  constructor(
    private readonly host: SabaqElement,
    private readonly localize: LocalizeController,
    private readonly course: () => OpenedCourse | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Reconnect to the store on the next update (the element may have been moved in the page).
    this.key = '';
    this.openedKey = '';
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.subscriptions.splice(0).forEach((unsubscribe) => unsubscribe());
    toldUnavailable.delete(this);
  }

  /**
   * True once the progress of the host's current learner in its current course has been read. Asked
   * afresh each time: a host's willUpdate runs before this controller hears of a new learner or course,
   * and must not take the last learner's progress for the new one's.
   */
  get ready(): boolean {
    const key = this.currentKey();
    return key !== undefined && key === this.readKey;
  }

  private currentKey(): string | undefined {
    const course = this.course();
    return course?.id ? `${this.namespace}\n${this.learner}\n${course.id}` : undefined;
  }

  hostUpdate(): void {
    const course = this.course();
    const key = this.currentKey();
    if (!course || key === undefined) {
      // Open the database while the course or quiz is still loading (a course without an id is shown
      // as broken, not tracked): on a first visit, opening it is what the learner's state waits for.
      this.openStore();
      return;
    }
    if (key !== this.key) {
      this.key = key;
      this.subscriptions.splice(0).forEach((unsubscribe) => unsubscribe());
      const store = (this.store = this.openStore());
      this.subscriptions.push(
        store.subscribe((change) => {
          const mine = change.learner === this.learner && (change.courseId ?? course.id) === course.id;
          if (mine) void this.read(key);
        }),
        store.onProblem((problem) => this.onProblem(problem)),
      );
      void this.read(key);
    }
    // An LRS connection, if the page has one, records the learner's actions in the course and restores
    // their progress in it, once per learner: it needs a course element's whole course (the player names
    // its course by id alone while the lessons arrive) or a quiz alone on its page (a quiz in a lesson
    // names only its course's id, of no use to it).
    if (key !== this.openedKey && (course.lessons || course.standaloneQuiz)) {
      this.openedKey = key;
      courseOpened({ namespace: this.namespace, learner: this.learner, course });
    }
  }

  /**
   * One store per namespace per page, shared by every element (openStore returns the same one). A
   * namespace or learner longer than the store takes is kept in memory, and the learner told.
   */
  private openStore(): ProgressStore {
    const tooLong = (['namespace', 'learner'] as const).find((name) => (this.host[name] ?? '').length > MAX_ID_LENGTH);
    if (!tooLong) return openStore({ namespace: this.namespace });
    this.tellUnavailable(
      `The ${tooLong} is longer than ${MAX_ID_LENGTH} characters, the most progress can be saved under: progress is kept in memory only.`,
    );
    let store = memoryStores.get(this.namespace);
    if (!store) memoryStores.set(this.namespace, (store = createMemoryStore({ namespace: this.namespace })));
    return store;
  }

  /** An empty attribute means the default, as an absent one does. */
  private get namespace(): string {
    return storableId(this.host.namespace || 'default');
  }

  private get learner(): string {
    return storableId(this.host.learner || 'default');
  }

  private get ref(): CourseRef {
    const course = this.course()!;
    return { learner: this.learner, courseId: course.id, ...(course.hash ? { courseHash: course.hash } : {}) };
  }

  /** Where progress is written now, once it has been read. */
  get place(): ProgressPlace | undefined {
    return this.store && this.ready ? { store: this.store, ref: this.ref } : undefined;
  }

  /** Reads the learner's progress again; the host re-renders with it. */
  async refresh(): Promise<void> {
    await this.read(this.key);
  }

  private async read(key: string): Promise<void> {
    const store = this.store;
    if (!store || key !== this.key || key !== this.currentKey()) return;
    const ref = this.ref;
    try {
      const [progress, name] = await Promise.all([store.getProgress(ref), store.getLearnerName(ref.learner)]);
      if (key !== this.key) return; // The learner or course changed while reading.
      this.progress = progress;
      this.learnerName = name ?? '';
    } catch (error) {
      // The store rejects only arguments it cannot take (an over-long learner name, say): show no progress.
      this.host.dispatchEvent(new SabaqEvent('sabaq-error', { code: 'internal', message: String(error) }));
    }
    this.readKey = key;
    this.host.requestUpdate();
  }

  private onProblem(problem: StorageProblem): void {
    if (problem.code === 'storage-closed') {
      // Earlier progress may be gone: show what the reopened database holds, and say why it changed.
      this.closed = true;
      this.host.dispatchEvent(new SabaqEvent('sabaq-error', { code: 'storage-closed', message: problem.message }));
      void this.refresh();
    } else this.tellUnavailable(problem.message);
  }

  private tellUnavailable(message: string): void {
    if (this.unavailable) return;
    this.unavailable = true;
    toldUnavailable.add(this);
    this.host.dispatchEvent(new SabaqEvent('sabaq-error', { code: 'storage-unavailable', message }));
    this.host.requestUpdate();
  }

  /** Writes through the store, then reads progress again, so the host decides on what is now true. */
  private async write(change: (store: ProgressStore, ref: CourseRef) => Promise<unknown>): Promise<void> {
    await change(this.store!, this.ref);
    await this.refresh();
  }

  openLesson(lessonId: string): Promise<void> {
    return this.write((store, ref) => store.openLesson(ref, lessonId));
  }

  completeLesson(lessonId: string): Promise<void> {
    return this.write((store, ref) => store.completeLesson(ref, lessonId));
  }

  /** Adds time spent in a lesson where progress was written when the time began (`place`). */
  async addTimeSpent(place: ProgressPlace, lessonId: string, milliseconds: number): Promise<void> {
    await place.store.addTimeSpent(place.ref, lessonId, milliseconds);
    await this.refresh();
  }

  /** The learner's attempt at a quiz, started now or earlier (in this tab or another): its seed and deadline. */
  async startQuizAttempt(quiz: QuizStart): Promise<OpenQuizAttempt> {
    let open: OpenQuizAttempt | undefined;
    await this.write(async (store, ref) => (open = await store.startQuizAttempt(ref, quiz)));
    return open!;
  }

  /** Keeps an attempt (on disk before it resolves) and returns it numbered and dated; rejects with
   * `QuizAttemptsUsedError` when `allowed` attempts are already kept. */
  async addQuizAttempt(attempt: NewQuizAttempt): Promise<QuizAttempt> {
    let kept: QuizAttempt | undefined;
    await this.write(async (store, ref) => (kept = await store.addQuizAttempt(ref, attempt)));
    return kept!;
  }

  saveCertificate(certificate: Omit<IssuedCertificate, 'courseId'>): Promise<void> {
    return this.write((store, ref) => store.saveCertificate(ref, certificate));
  }

  setLearnerName(name: string): Promise<void> {
    return this.write((store) => store.setLearnerName(this.learner, name));
  }

  /**
   * The notice that progress will not be kept (once per page), or that the browser cleared what was
   * kept (in every element, whose progress may have changed under the learner's eyes), until dismissed.
   */
  renderNotice() {
    if (this.closed) {
      return this.notice('storageClosed', () => (this.closed = false));
    }
    if (!this.unavailable || toldUnavailable.values().next().value !== this || noticeDismissed) return nothing;
    return this.notice('storageUnavailable', () => (noticeDismissed = true));
  }

  private notice(key: 'storageClosed' | 'storageUnavailable', dismiss: () => void) {
    const close = () => {
      dismiss();
      this.host.requestUpdate();
    };
    return html`<div class="notice error" role="alert" part="notice">
      <p>${this.localize.term(key)}</p>
      <button class="button secondary" part="button" @click=${close}>${this.localize.term('dismiss')}</button>
    </div>`;
  }
}
