/**
 * `connectLrs()` (SPEC §6): connects the page's elements to an xAPI Learning Record Store. The
 * connection's code is loaded only when a page calls it, from a file beside this module.
 */
import { SabaqEvent } from './events.js';
import { openStore } from './lib/store/index.js';
import type { SyncCounts } from './internal/lrs/connection.js';
import type { LrsAuth } from './lib/xapi/client.js';
import type { XapiAgent } from './lib/xapi/statements.js';

export type { LrsAuth, SyncCounts, XapiAgent };

export interface ConnectLrsOptions {
  /** The LRS's xAPI base URL, such as `https://lrs.example.org/xapi/` (or a same-origin proxy's). */
  endpoint: string;
  /** The `Authorization` header's value, or a function (may be async) returning it; asked again after a 401 or 403. */
  auth: LrsAuth;
  /** The xAPI Agent for a `learner`. Default: `{ objectType: 'Agent', account: { homePage: location.origin, name: learner } }`. */
  actor?: (learner: string) => XapiAgent;
  /** Connect only the elements of this namespace. Default `default`. */
  namespace?: string;
}

export interface LrsConnection {
  /** Delivers what is waiting now; resolves with the outbox's counts after the attempt. */
  flush(): Promise<SyncCounts>;
  /** Stops delivering and restoring; what waits stays in the outbox for the next connection. */
  close(): void;
}

export function connectLrs(options: ConnectLrsOptions): LrsConnection {
  new URL(options.endpoint); // A mistyped endpoint is the caller's mistake: a TypeError now, not a silent failure later.
  const namespace = options.namespace || 'default';
  // What learners do while the connection loads is kept by the store, for the connection to record.
  const store = openStore({ namespace });
  store.expectRecorder();
  const connection = import('./internal/lrs/connection.js').then((module) => module.connect({ ...options, namespace }));
  connection.catch((error: unknown) => {
    void store.recordWith(undefined);
    document.dispatchEvent(
      new SabaqEvent('sabaq-error', { code: 'network', message: `The LRS connection could not be loaded: ${String(error)}` }),
    );
  });
  return {
    flush: () => connection.then((opened) => opened.flush()),
    close: () =>
      void connection.then(
        (opened) => opened.close(),
        () => {},
      ),
  };
}
