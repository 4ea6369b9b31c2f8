/**
 * Opening the progress database: at the schema's version, migrating as needed, and giving up rather
 * than hang, with the reason the store reports.
 */
import { openDB } from 'idb';
import type { UnavailableReason } from './api.js';
import { type ProgressDatabase, type ProgressSchema, MIGRATIONS, SCHEMA_VERSION, STORE_NAMES } from './schema.js';

/** How long an open may take before the store gives up on IndexedDB. */
export const OPEN_DEADLINE_MS = 3000;

/** Why IndexedDB cannot be used, as the store reports it. */
export class StorageFailure extends Error {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'StorageFailure';
  }
}

export function isQuotaError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}

export interface ConnectionEvents {
  /** Another tab wants to upgrade or delete the database; the connection has already been closed. */
  onVersionChange(database: ProgressDatabase): void;
  /** The browser closed the connection (site data cleared, storage process gone). */
  onTerminated(database: ProgressDatabase): void;
}

/**
 * Opens the database at SCHEMA_VERSION, migrating it from whatever version it has. Rejects with a
 * StorageFailure when IndexedDB is missing, fails, holds a newer version, or has not opened within
 * OPEN_DEADLINE_MS (WebKit bug 226547: an open request that never fires; or an upgrade blocked by a tab
 * that will not close). A connection that opens after the deadline is closed at once.
 */
export function openProgressDatabase(name: string, events: ConnectionEvents): Promise<ProgressDatabase> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    let gaveUp = false;
    const deadline = setTimeout(() => {
      gaveUp = true;
      reject(
        blocked
          ? new StorageFailure('blocked', 'Another tab holds the progress database open at an older version and does not let it upgrade.')
          : new StorageFailure('timeout', `The progress database did not open within ${OPEN_DEADLINE_MS / 1000} seconds.`),
      );
    }, OPEN_DEADLINE_MS);
    const fail = (failure: StorageFailure) => {
      clearTimeout(deadline);
      reject(failure);
    };

    // Set once open: versionchange and close events can only come after that.
    let database: ProgressDatabase;
    let opening: Promise<ProgressDatabase>;
    try {
      if (typeof indexedDB === 'undefined' || !indexedDB) {
        fail(new StorageFailure('unsupported', 'This browser gives the page no IndexedDB.'));
        return;
      }
      opening = openDB<ProgressSchema>(name, SCHEMA_VERSION, {
        upgrade(upgrading, oldVersion) {
          for (let version = oldVersion; version < SCHEMA_VERSION; version++) MIGRATIONS[version]!(upgrading);
        },
        blocked() {
          blocked = true;
        },
        // Closing at once is what lets another tab's upgrade (a newer sabaq) or delete go ahead.
        blocking() {
          database.close();
          events.onVersionChange(database);
        },
        terminated() {
          events.onTerminated(database);
        },
      });
    } catch (error) {
      // Accessing indexedDB throws a SecurityError where storage is forbidden (sandboxed frames,
      // cookies blocked); a patched or broken `open` may throw anything.
      fail(new StorageFailure('unsupported', `IndexedDB cannot be used here (${describeError(error)}).`, { cause: error }));
      return;
    }

    opening.then(
      (opened) => {
        database = opened;
        if (gaveUp) return opened.close();
        if (!STORE_NAMES.every((store) => opened.objectStoreNames.contains(store))) {
          opened.close();
          return fail(new StorageFailure('failed', `The database "${name}" exists but was not made by sabaq.`));
        }
        clearTimeout(deadline);
        resolve(opened);
      },
      (error: unknown) => {
        const failure =
          (error as { name?: unknown } | null)?.name === 'VersionError'
            ? new StorageFailure('newer-version', 'A newer version of this site has upgraded the progress database; reload the page.', {
                cause: error,
              })
            : new StorageFailure('failed', `The progress database could not be opened (${describeError(error)}).`, { cause: error });
        fail(failure);
      },
    );
  });
}

export function describeError(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
}
