/**
 * `dist/sabaq-sw.js`: the service worker a partner copies beside its course pages (SPEC §7, README
 * "Offline"). Built from Workbox's modules into one classic script by `vite build --mode sw`.
 *
 * What it stores, and nothing else:
 * - sabaq's own files (`sabaq.js` and every file it loads), precached at install with the revision
 *   the build computed, from the folder named by `?sabaq=` in the worker's URL (default: its own);
 * - the exact URLs a sabaq player announced after showing a course (see `src/internal/offline.ts`):
 *   its page with that page's same-origin scripts and stylesheets, the course's files and its
 *   lessons' images. Any other request passes through to the network and is never stored; one to
 *   another origin than the worker's and the courses' is not even answered (see `courseOrigins`).
 *
 * A new version installs beside the old one and waits: it takes over once no page of the old one is
 * open, or when the only one open has just been left (see `pageOrNewVersion`), so an open page never
 * loads a mix of old and new files.
 */
import {
  type RouteHandlerCallback,
  type RouteHandlerCallbackOptions,
  type WorkboxPlugin,
  clientsClaim,
  setCacheNameDetails,
} from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, getCacheKeyForURL, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, type Strategy } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope;
/** sabaq's files and their revisions, relative to the folder of `sabaq.js`; written in by the build. */
declare const SABAQ_PRECACHE: { url: string; revision: string }[];

/** How long a page or course file may take online before the stored copy is shown instead. */
const NETWORK_TIMEOUT_SECONDS = 3;

/** Bounds that keep the caches small next to a phone's storage; the browser may evict them anyway. */
const LIMITS = { pages: 40, courses: 1500, images: 150 };
/** At most this many URLs are taken from one announcement; a course is far smaller. */
const MAX_ANNOUNCED = 3000;

setCacheNameDetails({ prefix: 'sabaq' });
const cacheName = (kind: keyof typeof LIMITS) => `sabaq-${kind}-${self.registration.scope}`;

const sabaqFolder = new URL(new URL(self.location.href).searchParams.get('sabaq') ?? './', self.location.href);
precacheAndRoute(SABAQ_PRECACHE.map(({ url, revision }) => ({ url: new URL(url, sabaqFolder).href, revision })));
cleanupOutdatedCaches();
// The first install serves the page that registered it at once, so that one visit is enough; a later
// version activates only when no page of the old one is open (no skipWaiting), so claiming mixes nothing.
clientsClaim();

/** URLs being stored because a page announced them, which `storeOnlyAnnounced` lets into a cache. */
const admitting = new Set<string>();

/**
 * Lets a response into its cache only when its URL was announced: while being admitted, or to refresh
 * what is already there. Only complete (200) responses: an opaque one costs megabytes of quota. Never
 * one its server sent with `Cache-Control: no-store` (a page personal to the learner, say), and a copy
 * stored before the server said so is dropped.
 */
function storeOnlyAnnounced(kind: keyof typeof LIMITS): WorkboxPlugin {
  return {
    cacheWillUpdate: async ({ request, response }) => {
      if (response.status !== 200) return null;
      const cache = await caches.open(cacheName(kind));
      if (forbidsStoring(response)) {
        await cache.delete(request.url, { ignoreVary: true });
        return null;
      }
      if (admitting.has(request.url)) return response;
      return (await cache.match(request.url, { ignoreVary: true })) ? response : null;
    },
  };
}

function forbidsStoring(response: Response): boolean {
  const directives = (response.headers.get('Cache-Control') ?? '').split(',');
  return directives.some((directive) => directive.trim().toLowerCase() === 'no-store');
}

function plugins(kind: keyof typeof LIMITS): WorkboxPlugin[] {
  return [storeOnlyAnnounced(kind), new ExpirationPlugin({ maxEntries: LIMITS[kind], purgeOnQuotaError: true })];
}

const strategies = {
  pages: new NetworkFirst({
    cacheName: cacheName('pages'),
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: plugins('pages'),
    matchOptions: { ignoreVary: true },
  }),
  // Network first with a short timeout rather than stale-while-revalidate: a changed course reaches the
  // learner on the next visit online, and a slow connection still gets the stored copy after 3 seconds
  // while the network's answer refreshes the cache in the background.
  courses: new NetworkFirst({
    cacheName: cacheName('courses'),
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: plugins('courses'),
    matchOptions: { ignoreVary: true },
  }),
  images: new CacheFirst({ cacheName: cacheName('images'), plugins: plugins('images'), matchOptions: { ignoreVary: true } }),
} satisfies Record<keyof typeof LIMITS, Strategy>;

registerRoute(({ request }) => request.mode === 'navigate', pageOrNewVersion);
registerRoute(
  ({ request, sameOrigin }) => sameOrigin && (request.destination === 'script' || request.destination === 'style'),
  strategies.pages,
);
// `fetch()` requests (the course player's manifest, lessons, course.json and quizzes) and images.
registerRoute(({ request, url }) => request.destination === '' && mayBeCourse(url), onCourseOrigin(strategies.courses));
registerRoute(({ request, url }) => request.destination === 'image' && mayBeCourse(url), onCourseOrigin(strategies.images));

/**
 * The origins of the courses (their files and lessons' images) that pages announced. A request to
 * neither the worker's scope nor one of these (a partner's analytics, its CDN) is not answered at all:
 * it goes to the network untouched. Read back from the stores when the worker starts, since the
 * browser stops an idle worker and the next request may be a course's.
 */
