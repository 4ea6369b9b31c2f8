/**
 * The outbox: statements made but not yet delivered to the LRS, oldest first, keyed by statement id
 * (so adding one twice keeps one). A statement the LRS rejected is set aside: kept, never sent again by
 * itself. The delivery reads and writes it only through this interface.
 *
 * A store queues statements itself, in the transaction of the progress change they record; everything
 * else here is for the delivery, which pages load only with `connectLrs()`: it stays out of the store.
 */
import type { ProgressStore } from '../store/index.js';
import { outboxQueue } from '../store/indexeddb-records.js';
import { type MemoryStatements, queueInMemory } from '../store/memory.js';
import { type OutboxStore, PENDING, SET_ASIDE } from '../store/schema.js';
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

/** An outbox in memory: a memory store's (see storeOutbox), or one of its own for tests of the delivery. */
export class MemoryOutbox implements Outbox {
  readonly kind = 'memory';

  constructor(private readonly memory: MemoryStatements = { pending: new Map(), rejected: new Map() }) {}

  async add(statements: readonly XapiStatement[]): Promise<void> {
    queueInMemory(this.memory, statements);
  }

  async peek(limit: number): Promise<XapiStatement[]> {
    return [...this.memory.pending.values()].slice(0, limit).map((statement) => structuredClone(statement));
  }

  async remove(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.memory.pending.delete(id);
  }

  async setAside(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const statement = this.memory.pending.get(id);
      if (!statement) continue;
      this.memory.pending.delete(id);
      this.memory.rejected.set(id, statement);
    }
  }

  async counts(): Promise<OutboxCounts> {
    return { pending: this.memory.pending.size, rejected: this.memory.rejected.size };
  }
}

/**
 * The store's outbox: in IndexedDB, shared by the origin's tabs, or in memory while the store is
 * (`kind` says which, as of now). Each call is a transaction of its own.
 */
export function storeOutbox(store: ProgressStore): Outbox {
  const { namespace } = store;
  const run = <T>(onDisk: (outbox: OutboxStore) => Promise<T>, inMemory: (outbox: Outbox) => Promise<T>) =>
    store.withOutbox(onDisk, (memory) => inMemory(new MemoryOutbox(memory)));
  return {
    get kind() {
      return store.status === 'indexeddb' ? 'indexeddb' : 'memory';
    },
    add: (statements) =>
      run(
        (outbox) => outboxQueue(outbox, namespace, statements),
        (memory) => memory.add(statements),
      ),
    peek: (limit) =>
      run(
        (outbox) => peekOnDisk(outbox, namespace, limit),
        (memory) => memory.peek(limit),
      ),
    remove: (ids) =>
      run(
        (outbox) => moveOnDisk(outbox, namespace, ids),
        (memory) => memory.remove(ids),
      ),
    setAside: (ids) =>
      run(
        (outbox) => moveOnDisk(outbox, namespace, ids, SET_ASIDE),
        (memory) => memory.setAside(ids),
      ),
    counts: () =>
      run(
        (outbox) => countOnDisk(outbox, namespace),
        (memory) => memory.counts(),
      ),
  };
}

function stateRange(namespace: string, state: number): IDBKeyRange {
  return IDBKeyRange.bound([namespace, state], [namespace, state, []]);
}

/** The oldest pending statements; a record that is not one (written by another script) is skipped. */
async function peekOnDisk(outbox: OutboxStore, namespace: string, limit: number): Promise<XapiStatement[]> {
  const values = await outbox.getAll(stateRange(namespace, PENDING), limit);
  return values.filter((value): value is XapiStatement => typeof (value as XapiStatement | undefined)?.id === 'string');
}

/** Deletes the pending statements with these ids, or moves them to `state`. */
async function moveOnDisk(outbox: OutboxStore, namespace: string, ids: readonly string[], state?: number): Promise<void> {
  const wanted = new Set(ids);
  for (let cursor = await outbox.openCursor(stateRange(namespace, PENDING)); cursor && wanted.size > 0; cursor = await cursor.continue()) {
    const statement = cursor.value as XapiStatement;
    if (!wanted.delete(statement?.id)) continue;
    const [, , queuedAt, position, id] = cursor.key;
    if (state !== undefined) await outbox.put(statement, [namespace, state, queuedAt, position, id]);
    await cursor.delete();
  }
}

async function countOnDisk(outbox: OutboxStore, namespace: string): Promise<OutboxCounts> {
  const [pending, rejected] = await Promise.all([
    outbox.count(stateRange(namespace, PENDING)),
    outbox.count(stateRange(namespace, SET_ASIDE)),
  ]);
  return { pending, rejected };
}
