/**
 * Fetches a course by URL for the elements: the manifest, then its lessons in parallel. Each course is
 * fetched once per page however many elements show it; a failed load is forgotten so a retry refetches.
 * Patchy connections get two retries with back-off before a file counts as failed, and a request that
 * stalls is given up after 30 seconds and retried. Whoever asks may also be told of a Markdown course
 * as it arrives, to show it meanwhile.
 */
import { type Problem } from '../problems.js';
import type { Course } from '../types.js';
import { loadMarkdownPipeline } from '../markdown-loader.js';
import { loadSanitizer } from '../render/sanitizer-loader.js';
import type { CourseInput, CourseSoFar } from './course.js';
import { fromCourseFile, isCourseFile, isPrerendered } from './course-file.js';
import { HTML_PAGE, HTML_PAGE_REASON } from './html-page.js';

export type CourseLoadErrorCode = 'course-not-found' | 'network' | 'course-invalid';

/** Why a course could not be shown at all (a broken lesson does not stop the course). */
export class CourseLoadError extends Error {
  constructor(
    readonly code: CourseLoadErrorCode,
    message: string,
    readonly url: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'CourseLoadError';
  }
}

export interface LoadOptions {
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Milliseconds between retries; the defaults suit a patchy mobile connection. */
  retryDelays?: readonly number[];
  /** Milliseconds one request may take before it counts as failed (and is retried). */
  timeout?: number;
}

const DEFAULT_RETRY_DELAYS = [500, 1500];
/** A stalled mobile connection can leave a request open for minutes: give up on it and retry. */
const DEFAULT_TIMEOUT = 30_000;

/** Told of a Markdown course as far as it has arrived, each time more of it has. */
export type ArrivalListener = (soFar: CourseSoFar) => void;

/** One course's load, shared by everyone who asks for it. */
interface CourseLoad {
  whole: Promise<Course>;
  /** The course so far, while a Markdown course's lessons arrive. */
  soFar?: CourseSoFar;
  /** Told of each arrival until the load ends; then emptied, and nothing more is added. */
  listeners: Set<ArrivalListener>;
  ended: boolean;
}

/** A listener is a page's code as much as sabaq's: one that throws must not fail the load for everyone. */
function tell(listener: ArrivalListener, soFar: CourseSoFar): void {
  try {
    listener(soFar);
  } catch (error) {
    console.error('sabaq:', error);
  }
}

const cache = new Map<string, CourseLoad>();

/**
 * Why a lesson file could not be read, where the fault is not the author's: the network failed
 * (`status` absent) or the server answered with an error (`status` 5xx, 408 or 429), even after retries.
 */
export interface LessonFetchFailure {
  status?: number;
}

/** What a loaded course was read from, so that its unreachable lessons can be fetched again alone. */
interface CourseSource {
  text: string;
  file: string;
  url: string;
  options: LoadOptions;
  /** Lesson files read, by URL. */
  lessons: Map<string, string>;
  failures: Map<string, LessonFetchFailure>;
}

const sources = new WeakMap<Course, CourseSource>();

/** The absolute URL for `src` as the page would resolve it. */
export function resolveCourseUrl(src: string): string {
  const base = (globalThis as { document?: { baseURI: string } }).document?.baseURI;
  return new URL(src, base).href;
}

/**
 * The course at `src`, whole. `onArrival` is told of it as far as it has arrived meanwhile (at once if
 * some of it already has); a prebuilt course, one file, arrives whole.
 */
export function loadCourse(src: string, { onArrival, ...options }: LoadOptions & { onArrival?: ArrivalListener } = {}): Promise<Course> {
  const url = resolveCourseUrl(src);
  let load = cache.get(url);
  if (!load) {
    const listeners = new Set<ArrivalListener>();
    const started: CourseLoad = {
      listeners,
      ended: false,
      whole: fetchCourse(url, options, (soFar) => {
        started.soFar = soFar;
        listeners.forEach((listener) => tell(listener, soFar));
      }),
    };
    const done = () => {
      started.ended = true;
      started.soFar = undefined;
      listeners.clear();
    };
    started.whole.then(done, () => {
      done();
      if (cache.get(url) === started) cache.delete(url);
    });
    cache.set(url, (load = started));
  }
  if (onArrival && !load.ended) {
    if (load.soFar) tell(onArrival, load.soFar);
    load.listeners.add(onArrival);
  }
  return load.whole;
}

