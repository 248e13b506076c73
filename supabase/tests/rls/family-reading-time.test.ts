import type { SupabaseClient } from '@supabase/supabase-js';
import { adminQuery, anonClient } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, expectError, type Parent, signUpParent, sqlAs } from './family-helpers';

// The day's limit, bedtime (in the family's time zone) and pause as the reader meets them today, and
// "more time" through an approval. How heartbeats count seconds: reading-heartbeat.test.ts.
let parentA: Parent;
let parentB: Parent;
let childA: Child;
let childB: Child;
let anon: SupabaseClient;

type Beat = { status: string; reason: string | null; seconds_used: number; seconds_allowed: number };
type Day = { minutes_used: number; minutes_allowed: number; minutes_left: number; seconds_left: number };

async function setControls(childId: string, values: Record<string, unknown>) {
  const columns = Object.keys(values);
  await adminQuery(
    `update public.parental_controls set ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} where child_id = $1`,
    [childId, ...Object.values(values)],
  );
}

async function setTimeZone(familyId: string, timeZone: string) {
  await adminQuery('update public.families set time_zone = $2 where id = $1', [familyId, timeZone]);
}

/** Today's reading as if the child had read `seconds` just now (beats 15 s apart ending now). */
async function readFor(childId: string, seconds: number) {
  const now = Date.now();
  // A stop first, so a stretch left running by a beat over the API does not swallow these.
  await adminQuery('select * from private.reading_heartbeat_at($1, $2, true)', [
    childId,
    new Date(now - seconds * 1000 - 1000).toISOString(),
  ]);
  for (let t = seconds; t >= 0; t -= 15) {
    await adminQuery('select * from private.reading_heartbeat_at($1, $2, false)', [
      childId,
      new Date(now - t * 1000).toISOString(),
    ]);
  }
  await adminQuery('select * from private.reading_heartbeat_at($1, $2, true)', [childId, new Date(now).toISOString()]);
}

async function beat(child: Child): Promise<Beat> {
  const { data, error } = await child.client.rpc('reading_heartbeat').single<Beat>();
  if (error) throw error;
  return data;
}

function localMinutes(timeZone: string, at = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return get('hour') * 60 + get('minute');
}

function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

beforeAll(async () => {
  [parentA, parentB] = await Promise.all([signUpParent(), signUpParent()]);
  [childA, childB] = await Promise.all([addChild(parentA), addChild(parentB)]);
  anon = anonClient();
});

describe('the reader meets the limit, bedtime and pause', () => {
  it('stops at the daily limit with a status, not an error', async () => {
    await setControls(childA.id, { daily_minutes: 10 });
    await readFor(childA.id, 600);
    expect(await beat(childA)).toMatchObject({ status: 'stopped', reason: 'daily_limit', seconds_used: 600 });
    const { data: day } = await childA.client.rpc('get_my_reading_day').single<Day>();
    expect(day).toMatchObject({ minutes_used: 10, minutes_allowed: 10, minutes_left: 0, seconds_left: 0 });
  });

  it('stops while paused or with reading switched off', async () => {
    await setControls(childB.id, { paused: true });
    expect(await beat(childB)).toMatchObject({ status: 'stopped', reason: 'paused' });
    await setControls(childB.id, { paused: false, reading_allowed: false });
    expect(await beat(childB)).toMatchObject({ status: 'stopped', reason: 'reading_off' });
    await setControls(childB.id, { reading_allowed: true });
    expect(await beat(childB)).toMatchObject({ status: 'reading', reason: null });
  });

  it("stops in bedtime in the family's own time zone (right now, two zones, same clock times)", async () => {
    // Both families get a bedtime around what is "now" in Kolkata; only the Kolkata family is in it.
    const nowInKolkata = localMinutes('Asia/Kolkata');
    const window = { bedtime_start: clock(nowInKolkata - 30), bedtime_end: clock(nowInKolkata + 30) };
    await Promise.all([setTimeZone(parentA.familyId, 'Asia/Kolkata'), setTimeZone(parentB.familyId, 'UTC')]);
    await Promise.all([setControls(childA.id, { ...window, daily_minutes: 600 }), setControls(childB.id, window)]);

    expect(await beat(childA)).toMatchObject({ status: 'stopped', reason: 'bedtime' });
    expect(await beat(childB)).toMatchObject({ status: 'reading' });

    const day = await childA.client.rpc('get_my_reading_day').single<{ in_bedtime: boolean; bedtime_end: string }>();
    expect(day.data).toMatchObject({ in_bedtime: true, bedtime_end: `${window.bedtime_end}:00` });
    await setControls(childA.id, { bedtime_start: null, bedtime_end: null, daily_minutes: 10 });
    await setControls(childB.id, { bedtime_start: null, bedtime_end: null });
    await setTimeZone(parentA.familyId, 'UTC');
  });
});

