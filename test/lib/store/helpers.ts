/**
 * What the store tests share: fresh database names, raw access to IndexedDB for setting up and
 * inspecting databases as another version or another script would leave them, failures made with the
 * real API, and second tabs.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { deleteDB, openDB } from 'idb';
import type { ProgressChange, ProgressStore, StorageProblem } from '../../../src/lib/store/index.js';

/** IndexedDB outlives a test file, in every engine: each test gets databases of its own. */
export function uniqueDatabaseName(label: string): string {
  return `sabaq-test-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export async function deleteDatabase(name: string): Promise<void> {
  await deleteDB(name);
}

/** A store's reports and change notices, as they arrive. */
export function watch(store: ProgressStore): { problems: StorageProblem[]; changes: ProgressChange[] } {
  const watched = { problems: [] as StorageProblem[], changes: [] as ProgressChange[] };
  store.onProblem((problem) => watched.problems.push(problem));
  store.subscribe((change) => watched.changes.push(change));
  return watched;
}

/** Collects unhandled promise rejections until `stop()`, which resolves with them. */
export function watchUnhandledRejections(): { stop(): Promise<unknown[]> } {
  const reasons: unknown[] = [];
  const listener = (event: PromiseRejectionEvent) => {
    reasons.push(event.reason);
    event.preventDefault();
  };
  window.addEventListener('unhandledrejection', listener);
  return {
    async stop() {
      // Browsers announce an unhandled rejection after the task in which it happened: wait one out.
      await delay(20);
      window.removeEventListener('unhandledrejection', listener);
      return reasons;
    },
  };
}

export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** The one `until` every test uses: (condition, what it waits for, timeout). */
export { until } from '../../components/helpers.js';

/** Every record of a store of a raw database, as [key, value] pairs. */
export async function rawRecords(databaseName: string, storeName: string): Promise<[IDBValidKey, unknown][]> {
  const database = await openDB(databaseName);
  try {
    const transaction = database.transaction(storeName);
    const [keys, values] = await Promise.all([transaction.store.getAllKeys(), transaction.store.getAll(), transaction.done]);
    return keys.map((key, i) => [key, values[i]]);
  } finally {
    database.close();
  }
}

/**
 * Replaces `IDBFactory.prototype.open` for as long as the test needs; `restore()` puts it back.
 * `original` is the real method, for replacements that hand back a real request.
 */
export function replaceOpen(
  replacement: (this: IDBFactory, original: IDBFactory['open'], name: string, version?: number) => IDBOpenDBRequest,
): { restore(): void } {
  const original = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    return replacement.call(this, original, name, version);
  };
  return {
    restore() {
      IDBFactory.prototype.open = original;
    },
  };
}

interface Capabilities {
  /** The launcher can open a real second tab (puppeteer: Chromium and Firefox). */
  tabs: boolean;
  /** The engine speaks the DevTools protocol (Chromium). */
  cdp: boolean;
}

let capabilities: Promise<Capabilities> | undefined;

export function engineCapabilities(): Promise<Capabilities> {
  capabilities ??= executeServerCommand<Capabilities, undefined>('sabaq-capabilities');
  return capabilities;
}

/** The path the server commands' tab page is served at (scripts/wtr/commands.mjs). */
const TAB_PATH = '/__sabaq__/tab.html';
const TAB_ACTIONS = '/test/lib/store/tab-actions.ts';

type TabActions = typeof import('./tab-actions.js');

/** Another page of the origin, running the store in its own JavaScript realm with its own connections. */
export interface Tab {
  readonly origin: string;
  /** Calls an export of tab-actions.ts in the tab; arguments and result travel as JSON. */
  call<Name extends keyof TabActions>(name: Name, ...args: Parameters<TabActions[Name]>): Promise<Awaited<ReturnType<TabActions[Name]>>>;
  reload(): Promise<void>;
  close(): Promise<void>;
  /** Sends a DevTools-protocol command from the tab: Chromium's real tabs only. */
  devTools<T = unknown>(method: string, params: object): Promise<T>;
}

/**
 * Opens a second tab. Where the launcher drives WebDriver (WebKit), which cannot open a page without
 * taking the runner's own window, the second page is a same-origin iframe instead: for IndexedDB and
 * BroadcastChannel it is another document of the origin just as a tab is. `isolated` gives the tab an
 * origin no other test uses (tab-N.localhost), so that clearing its storage or limiting its quota
 * cannot touch tests running at the same time; only real tabs can be isolated.
 */
export async function openTab(options: { isolated?: boolean } = {}): Promise<Tab> {
  if ((await engineCapabilities()).tabs) {
    const { id, origin } = await executeServerCommand<{ id: number; origin: string }, object>('sabaq-tab-open', options);
    return {
      origin,
      async call(name, ...args) {
        const { value } = await executeServerCommand<{ value: never }, object>('sabaq-tab-call', {
          id,
          module: TAB_ACTIONS,
          name,
          args,
        });
        return value;
      },
      async reload() {
        await executeServerCommand('sabaq-tab-reload', { id });
      },
      async close() {
        await executeServerCommand('sabaq-tab-close', { id });
      },
      async devTools<T>(method: string, params: object) {
        const { value } = await executeServerCommand<{ value: T }, object>('sabaq-cdp', { id, method, params });
        return value;
      },
    };
  }
  if (options.isolated) throw new Error('Only a real tab can have an origin of its own.');
  return openFrameTab();
}

async function openFrameTab(): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  const loaded = () => new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  const loading = loaded();
  frame.src = TAB_PATH;
  document.body.append(frame);
  await loading;
  type FrameWindow = Window & { sabaqCall(module: string, name: string, args: unknown[]): Promise<unknown> };
  return {
    origin: location.origin,
    async call(name, ...args) {
      const value = await (frame.contentWindow as FrameWindow).sabaqCall(TAB_ACTIONS, name, args);
      // The same JSON trip as a real tab's results make.
      return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    },
    async reload() {
      const reloading = loaded();
      frame.contentWindow!.location.reload();
      await reloading;
    },
    async close() {
      frame.remove();
    },
    devTools() {
      throw new Error('DevTools commands need a real tab.');
    },
  };
}