/** Forgets fetched courses (all, or one `src`), so the next load fetches again. */
export function forgetCourse(src?: string): void {
  if (src === undefined) cache.clear();
  else cache.delete(resolveCourseUrl(src));
}

async function fetchCourse(url: string, options: LoadOptions, onArrival: ArrivalListener): Promise<Course> {
  let text: string;
  try {
    text = await fetchText(url, options);
  } catch (error) {
    const code = isNotFound(error) ? 'course-not-found' : 'network';
    throw new CourseLoadError(code, `The course at ${url} could not be loaded (${(error as Error).message}).`, url);
  }

  if (text.trimStart().startsWith('{')) {
    try {
      const json: unknown = JSON.parse(text);
      if (isCourseFile(json)) {
        // A course file of version 1 has no HTML: its Markdown is rendered in the browser.
        await (isPrerendered(json) ? loadSanitizer() : loadMarkdownPipeline());
        return fromCourseFile(json, url);
      }
    } catch (error) {
      throw new CourseLoadError('course-invalid', `${url}: ${(error as Error).message}`, url);
    }
    throw new CourseLoadError('course-invalid', `${url} is JSON but not a course built by "sabaq build".`, url);
  }

  const file = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'course.md');
  return readLessons({ text, file, url, options, lessons: new Map(), failures: new Map() }, onArrival);
}

/** Reads the course from its manifest, fetching only the lesson files not read before. */
async function readLessons(source: CourseSource, onArrival?: ArrivalListener): Promise<Course> {
  const readLesson = async (lessonUrl: string) => {
    const known = source.lessons.get(lessonUrl);
    if (known !== undefined) return known;
    try {
      const text = await fetchText(lessonUrl, source.options);
      source.lessons.set(lessonUrl, text);
      source.failures.delete(lessonUrl);
      return text;
    } catch (error) {
      if (isTransient(error)) source.failures.set(lessonUrl, error instanceof HttpError ? { status: error.status } : {});
      throw error;
    }
  };
  const course = await readCourse({
    text: source.text,
    file: source.file,
    url: source.url,
    readLesson,
    ...(onArrival ? { onArrival } : {}),
  });
  sources.set(course, source);
  return course;
}

/** Why the lesson at `lessonUrl` of a loaded course could not be fetched, when the network or server failed. */
export function lessonFetchFailure(course: Course, lessonUrl: string): LessonFetchFailure | undefined {
  return sources.get(course)?.failures.get(lessonUrl);
}

/**
 * Fetches again the lessons of `course` that failed for the network's or server's sake, and resolves
 * with the course read anew (the same course when nothing failed). Later loads of its `src` get it too.
 */
export async function retryFailedLessons(course: Course): Promise<Course> {
  const source = sources.get(course);
  if (!source || source.failures.size === 0) return course;
  const retried = await readLessons(source);
  cache.set(source.url, { whole: Promise.resolve(retried), listeners: new Set(), ended: true });
  return retried;
}

/** The course reader comes with the Markdown pipeline, which a prebuilt course never needs. */
async function readCourse(input: CourseInput): Promise<Course> {
  return (await loadMarkdownPipeline()).readCourse(input);
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message = status === 404 ? 'not found' : `HTTP ${status}`,
  ) {
    super(message);
  }
}

/** Worth another try: the network failed or the server was briefly unable to answer. */
function isTransient(error: unknown): boolean {
  return !(error instanceof HttpError) || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** True when a failed fetch found nothing at the URL (as opposed to a network failure). */
export function isNotFound(error: unknown): boolean {
  return error instanceof HttpError && error.status === 404;
}

/** A text file, with the loader's retries and timeout; for quizzes and anything else sabaq fetches. */
export async function fetchText(url: string, options: LoadOptions = {}): Promise<string> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const delays = options.retryDelays ?? DEFAULT_RETRY_DELAYS;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await doFetch(url, { signal: AbortSignal.timeout(options.timeout ?? DEFAULT_TIMEOUT) });
      if (!response.ok) throw new HttpError(response.status);
      const text = await response.text();
      // Many servers answer a missing file with their home page (a single-page-app fallback).
      if (HTML_PAGE.test(text)) throw new HttpError(404, HTML_PAGE_REASON);
      return text;
    } catch (error) {
      if (attempt >= delays.length || !isTransient(error)) {
        throw error instanceof HttpError ? error : new Error('network error', { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}