describe('asking for more time', () => {
  it('child asks, other parents and children cannot answer, the parent approves, the child reads on', async () => {
    await setControls(childA.id, { daily_minutes: 10 });
    const { data: day } = await childA.client.rpc('get_my_reading_day').single<{ minutes_left: number }>();
    expect(day?.minutes_left).toBe(0);

    expectError(await childA.client.rpc('request_more_time', { p_minutes: 500 }), 'more_time_range');
    expectError(await parentA.client.rpc('request_more_time', { p_minutes: 15 }), 'not_a_child');
    const asked = await childA.client.rpc('request_more_time', { p_minutes: 15, p_message: 'One more chapter!' });
    expect(asked.error).toBeNull();
    const requestId = asked.data as string;
    // Asking again returns the same open request.
    expect((await childA.client.rpc('request_more_time', { p_minutes: 15 })).data).toBe(requestId);

    // Who sees it.
    expect((await childA.client.from('approval_requests').select('id, status')).data).toEqual([
      { id: requestId, status: 'pending' },
    ]);
    expect((await parentA.client.from('approval_requests').select('id')).data).toEqual([{ id: requestId }]);
    for (const stranger of [parentB.client, childB.client]) {
      expect((await stranger.from('approval_requests').select('id').eq('id', requestId)).data).toEqual([]);
    }
    expectError(await anon.from('approval_requests').select('id'), /permission denied/);

    // Who may answer it: not the child, not another family's parent, and never through the table.
    expectError(
      await childA.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: true }),
      'not_parent_of_family',
    );
    expectError(
      await parentB.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: true }),
      'not_parent_of_family',
    );
    expectError(
      await childA.client.from('approval_requests').update({ status: 'approved' }).eq('id', requestId),
      /permission denied/,
    );
    expectError(
      await childA.client.from('approval_requests').insert({
        family_id: parentA.familyId,
        child_id: childA.id,
        kind: 'more_time',
        minutes: 60,
        for_date: '2030-01-01',
        status: 'approved',
      }),
      /permission denied/,
    );
    expect(await beat(childA)).toMatchObject({ status: 'stopped', reason: 'daily_limit' });

    const decided = await parentA.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: true });
    expect(decided.data).toBe('approved');
    expectError(
      await parentA.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: false }),
      'request_already_answered',
    );

    const seen = await childA.client
      .from('approval_requests')
      .select('status, decided_by')
      .eq('id', requestId)
      .single();
    expect(seen.data).toEqual({ status: 'approved', decided_by: parentA.id });
    // 15 more minutes: the reader goes on, and 5 minutes later 10 are left.
    expect(await beat(childA)).toMatchObject({ status: 'reading', seconds_used: 600, seconds_allowed: 1500 });
    await readFor(childA.id, 300);
    const { data: more } = await childA.client.rpc('get_my_reading_day').single<Day>();
    expect(more).toMatchObject({ minutes_used: 15, minutes_allowed: 25, minutes_left: 10 });

    const [audit] = await adminQuery<{ actor_id: string }>(
      `select actor_id from audit.log where table_name = 'public.approval_requests' and operation = 'UPDATE' and new_row ->> 'id' = $1`,
      [requestId],
    );
    expect(audit.actor_id).toBe(parentA.id);
  });

  it('a request left unanswered on an earlier day does not block asking for today', async () => {
    // A family of its own, so the time read here does not show up in family A's tests.
    const parent = await signUpParent();
    const kid = await addChild(parent);
    await setControls(kid.id, { daily_minutes: 0 });
    const old = await kid.client.rpc('request_more_time', { p_minutes: 10 });
    expect(old.error).toBeNull();
    await adminQuery('update public.approval_requests set for_date = for_date - 1 where id = $1', [old.data]);

    const asked = await kid.client.rpc('request_more_time', { p_minutes: 20, p_message: 'Please!' });
    expect(asked.error).toBeNull();
    const { data: day } = await kid.client.rpc('get_my_reading_day').single<{ local_date: string }>();
    const [request] = await adminQuery<{ for_date: string; minutes: number; message: string }>(
      `select for_date::text, minutes, message from public.approval_requests where id = $1 and status = 'pending'`,
      [asked.data],
    );
    expect(request).toEqual({ for_date: day?.local_date, minutes: 20, message: 'Please!' });

    const decided = await parent.client.rpc('decide_approval_request', { p_request_id: asked.data, p_approve: true });
    expect(decided.error).toBeNull();
    await readFor(kid.id, 300);
    const { data: more } = await kid.client.rpc('get_my_reading_day').single<Day>();
    expect(more).toMatchObject({ minutes_used: 5, minutes_allowed: 20, minutes_left: 15 });
  });

  it('a denied request adds no time, and the child sees the answer', async () => {
    await setControls(childB.id, { daily_minutes: 0 });
    const asked = await childB.client.rpc('request_more_time', { p_minutes: 10 });
    expect(
      (await parentB.client.rpc('decide_approval_request', { p_request_id: asked.data, p_approve: false })).data,
    ).toBe('denied');
    expect(
      (await childB.client.from('approval_requests').select('status').eq('id', asked.data).single()).data?.status,
    ).toBe('denied');
    expect(await beat(childB)).toMatchObject({ status: 'stopped', reason: 'daily_limit' });
    await setControls(childB.id, { daily_minutes: 60 });
  });
});

