import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { type RecordedChange, openStore } from '../../../src/lib/store/index.js';
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

  it('keeps the changes made while a recorder is expected and records each once it arrives; drops them if none comes', async () => {
    const databaseName = uniqueDatabaseName('outbox');
    const store = openStore({ namespace: 'outbox', databaseName });
    const outbox = storeOutbox(store);
    const ref = { learner: 'amna', courseId: 'course' };
    const seen: string[] = [];
    const recorder = async ({ before, after }: RecordedChange) => {
      seen.push(
        Object.keys(after.lessons)
          .map((id) => `${id}: ${before.lessons[id]?.status ?? 'none'} to ${after.lessons[id]!.status}`)
          .join(),
      );
      return [statement(crypto.randomUUID())];
    };

    store.expectRecorder();
    await store.openLesson(ref, 'one');
    await store.completeLesson(ref, 'one');
    expect(seen).to.deep.equal([]);
    await store.recordWith(recorder);
    expect(seen).to.deep.equal(['one: none to in-progress', 'one: in-progress to complete']);
    await store.openLesson(ref, 'two');
    expect(seen.at(-1)).to.equal('two: none to in-progress');
    expect((await outbox.counts()).pending).to.equal(3);

    await store.recordWith(undefined);
    store.expectRecorder();
    await store.completeLesson(ref, 'two');
    await store.recordWith(undefined); // The recorder's code could not be loaded: what was kept is dropped.
    await store.recordWith(recorder);
    expect(seen).to.have.length(3);
    expect((await outbox.counts()).pending).to.equal(3);
    store.close();
    await deleteDB(databaseName);
  });
});
