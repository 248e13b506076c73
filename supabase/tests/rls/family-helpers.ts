import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import {
  adminQuery,
  makeClient,
  serviceClient,
  signInWithServerKey,
  signUpUser,
  stackInfo,
  type TestUser,
} from 'supabase-local/testing';
import { expect } from 'vitest';

export interface Parent extends TestUser {
  familyId: string;
  familyCode: string;
}

export interface Child {
  id: string;
  name: string;
  pin: string;
  password: string;
  familyId: string;
  /**
   * Signed in as the child. Auth refuses a child without consent (banned), so for those this is a
   * session that slipped past Auth (see addChild), to check that the RPCs refuse the child as well.
   */
  client: SupabaseClient;
}

/** A grown-up signing up on their own: the database gives them a family of which they are the parent. */
export async function signUpParent(metadata: Record<string, unknown> = {}): Promise<Parent> {
  const user = await signUpUser({ display_name: `Parent ${randomUUID().slice(0, 6)}`, ...metadata });
  const [row] = await adminQuery<{ family_id: string; code: string }>(
    `select fm.family_id, f.code from public.family_members fm join public.families f on f.id = fm.family_id
      where fm.user_id = $1 and fm.role = 'parent'`,
    [user.id],
  );
  if (!row) throw new Error('sign-up did not create a family');
  return { ...user, familyId: row.family_id, familyCode: row.code };
}

/**
 * The family's parent PIN, through the real RPC. Kid sign-in of any kind needs one (a grown-up who hands
 * over a device must be able to get it back), so families whose children sign in in a test set it.
 */
export async function setParentPin(parent: Parent, pin = '2580'): Promise<void> {
  const { error } = await parent.client.rpc('set_parent_pin', { p_pin: pin });
  if (error) throw error;
}

/** The ban the add-child server action sets at creation (GoTrue `ban_duration`, 100 years). */
export const CHILD_BAN_DURATION = '876000h';

/**
 * The child's auth user as the add-child server action makes it: admin API, no e-mail, account_type
 * child, banned until consent. `banned: false` makes it without the ban (as the seed does), to show that
 * add_child bans it by itself.
 */
export async function createChildUser({
  banned = true,
} = {}): Promise<{ id: string; email: string; password: string }> {
  const id = randomUUID();
  const email = `${id}@children.taleforge.invalid`;
  const password = `child-${randomUUID()}`;
  const { data, error } = await serviceClient().auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    ...(banned ? { ban_duration: CHILD_BAN_DURATION } : {}),
    app_metadata: { account_type: 'child' },
    user_metadata: { display_name: 'Child' },
  });
  if (error || !data.user) throw error ?? new Error('no child user');
  return { id: data.user.id, email, password };
}

/** Adds a child to the parent's family through the real RPCs; with consent unless told otherwise. */
export async function addChild(
  parent: Parent,
  {
    name = `Kid${randomUUID().slice(0, 5)}`,
    birthYear = new Date().getFullYear() - 8,
    pin = '1234',
    consent = true,
  } = {},
): Promise<Child> {
  const user = await createChildUser();
  const { error } = await parent.client.rpc('add_child', {
    p_child_id: user.id,
    p_display_name: name,
    p_birth_year: birthYear,
    p_pin: pin,
  });
  if (error) throw error;
  if (consent) {
    const { error: consentError } = await parent.client.rpc('give_parental_consent', {
      p_child_id: user.id,
      p_method: 'in_app_attestation',
      p_statement: 'I am the parent and I agree.',
    });
    if (consentError) throw consentError;
  }
  const client = makeClient();
  if (!consent) {
    // Auth refuses this child (user_banned). For tests of what the database refuses such a child, the
    // superuser lifts the ban for one sign-in and puts it back, leaving a session as if one slipped through.
    const [{ banned_until }] = await adminQuery<{ banned_until: Date }>(
      'select banned_until from auth.users where id = $1',
      [user.id],
    );
    await adminQuery('update auth.users set banned_until = null where id = $1', [user.id]);
    // As the kid sign-in action does: Auth takes a child's password only with the server's key.
    const { error: signInError } = await signInWithServerKey(client, user);
    await adminQuery('update auth.users set banned_until = $2 where id = $1', [user.id, banned_until]);
    if (signInError) throw signInError;
  } else {
    const { error: signInError } = await signInWithServerKey(client, user);
    if (signInError) throw signInError;
  }
  return { id: user.id, name, pin, password: user.password, familyId: parent.familyId, client };
}