describe('private.child_may', () => {
  it('answers per the controls for children and is always true for grown-ups', async () => {
    const kid = await addChild(parentB);
    const may = async (userId: string, activity: string) =>
      (await sqlAs<{ ok: boolean }>(userId, 'select private.child_may($1::public.child_activity) as ok', [activity]))[0]
        .ok;
    expect(await may(kid.id, 'reading')).toBe(true);
    expect(await may(kid.id, 'creating')).toBe(true);
    expect(await may(kid.id, 'live_sessions')).toBe(false);
    await setControls(kid.id, { paused: true, live_sessions_allowed: true });
    expect(await may(kid.id, 'creating')).toBe(false);
    expect(await may(kid.id, 'live_sessions')).toBe(false);
    await setControls(kid.id, { paused: false, daily_minutes: 0 });
    expect(await may(kid.id, 'reading')).toBe(false);
    expect(await may(kid.id, 'live_sessions')).toBe(true);
    expect(await may(parentB.id, 'live_sessions')).toBe(true);
    // Not callable over the API, and not by anon at all.
    await expect(sqlAs(null, "select private.child_may('reading')")).rejects.toThrow(/permission denied/);
  });
});

describe('get_children_overview', () => {
  it("lists a parent's children with today's minutes and status; nothing for anyone else", async () => {
    const { data } = await parentA.client.rpc('get_children_overview');
    const row = (data ?? []).find((c: { child_id: string }) => c.child_id === childA.id);
    expect(row).toMatchObject({ display_name: childA.name, minutes_allowed: 25, consented: true, paused: false });
    expect((await childA.client.rpc('get_children_overview')).data).toEqual([]);
    expect(
      ((await parentB.client.rpc('get_children_overview')).data ?? []).some(
        (c: { child_id: string }) => c.child_id === childA.id,
      ),
    ).toBe(false);
    expectError(await anon.rpc('get_children_overview'), /permission denied/);
  });
});
