import { STATUS_CODES } from 'node:http';
import { expect } from 'vitest';
import { anonClient } from '../../src/testing/clients';

// Shared by the ports of the official postgrest-js test suite (test/postgrest-js/*.test.ts), ported
// from supabase/supabase-js@381bded5ced48c4621830576bf8cbecc34edc85c,
// packages/core/postgrest-js/test/*.test.ts, against the pj_* fixture
// (test/fixtures/pj_postgrest_js.sql). Each case sends the upstream request with pj_ names and
// expects the upstream response (status, status text, data, error, count). Upstream type-level
// checks and client-only tests (mocked fetch, retries, URL building) have no server side to port.
// At that commit maybe-single, permission-hints, fetch-errors, retry, timeout-and-url-length and
// headers-serialization run on a mocked fetch and version-and-constants on no fetch at all; bigint and
// rpc-get-object-args came after it.

export const db = anonClient();

export interface Expected {
  status: number;
  data?: unknown;
  error?: unknown;
  count?: number | null;
}

interface Result {
  status: number;
  statusText: string;
  data: unknown;
  error: unknown;
  count: number | null;
}

/** The whole response as upstream snapshots it (`success` follows from the error). */
export function expectResponse(res: Result, expected: Expected): void {
  expect({
    status: res.status,
    statusText: res.statusText,
    data: res.data,
    error: res.error,
    count: res.count,
  }).toEqual({
    status: expected.status,
    statusText: STATUS_CODES[expected.status],
    data: expected.data ?? null,
    error: expected.error ?? null,
    count: expected.count ?? null,
  });
}

/** An error body as PostgREST sends it. */
export function pgrstError(code: string, message: string, details: unknown = null, hint: string | null = null) {
  return { code, message, details, hint };
}

/**
 * Upstream snapshots of unordered reads show the physical row order of its database at that point of
 * its run, which later files changed; where that order cannot match, rows are compared sorted.
 */
export function sortedBy<T>(rows: T[], key: keyof T): T[] {
  return [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}

const user = (
  username: string,
  status: 'ONLINE' | 'OFFLINE',
  ageRange: string,
  catchphrase: string,
  data = null as unknown,
) => ({
  age_range: ageRange,
  catchphrase,
  data,
  status,
  username,
});

export const USERS = {
  supabot: user('supabot', 'ONLINE', '[1,2)', "'cat' 'fat'"),
  kiwicopple: user('kiwicopple', 'OFFLINE', '[25,35)', "'bat' 'cat'"),
  awailas: user('awailas', 'ONLINE', '[25,35)', "'bat' 'rat'"),
  jsonuser: user('jsonuser', 'ONLINE', '[20,30)', "'json' 'test'", {
    foo: { bar: { nested: 'value' }, baz: 'string value' },
  }),
  dragarcia: user('dragarcia', 'ONLINE', '[20,30)', "'fat' 'rat'"),
};

/** pj_users in physical order (dragarcia last, as upstream after its basic tests' upsert). */
export const ALL_USERS = [USERS.supabot, USERS.kiwicopple, USERS.awailas, USERS.jsonuser, USERS.dragarcia];

const PERFECTION =
  'Perfection is attained, not when there is nothing more to add, but when there is nothing left to take away.';
const NO_DETAILS = 'Some message on channel without details';

const message = (id: number, text: string, channelId: number) => ({
  channel_id: channelId,
  data: null,
  id,
  message: text,
  username: 'supabot',
});

export const MESSAGES = {
  1: message(1, 'Hello World 👋', 1),
  2: message(2, PERFECTION, 2),
  3: message(3, NO_DETAILS, 3),
  4: message(4, NO_DETAILS, 3),
};

/** pj_messages in physical order (message 3 re-inserted after 4, as upstream). */
export const ALL_MESSAGES = [MESSAGES[1], MESSAGES[2], MESSAGES[4], MESSAGES[3]];

export const TEXT = { PERFECTION, NO_DETAILS };
