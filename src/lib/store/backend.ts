/**
 * Where a store's reads and writes go. The store runs one call at a time, so a backend never sees two
 * operations interleave.
 */
import type { StorageStatus } from './api.js';
import type { Outbox } from '../xapi/outbox.js';
import type { LearnerRecords } from './learner-records.js';
import type { Write } from './operations.js';

export interface Backend {
  readonly status: StorageStatus;
  /** The namespace's learning records waiting for the LRS (SPEC §6). */
  readonly outbox: Outbox;
  read<T>(learner: string, read: (records: LearnerRecords) => Promise<T>): Promise<T>;
  write<T>(learner: string, write: Write<T>): Promise<T>;
  close(): void;
}
