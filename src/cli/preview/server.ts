/**
 * The preview server: Node's own http and fs only, so it runs from the published package with no dev
 * dependency and no network. It serves the page, the package's browser bundle (every file of `dist/`),
 * the course's files, and a server-sent event stream that announces each new version of the course.
 */
import { type FSWatcher, existsSync, watch } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';
import { type PreviewKind, type PreviewState, readPreviewState } from './course-state.js';
import { PREVIEW_SCRIPT, escapeHtml, previewPage } from './page.js';

export interface PreviewOptions {
  /** The manifest or quiz file, absolute. */
  path: string;
  kind: PreviewKind;
  /** Folder file names in problems are relative to, as `sabaq check` prints them. */
  cwd: string;
  /** The package's `dist/` folder, whose files are served under `/sabaq/`. */
  dist: string;
  /** 0 for any free port. */
  port: number;
  /** Called after each re-read caused by a change, with the files that changed. */
  onChange?: (state: PreviewState, changed: string[]) => void;
}

export interface PreviewServer {
  url: string;
  state(): PreviewState;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};
/** Editors save through temporary files; one save is announced once, within a second. */
const SETTLE_MS = 120;

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  let state = await readPreviewState(options.path, options.kind, options.cwd);
  let version = 1;
  const streams = new Set<ServerResponse>();
  let watcher: FSWatcher | undefined;
  let watchedRoot = '';
  let settle: ReturnType<typeof setTimeout> | undefined;
  let pending = new Set<string>();
  let closed = false;

  const announce = () => {
    for (const stream of streams) stream.write(`event: version\ndata: ${version}\n\n`);
  };
  const reread = async () => {
    const changed = [...pending];
    pending = new Set();
    state = await readPreviewState(options.path, options.kind, options.cwd);
    if (closed) return;
    version += 1;
    rewatch();
    announce();
    options.onChange?.(state, changed);
  };
  const onFileEvent = (file: string) => {
    // Hidden files, editor swap and backup files are no part of the course.
    if (/(^|[/\\])\.|~$|\.sw[a-p]$|^4913$|(^|[/\\])node_modules([/\\]|$)/.test(file)) return;
    pending.add(file);
    clearTimeout(settle);
    settle = setTimeout(() => void reread(), SETTLE_MS);
  };
  /** Watches the served folder; again when a new lesson outside it widened it. */
  const rewatch = () => {
    if (watchedRoot === state.root && watcher) return;
    watcher?.close();
    watchedRoot = state.root;
    try {
      watcher = watch(state.root, { recursive: true }, (_event, file) => onFileEvent(file ? String(file) : ''));
      watcher.on('error', () => undefined);
    } catch {
      watcher = undefined;
    }
  };
  rewatch();

  const bundled = existsSync(join(options.dist, 'sabaq.js'));
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('sabaq preview: internal error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only this machine's pages: a site the author visits cannot reach the preview through DNS tricks.
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) return send(response, 403, 'text/plain', 'Forbidden');
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (path === '/' || path === '/index.html') return send(response, 200, TYPES['.html']!, previewPage(state, { version, bundled }));
    if (path === '/preview.js') return send(response, 200, TYPES['.js']!, PREVIEW_SCRIPT);
    if (path === '/events') return openStream(response);
    if (path === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
    if (path === '/problems.json') return send(response, 200, TYPES['.json']!, JSON.stringify({ version, problems: state.problems }));
    if (path.startsWith('/sabaq/')) return sendFile(response, options.dist, path.slice('/sabaq/'.length));
    if (path.startsWith('/course/')) {
      const inCourse = path.slice('/course/'.length);
      if (state.courseJson && inCourse === `${state.entry}.preview.json`) return send(response, 200, TYPES['.json']!, state.courseJson);
      return sendFile(response, state.root, inCourse);
    }
    return send(response, 404, 'text/html; charset=utf-8', `<p>Not found: ${escapeHtml(path)}. The preview is at <a href="/">/</a>.</p>`);
  }

  function openStream(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    // Reconnect quickly after a restart of the preview.
    response.write(`retry: 500\nevent: version\ndata: ${version}\n\n`);
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  await listen(server, options.port);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    state: () => state,
    close: async () => {
      closed = true;
      clearTimeout(settle);
      watcher?.close();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** Listens on 127.0.0.1 at `port`; a taken port fails with the reason. */
function listen(server: Server, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/** A file under `folder`, never outside it. */
async function sendFile(response: ServerResponse, folder: string, path: string): Promise<void> {
  const file = resolve(folder, path);
  const inside = relative(folder, file);
  if (inside.startsWith('..') || inside.startsWith(sep) || resolve(folder) === file) return send(response, 404, 'text/plain', 'Not found');
  try {
    if (!(await stat(file)).isFile()) return send(response, 404, 'text/plain', 'Not found');
    send(response, 200, TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', await readFile(file));
  } catch {
    send(response, 404, 'text/plain', 'Not found');
  }
}
