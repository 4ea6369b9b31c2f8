/**
 * Offline after the first visit (SPEC §7), the page's side. Once the host shows a course and a service
 * worker controls the page, it loads `offline-announce.ts`, which tells the worker every URL the course
 * needs and waits to hear they are stored; a page without a worker never loads it. Once stored, the host
 * shows a quiet "Available offline".
 */
import { html, nothing, type ReactiveController } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import type { Course } from '../lib/types.js';
import type { SabaqElement } from './sabaq-element.js';

export class OfflineController implements ReactiveController {
  /** The course (URL and content hash) last announced, and whether the worker has stored it. */
  private announced: string | undefined;
  private available = false;
  private readonly onControllerChange = () => {
    // The first visit: the worker has just taken the page over. Or a new worker: announce again.
    this.announced = undefined;
    this.announce();
  };

  constructor(
    private readonly host: SabaqElement,
    private readonly course: () => Course | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    serviceWorkers()?.addEventListener('controllerchange', this.onControllerChange);
  }

  hostDisconnected(): void {
    serviceWorkers()?.removeEventListener('controllerchange', this.onControllerChange);
  }

  hostUpdated(): void {
    this.announce();
  }

  render(localize: LocalizeController) {
    return this.available ? html`<span class="progress-label" role="status">${localize.term('availableOffline')}</span>` : nothing;
  }

  private announce(): void {
    const course = this.course();
    const worker = serviceWorkers()?.controller;
    const key = course && `${course.url}\n${course.hash}`;
    if (!course || !worker || key === this.announced) return;
    this.announced = key;
    this.available = false;
    // Background work: it waits until the page is idle, so that it never delays the learner's lesson on
    // a slow phone (on the bench's phone it took some 40 ms off an offline reload to the lesson).
    whenIdle()
      .then(() => import('./offline-announce.js'))
      .then(({ keepOffline }) => keepOffline(worker, course))
      .then(
        (complete) => {
          if (!complete || this.announced !== key) return;
          this.available = true;
          this.host.requestUpdate();
        },
        () => {}, // Without the line the learner loses nothing: the course still works online.
      );
  }
}

/** Resolves once the browser is idle; where it cannot tell (Safari), once the tasks waiting now have run. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 5000 });
    else setTimeout(resolve);
  });
}

/** The page's container, where the browser has one (not in an insecure context or some private modes). */
function serviceWorkers(): ServiceWorkerContainer | undefined {
  try {
    return navigator.serviceWorker ?? undefined;
  } catch {
    return undefined; // Firefox throws a SecurityError where service workers are turned off.
  }
}
