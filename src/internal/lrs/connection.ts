/**
 * An LRS connection in the page (loaded by `connectLrs()` only): it delivers the namespace's outbox on
 * load, when the browser comes back online, when the page is hidden and on a backing-off timer, from
 * one tab at a time; it reports each attempt as `sabaq-sync` and trouble as `sabaq-error`
 * (`lrs-auth`, `lrs-rejected`) on `document`; it has the store record each learner action in a course
 * or a quiz alone on its page that an element has opened (those made while it loaded included); and it
 * restores a learner's progress from the LRS when an element opens their course.
 */
import { SabaqEvent } from '../../events.js';
import { type ProgressStore, openStore } from '../../lib/store/index.js';
import type { Course } from '../../lib/types.js';
import { LrsClient } from '../../lib/xapi/client.js';
import { type DeliveryReport, deliver } from '../../lib/xapi/delivery.js';
import { type Outbox, storeOutbox } from '../../lib/xapi/outbox.js';
import { type StandaloneQuiz, recordChange, recordStandaloneQuizzes } from '../../lib/xapi/record.js';
import { progressFromStatements, readCourseStatements } from '../../lib/xapi/restore.js';
import type { XapiAgent } from '../../lib/xapi/statements.js';
import type { ConnectLrsOptions, LrsConnection } from '../../connect-lrs.js';
import { type CourseOpened, lrsListeners, openedCourses } from './hooks.js';

export interface SyncCounts {
  pending: number;
  sent: number;
  rejected: number;
}

/** The first retry after a failure, and the longest wait between two. */
const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 5 * 60_000;

export function connect(options: ConnectLrsOptions & { namespace: string }): LrsConnection {
  return new Connection(options);
}

class Connection implements LrsConnection {
  private readonly namespace: string;
  private readonly client: LrsClient;
  private readonly store: ProgressStore;
  private readonly outbox: Outbox;
  /** The courses elements have opened, by id: the store records actions in these. */
  private readonly courses = new Map<string, Course>();
  /** The quizzes alone on their page that elements have opened, by the course id they keep attempts under. */
  private readonly standaloneQuizzes = new Map<string, StandaloneQuiz[]>();
  /** Resolves once the store records with this connection, actions made while it loaded included. */
  private readonly recording: Promise<void>;
  private readonly actor: (learner: string) => XapiAgent;
  private readonly restored = new Set<string>();
  /** Restores that failed (the LRS out of reach): tried again after the next delivery that gets through. */
  private unrestored: CourseOpened[] = [];
  private running: Promise<SyncCounts> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  /** Delivery waits for `auth` to give a header the LRS accepts; the learner was told once. */
  private authPaused = false;
  private closed = false;
  private readonly listeners: [EventTarget, string, () => void][];
  private readonly onCourseOpened = (opened: CourseOpened) => this.track(opened);

  constructor(options: ConnectLrsOptions & { namespace: string }) {
    this.namespace = options.namespace;
    this.client = new LrsClient(options);
    this.store = openStore({ namespace: this.namespace });
    this.outbox = storeOutbox(this.store);
    this.actor = options.actor ?? ((learner) => ({ objectType: 'Agent', account: { homePage: location.origin, name: learner } }));
    const flush = () => void this.flush();
    this.listeners = [
      [window, 'online', flush],
      [document, 'visibilitychange', () => document.visibilityState === 'hidden' && flush()],
    ];
    for (const [target, type, listener] of this.listeners) target.addEventListener(type, listener);
    lrsListeners.add(this.onCourseOpened);
    openedCourses.forEach(this.onCourseOpened);
    this.recording = this.store.recordWith(async (change) => {
      const context = { actor: this.actor(change.learner), now: Date.now() };
      const course = this.courses.get(change.courseId);
      if (course) return recordChange(course, change, context);
      return recordStandaloneQuizzes(this.standaloneQuizzes.get(change.courseId) ?? [], change, context);
    });
    flush();
  }

  /** One delivery attempt (or the one running); resolves with the counts it ends with. */
  flush(): Promise<SyncCounts> {
    if (this.closed) return this.outbox.counts().then((counts) => ({ ...counts, sent: 0 }));
    this.running ??= this.attempt().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * A run that could not start or finish (no Web Lock in a sandboxed frame, the database gone): nothing
   * left the outbox, so it is tried again later like a network failure, never thrown at the page.
   */
  private async failedRun(error: unknown): Promise<DeliveryReport> {
    const counts = await this.outbox.counts().catch(() => ({ pending: 0, rejected: 0 }));
    return { ...counts, sent: 0, newlyRejected: 0, stopped: 'retry', message: String(error) };
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const [target, type, listener] of this.listeners) target.removeEventListener(type, listener);
    lrsListeners.delete(this.onCourseOpened);
    void this.store.recordWith(undefined);
  }

