// @ts-check
/**
 * A real Learning Record Store for browser tests: Learning Locker's statements service
 * (`@learninglocker/xapi-statements`, statements kept in memory), started on the first test that asks
 * for it and stopped with the test server, bound to 127.0.0.1 and behind real Basic auth. Tests reach it
 * through a small proxy of ours that can make it look down, failing or slow to answer, and call it with
 * `executeServerCommand` from `@web/test-runner-commands`. Each test session (one test file in one
 * browser) gets an endpoint of its own, so that engines running at once never get each other's faults:
 *
 * - `lrs-start` → `{ endpoint, auth }`: the xAPI base URL (through the proxy) and a good
 *   `Authorization` header. Starts the service on first use (about 5 s).
 * - `lrs-fault` `{ fault, times? }` → `true`: how the proxy treats the next statement requests:
 *   `none`; `down` (the connection is dropped before the LRS sees the request); `error` (it answers 500
 *   without passing the request on); `hang` (it never answers); `lose-reply` (the LRS stores the
 *   request, and the reply is dropped).
 *   With `times`, for that many requests to the statements resource, then `none` again.
 * - `lrs-statements` `{ agent }` → every statement the LRS holds for that agent (JSON), read
 *   straight from the LRS, newest first.
 * - `lrs-log` → `[{ method, status, ids }]`: each statements request the LRS answered through
 *   the proxy, with the ids of the statements it carried.
 * - `xapi-validate` `{ statement }` → the warnings of `@learninglocker/xapi-validation` (an empty
 *   list: valid).
 */
import { createServer, request } from 'node:http';
import { createRequire } from 'node:module';
import { startLearningLocker } from '../learning-locker.mjs';
import { freePort } from './free-port.mjs';

const require = createRequire(import.meta.url);

const GOOD_AUTH = `Basic ${Buffer.from('sabaq-test:correct horse battery staple').toString('base64')}`;
/** What the LRS's `AUTH_REPO=fetch` asks our auth endpoint for, answered for the good header only. */
const CLIENT = {
  _id: '58fe13e34effd3c26a7fc4b7',
  title: 'sabaq tests',
  isTrusted: true,
  authority: { objectType: 'Agent', name: 'sabaq tests', mbox: 'mailto:tests@sabaq.invalid' },
  lrs_id: '58fe13e34effd3c26a7fc4b7',
  organisation: '58fe13e34effd3c26a7fc4b6',
  scopes: ['all'],
};

/**
 * @typedef {'none' | 'down' | 'error' | 'hang' | 'lose-reply'} Fault
 * @typedef {{ method: string, status: number, ids: string[] }} LoggedRequest
 * @typedef {{ fault: Fault, times: number, log: LoggedRequest[] }} Session
 * @typedef {{ service: import('../learning-locker.mjs').LearningLocker, servicePort: number, proxy: import('node:http').Server, proxyPort: number }} RunningLrs
 */

/** @returns {import('@web/test-runner').TestRunnerPlugin<any>} */
export function lrsPlugin() {
  const lrs = lrsService();
  return {
    name: 'sabaq-lrs',
    executeCommand: ({ command, payload, session: { id } }) => lrs.command(command, payload, id),
    serverStop: () => lrs.stop(),
  };
}

/**
 * The LRS and its proxy, with the commands above as calls: what the plugin serves browser tests, and
 * what Node tests that drive a browser themselves (test/sw/offline.test.mjs) use directly, each naming
 * its own session. Stop it when done.
 */
export function lrsService() {
  /** @type {Promise<RunningLrs> | undefined} */
  let running;
  /** @type {Map<string, Session>} By test session id. */
  const sessions = new Map();
  /** @param {string} id @returns {Session} */
  const session = (id) => {
    let found = sessions.get(id);
    if (!found) sessions.set(id, (found = { fault: 'none', times: Infinity, log: [] }));
    return found;
  };

  return {
    /**
     * Runs a command for a session; undefined for a command that is not the LRS's.
     * @param {string} command @param {any} payload @param {string} id
     */
    async command(command, payload, id) {
      switch (command) {
        case 'xapi-validate':
          return require('@learninglocker/xapi-validation').default(payload.statement);
        case 'lrs-start': {
          running ??= start(session);
          const { proxyPort } = await running;
          return { endpoint: `http://127.0.0.1:${proxyPort}/${encodeURIComponent(id)}/xAPI/`, auth: GOOD_AUTH };
        }
        case 'lrs-fault':
          Object.assign(session(id), { fault: payload.fault, times: payload.times ?? Infinity });
          return true;
        case 'lrs-statements': {
          if (!running) throw new Error('Start the LRS first (lrs-start).');
          return readAll((await running).servicePort, payload.agent);
        }
        case 'lrs-log':
          return session(id).log;
        default:
          return undefined;
      }
    },

    async stop() {
      if (!running) return;
      const lrs = await running.catch(() => undefined);
      running = undefined;
      if (lrs) await stop(lrs);
    },
  };
}

