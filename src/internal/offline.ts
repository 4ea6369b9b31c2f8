/**
 * Offline after the first visit (SPEC §7), the page's side. Once the host shows a course and a service
 * worker controls the page, it tells the worker every URL the course needs (the page itself with its
 * same-origin scripts and stylesheets, the course's files, its images) and asks to be told when they
 * are stored. sabaq's worker (dist/sabaq-sw.js) answers; any other worker ignores the message, and a
 * page without a worker never gets here. Once stored, the host shows a quiet "Available offline".
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
    const stored = async () => {
      const { courseFiles } = await import('../lib/course/offline-files.js');
      return askToKeep(worker, { type: 'sabaq-keep-offline', pages: pageFiles(), ...courseFiles(course) });
    };
    stored().then(
      (complete) => {
        if (!complete || this.announced !== key) return;
        this.available = true;
        this.host.requestUpdate();
      },
      () => {}, // Without the line the learner loses nothing: the course still works online.
    );
  }
}

/** The page's container, where the browser has one (not in an insecure context or some private modes). */
function serviceWorkers(): ServiceWorkerContainer | undefined {
  try {
    return navigator.serviceWorker ?? undefined;
  } catch {
    return undefined; // Firefox throws a SecurityError where service workers are turned off.
  }
}

/**
 * The page without its fragment, and the same-origin scripts and stylesheets it loaded: those in its
 * tags and those imported since (a bundler's lazily loaded files).
 */
function pageFiles(): string[] {
  const page = new URL(location.href);
  page.hash = '';
  const tags = document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>(
    'script[src], link[rel~="stylesheet"][href], link[rel="modulepreload"][href]',
  );
  const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
  const assets = [...[...tags].map((tag) => ('src' in tag ? tag.src : tag.href)), ...loaded].filter((href) => {
    const url = new URL(href);
    return url.origin === location.origin && /\.(m?js|css)$/.test(url.pathname);
  });
  return [page.href, ...new Set(assets)];
}

/** Posts the message with a port for the answer; resolves to whether everything needed was stored. */
function askToKeep(worker: ServiceWorker, message: object): Promise<boolean> {
  const channel = new MessageChannel();
  const answer = new Promise<boolean>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<{ type?: string; complete?: boolean }>) => {
      channel.port1.close();
      resolve(event.data?.type === 'sabaq-kept-offline' && event.data.complete === true);
    };
  });
  worker.postMessage(message, [channel.port2]);
  return answer;
}
