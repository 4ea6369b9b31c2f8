/**
 * The real LRS the test server runs (scripts/wtr/lrs.mjs): Learning Locker's statements service
 * behind a proxy that can fail on request.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { XapiAgent, XapiStatement } from '../../../src/lib/xapi/statements.js';

export type LrsFault = 'none' | 'down' | 'error' | 'hang' | 'lose-reply';

export function startLrs(): Promise<{ endpoint: string; auth: string }> {
  return executeServerCommand('lrs-start');
}

/** How the next statement requests fare (`times` of them, else until told otherwise). */
export async function lrsFault(fault: LrsFault, times?: number): Promise<void> {
  await executeServerCommand('lrs-fault', { fault, times });
}

/** Every statement the LRS holds about the agent, read straight from it. */
export function lrsStatements(agent: XapiAgent): Promise<XapiStatement[]> {
  return executeServerCommand('lrs-statements', { agent });
}

/** Each statements request the LRS answered through the proxy: method, status and statement ids. */
export function lrsLog(): Promise<{ method: string; status: number; ids: string[] }[]> {
  return executeServerCommand('lrs-log');
}

/** An agent of its own for each test, so that no test sees another's statements. */
export function newAgent(): XapiAgent {
  return { objectType: 'Agent', account: { homePage: 'https://partner.example', name: crypto.randomUUID() } };
}
