/**
 * Runs in a second tab (helpers.ts `openTab`): drives a store there as another tab of the site would.
 * Arguments and results travel as JSON.
 */
import { openDB } from 'idb';
import { type ProgressChange, type ProgressStore, type StorageProblem, openStore } from '../../../src/lib/store/index.js';

let store: ProgressStore | undefined;
const problems: StorageProblem[] = [];
const changes: ProgressChange[] = [];

export function openTestStore(databaseName: string): void {
  store = openStore({ databaseName });
  store.onProblem((problem) => problems.push(problem));
  store.subscribe((change) => changes.push(change));
}

type StoreMethod = {
  [Name in keyof ProgressStore]: ProgressStore[Name] extends (...args: never[]) => Promise<unknown> ? Name : never;
}[keyof ProgressStore];

/** Calls a method of the tab's store and resolves with what it resolved with. */
export async function callStore(method: StoreMethod, ...args: unknown[]): Promise<unknown> {
  if (!store) throw new Error('Call openTestStore first.');
  return (store[method] as (...args: unknown[]) => Promise<unknown>)(...args);
}

/** Like `callStore`, but a rejection comes back as its error's name and message instead of failing the call. */
export async function settleStore(
  method: StoreMethod,
  ...args: unknown[]
): Promise<{ value: unknown } | { error: { name: string; message: string } }> {
  try {
    return { value: await callStore(method, ...args) };
  } catch (error) {
    return { error: { name: (error as Error).name, message: (error as Error).message } };
  }
}

export function storeState(): { status: string; problems: StorageProblem[]; changes: ProgressChange[] } {
  return { status: store?.status ?? 'none', problems, changes };
}

/** The keys of one object store, read over a connection of their own. */
export async function readKeys(databaseName: string, storeName: string): Promise<IDBValidKey[]> {
  const database = await openDB(databaseName);
  try {
    return await database.getAllKeys(storeName);
  } finally {
    database.close();
  }
}
