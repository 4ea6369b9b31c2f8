/**
 * One delivery run: the outbox's statements to the LRS in batches, the replies handled as SPEC §6 says.
 * A 409 splits a batch until the statement the LRS already holds is alone, and then counts it as
 * delivered (the LRS stored it before: a lost reply, another tab, or an LRS that answers 409 to a
 * resend); a 400 splits it likewise and sets the statement it rejects aside; 401/403 stops the run for
 * `auth`; anything else stops it to be tried again later. Nothing is dropped unless the LRS holds it.
 */
import type { LrsClient, PostOutcome } from './client.js';
import type { Outbox, OutboxCounts } from './outbox.js';
import type { XapiStatement } from './statements.js';

/** How a run ended: everything delivered (`done`), or stopped for `auth` or to `retry` later. */
export interface DeliveryReport extends OutboxCounts {
  /** Statements delivered in this run (409s included). */
  sent: number;
  /** Statements set aside in this run. */
  newlyRejected: number;
  stopped: 'done' | 'auth' | 'retry';
  /** Why it stopped, or what the LRS said of the last statement it rejected. */
  message?: string;
}

export const DEFAULT_BATCH_SIZE = 50;

export async function deliver(
  outbox: Outbox,
  client: Pick<LrsClient, 'postStatements'>,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<DeliveryReport> {
  const run = { sent: 0, newlyRejected: 0, message: undefined as string | undefined };
  let stopped: DeliveryReport['stopped'] = 'done';
  for (;;) {
    const batch = await outbox.peek(batchSize);
    if (batch.length === 0) break;
    const outcome = await send(batch);
    if (outcome) {
      stopped = outcome.kind;
      run.message = outcome.message;
      break;
    }
  }
  return { ...(await outbox.counts()), ...run, stopped };

  /** Sends a batch, halving it on 409 and 400; returns the outcome that stops the run, if any. */
  async function send(batch: XapiStatement[]): Promise<Extract<PostOutcome, { kind: 'auth' | 'retry' }> | undefined> {
    const outcome = await client.postStatements(batch);
    const ids = batch.map((statement) => statement.id);
    switch (outcome.kind) {
      case 'stored':
        await outbox.remove(ids);
        run.sent += batch.length;
        return undefined;
      case 'conflict':
      case 'rejected': {
        if (batch.length > 1) {
          const half = Math.ceil(batch.length / 2);
          return (await send(batch.slice(0, half))) ?? (await send(batch.slice(half)));
        }
        if (outcome.kind === 'conflict') {
          await outbox.remove(ids);
          run.sent += 1;
        } else {
          await outbox.setAside(ids);
          run.newlyRejected += 1;
          run.message = outcome.message;
        }
        return undefined;
      }
      default:
        return outcome;
    }
  }
}
