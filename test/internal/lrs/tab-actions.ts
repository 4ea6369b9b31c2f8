/** Runs in a second document of the origin (tabs.test.ts): connects the LRS there as another tab would. */
import { connectLrs } from '../../../src/connect-lrs.js';

/** Connects, and resolves with the counts of the first delivery attempt once it has ended. */
export function connectAndFlush(options: { endpoint: string; auth: string; namespace: string }) {
  return connectLrs(options).flush();
}

/** Makes this document a browser without Web Locks (Safari before 15.4). */
export function hideWebLocks(): void {
  Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
}
