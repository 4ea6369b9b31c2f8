/**
 * Where a store's reads and writes go. The store runs one call at a time, so a backend never sees two
 * operations interleave.
 */
import type { StorageStatus } from './api.js';
import type { MemoryStatements } from './memory.js';
import type { LearnerRecords } from './learner-records.js';
import type { Write } from './operations.js';
import type { OutboxStore } from './schema.js';

export interface Backend {
  readonly status: StorageStatus;
  /** See `ProgressStore.withOutbox`. */
  withOutbox<T>(onDisk: (outbox: OutboxStore) => Promise<T>, inMemory: (outbox: MemoryStatements) => Promise<T>): Promise<T>;
  read<T>(learner: string, read: (records: LearnerRecords) => Promise<T>): Promise<T>;
  write<T>(learner: string, write: Write<T>): Promise<T>;
  close(): void;
}
