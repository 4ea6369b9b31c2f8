/**
 * A small xAPI 1.0.3 client on `fetch`: every request carries the version header and a timeout, and
 * every reply is sorted into what the delivery needs to know (SPEC §6). It never throws for the LRS's
 * answers or a failed network; it only reports them.
 */
import type { XapiStatement } from './statements.js';

export const XAPI_VERSION = '1.0.3';

/** The `Authorization` header's value, or a function (may be async) that returns it. */
export type LrsAuth = string | (() => string | Promise<string>);

export interface LrsClientOptions {
  /** The LRS's xAPI base URL, such as `https://lrs.example.org/xapi/`. */
  endpoint: string;
  auth: LrsAuth;
  /** How long one request may take before it counts as failed. Default 20 s. */
  timeoutMs?: number;
}

/**
 * What became of a POST of statements: `stored` (2xx), `conflict` (409: the LRS holds one of these ids
 * already), `rejected` (400: one of them is invalid), `auth` (401/403, even after asking `auth` again),
 * `retry` (no answer, a timeout, 429, 5xx or anything else: try again later).
 */
export type PostOutcome =
  | { kind: 'stored' }
  | { kind: 'conflict'; message: string }
  | { kind: 'rejected'; message: string }
  | { kind: 'auth'; message: string }
  | { kind: 'retry'; message: string };

export interface StatementPage {
  statements: XapiStatement[];
  /** The next page's URL, already resolved; absent on the last page. */
  more?: string;
}

export class LrsRequestError extends Error {
  constructor(readonly outcome: Exclude<PostOutcome, { kind: 'stored' }>) {
    super(outcome.message);
    this.name = 'LrsRequestError';
  }
}

const DEFAULT_TIMEOUT_MS = 20_000;

export class LrsClient {
  private readonly endpoint: URL;
  private header: Promise<string> | undefined;

  constructor(private readonly options: LrsClientOptions) {
    this.endpoint = new URL(options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/`);
  }

  /** POSTs a batch of statements: each has its own id, so sending it again is harmless. */
  async postStatements(statements: readonly XapiStatement[]): Promise<PostOutcome> {
    const reply = await this.request(new URL('statements', this.endpoint).href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(statements),
    });
    if ('kind' in reply) return reply;
    const message = `The LRS answered ${reply.status} ${reply.statusText}: ${await bodyText(reply)}`;
    if (reply.ok) return { kind: 'stored' };
    if (reply.status === 409) return { kind: 'conflict', message };
    if (reply.status === 400) return { kind: 'rejected', message };
    return { kind: 'retry', message };
  }

  /**
   * One page of statements: the first from `query` (xAPI's GET /statements parameters), the next ones
   * from the `more` of the page before. Throws an `LrsRequestError` when the LRS does not give it.
   */
  async getStatements(query: Record<string, string> | { more: string }): Promise<StatementPage> {
    const url =
      'more' in query
        ? new URL(query.more, this.endpoint).href
        : `${new URL('statements', this.endpoint).href}?${new URLSearchParams(query)}`;
    const reply = await this.request(url, { method: 'GET' });
    if ('kind' in reply) throw new LrsRequestError(reply);
    if (!reply.ok)
      throw new LrsRequestError({ kind: 'retry', message: `The LRS answered ${reply.status} to ${url}: ${await bodyText(reply)}` });
    const page = (await reply.json()) as { statements?: XapiStatement[]; more?: string };
    const statements = Array.isArray(page.statements) ? page.statements : [];
    // `more` is relative to the LRS's host (xAPI 1.0.3 Communication §2.5), not to the endpoint's path.
    return page.more ? { statements, more: new URL(page.more, url).href } : { statements };
  }

  /**
   * A request with the version header, the `Authorization` header and a timeout. After a 401 or 403
   * it asks `auth` once more and tries again; a second refusal is `auth`.
   */
  private async request(url: string, init: RequestInit): Promise<Response | Exclude<PostOutcome, { kind: 'stored' }>> {
    let reply = await this.send(url, init, false);
    if (isRefusal(reply)) reply = await this.send(url, init, true);
    if (!isRefusal(reply)) return reply;
    return { kind: 'auth', message: `The LRS refused the credentials (${reply.status}): ${await bodyText(reply)}` };
  }

  private async send(url: string, init: RequestInit, freshAuth: boolean): Promise<Response | Exclude<PostOutcome, { kind: 'stored' }>> {
    let authorization: string;
    try {
      authorization = await this.authorization(freshAuth);
    } catch (error) {
      return { kind: 'auth', message: `The auth function gave no Authorization header: ${String(error)}` };
    }
    try {
      return await fetch(url, {
        ...init,
        headers: { ...init.headers, Authorization: authorization, 'X-Experience-API-Version': XAPI_VERSION },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        credentials: 'omit',
      });
    } catch (error) {
      return { kind: 'retry', message: `The LRS could not be reached: ${String(error)}` };
    }
  }

  private authorization(fresh: boolean): Promise<string> {
    if (fresh || !this.header) {
      const { auth } = this.options;
      const header = Promise.resolve()
        .then(() => (typeof auth === 'function' ? auth() : auth))
        .then((value) => {
          if (typeof value !== 'string' || !value) throw new TypeError('auth must give the Authorization header as text');
          return value;
        });
      // A failure is not kept: the next request asks again.
      header.catch(() => {
        if (this.header === header) this.header = undefined;
      });
      this.header = header;
    }
    return this.header;
  }
}

function isRefusal(reply: Response | PostOutcome): reply is Response {
  return reply instanceof Response && (reply.status === 401 || reply.status === 403);
}

async function bodyText(reply: Response): Promise<string> {
  try {
    return (await reply.text()).slice(0, 500);
  } catch {
    return '';
  }
}
