import { randomInt, randomUUID } from 'node:crypto';
import { type AuthError, createClient, type Session, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { inject } from 'vitest';
import ws from 'ws';
import type { TestStackInfo } from './global-setup';

/** The stack started by the global setup (URL, keys, database URLs). */
export function stackInfo(): TestStackInfo {
  return inject('stack');
}

/**
 * Auth rate limits count per client address (config.toml `[auth.rate_limit]`, e.g. 30 sign-ups per
 * 5 minutes). The stack a test global setup starts trusts the test runner (loopback) as a proxy
 * (`TestStackOptions.trustedProxies`), so X-Forwarded-For names the client. Each test file (its own
 * module instance under Vitest) acts from its own address in the reserved 198.18.0.0/15 range, so the
 * files never share one budget. A stack nobody configured believes no forwarded address.
 */
const clientAddress = `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/**
 * A supabase-js client against the test stack. Node 20 has no global WebSocket and supabase-js 2.119
 * throws without one, so realtime gets `ws`. Sessions stay in memory, never refreshed behind our back.
 */
export function makeClient(key: string = stackInfo().anonKey): SupabaseClient {
  return createClient(stackInfo().url, key, {
    realtime: { transport: ws as never },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { 'x-forwarded-for': clientAddress } },
  });
}

export function anonClient(): SupabaseClient {
  return makeClient(stackInfo().anonKey);
}

export function serviceClient(): SupabaseClient {
  return makeClient(stackInfo().serviceRoleKey);
}

export function randomEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

/**
 * Signs `client` in the way a product's server signs in an account whose password only it may use
 * (a child's: Auth refuses it on any request without a server key): the password grant carries the
 * secret key, then the session moves to `client`, which stays an anon-key client like a browser's.
 */
export async function signInWithServerKey(
  client: SupabaseClient,
  credentials: { email: string; password: string },
): Promise<{ session: Session | null; error: AuthError | null }> {
  const { data, error } = await makeClient(stackInfo().secretKey).auth.signInWithPassword(credentials);
  if (error || !data.session) return { session: null, error };
  const moved = await client.auth.setSession(data.session);
  return { session: moved.data.session, error: moved.error };
}

export interface TestUser {
  client: SupabaseClient;
  id: string;
  email: string;
  password: string;
  accessToken: string;
}

/** Signs up a fresh user and returns a client acting as them. */
export async function signUpUser(metadata: Record<string, unknown> = {}): Promise<TestUser> {
  const client = makeClient();
  const email = randomEmail();
  const password = `pw-${randomUUID()}`;
  const { data, error } = await client.auth.signUp({ email, password, options: { data: metadata } });
  if (error || !data.user || !data.session) throw error ?? new Error('sign-up returned no session');
  return { client, id: data.user.id, email, password, accessToken: data.session.access_token };
}

/** Runs SQL as the superuser, for arranging fixtures and checking what a request changed. */
export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: stackInfo().adminDbUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A response's JSON body as an object (Node's fetch types it `unknown`; tests read fields of it). */
export async function readJson(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}
