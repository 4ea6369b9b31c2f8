/**
 * How a progress tracker's Continue reaches a course player: on the same page, a `sabaq-continue`
 * event the player answers; on another page, a link whose hash `#sabaq-lesson=<id>` the player opens.
 */

const HASH_KEY = 'sabaq-lesson';

/** The Continue link to a lesson on the page at `base`. */
export function continueHref(base: string, lessonId: string): string {
  return `${base}#${HASH_KEY}=${encodeURIComponent(lessonId)}`;
}

/** The lesson a Continue link asked for, from a page's `location.hash`. */
export function linkedLessonId(hash: string): string | undefined {
  return new URLSearchParams(hash.slice(1)).get(HASH_KEY) ?? undefined;
}

/**
 * Takes the Continue link's request out of the page's URL, once the player has answered it, so that a
 * reload, Back or Forward reopens the learner's last lesson. Leaves the rest of the hash and history.
 */
export function forgetLinkedLesson(): void {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has(HASH_KEY)) return;
  params.delete(HASH_KEY);
  const rest = params.toString();
  const url = new URL(location.href);
  url.hash = rest ? `#${rest}` : '';
  history.replaceState(history.state, '', url.hash ? url.href : url.href.replace(/#$/, ''));
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** Internal: a progress tracker asks the player showing that course to open a lesson. */
    'sabaq-continue': CustomEvent<{ courseId: string; lessonId: string }>;
  }
}
