/**
 * Tells a service worker every URL a course needs offline (the page itself with its same-origin scripts
 * and stylesheets, the course's files, its images) and waits for it to say they are stored. sabaq's
 * worker (dist/sabaq-sw.js) answers; any other worker ignores the message, and the answer never comes.
 * Loaded by `offline.ts` only when a worker controls the page.
 */
import { courseFiles } from '../lib/course/offline-files.js';
import type { Course } from '../lib/types.js';

/** Resolves to true once the worker has stored the page and the course's files (images may fail). */
export function keepOffline(worker: ServiceWorker, course: Course): Promise<boolean> {
  return askToKeep(worker, { type: 'sabaq-keep-offline', pages: pageFiles(), ...courseFiles(course) });
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
