/**
 * Change notices: subscribers in this page hear of a write at once; other tabs of the origin, which
 * share the database, hear of it through a BroadcastChannel once it has committed. Anything on the
 * origin can post to the channel, so what arrives is checked before it is passed on.
 */
import { InvalidRecordError, own, readId, readObject } from './validation.js';
import type { ProgressChange } from './api.js';

export class ChangeFeed {
  private readonly listeners = new Set<(change: ProgressChange) => void>();
  private readonly channel: BroadcastChannel | undefined;

  /** Without `channelName`, changes stay in the page (a memory store has nothing to share). */
  constructor(
    private readonly namespace: string,
    channelName?: string,
  ) {
    if (channelName === undefined || typeof BroadcastChannel !== 'function') return;
    this.channel = new BroadcastChannel(channelName);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      const change = readChange(event.data);
      if (change?.namespace === this.namespace) this.deliver(change);
    };
  }

  subscribe(listener: (change: ProgressChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(change: ProgressChange): void {
    const notice = Object.freeze({ ...change });
    this.deliver(notice);
    this.channel?.postMessage(notice);
  }

  close(): void {
    this.listeners.clear();
    this.channel?.close();
  }

  private deliver(change: ProgressChange): void {
    for (const listener of [...this.listeners]) notify(listener, change);
  }
}

/**
 * Calls a listener; if it throws, the error is reported as uncaught (to `window.onerror`) instead of
 * stopping the other listeners or failing the store call that caused the notice.
 */
export function notify<T>(listener: (value: T) => void, value: T): void {
  try {
    listener(value);
  } catch (error) {
    reportError(error);
  }
}

function readChange(data: unknown): ProgressChange | undefined {
  try {
    const object = readObject(data, 'change');
    const courseId = own(object, 'courseId');
    return Object.freeze({
      namespace: readId(own(object, 'namespace'), 'change', 'namespace'),
      learner: readId(own(object, 'learner'), 'change', 'learner'),
      ...(courseId === undefined ? {} : { courseId: readId(courseId, 'change', 'courseId') }),
    });
  } catch (error) {
    if (error instanceof InvalidRecordError) return undefined;
    throw error;
  }
}
