/**
 * Where a store's reads and writes go. The store runs one call at a time, so a backend never sees two
 * operations interleave.
 */
import { MemoryRecords } from './memory.js';
import type { Write } from './operations.js';
import type { LearnerRecords } from './validation.js';
import type { StorageStatus } from './api.js';

export interface Backend {
  readonly status: StorageStatus;
  read<T>(learner: string, read: (records: LearnerRecords) => Promise<T>): Promise<T>;
  write<T>(learner: string, write: Write<T>): Promise<T>;
  close(): void;
}

/** Progress that lasts as long as the page. */
export class MemoryBackend implements Backend {
  status: StorageStatus = 'memory';
  private readonly records = new MemoryRecords();

  constructor(private readonly namespace: string) {}

  read<T>(learner: string, read: (records: LearnerRecords) => Promise<T>): Promise<T> {
    return read(this.records.forLearner(this.namespace, learner));
  }

  write<T>(learner: string, write: Write<T>): Promise<T> {
    return write.apply(this.records.forLearner(this.namespace, learner));
  }

  close(): void {
    this.status = 'closed';
  }
}
