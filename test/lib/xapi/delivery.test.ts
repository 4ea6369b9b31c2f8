import { expect } from '@open-wc/testing';
import { LrsClient } from '../../../src/lib/xapi/client.js';
import { deliver } from '../../../src/lib/xapi/delivery.js';
import { MemoryOutbox } from '../../../src/lib/xapi/outbox.js';
import { type XapiAgent, type XapiStatement, lessonAttempted } from '../../../src/lib/xapi/statements.js';
import { lrsFault, lrsLog, lrsStatements, newAgent, startLrs } from './lrs.js';

const course = { url: 'https://partner.example/courses/export/course.md', title: 'Export', lang: 'en' };

function statements(actor: XapiAgent, count: number): XapiStatement[] {
  return Array.from({ length: count }, (_, i) =>
    lessonAttempted({ actor, timestamp: Date.now() + i }, course, { id: `lesson-${i}`, title: `Lesson ${i}` }),
  );
}

async function filled(list: XapiStatement[]): Promise<MemoryOutbox> {
  const outbox = new MemoryOutbox();
  await outbox.add(list);
  return outbox;
}

/** The ids the LRS holds for the agent, sorted; a duplicate would show twice. */
async function storedIds(agent: XapiAgent): Promise<string[]> {
  return (await lrsStatements(agent)).map((statement) => statement.id).sort();
}

const ids = (list: XapiStatement[]) => list.map((statement) => statement.id).sort();

describe('delivery to a real LRS', function () {
  this.timeout(60_000);
  let lrs: { endpoint: string; auth: string };

  before(async () => {
    lrs = await startLrs();
  });

  afterEach(() => lrsFault('none'));

  it('delivers the outbox in batches and empties it; the LRS holds each statement once', async () => {
    const agent = newAgent();
    const made = statements(agent, 7);
    const outbox = await filled(made);
    const before = (await lrsLog()).length;

    const report = await deliver(outbox, new LrsClient(lrs), 3);

    expect(report).to.deep.include({ stopped: 'done', sent: 7, pending: 0, rejected: 0 });
    expect(await storedIds(agent)).to.deep.equal(ids(made));
    expect((await lrsLog()).slice(before).map((request) => request.ids.length)).to.deep.equal([3, 3, 1]);
  });

  for (const fault of ['down', 'error', 'hang'] as const) {
    it(`keeps everything while the LRS is ${fault === 'down' ? 'unreachable' : fault === 'error' ? 'answering 500' : 'not answering'}, and delivers it once it is back`, async () => {
      const agent = newAgent();
      const made = statements(agent, 4);
      const outbox = await filled(made);
      await lrsFault(fault);

      const failed = await deliver(outbox, new LrsClient({ ...lrs, timeoutMs: 1_000 }));
      expect(failed).to.deep.include({ stopped: 'retry', sent: 0, pending: 4 });
      expect(await storedIds(agent)).to.deep.equal([]);

      await lrsFault('none');
      const report = await deliver(outbox, new LrsClient(lrs));
      expect(report).to.deep.include({ stopped: 'done', sent: 4, pending: 0 });
      expect(await storedIds(agent)).to.deep.equal(ids(made));
    });
  }

  it('a reply lost after the LRS stored the batch: the resend stores nothing twice', async () => {
    const agent = newAgent();
    const made = statements(agent, 3);
    const outbox = await filled(made);
    // Every reply is lost (a browser may itself resend a POST whose connection broke).
    await lrsFault('lose-reply');

    expect(await deliver(outbox, new LrsClient(lrs))).to.deep.include({ stopped: 'retry', pending: 3 });
    expect(await storedIds(agent)).to.deep.equal(ids(made));

    await lrsFault('none');

    expect(await deliver(outbox, new LrsClient(lrs))).to.deep.include({ stopped: 'done', sent: 3, pending: 0 });
    expect(await storedIds(agent)).to.deep.equal(ids(made));
  });

  it('a 409 for a statement the LRS already holds counts it as delivered, and the rest of the batch still goes', async () => {
    const agent = newAgent();
    const made = statements(agent, 5);
    // The LRS already holds the third under its id (with other content, so it answers 409, not 204).
    expect(await deliver(await filled([{ ...made[2]!, timestamp: '2020-01-01T00:00:00.000Z' }]), new LrsClient(lrs))).to.deep.include({
      sent: 1,
    });
    const outbox = await filled(made);

    const report = await deliver(outbox, new LrsClient(lrs));

    expect(report).to.deep.include({ stopped: 'done', sent: 5, pending: 0, rejected: 0 });
    expect(await storedIds(agent)).to.deep.equal(ids(made));
  });

  it('a statement the LRS rejects is set aside with its message; the others are delivered', async () => {
    const agent = newAgent();
    const made = statements(agent, 5);
    const invalid = { ...made[3]!, result: { score: { scaled: 7, raw: 700, min: 0, max: 100 } } };
    const outbox = await filled([...made.slice(0, 3), invalid, made[4]!]);

    const report = await deliver(outbox, new LrsClient(lrs));

    expect(report).to.deep.include({ stopped: 'done', sent: 4, newlyRejected: 1, pending: 0, rejected: 1 });
    expect(report.message).to.match(/^The LRS answered 400/);
    expect(await storedIds(agent)).to.deep.equal(ids([...made.slice(0, 3), made[4]!]));
    // Set aside, it is not sent again.
    const before = (await lrsLog()).length;
    expect(await deliver(outbox, new LrsClient(lrs))).to.deep.include({ stopped: 'done', sent: 0, rejected: 1 });
    expect((await lrsLog()).length).to.equal(before);
  });

  it('wrong credentials: auth is asked once more, then the run stops for auth; a good header delivers everything', async () => {
    const agent = newAgent();
    const made = statements(agent, 2);
    const outbox = await filled(made);
    let header = 'Basic d3Jvbmc6d3Jvbmc=';
    let asked = 0;
    const client = new LrsClient({
      endpoint: lrs.endpoint,
      auth: async () => {
        asked += 1;
        return header;
      },
    });

    const refused = await deliver(outbox, client);
    expect(refused).to.deep.include({ stopped: 'auth', sent: 0, pending: 2 });
    expect(refused.message).to.match(/refused the credentials \(401\)/);
    expect(asked).to.equal(2);

    header = lrs.auth;
    expect(await deliver(outbox, client)).to.deep.include({ stopped: 'done', sent: 2, pending: 0 });
    expect(await storedIds(agent)).to.deep.equal(ids(made));
  });

  it('every request carries the xAPI version header: the LRS answers 400 without it', async () => {
    const agent = newAgent();
    const [statement] = statements(agent, 1);
    const without = await fetch(`${lrs.endpoint}statements`, {
      method: 'POST',
      headers: { Authorization: lrs.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify([statement]),
    });
    expect(without.status).to.equal(400);
    expect(await deliver(await filled([statement!]), new LrsClient(lrs))).to.deep.include({ stopped: 'done', sent: 1 });
  });
});
