import type { SupabaseClient } from '@supabase/supabase-js';
import { adminQuery, anonClient } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, expectError, middayTimeZone, type Parent, signUpParent, sqlAs } from './family-helpers';

// The day's limit, bedtime (in the family's time zone, across midnight) and pause as the reader's
// heartbeat meets them, and "more time" through an approval. How beats count seconds (tapping, tabs,
// midnight, the cut at bedtime and the limit, a concurrent pause): reading-heartbeat.test.ts.
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

/** The heartbeat's core at a chosen instant, ending its stretch: what the database says then. */
async function beatAt(childId: string, at: string, stop = true): Promise<Beat> {
  const [row] = await adminQuery<Beat>('select * from private.reading_heartbeat_at($1, $2, $3)', [childId, at, stop]);
  return row;
}

/** Reading for `seconds` until `end` (beats 15 s apart, then a stop): the database credits them. */
async function readUntil(childId: string, end: number, seconds: number) {
  await beatAt(childId, new Date(end - seconds * 1000 - 1000).toISOString());
  for (let t = seconds; t >= 0; t -= 15) await beatAt(childId, new Date(end - t * 1000).toISOString(), false);
  await beatAt(childId, new Date(end).toISOString());
}

/** Today's reading as if the child had read `seconds` just now. */
const readFor = (childId: string, seconds: number) => readUntil(childId, Date.now(), seconds);

async function beat(child: Child): Promise<Beat> {
  const { data, error } = await child.client.rpc('reading_heartbeat').single<Beat>();
  if (error) throw error;
  return data;
}

