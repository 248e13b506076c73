import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { messageDetail, messagesPage } from './api-json';
import { inboxPage, messagePage } from './pages';
import { compileSearch } from './search';
import type { MailStore, StoredMessage } from './store';

const MAX_BODY = 1024 * 1024;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'referrer-policy': 'no-referrer' });
  res.end(body);
}

const text = (res: ServerResponse, status: number, body: string) =>
  send(res, status, 'text/plain; charset=utf-8', body);
const json = (res: ServerResponse, body: unknown) => send(res, 200, 'application/json', `${JSON.stringify(body)}\n`);
// Mailpit's fourOFour and httpError (400, plain text).
const notFound = (res: ServerResponse) => text(res, 404, '404 page not found');
const badRequest = (res: ServerResponse, message: string) => text(res, 400, message);

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Mailpit's start/limit paging: start ≥ 0 (default 0), limit ≥ 0 (default 50). */
function paging(query: URLSearchParams): { start: number; limit: number } {
  const start = Number.parseInt(query.get('start') ?? '', 10);
  const limit = Number.parseInt(query.get('limit') ?? '', 10);
  return { start: Number.isNaN(start) ? 0 : Math.max(start, 0), limit: limit > -1 ? limit : 50 };
}

function listing(store: MailStore, res: ServerResponse, query: URLSearchParams, matching: readonly StoredMessage[]) {
  const { start, limit } = paging(query);
  const page = matching.slice(start, start + limit);
  json(res, messagesPage(page, matching, { total: store.all().length, unread: store.unread() }, start));
}

/** DELETE /api/v1/messages: `{"IDs": […]}` deletes those, no (or an unreadable) body deletes all. */
async function deleteMessages(store: MailStore, req: IncomingMessage, res: ServerResponse) {
  const body = await readBody(req);
  if (body === null) return badRequest(res, 'http: request body too large');
  let ids: string[] | undefined;
  try {
    const parsed = JSON.parse(body) as { IDs?: unknown };
    if (Array.isArray(parsed.IDs)) ids = parsed.IDs.filter((id): id is string => typeof id === 'string');
  } catch {
    ids = undefined;
  }
  store.delete(ids);
  text(res, 200, 'ok');
}

function messageRoute(store: MailStore, res: ServerResponse, id: string, part: string | undefined) {
  const message = store.get(id);
  if (!message) return notFound(res);
  if (part === undefined) {
    // Reading a message marks it read, as in Mailpit.
    message.Read = true;
    return json(res, messageDetail(message));
  }
  if (part === 'raw') return send(res, 200, 'text/plain; charset=utf-8', message.Raw);
  if (part === 'headers') return json(res, message.Headers);
  notFound(res);
}

async function route(store: MailStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://mail');
  const { pathname, searchParams } = url;
  const method = req.method ?? 'GET';
  if (method === 'GET' && (pathname === '/livez' || pathname === '/readyz')) return text(res, 200, 'ok');

  if (pathname === '/api/v1/messages') {
    if (method === 'GET') return listing(store, res, searchParams, store.all());
    if (method === 'DELETE') return deleteMessages(store, req, res);
    return text(res, 405, 'Method Not Allowed');
  }
  if (pathname === '/api/v1/search') {
    const query = (searchParams.get('query') ?? '').trim();
    if (query === '') return badRequest(res, 'Error: no search query');
    const matching = store.all().filter(compileSearch(query));
    if (method === 'GET') return listing(store, res, searchParams, matching);
    if (method === 'DELETE') {
      store.delete(matching.map((m) => m.ID));
      return text(res, 200, 'ok');
    }
    return text(res, 405, 'Method Not Allowed');
  }
  const message = /^\/api\/v1\/message\/([^/]+)(?:\/(raw|headers))?$/.exec(pathname);
  if (message && method === 'GET') return messageRoute(store, res, decodeURIComponent(message[1]), message[2]);

  if (method !== 'GET') return notFound(res);
  if (pathname === '/') {
    const query = (searchParams.get('q') ?? '').trim();
    const messages = query ? store.all().filter(compileSearch(query)) : store.all();
    return send(res, 200, 'text/html; charset=utf-8', inboxPage(messages, query));
  }
  const view = /^\/view\/([^/.]+)(\.html)?$/.exec(pathname);
  const viewed = view ? store.get(view[1]) : undefined;
  if (!viewed || !view) return notFound(res);
  if (view[2]) return send(res, 200, 'text/html; charset=utf-8', viewed.HTML);
  viewed.Read = true;
  send(res, 200, 'text/html; charset=utf-8', messagePage(viewed));
}

/** The catcher's web page and Mailpit's basic HTTP API (server/server.go routes) over `store`. */
export async function startMailWeb(store: MailStore, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    route(store, req, res).catch((error: Error) => {
      console.error('[mail] web request failed:', error);
      if (!res.headersSent) text(res, 500, 'Internal Server Error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}