const courseOrigins = new Set<string>();
let courseOriginsRead = false;
const readingCourseOrigins = (async () => {
  for (const kind of ['courses', 'images'] as const) {
    for (const stored of await (await caches.open(cacheName(kind))).keys()) courseOrigins.add(new URL(stored.url).origin);
  }
})()
  .catch(() => {}) // Stores that cannot be read hold nothing to answer with.
  .finally(() => (courseOriginsRead = true));

/** Whether a course's file or image may be at `url`: any URL may, until the stored origins are read. */
function mayBeCourse(url: URL): boolean {
  return url.href.startsWith(self.registration.scope) || courseOrigins.has(url.origin) || !courseOriginsRead;
}

/**
 * Answers through `strategy` once the stored origins are read. A request that came before, to what then
 * turns out to be no course's origin, goes on to the network as it was.
 */
function onCourseOrigin(strategy: Strategy): RouteHandlerCallback {
  return async ({ request, event, url }) => {
    await readingCourseOrigins;
    return mayBeCourse(url) ? strategy.handle({ request, event }) : fetch(request);
  };
}

/** The page last answered with an empty page that loads again (see `pageOrNewVersion`), by client id. */
let reloadingPage: string | undefined;
/**
 * Empty pages answered one after another. Each load of one is a request this version answers, and the
 * browser may wait for those to end before the new version takes over: past a few, the page gets this
 * version, whole, so that it can never be sent round for ever.
 */
let emptyPagesInARow = 0;
const MOST_EMPTY_PAGES_IN_A_ROW = 3;

/**
 * A page loads (a reload, a link, a new tab) while a new version waits. The new version may take over
 * only once no page of this one is open, or an open page would load a mix of versions. Nothing in the
 * request tells a reload of the only open page (which is left, so the new version could take over) from
 * a new tab beside it (which stays open): the page being left counts as open until the new one replaces
 * it. So with one page open, the answer is an empty page that loads again at once. At that next load the
 * page that was left is gone: the new version takes over and the page loads once more, under it. A page
 * still open then was not being left: the load gets this version, whole, and asks nothing more.
 */
async function pageOrNewVersion({ event, request }: RouteHandlerCallbackOptions): Promise<Response> {
  const waiting = self.registration.waiting;
  const emptyPage = reloadingPage;
  reloadingPage = undefined;
  if (!waiting || emptyPagesInARow >= MOST_EMPTY_PAGES_IN_A_ROW) {
    emptyPagesInARow = 0;
    return strategies.pages.handle({ event, request });
  }
  const pages = (await self.clients.matchAll({ type: 'window' })).filter((client) => client.id !== emptyPage);
  if (pages.length === 0) {
    // Not waiting for it here: the browser activates a new version only once this answer is given. The
    // page loads again at once, and its request waits for the new version to be active.
    waiting.postMessage({ type: 'sabaq-take-over' });
    return loadAgain();
  }
  if (pages.length === 1 && emptyPage === undefined) {
    reloadingPage = (event as FetchEvent).resultingClientId;
    return loadAgain();
  }
  emptyPagesInARow = 0;
  return strategies.pages.handle({ event, request });
}

/** An empty page that the browser replaces at once by loading its URL again. */
function loadAgain(): Response {
  emptyPagesInARow++;
  return new Response('', { headers: { Refresh: '0' } });
}

/** What a page sends once a player has shown a course: every URL it needs offline. */
interface KeepOfflineMessage {
  type: 'sabaq-keep-offline';
  pages: string[];
  files: string[];
  images: string[];
}

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'sabaq-take-over') {
    event.waitUntil(self.skipWaiting());
    return;
  }
  const message = event.data as Partial<KeepOfflineMessage> | null;
  const reply = event.ports[0];
  if (message?.type !== 'sabaq-keep-offline' || !reply) return;
  event.waitUntil(keepOffline(message, event).then((complete) => reply.postMessage({ type: 'sabaq-kept-offline', complete })));
});

/** Stores what a page announced; true when its pages and course files are all stored (images may fail). */
async function keepOffline(message: Partial<KeepOfflineMessage>, event: ExtendableEvent): Promise<boolean> {
  const urls = (list: unknown) => (Array.isArray(list) ? list.filter(isHttpUrl).slice(0, MAX_ANNOUNCED) : []);
  const files = urls(message.files).map((url) => ({ url, kind: 'courses' as const }));
  const images = urls(message.images).map((url) => ({ url, kind: 'images' as const }));
  for (const { url } of [...files, ...images]) courseOrigins.add(new URL(url).origin);
  const needed = [...urls(message.pages).map((url) => ({ url, kind: 'pages' as const })), ...files];
  const stored = await inBatches([...needed, ...images], ({ url, kind }) => store(url, kind, event));
  return stored.slice(0, needed.length).every(Boolean);
}

/** Puts one URL in its cache through its strategy (so expiration counts it), unless it is there already. */
async function store(url: string, kind: keyof typeof LIMITS, event: ExtendableEvent): Promise<boolean> {
  if (getCacheKeyForURL(url)) return true; // One of sabaq's own files, precached.
  const cache = await caches.open(cacheName(kind));
  if (await cache.match(url, { ignoreVary: true })) return true;
  admitting.add(url);
  try {
    const [response, done] = strategies[kind].handleAll({ request: new Request(url), event });
    await Promise.all([response, done]);
    return (await cache.match(url, { ignoreVary: true })) !== undefined;
  } catch {
    return false;
  } finally {
    admitting.delete(url);
  }
}

function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//.test(value);
}

/** Runs `task` over `items` a few at a time, so that a large course does not flood a slow connection. */
async function inBatches<T, R>(items: T[], task: (item: T) => Promise<R>, width = 6): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