async function secondsOn(childId: string, localDate: string) {
  const [row] = await adminQuery<{ total: number }>(
    'select coalesce(sum(seconds), 0)::int as total from public.reading_time_entries where child_id = $1 and local_date = $2',
    [childId, localDate],
  );
  return row.total;
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

/** A family whose "today" (now(), in its time zone) is far from midnight, with one child. */
async function middayFamily(): Promise<{ parent: Parent; kid: Child }> {
  const parent = await signUpParent({ time_zone: middayTimeZone() });
  return { parent, kid: await addChild(parent) };
}

// Families A and B for the who-sees-what checks; tests that record or change controls make their own
// family (middayFamily), so they pass in any order and at any wall-clock time.
beforeAll(async () => {
  [parentA, parentB] = await Promise.all([
    signUpParent({ time_zone: middayTimeZone() }),
    signUpParent({ time_zone: middayTimeZone() }),
  ]);
  [childA, childB] = await Promise.all([addChild(parentA), addChild(parentB)]);
  anon = anonClient();
});

describe('the reader meets the limit, bedtime and pause', () => {
  it('stops at the daily limit with a status, not an error, crediting only what was left', async () => {
    const { kid } = await middayFamily();
    await setControls(kid.id, { daily_minutes: 10 });
    await readFor(kid.id, 660);
    expect(await beat(kid)).toMatchObject({ status: 'stopped', reason: 'daily_limit', seconds_used: 600 });
    const { data: day } = await kid.client.rpc('get_my_reading_day').single<Day>();
    expect(day).toMatchObject({ minutes_used: 10, minutes_allowed: 10, minutes_left: 0, seconds_left: 0 });
    const { data } = await kid.client.from('reading_time_entries').select('seconds');
    expect(data).toEqual([{ seconds: 600 }]);
  });

  it('refuses grown-ups and anon', async () => {
    expectError(await parentB.client.rpc('reading_heartbeat'), 'not_a_child');
    expectError(await anon.rpc('reading_heartbeat'), /permission denied/);
  });

  it('stops while paused or with reading switched off, recording nothing', async () => {
    const { kid } = await middayFamily();
    await setControls(kid.id, { paused: true });
    expect(await beat(kid)).toMatchObject({ status: 'stopped', reason: 'paused' });
    await readFor(kid.id, 60);
    await setControls(kid.id, { paused: false, reading_allowed: false });
    expect(await beat(kid)).toMatchObject({ status: 'stopped', reason: 'reading_off' });
    await readFor(kid.id, 60);
    expect((await kid.client.from('reading_time_entries').select('id')).data).toEqual([]);
    await setControls(kid.id, { reading_allowed: true });
    expect(await beat(kid)).toMatchObject({ status: 'reading', reason: null });
  });

  it("stops in bedtime in the family's own time zone (right now, two zones, same clock times)", async () => {
    // Both families get a bedtime around what is "now" in Kolkata; only the Kolkata family is in it.
    const [kolkata, utc] = await Promise.all([middayFamily(), middayFamily()]);
    const nowInKolkata = localMinutes('Asia/Kolkata');
    const window = { bedtime_start: clock(nowInKolkata - 30), bedtime_end: clock(nowInKolkata + 30) };
    await Promise.all([setTimeZone(kolkata.parent.familyId, 'Asia/Kolkata'), setTimeZone(utc.parent.familyId, 'UTC')]);
    await Promise.all([
      setControls(kolkata.kid.id, { ...window, daily_minutes: 600 }),
      setControls(utc.kid.id, window),
    ]);

    expect(await beat(kolkata.kid)).toMatchObject({ status: 'stopped', reason: 'bedtime' });
    expect(await beat(utc.kid)).toMatchObject({ status: 'reading' });

    const day = await kolkata.kid.client
      .rpc('get_my_reading_day')
      .single<{ in_bedtime: boolean; bedtime_end: string }>();
    expect(day.data).toMatchObject({ in_bedtime: true, bedtime_end: `${window.bedtime_end}:00` });
  });
});

describe('bedtime and days at chosen instants (private.reading_heartbeat_at)', () => {
  let kid: Child;
  let family: Parent;

  beforeAll(async () => {
    family = await signUpParent();
    kid = await addChild(family);
  });

  const reasonAt = async (at: string) => (await beatAt(kid.id, at)).reason;

  it('a bedtime across midnight (20:00-07:00, New York) covers late evening and early morning only', async () => {
    await setTimeZone(family.familyId, 'America/New_York');
    await setControls(kid.id, { bedtime_start: '20:00', bedtime_end: '07:00', daily_minutes: 600 });
    // January: New York is UTC-5.
    expect(await reasonAt('2027-01-15T00:59:00Z')).toBeNull(); // 19:59
    expect(await reasonAt('2027-01-15T01:00:00Z')).toBe('bedtime'); // 20:00
    expect(await reasonAt('2027-01-15T04:59:00Z')).toBe('bedtime'); // 23:59
    expect(await reasonAt('2027-01-15T05:00:00Z')).toBe('bedtime'); // 00:00
    expect(await reasonAt('2027-01-15T11:59:00Z')).toBe('bedtime'); // 06:59
    expect(await reasonAt('2027-01-15T12:00:00Z')).toBeNull(); // 07:00 on the 15th
    // July: daylight saving, UTC-4, the same local window moves by an hour in UTC.
    expect(await reasonAt('2027-07-15T00:30:00Z')).toBe('bedtime'); // 20:30
    expect(await reasonAt('2027-07-15T23:30:00Z')).toBeNull(); // 19:30
  });

  it('a same-day window (13:00-15:00) does not wrap around', async () => {
    await setTimeZone(family.familyId, 'America/New_York');
    await setControls(kid.id, { bedtime_start: '13:00', bedtime_end: '15:00', daily_minutes: 600 });
    expect(await reasonAt('2027-02-01T17:59:00Z')).toBeNull(); // 12:59
    expect(await reasonAt('2027-02-01T18:00:00Z')).toBe('bedtime'); // 13:00
    expect(await reasonAt('2027-02-01T20:00:00Z')).toBeNull(); // 15:00
    expect(await reasonAt('2027-02-02T03:00:00Z')).toBeNull(); // 22:00
    await setControls(kid.id, { bedtime_start: null, bedtime_end: null });
  });

  it("the daily limit resets at midnight in the family's time zone, not in UTC", async () => {
    await setTimeZone(family.familyId, 'Asia/Tokyo');
    await setControls(kid.id, { daily_minutes: 20, bedtime_start: null, bedtime_end: null });
    // 23:30 to 23:50 in Tokyo on 10 March use up the day...
    await readUntil(kid.id, Date.parse('2027-03-10T14:50:00Z'), 20 * 60);
    expect(await beatAt(kid.id, '2027-03-10T14:59:00Z')).toMatchObject({ reason: 'daily_limit', seconds_used: 1200 });
    // ...and from 00:00 on 11 March in Tokyo (still 10 March in UTC) a new day starts.
    await readUntil(kid.id, Date.parse('2027-03-10T15:05:00Z'), 5 * 60);
    expect(await secondsOn(kid.id, '2027-03-10')).toBe(1200);
    expect(await secondsOn(kid.id, '2027-03-11')).toBe(300);

    // The same instants in a UTC family are all on one day, so the limit still holds there.
    await setTimeZone(family.familyId, 'UTC');
    expect(await reasonAt('2027-03-10T15:06:00Z')).toBe('daily_limit');
  });

  it('stops at once with a daily limit of zero', async () => {
    await setControls(kid.id, { daily_minutes: 0, bedtime_start: null, bedtime_end: null });
    expect(await reasonAt('2027-04-01T10:00:00Z')).toBe('daily_limit');
    await readUntil(kid.id, Date.parse('2027-04-01T10:05:00Z'), 60);
    expect(await secondsOn(kid.id, '2027-04-01')).toBe(0);
    await setControls(kid.id, { daily_minutes: 60 });
  });
});

describe('approved extra minutes (private.child_day at chosen instants)', () => {
  it('count on the day they were approved for, and on no other day', async () => {
    const family = await signUpParent();
    const kid = await addChild(family);
    await setControls(kid.id, { daily_minutes: 20 });
    const asked = await kid.client.rpc('request_more_time', { p_minutes: 15 });
    expect(asked.error).toBeNull();
    expect(
      (await family.client.rpc('decide_approval_request', { p_request_id: asked.data, p_approve: true })).error,
    ).toBeNull();
    // Pin the approval to a known day, so the check does not depend on today's date.
    await adminQuery(`update public.approval_requests set for_date = '2027-05-10' where id = $1`, [asked.data]);
    const allowedAt = async (at: string) =>
      (
        await adminQuery<{ minutes_allowed: number }>('select minutes_allowed from private.child_day($1, $2)', [
          kid.id,
          at,
        ])
      )[0].minutes_allowed;
    expect(await allowedAt('2027-05-10T00:00:00Z')).toBe(35);
    expect(await allowedAt('2027-05-10T23:59:59Z')).toBe(35);
    expect(await allowedAt('2027-05-09T23:59:59Z')).toBe(20);
    expect(await allowedAt('2027-05-11T00:00:00Z')).toBe(20);
    expect(await allowedAt('2028-05-10T12:00:00Z')).toBe(20);
    // And the heartbeat honours it: 40 minutes of reading count 35 on the 10th, 20 on the 11th.
    await readUntil(kid.id, Date.parse('2027-05-10T14:00:00Z'), 40 * 60);
    await readUntil(kid.id, Date.parse('2027-05-11T12:00:00Z'), 40 * 60);
    expect(await secondsOn(kid.id, '2027-05-10')).toBe(35 * 60);
    expect(await secondsOn(kid.id, '2027-05-11')).toBe(20 * 60);
  });

  it('a denied or still pending request adds nothing, even on its own day', async () => {
    const family = await signUpParent();
    const kid = await addChild(family);
    await setControls(kid.id, { daily_minutes: 20 });
    const asked = await kid.client.rpc('request_more_time', { p_minutes: 15 });
    await adminQuery(`update public.approval_requests set for_date = '2027-06-01' where id = $1`, [asked.data]);
    const allowed = async () =>
      (
        await adminQuery<{ m: number }>(
          `select minutes_allowed as m from private.child_day($1, '2027-06-01T12:00:00Z')`,
          [kid.id],
        )
      )[0].m;
    expect(await allowed()).toBe(20);
    await family.client.rpc('decide_approval_request', { p_request_id: asked.data, p_approve: false });
    expect(await allowed()).toBe(20);
  });
});

describe('asking for more time', () => {
  it('child asks, other parents and children cannot answer, the parent approves, the child reads on', async () => {
    const { parent, kid } = await middayFamily();
    await setControls(kid.id, { daily_minutes: 10 });
    await readFor(kid.id, 600);
    const { data: day } = await kid.client.rpc('get_my_reading_day').single<{ minutes_left: number }>();
    expect(day?.minutes_left).toBe(0);

    expectError(await kid.client.rpc('request_more_time', { p_minutes: 500 }), 'more_time_range');
    expectError(await parent.client.rpc('request_more_time', { p_minutes: 15 }), 'not_a_child');
    const asked = await kid.client.rpc('request_more_time', { p_minutes: 15, p_message: 'One more chapter!' });
    expect(asked.error).toBeNull();
    const requestId = asked.data as string;
    // Asking again returns the same open request.
    expect((await kid.client.rpc('request_more_time', { p_minutes: 15 })).data).toBe(requestId);

    // Who sees it.
    expect((await kid.client.from('approval_requests').select('id, status')).data).toEqual([
      { id: requestId, status: 'pending' },
    ]);
    expect((await parent.client.from('approval_requests').select('id')).data).toEqual([{ id: requestId }]);
    for (const stranger of [parentB.client, childB.client]) {
      expect((await stranger.from('approval_requests').select('id').eq('id', requestId)).data).toEqual([]);
    }
    expectError(await anon.from('approval_requests').select('id'), /permission denied/);

    // Who may answer it: not the child, not another family's parent, and never through the table.
    expectError(
      await kid.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: true }),
      'not_parent_of_family',
    );
    expectError(
      await parentB.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: true }),
      'not_parent_of_family',
    );
    expectError(
      await kid.client.from('approval_requests').update({ status: 'approved' }).eq('id', requestId),
      /permission denied/,
    );
    expectError(
      await kid.client.from('approval_requests').insert({
        family_id: parent.familyId,
        child_id: kid.id,
        kind: 'more_time',
        minutes: 60,
        for_date: '2030-01-01',
        status: 'approved',
      }),
      /permission denied/,
    );
    expect(await beat(kid)).toMatchObject({ status: 'stopped', reason: 'daily_limit' });

    const decided = await parent.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: true });
    expect(decided.data).toBe('approved');
    expectError(
      await parent.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: false }),
      'request_already_answered',
    );

    const seen = await kid.client.from('approval_requests').select('status, decided_by').eq('id', requestId).single();
    expect(seen.data).toEqual({ status: 'approved', decided_by: parent.id });
    // 15 more minutes: the reader goes on, and 5 minutes later 10 are left.
    expect(await beat(kid)).toMatchObject({ status: 'reading', seconds_used: 600, seconds_allowed: 1500 });
    await readFor(kid.id, 300);
    const { data: more } = await kid.client.rpc('get_my_reading_day').single<Day>();
    expect(more).toMatchObject({ minutes_used: 15, minutes_allowed: 25, minutes_left: 10 });

    const [audit] = await adminQuery<{ actor_id: string }>(
      `select actor_id from audit.log where table_name = 'public.approval_requests' and operation = 'UPDATE' and new_row ->> 'id' = $1`,
      [requestId],
    );
    expect(audit.actor_id).toBe(parent.id);
  });

  it('a request left unanswered on an earlier day does not block asking for today', async () => {
    const { parent, kid } = await middayFamily();
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
    const { parent, kid } = await middayFamily();
    await setControls(kid.id, { daily_minutes: 0 });
    const asked = await kid.client.rpc('request_more_time', { p_minutes: 10 });
    expect(
      (await parent.client.rpc('decide_approval_request', { p_request_id: asked.data, p_approve: false })).data,
    ).toBe('denied');
    expect(
      (await kid.client.from('approval_requests').select('status').eq('id', asked.data).single()).data?.status,
    ).toBe('denied');
    expect(await beat(kid)).toMatchObject({ status: 'stopped', reason: 'daily_limit' });
  });
});