/**
 * @param {(id: string) => Session} session
 * @returns {Promise<RunningLrs>}
 */
async function start(session) {
  const [servicePort, proxyPort] = [await freePort(), await freePort()];
  const proxy = createServer((req, res) => {
    if (req.url === '/auth') {
      const good = req.headers.authorization === GOOD_AUTH;
      res.writeHead(good ? 200 : 404, { 'Content-Type': 'application/json' }).end(good ? JSON.stringify(CLIENT) : '{}');
      return;
    }
    // `/<session>/xAPI/…` is the session's endpoint; anything else (such as a `more` link, which names
    // the LRS's own path) goes straight through.
    const match = /^\/([^/]+)(\/xAPI\/.*)$/.exec(req.url ?? '');
    forward(req, res, servicePort, match ? session(decodeURIComponent(match[1] ?? '')) : undefined, match?.[2] ?? req.url ?? '/');
  });
  await new Promise((resolve) => proxy.listen(proxyPort, '127.0.0.1', () => resolve(undefined)));
  try {
    const service = await startLearningLocker({ port: servicePort, authEndpoint: `http://127.0.0.1:${proxyPort}/auth` });
    return { service, servicePort, proxy, proxyPort };
  } catch (error) {
    await closeProxy(proxy);
    throw error;
  }
}

/** @param {RunningLrs} lrs */
async function stop(lrs) {
  await lrs.service.stop();
  await closeProxy(lrs.proxy);
}

/** @param {import('node:http').Server} proxy */
async function closeProxy(proxy) {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(() => resolve(undefined)));
}

/**
 * Passes a request on to the LRS at `path`, with the session's fault when it is a statements request
 * (preflights always pass: the LRS sends no Access-Control-Max-Age, so a browser asks each time).
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {number} port @param {Session | undefined} session @param {string} path
 */
function forward(req, res, port, session, path) {
  const isStatements = session !== undefined && req.method !== 'OPTIONS' && path.startsWith('/xAPI/statements');
  const current = isStatements ? nextFault(session) : 'none';
  if (current === 'down') {
    req.socket.destroy();
    return;
  }
  if (current === 'hang') {
    req.resume(); // Read, and never answered: the proxy closes the connection when it stops.
    return;
  }
  if (current === 'error') {
    req.resume();
    res.writeHead(500, { 'Access-Control-Allow-Origin': req.headers.origin ?? '*' }).end('{"message":"test fault"}');
    return;
  }
  /** @type {Buffer[]} */
  const body = [];
  req.on('data', (chunk) => body.push(chunk));
  req.on('end', () => {
    const sent = Buffer.concat(body);
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path, headers: { ...req.headers, host: `127.0.0.1:${port}` } },
      (reply) => {
        /** @type {Buffer[]} */
        const replyBody = [];
        reply.on('data', (chunk) => replyBody.push(chunk));
        reply.on('end', () => {
          if (isStatements && req.method !== 'GET')
            session.log.push({ method: req.method ?? '', status: reply.statusCode ?? 0, ids: statementIds(sent) });
          if (current === 'lose-reply') {
            req.socket.destroy();
            return;
          }
          res.writeHead(reply.statusCode ?? 502, reply.headers).end(Buffer.concat(replyBody));
        });
      },
    );
    upstream.on('error', () => req.socket.destroy());
    upstream.end(sent);
  });
}

/** The session's fault for its next statements request, counting it down. @param {Session} session */
function nextFault(session) {
  const current = session.fault;
  if (current !== 'none' && --session.times <= 0) Object.assign(session, { fault: 'none', times: Infinity });
  return current;
}

/** @param {Buffer} body */
function statementIds(body) {
  try {
    const parsed = JSON.parse(body.toString('utf8'));
    return (Array.isArray(parsed) ? parsed : [parsed]).map((statement) => statement?.id).filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Every statement about an agent, following `more`.
 * @param {number} port @param {unknown} agent
 */
async function readAll(port, agent) {
  const statements = [];
  let next = `/xAPI/statements?${new URLSearchParams({ agent: JSON.stringify(agent), limit: '100' })}`;
  while (next) {
    const response = await fetch(`http://127.0.0.1:${port}${next}`, {
      headers: { Authorization: GOOD_AUTH, 'X-Experience-API-Version': '1.0.3' },
    });
    if (!response.ok) throw new Error(`The LRS answered ${response.status} to ${next}: ${await response.text()}`);
    const page = await response.json();
    statements.push(...page.statements);
    next = page.more ?? '';
  }
  return statements;
}