  private async attempt(): Promise<SyncCounts> {
    clearTimeout(this.timer);
    const report = await this.withDeliveryLock((outbox) => deliver(outbox, this.client)).catch((error: unknown) => this.failedRun(error));
    const counts = { pending: report.pending, sent: report.sent, rejected: report.rejected };
    if (this.closed) return counts;
    if (report.newlyRejected)
      this.error(
        'lrs-rejected',
        `The LRS rejected ${report.newlyRejected} learning record(s); they are kept, set aside. ${report.message ?? ''}`,
      );
    if (report.stopped === 'auth' && !this.authPaused) this.error('lrs-auth', `Learning records wait: ${report.message ?? ''}`);
    this.authPaused = report.stopped === 'auth';
    if (report.stopped === 'done') this.unrestored.splice(0).forEach((opened) => void this.restore(opened));
    this.failures = report.stopped === 'done' ? 0 : this.failures + 1;
    if (report.stopped !== 'done') {
      // Doubling waits with some jitter, so that many learners' pages do not retry all at once.
      const wait = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.failures - 1)) * (0.75 + Math.random() / 2);
      this.timer = setTimeout(() => void this.flush(), wait);
    }
    document.dispatchEvent(new SabaqEvent('sabaq-sync', counts));
    return counts;
  }

  /**
   * Runs a delivery from one tab at a time when the outbox is shared between tabs (a Web Lock where
   * the browser has them); a memory outbox is this page's alone.
   */
  private async withDeliveryLock(run: (outbox: Outbox) => Promise<DeliveryReport>): Promise<DeliveryReport> {
    // What learners did while the connection loaded goes with its first delivery.
    await this.recording;
    // Whether the outbox is shared is known once the store has opened, which reading it waits for.
    await this.outbox.counts();
    const { outbox } = this;
    const name = `sabaq-lrs:${this.namespace}`;
    let report: DeliveryReport | undefined;
    if (outbox.kind === 'memory') report = await run(outbox);
    else if (navigator.locks)
      report = await navigator.locks.request(name, { ifAvailable: true }, (lock) => (lock ? run(outbox) : undefined));
    else report = await withLease(name, () => run(outbox));
    // Another tab is delivering: it takes what this one added too.
    return report ?? { ...(await outbox.counts()), sent: 0, newlyRejected: 0, stopped: 'done' };
  }

  /** Records the learner's actions in what an element opened, and restores their progress in a course. */
  private track(opened: CourseOpened): void {
    const { namespace, course } = opened;
    if (this.closed || namespace !== this.namespace) return;
    const { standaloneQuiz } = course;
    if (standaloneQuiz) {
      // One entry per version of the quiz, the latest: an element opens its quiz again when moved in the page.
      const others = (this.standaloneQuizzes.get(course.id) ?? []).filter(({ quiz }) => quiz.hash !== standaloneQuiz.quiz.hash);
      this.standaloneQuizzes.set(course.id, [...others, standaloneQuiz]);
    }
    // Only a course element's course has what recording and restoring need (a quiz in a lesson gives its id only).
    if (!course.url || !course.lessons) return;
    this.courses.set(course.id, course as Course);
    void this.restore(opened);
  }

  /** Reads the learner's statements about the course and merges them into their progress, once per page. */
  private async restore({ namespace, learner, course: opened }: CourseOpened): Promise<void> {
    const key = JSON.stringify([namespace, learner, opened.id]);
    if (this.restored.has(key) || !opened.url) return;
    const course = { ...opened, url: opened.url };
    this.restored.add(key);
    try {
      const statements = await readCourseStatements(this.client, this.actor(learner), course);
      if (statements.length === 0 || this.closed) return;
      const document = progressFromStatements(statements, course, { namespace, learner }, Date.now());
      await this.store.importProgress(learner, JSON.stringify(document));
    } catch {
      // The LRS is out of reach (delivery says so, with lrs-auth when it refuses): try again later.
      this.restored.delete(key);
      this.unrestored.push({ namespace, learner, course: opened });
    }
  }

  private error(code: 'lrs-auth' | 'lrs-rejected', message: string): void {
    document.dispatchEvent(new SabaqEvent('sabaq-error', { code, message }));
  }
}

/** How long a tab's claim to deliver holds without Web Locks, should the tab die while delivering. */
const LEASE_MS = 60_000;
const tabId = crypto.randomUUID();

/**
 * Without Web Locks (Safari before 15.4, old WebViews): a claim in localStorage, which tabs of the
 * origin share, taken when no other tab holds an unexpired one. Two tabs may still both claim at the
 * same instant; statement ids keep a double delivery harmless. Undefined when another tab holds it.
 */
async function withLease<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
  let storage: Storage;
  try {
    storage = localStorage;
    const held = JSON.parse(storage.getItem(name) ?? 'null') as { tab?: string; until?: number } | null;
    if (held && held.tab !== tabId && (held.until ?? 0) > Date.now()) return undefined;
    storage.setItem(name, JSON.stringify({ tab: tabId, until: Date.now() + LEASE_MS }));
  } catch {
    return run(); // No localStorage either: deliver; ids make a double delivery harmless.
  }
  try {
    return await run();
  } finally {
    try {
      if ((JSON.parse(storage.getItem(name) ?? 'null') as { tab?: string } | null)?.tab === tabId) storage.removeItem(name);
    } catch {
      // Storage gone meanwhile: the claim expires by itself.
    }
  }
}
