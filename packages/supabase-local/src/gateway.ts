import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, BlockList } from 'node:net';
import type { Duplex } from 'node:stream';
import { apiKeyKind, presentedApiKey } from './api-keys';
import { clientAddress, TRUST_NOBODY, type TrustedProxies, trustList } from './client-address';
import { missingApiKey, needsApiKey, schemaRootRefusal } from './gateway-keys';
import { type ApiRequest, type ApiResponse, json, type Service } from './http';
import { ANON_KEY, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from './keys';

/** Bodies larger than this are refused with 413 before any service sees them. */
export const MAX_BODY_BYTES = 1024 * 1024;

// Response headers browser clients must be able to read (PostgREST's Cors.hs + GoTrue's api.go).
const EXPOSED_HEADERS = [
  'Content-Encoding',
  'Content-Location',
  'Content-Range',
  'Content-Type',
  'Date',
  'Location',
  'Server',
  'Transfer-Encoding',
  'Range-Unit',
  'X-Total-Count',
  'Link',
  'X-Supabase-Api-Version',
  // Not CORS-safelisted: without this a browser could not tell how long a 429 lasts.
  'Retry-After',
].join(', ');

/**
 * Kong's key handling in the CLI: a user's Authorization passes through; opaque keys become the
 * matching legacy JWT; otherwise the apikey itself is the bearer. No key at all stays anonymous.
 */
export function rewriteAuthorization(headers: IncomingMessage['headers']): string | undefined {
  const authorization = headers.authorization;
  if (authorization && !authorization.startsWith('Bearer sb_')) return authorization;
  const apikey = Array.isArray(headers.apikey) ? headers.apikey[0] : headers.apikey;
  if (apikey === SECRET_KEY) return `Bearer ${SERVICE_ROLE_KEY}`;
  if (apikey === PUBLISHABLE_KEY) return `Bearer ${ANON_KEY}`;
  if (apikey) return apikey.startsWith('Bearer ') ? apikey : `Bearer ${apikey}`;
  return undefined;
}

// The same for every non-preflight response, so built once.
const CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'access-control-allow-origin': '*',
  'access-control-expose-headers': EXPOSED_HEADERS,
  vary: 'Origin',
});

function corsHeaders(req: IncomingMessage): Readonly<Record<string, string>> {
  if (req.method !== 'OPTIONS') return CORS_HEADERS;
  return {
    ...CORS_HEADERS,
    'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers':
      req.headers['access-control-request-headers'] ?? 'authorization, apikey, content-type, x-client-info',
    'access-control-max-age': '3600',
  };
}

function send(res: ServerResponse, req: IncomingMessage, response: ApiResponse): void {
  res.writeHead(response.status, { ...corsHeaders(req), ...response.headers });
  res.end(req.method === 'HEAD' ? undefined : response.body);
}

function errorBody(service: Service | undefined, status: number, message: string): ApiResponse {
  if (service?.errorResponse) return service.errorResponse(status, message);
  return json(status, { message });
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  // Without Content-Length or Transfer-Encoding a request has no body (RFC 9112 §6.3), which is
  // every GET: skip the stream's async iterator. Node discards an unread request when the response ends.
  if (req.headers['transfer-encoding'] === undefined) {
    const length = req.headers['content-length'];
    if (length === undefined || length === '0') return Buffer.alloc(0);
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Whom the gateway believes about client addresses, parsed once. */
interface Trust {
  proxies: TrustedProxies;
  list: BlockList;
}

function routeOf(services: readonly Service[], pathname: string): Service | undefined {
  return services.find((s) => pathname === s.prefix || pathname.startsWith(`${s.prefix}/`));
}

async function handle(
  services: readonly Service[],
  trust: Trust,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway');
  if (req.method === 'OPTIONS') {
    send(res, req, { status: 200 });
    return;
  }
  const service = routeOf(services, url.pathname);
  if (!service) {
    send(res, req, json(404, { message: 'no Route matched with those values' }));
    return;
  }
  const key = presentedApiKey(req.headers, url.searchParams);
  const apiKey = key ? apiKeyKind(key) : null;
  if (!key && needsApiKey(url.pathname)) {
    send(res, req, missingApiKey());
    return;
  }
  const refusal = schemaRootRefusal(url.pathname, apiKey);
  if (refusal) {
    send(res, req, refusal);
    return;
  }
  const body = await readBody(req, service.bodyLimit ?? MAX_BODY_BYTES);
  if (body === null) {
    send(res, req, errorBody(service, 413, 'Payload Too Large'));
    // Stop reading an oversized upload; the client already has its answer.
    req.destroy();
    return;
  }
  const authorization = rewriteAuthorization(req.headers);
  const headers = { ...req.headers };
  if (authorization) headers.authorization = authorization;
  else delete headers.authorization;
  // Hosted honours Sb-Forwarded-For only on requests made with a secret key (not publishable, not the
  // legacy service_role JWT): anyone else could name any address and escape per-address limits.
  if (apiKey !== 'secret') delete headers['sb-forwarded-for'];
  const rawQuery = url.search.startsWith('?') ? url.search.slice(1) : url.search;
  const apiRequest: ApiRequest = {
    method: req.method ?? 'GET',
    path: url.pathname.slice(service.prefix.length) || '/',
    rawQuery,
    headers,
    body,
    ip: clientAddress(req.socket.remoteAddress, req.headers, trust.proxies, trust.list),
    apiKey,
  };
  try {
    send(res, req, await service.handle(apiRequest));
  } catch (error) {
    console.error(`[gateway] ${service.name} ${apiRequest.method} ${apiRequest.path} failed:`, error);
    send(res, req, errorBody(service, 500, 'Internal server error'));
  }
}

export interface Gateway {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Whose X-Forwarded-For / X-Real-IP to believe (`StackConfig.trustedProxies`); nobody by default. */
  trustedProxies?: TrustedProxies;
}

/** Kong's key-auth on WebSocket upgrades: the browser can only pass the key in the query string. */
function refuseUpgrade(socket: Duplex, status: number, reason: string, response: ApiResponse): void {
  const body = String(response.body ?? '');
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Serves `services` on one port, routing each request (and WebSocket upgrade) by path prefix. */
export async function startGateway(
  services: readonly Service[],
  port: number,
  options: GatewayOptions = {},
): Promise<Gateway> {
  const proxies = options.trustedProxies ?? TRUST_NOBODY;
  const trust: Trust = { proxies, list: trustList(proxies.addresses) };
  const server = createServer((req, res) => {
    handle(services, trust, req, res).catch((error) => {
      console.error('[gateway] unhandled', error);
      if (!res.headersSent) send(res, req, errorBody(undefined, 500, 'Internal server error'));
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const service = routeOf(services, url.pathname);
    if (!service?.upgrade) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!presentedApiKey(req.headers, url.searchParams) && needsApiKey(url.pathname)) {
      refuseUpgrade(socket, 401, 'Unauthorized', missingApiKey());
      return;
    }
    service.upgrade(req, socket, head, url.pathname.slice(service.prefix.length), url.searchParams);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