describe('reading_time_entries access', () => {
  it('the child and their parents read the entries; others read none; nobody writes them directly', async () => {
    await readFor(childA.id, 30);
    expect(
      (await parentA.client.from('reading_time_entries').select('child_id')).data?.every(
        (e) => e.child_id === childA.id,
      ),
    ).toBe(true);
    expect((await parentA.client.from('reading_time_entries').select('id')).data?.length).toBeGreaterThan(0);
    for (const stranger of [parentB.client, childB.client]) {
      expect((await stranger.from('reading_time_entries').select('id').eq('child_id', childA.id)).data).toEqual([]);
    }
    expectError(await anon.from('reading_time_entries').select('id'), /permission denied/);
    const row = { family_id: parentA.familyId, child_id: childA.id, local_date: '2030-01-01', seconds: 1 };
    expectError(await childA.client.from('reading_time_entries').insert(row), /permission denied/);
    expectError(
      await parentA.client.from('reading_time_entries').delete().eq('child_id', childA.id),
      /permission denied/,
    );
    expectError(
      await childA.client.from('reading_time_entries').update({ seconds: 1 }).eq('child_id', childA.id),
      /permission denied/,
    );
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
    const { parent, kid } = await middayFamily();
    await setControls(kid.id, { daily_minutes: 10 });
    const asked = await kid.client.rpc('request_more_time', { p_minutes: 15 });
    expect(
      (await parent.client.rpc('decide_approval_request', { p_request_id: asked.data, p_approve: true })).error,
    ).toBeNull();
    const { data, error } = await parent.client.rpc('get_children_overview');
    expect(error).toBeNull();
    const row = (data as { child_id: string }[]).find((c) => c.child_id === kid.id);
    expect(row).toMatchObject({ display_name: kid.name, minutes_allowed: 25, consented: true, paused: false });
    expect((await kid.client.rpc('get_children_overview')).data).toEqual([]);
    const other = await parentB.client.rpc('get_children_overview');
    expect(other.error).toBeNull();
    expect((other.data as { child_id: string }[]).some((c) => c.child_id === kid.id)).toBe(false);
    expectError(await anon.rpc('get_children_overview'), /permission denied/);
  });
});
