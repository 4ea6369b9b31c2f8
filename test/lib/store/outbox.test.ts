import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { openStore } from '../../../src/lib/store/index.js';
import { storeOutbox } from '../../../src/lib/xapi/outbox.js';
import type { XapiStatement } from '../../../src/lib/xapi/statements.js';
import { uniqueDatabaseName } from './helpers.js';

const statement = (id: string) => ({ id }) as XapiStatement;

describe('the outbox of learning records in IndexedDB', () => {
  it('keeps every statement of batches queued in the same millisecond (two tabs, or one transaction)', async () => {
    const databaseName = uniqueDatabaseName('outbox');
    const store = openStore({ namespace: 'outbox', databaseName });
    const outbox = storeOutbox(store);
    const now = Date.now;
    Date.now = () => 1_800_000_000_000; // The same millisecond for both batches.
    try {
      await outbox.add([statement('00000000-0000-4000-8000-000000000001')]);
      await outbox.add([statement('00000000-0000-4000-8000-000000000002')]);
    } finally {
      Date.now = now;
    }
    expect(outbox.kind).to.equal('indexeddb');
    expect((await outbox.peek(10)).map((kept) => kept.id)).to.have.members([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
    store.close();
    await deleteDB(databaseName);
  });
});