/**
 * Runs SQL as an API role with a user's JWT claims, the way /rest/v1 does, for objects the API does not
 * expose (the audit and private schemas). Rolled back, so a permitted write leaves nothing behind.
 */
export async function sqlAs<T extends pg.QueryResultRow>(
  userId: string | null,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: stackInfo().adminDbUrl });
  await client.connect();
  try {
    await client.query('begin');
    const role = userId ? 'authenticated' : 'anon';
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: userId ?? undefined, role }),
    ]);
    await client.query(`set local role ${role}`);
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.query('rollback').catch(() => {});
    await client.end();
  }
}

/**
 * A Postgres error from a direct connection read as the error contract: a TF429 is raised as
 * PostgREST's RAISE SQLSTATE 'PGRST' (so /rest/v1 answers 429 with Retry-After), whose MESSAGE is the
 * JSON body PostgREST sends; other errors are their SQLSTATE, MESSAGE and DETAIL as they are.
 */
export function contractOf(error: { code?: string; message: string; detail?: string }): {
  code: string;
  message: string;
  detail?: string;
} {
  if (error.code === 'PGRST') {
    const body = JSON.parse(error.message) as { code: string; message: string; details?: string };
    return { code: body.code, message: body.message, detail: body.details };
  }
  return { code: error.code ?? '', message: error.message, detail: error.detail };
}

/** A PostgREST-style error must have come back, with a message matching `pattern`. */
type Refusal = { error: { message: string; code?: string; details?: string | null } | null };

/**
 * The request was refused: with one of our error codes (SQLSTATE class TF, MESSAGE the code, DETAIL its
 * parameters as JSON) when `expected` is a string, or with a Postgres/PostgREST message matching a RegExp.
 */
export function expectError(result: Refusal, expected: RegExp | string, params?: Record<string, unknown>) {
  expect(result.error, 'expected the request to be refused').not.toBeNull();
  if (expected instanceof RegExp) {
    expect(result.error?.message).toMatch(expected);
    return;
  }
  expect({ code: result.error?.code?.slice(0, 2), message: result.error?.message }).toEqual({
    code: 'TF',
    message: expected,
  });
  if (params) expect(JSON.parse(result.error?.details ?? '{}')).toMatchObject(params);
}

export async function controlsOf(childId: string) {
  const [row] = await adminQuery('select * from public.parental_controls where child_id = $1', [childId]);
  return row;
}

/**
 * Zones about three hours apart (standard or summer time): at any instant one of them reads between
 * 08:30 and 15:30. Tests whose "today" comes from the database clock (now()) put their family there, so
 * they pass at any wall-clock time: no run of them straddles the family's midnight (or New Year).
 */
const ZONES_AROUND_THE_CLOCK = [
  'Pacific/Kiritimati',
  'Asia/Tokyo',
  'Asia/Dhaka',
  'Europe/Moscow',
  'UTC',
  'America/Sao_Paulo',
  'America/Chicago',
  'Pacific/Honolulu',
];

export function middayTimeZone(at = new Date()): string {
  const hourIn = (timeZone: string) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(at)
        .map((p) => [p.type, p.value]),
    );
    return Number(parts.hour) + Number(parts.minute) / 60;
  };
  const zone = ZONES_AROUND_THE_CLOCK.find((z) => hourIn(z) >= 8.5 && hourIn(z) <= 15.5);
  if (!zone) throw new Error('no zone near midday: ZONES_AROUND_THE_CLOCK has a gap');
  return zone;
}
