/**
 * The outbox: statements made but not yet delivered to the LRS, oldest first, keyed by statement id
 * (so adding one twice keeps one). A statement the LRS rejected is set aside: kept, never sent again by
 * itself. The delivery reads and writes it only through this interface.
 */
import type { XapiStatement } from './statements.js';

export interface OutboxCounts {
  pending: number;
  rejected: number;
}

export interface Outbox {
  /** Where the outbox lives: `memory` means it is lost with the page. */
  readonly kind: 'indexeddb' | 'memory';
  add(statements: readonly XapiStatement[]): Promise<void>;
  /** The oldest pending statements, up to `limit`; set-aside ones are not pending. */
  peek(limit: number): Promise<XapiStatement[]>;
  /** Drops delivered statements. */
  remove(ids: readonly string[]): Promise<void>;
  /** Keeps statements the LRS rejected out of further deliveries. */
  setAside(ids: readonly string[]): Promise<void>;
  counts(): Promise<OutboxCounts>;
}

/** An outbox in memory, for a page whose progress is kept in memory too (and for tests of the delivery). */
export class MemoryOutbox implements Outbox {
  readonly kind = 'memory';
  private readonly pending = new Map<string, XapiStatement>();
  private readonly rejected = new Map<string, XapiStatement>();

  async add(statements: readonly XapiStatement[]): Promise<void> {
    for (const statement of statements) {
      if (!this.rejected.has(statement.id)) this.pending.set(statement.id, structuredClone(statement));
    }
  }

  async peek(limit: number): Promise<XapiStatement[]> {
    return [...this.pending.values()].slice(0, limit).map((statement) => structuredClone(statement));
  }

  async remove(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.pending.delete(id);
  }

  async setAside(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const statement = this.pending.get(id);
      if (!statement) continue;
      this.pending.delete(id);
      this.rejected.set(id, statement);
    }
  }

  async counts(): Promise<OutboxCounts> {
    return { pending: this.pending.size, rejected: this.rejected.size };
  }
}
