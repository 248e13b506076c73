import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Pool } from 'pg';
import type { ApiKeyKind } from './api-keys';
import type { StackConfig } from './config';

/**
 * What the gateway hands a service after stripping its prefix (`/rest/v1`, `/auth/v1`, …),
 * answering CORS and rewriting apikey → Authorization the way the CLI's Kong does.
 */
export interface ApiRequest {
  method: string;
  /** Path below the service prefix, always starting with `/` (e.g. `/profiles`, `/rpc/fn`, `/token`). */
  path: string;
  /** Raw query string without the leading `?` (PostgREST grammar needs the raw form). */
  rawQuery: string;
  /** Lower-cased header names, as node gives them; `authorization` already rewritten. */
  headers: IncomingHttpHeaders;
  /** Raw body (at most 1 MiB, or the storage limit for /storage/v1; the gateway answers 413 beyond that). */
  body: Buffer;
  /**
   * Client address, for rate limits: the TCP peer, or what trusted proxies forwarded
   * (`StackConfig.trustedProxies`). Auth may replace it with `Sb-Forwarded-For` (secret keys only).
   */
  ip: string;
  /** Which project key the request presented as `apikey` (header or query); null for none. */
  apiKey: ApiKeyKind | null;
}

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type ApiHandler = (req: ApiRequest) => Promise<ApiResponse>;

/**
 * One API of the stack behind the gateway (REST, Auth, Realtime, Storage). The gateway routes by
 * `prefix`, reads at most `bodyLimit` bytes, and asks the service itself how to word a refusal it
 * makes on the service's behalf (413, 500), since each API has its own error shape.
 */
export interface Service {
  name: string;
  /** Path prefix, e.g. `/rest/v1`; the service sees the path below it. */
  prefix: string;
  /** The largest request body it accepts (default: the gateway's 1 MiB). */
  bodyLimit?: number;
  handle(req: ApiRequest): Promise<ApiResponse>;
  /** WebSocket upgrades below the prefix; `path` is below it, `query` the parsed query string. */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer, path: string, query: URLSearchParams): void;
  /** The service's error body for a refusal the gateway makes (status 413 or 500). */
  errorResponse?(status: number, message: string): ApiResponse;
  /** Releases what the service holds (listeners, sockets); the stack's pools are not its to end. */
  close?(): Promise<void>;
}

/** Shared resources every service of the stack receives. */
export interface StackContext {
  config: StackConfig;
  /** Superuser pool (`supabase_admin`): platform work such as Auth's own tables and schema introspection. */
  adminPool: Pool;
  /**
   * `authenticator` pool (NOINHERIT, member of anon/authenticated/service_role): PostgREST's connection,
   * which switches role per request with SET LOCAL ROLE.
   */
  apiPool: Pool;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}
