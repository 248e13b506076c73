import pg from 'pg';
import { adminQuery, anonClient, stackInfo } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, expectError, middayTimeZone, type Parent, signUpParent, sqlAs } from './family-helpers';

// Reading time from heartbeats (20261201120000_reading_heartbeats.sql): the database measures the time
// between beats with its own clock, capped at 30 s, per local day, up to bedtime and the limit. The
// core private.reading_heartbeat_at(child, instant, stop) lets these tests choose the instant.
type Beat = {
  status: 'reading' | 'stopped';
  reason: string | null;
  seconds_used: number;
  seconds_allowed: number;
  seconds_left: number;
  seconds_to_stop: number | null;
};

async function beatAt(childId: string, at: Date | string, stop = false): Promise<Beat> {
  const [row] = await adminQuery<Beat>('select * from private.reading_heartbeat_at($1, $2, $3)', [
    childId,
    typeof at === 'string' ? at : at.toISOString(),
    stop,
  ]);
  return row;
}

/** Beats at `start + offsets` seconds; returns the last answer. */
async function beatsAt(childId: string, start: string, offsets: number[]): Promise<Beat> {
  let last: Beat | undefined;
  for (const offset of offsets) last = await beatAt(childId, new Date(Date.parse(start) + offset * 1000));
  return last as Beat;
}

async function secondsOn(childId: string, localDate: string): Promise<number> {
  const [row] = await adminQuery<{ seconds: number }>(
    'select coalesce(sum(seconds), 0)::int as seconds from public.reading_time_entries where child_id = $1 and local_date = $2',
    [childId, localDate],
  );
  return row.seconds;
}

async function totalSeconds(childId: string): Promise<number> {
  const [row] = await adminQuery<{ seconds: number }>(
    'select coalesce(sum(seconds), 0)::int as seconds from public.reading_time_entries where child_id = $1',
    [childId],
  );
  return row.seconds;
}

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

/** A family of its own per test, so no test sees another's seconds (the days below are far from today). */
async function freshChild(controls: Record<string, unknown> = {}, timeZone = 'UTC'): Promise<[Parent, Child]> {
  const parent = await signUpParent();
  const child = await addChild(parent);
  await setTimeZone(parent.familyId, timeZone);
  await setControls(child.id, { daily_minutes: 600, ...controls });
  return [parent, child];
}

/** A connection acting as the child, as /rest/v1 does, in a transaction the test controls. */
async function childConnection(childId: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: stackInfo().adminDbUrl });
  await client.connect();
  await client.query('begin');
  await client.query(`select set_config('request.jwt.claims', $1, true)`, [
    JSON.stringify({ sub: childId, role: 'authenticated' }),
  ]);
  await client.query('set local role authenticated');
  return client;
}

describe('heartbeat accounting', () => {
  it('beats 15 s apart credit the time between them, exactly; the first beat of a stretch credits nothing', async () => {
    const [, kid] = await freshChild();
    const first = await beatAt(kid.id, '2027-05-03T10:00:00Z');
    expect(first).toMatchObject({ status: 'reading', reason: null, seconds_used: 0, seconds_allowed: 36000 });
    const last = await beatsAt(kid.id, '2027-05-03T10:00:00Z', [15, 30, 45, 60]);
    expect(last).toMatchObject({ status: 'reading', seconds_used: 60, seconds_left: 36000 - 60 });
    // Fractions of a second add up without drift: 4 beats 15.25 s apart are 61 whole seconds.
    await beatsAt(kid.id, '2027-05-03T10:01:00Z', [15.25, 30.5, 45.75, 61]);
    expect(await secondsOn(kid.id, '2027-05-03')).toBe(121);
  });

  it('tapping: many beats (and start/stop) within a second credit at most that second', async () => {
    const [, kid] = await freshChild();
    const start = Date.parse('2027-05-04T10:00:00.000Z');
    for (let i = 0; i < 20; i++) await beatAt(kid.id, new Date(start + i * 45), i % 2 === 1);
    expect(await secondsOn(kid.id, '2027-05-04')).toBeLessThanOrEqual(1);
    for (let i = 0; i < 20; i++) await beatAt(kid.id, new Date(start + 5000 + i * 40));
    expect(await secondsOn(kid.id, '2027-05-04')).toBeLessThanOrEqual(2);
  });

  it('a gap of more than 30 s is not reading: the late beat starts a new stretch', async () => {
    const [, kid] = await freshChild();
    await beatsAt(kid.id, '2027-05-05T10:00:00Z', [0, 15, 30]);
    expect(await secondsOn(kid.id, '2027-05-05')).toBe(30);
    await beatsAt(kid.id, '2027-05-05T10:00:00Z', [61, 76]); // 31 s after the last: only 61 -> 76 counts
    expect(await secondsOn(kid.id, '2027-05-05')).toBe(45);
    await beatsAt(kid.id, '2027-05-05T10:00:00Z', [106]); // exactly 30 s later still counts
    expect(await secondsOn(kid.id, '2027-05-05')).toBe(75);
  });

  it('two tabs beating for 60 s of wall time credit 60 s, not 120', async () => {
    const [, kid] = await freshChild();
    // Tab A at 0, 15, 30, 45, 60 and tab B at 5, 20, 35, 50, interleaved on one clock.
    await beatsAt(kid.id, '2027-05-06T10:00:00Z', [0, 5, 15, 20, 30, 35, 45, 50, 60]);
    expect(await secondsOn(kid.id, '2027-05-06')).toBe(60);
    // A beat from a tab whose request is older than the clock (it waited for the lock) adds nothing.
    await beatAt(kid.id, '2027-05-06T10:00:59Z');
    expect(await secondsOn(kid.id, '2027-05-06')).toBe(60);
  });

  it('a reload continues the stretch; a stop (page hidden) ends it and the time after is not counted', async () => {
    const [, kid] = await freshChild();
    await beatsAt(kid.id, '2027-05-07T10:00:00Z', [0, 15]);
    // Reload: the new page beats at once, 3 s after the old one.
    await beatsAt(kid.id, '2027-05-07T10:00:00Z', [18, 33]);
    expect(await secondsOn(kid.id, '2027-05-07')).toBe(33);
    // The page is hidden at 40 (its last beat stops the clock); shown again at 50: 40 -> 50 is not reading.
    await beatAt(kid.id, '2027-05-07T10:00:40Z', true);
    await beatsAt(kid.id, '2027-05-07T10:00:00Z', [50, 65]);
    expect(await secondsOn(kid.id, '2027-05-07')).toBe(40 + 15);
  });

  it("a beat across midnight splits its seconds between the two days of the family's time zone", async () => {
    const [, kid] = await freshChild({}, 'Asia/Tokyo');
    // 23:59:50 and 00:00:10 in Tokyo (UTC+9) on 10/11 March.
    await beatAt(kid.id, '2027-03-10T14:59:50Z');
    const after = await beatAt(kid.id, '2027-03-10T15:00:10Z');
    expect(await secondsOn(kid.id, '2027-03-10')).toBe(10);
    expect(await secondsOn(kid.id, '2027-03-11')).toBe(10);
    // The answer describes the new day.
    expect(after).toMatchObject({ status: 'reading', seconds_used: 10 });
  });

  it('a beat across the start of bedtime credits only up to it and stops the clock', async () => {
    const [, kid] = await freshChild({ bedtime_start: '20:00', bedtime_end: '07:00' }, 'America/New_York');
    // January: New York is UTC-5, so 20:00 there is 01:00 UTC.
    const before = await beatAt(kid.id, '2027-01-15T00:59:40Z');
    expect(before).toMatchObject({ status: 'reading', seconds_to_stop: 20 });
    const stopped = await beatAt(kid.id, '2027-01-15T01:00:05Z');
    expect(stopped).toMatchObject({ status: 'stopped', reason: 'bedtime', seconds_to_stop: null });
    expect(await secondsOn(kid.id, '2027-01-14')).toBe(20);
    expect(await beatAt(kid.id, '2027-01-15T01:00:20Z')).toMatchObject({ status: 'stopped', reason: 'bedtime' });
    expect(await secondsOn(kid.id, '2027-01-14')).toBe(20);
    // 07:00 the next morning reading opens again, with a new stretch.
    await beatsAt(kid.id, '2027-01-15T12:00:00Z', [0, 10]);
    expect(await secondsOn(kid.id, '2027-01-15')).toBe(10);
  });

  it('the daily limit is enforced to the second: the beat that reaches it credits only what was left', async () => {
    const [, kid] = await freshChild({ daily_minutes: 1 });
    const atLimit = await beatsAt(kid.id, '2027-05-08T10:00:00Z', [0, 15, 30, 45, 58, 70]);
    expect(atLimit).toMatchObject({ status: 'stopped', reason: 'daily_limit', seconds_used: 60, seconds_left: 0 });
    expect(await beatsAt(kid.id, '2027-05-08T10:00:00Z', [80, 95])).toMatchObject({ reason: 'daily_limit' });
    expect(await secondsOn(kid.id, '2027-05-08')).toBe(60);
    // A limit lowered below what was read: nothing more, and nothing negative.
    await setControls(kid.id, { daily_minutes: 0 });
    expect(await beatAt(kid.id, '2027-05-08T10:02:00Z')).toMatchObject({ reason: 'daily_limit', seconds_left: 0 });
  });

  it('a pause committed between two beats stops the second one; after resuming a new stretch begins', async () => {
    const [, kid] = await freshChild();
    await beatsAt(kid.id, '2027-05-09T10:00:00Z', [0, 15]);
    await setControls(kid.id, { paused: true });
    expect(await beatAt(kid.id, '2027-05-09T10:00:30Z')).toMatchObject({ status: 'stopped', reason: 'paused' });
    expect(await secondsOn(kid.id, '2027-05-09')).toBe(15);
    await setControls(kid.id, { paused: false });
    await beatsAt(kid.id, '2027-05-09T10:00:00Z', [40, 55]);
    expect(await secondsOn(kid.id, '2027-05-09')).toBe(30);

    // Reading switched off works the same way.
    await setControls(kid.id, { reading_allowed: false });
    expect(await beatAt(kid.id, '2027-05-09T10:01:05Z')).toMatchObject({ status: 'stopped', reason: 'reading_off' });
    expect(await secondsOn(kid.id, '2027-05-09')).toBe(30);
  });
});

describe('heartbeat concurrency (row locks, the database clock)', () => {
  it('a pause and a beat at the same moment: a beat waiting behind an uncommitted pause sees it', async () => {
    const [parent, kid] = await freshChild();
    // The clock is running (a beat a moment ago, in real time).
    const tab = await childConnection(kid.id);
    await tab.query('select * from public.reading_heartbeat()');
    await tab.query('commit');
    await tab.end();

    // The parent's pause is in flight (row locked, not committed) when the child's next beat arrives.
    const pause = new pg.Client({ connectionString: stackInfo().adminDbUrl });
    await pause.connect();
    await pause.query('begin');
    await pause.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: parent.id, role: 'authenticated' }),
    ]);
    await pause.query('set local role authenticated');
    await pause.query('update public.parental_controls set paused = true where child_id = $1', [kid.id]);

    const beating = childConnection(kid.id).then(async (c) => {
      const { rows } = await c.query<Beat>('select * from public.reading_heartbeat()');
      await c.query('commit');
      await c.end();
      return rows[0];
    });
    // The beat is blocked on the controls row until the pause commits.
    const early = await Promise.race([beating, new Promise((resolve) => setTimeout(() => resolve('waiting'), 300))]);
    expect(early).toBe('waiting');
    await pause.query('commit');
    await pause.end();
    expect(await beating).toMatchObject({ status: 'stopped', reason: 'paused' });
    const [{ seconds }] = await adminQuery<{ seconds: number }>(
      'select coalesce(sum(seconds), 0)::int as seconds from public.reading_time_entries where child_id = $1',
      [kid.id],
    );
    expect(seconds).toBe(0);
  });

  it('a pause arriving while a beat is being counted waits for it, and the next beat stops', async () => {
    const [parent, kid] = await freshChild();
    const tab = await childConnection(kid.id);
    await tab.query('select * from public.reading_heartbeat()');
    // Wrapped once: a supabase-js builder sends its request again each time it is awaited.
    const pausing = Promise.resolve(
      parent.client.from('parental_controls').update({ paused: true }).eq('child_id', kid.id),
    );
    const early = await Promise.race([
      pausing.then(() => 'paused'),
      new Promise((resolve) => setTimeout(() => resolve('waiting'), 300)),
    ]);
    expect(early).toBe('waiting');
    await tab.query('commit');
    await tab.end();
    expect((await pausing).error).toBeNull();
    expectBeat(await kid.client.rpc('reading_heartbeat').single<Beat>(), { status: 'stopped', reason: 'paused' });
  });

  it('two tabs beating in parallel in real time credit no more than the wall time', async () => {
    const [, kid] = await freshChild();
    const beat = async () => {
      const c = await childConnection(kid.id);
      await c.query('select * from public.reading_heartbeat()');
      await c.query('commit');
      await c.end();
    };
    const started = Date.now();
    while (Date.now() - started < 3000) {
      await Promise.all([beat(), beat()]);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const wall = (Date.now() - started) / 1000;
    const credited = await totalSeconds(kid.id);
    expect(credited).toBeLessThanOrEqual(Math.ceil(wall) + 1);
    expect(credited).toBeGreaterThanOrEqual(Math.floor(wall) - 1);
  });
});

function expectBeat(result: { data: Beat | null; error: unknown }, expected: Partial<Beat>) {
  expect(result.error).toBeNull();
  expect(result.data).toMatchObject(expected);
}

describe('who may beat, and what the client can say', () => {
  let parent: Parent;
  let kid: Child;

  beforeAll(async () => {
    [parent, kid] = await freshChild();
  });

  it("a child beats over the API; grown-ups, anon and a child without consent can't", async () => {
    expectBeat(await kid.client.rpc('reading_heartbeat').single<Beat>(), { status: 'reading' });
    expectError(await parent.client.rpc('reading_heartbeat'), 'not_a_child');
    expectError(await anonClient().rpc('reading_heartbeat'), /permission denied/);
    const late = await addChild(parent, { consent: false });
    expectError(await late.client.rpc('reading_heartbeat'), 'needs_consent');
  });

  it('forged times: the API takes no instant, and the instant-taking core is not callable by users', async () => {
    // PostgREST finds no function with such an argument; the server's clock is the only clock.
    const forged = await kid.client.rpc('reading_heartbeat', { p_now: '2099-01-01T00:00:00Z' } as never);
    expect(forged.error).not.toBeNull();
    await expect(
      sqlAs(kid.id, 'select * from private.reading_heartbeat_at($1, $2, false)', [kid.id, '2099-01-01T00:00:00Z']),
    ).rejects.toThrow(/permission denied/);
    // A child cannot beat for someone else either: the wrapper pins the caller.
    await expect(sqlAs(kid.id, 'select * from private.reading_heartbeat(false)')).resolves.toHaveLength(1);
  });

  it('nobody writes reading days or the clock directly', async () => {
    const row = { family_id: parent.familyId, child_id: kid.id, local_date: '2030-01-01', seconds: 1 };
    expectError(await kid.client.from('reading_time_entries').insert(row), /permission denied/);
    expectError(
      await kid.client.from('reading_time_entries').update({ seconds: 0 }).eq('child_id', kid.id),
      /permission denied/,
    );
    expectError(await parent.client.from('reading_time_entries').delete().eq('child_id', kid.id), /permission denied/);
    await expect(sqlAs(kid.id, 'select * from private.reading_clocks')).rejects.toThrow(/permission denied/);
  });

  it('the child and their parents read the days; another family reads nothing', async () => {
    const [otherParent, otherKid] = await freshChild();
    await beatsAt(kid.id, '2027-06-01T10:00:00Z', [0, 10]);
    expect(
      (await kid.client.from('reading_time_entries').select('seconds').eq('local_date', '2027-06-01')).data,
    ).toEqual([{ seconds: 10 }]);
    expect(
      (await parent.client.from('reading_time_entries').select('child_id').eq('local_date', '2027-06-01')).data,
    ).toEqual([{ child_id: kid.id }]);
    for (const stranger of [otherParent.client, otherKid.client]) {
      expect((await stranger.from('reading_time_entries').select('id').eq('child_id', kid.id)).data).toEqual([]);
    }
    expectError(await anonClient().from('reading_time_entries').select('id'), /permission denied/);
  });
});

describe('seconds and minutes agree everywhere', () => {
  it('child_day, get_my_reading_day and get_children_overview report the same day', async () => {
    // A family where it is midday now, so the 90 s below cannot straddle its midnight.
    const [parent, kid] = await freshChild({ daily_minutes: 2 }, middayTimeZone());
    // Today, in real time: 90 s read (six beats 15 s apart, ending now).
    const now = Date.now();
    for (let i = 6; i >= 0; i--) await beatAt(kid.id, new Date(now - i * 15_000));
    const { data: day } = await kid.client.rpc('get_my_reading_day').single();
    expect(day).toMatchObject({
      seconds_used: 90,
      seconds_allowed: 120,
      seconds_left: 30,
      minutes_used: 1,
      minutes_allowed: 2,
      minutes_left: 1,
    });
    const { data: overview } = await parent.client.rpc('get_children_overview');
    expect(overview?.find((c: { child_id: string }) => c.child_id === kid.id)).toMatchObject({
      seconds_used: 90,
      seconds_allowed: 120,
      minutes_used: 1,
      minutes_allowed: 2,
    });
    const [inner] = await adminQuery('select * from private.child_day($1, now())', [kid.id]);
    expect(inner).toMatchObject({ seconds_used: 90, minutes_used: 1, seconds_allowed: 120 });
  });

  it('the reader learns when the clock alone will change its day (midnight, bedtime)', async () => {
    const [, kid] = await freshChild();
    const { data } = await kid.client.rpc('get_my_reading_day').single<{ seconds_to_change: number }>();
    // No bedtime, UTC: the next change is midnight UTC.
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    const expected = (midnight.getTime() - Date.now()) / 1000;
    expect(Math.abs((data?.seconds_to_change ?? 0) - expected)).toBeLessThan(5);
  });
});

describe('"reading" broadcasts', () => {
  it('reach the family topics at most every 15 s per child, and at once when the limit stops reading', async () => {
    const [parent, kid] = await freshChild({ daily_minutes: 1 });
    const count = async () => {
      const [row] = await adminQuery<{ n: number }>(
        `select count(*)::int as n from realtime.messages where event = 'reading' and topic = $1`,
        [`family:${parent.familyId}`],
      );
      return row.n;
    };
    // A beat every second for 40 s: credited at 1 s (first broadcast), then at 16 s and 31 s.
    await beatsAt(
      kid.id,
      '2027-07-01T10:00:00Z',
      Array.from({ length: 41 }, (_, i) => i),
    );
    expect(await count()).toBe(3);
    const [{ n: childTopic }] = await adminQuery<{ n: number }>(
      `select count(*)::int as n from realtime.messages where event = 'reading' and topic = $1`,
      [`child:${kid.id}`],
    );
    expect(childTopic).toBe(3);
    // The beat that reaches the limit (at 60 s) tells at once, 14 s after the last broadcast at 46 s.
    await beatsAt(
      kid.id,
      '2027-07-01T10:00:00Z',
      Array.from({ length: 20 }, (_, i) => 41 + i),
    );
    expect(await count()).toBe(5);
    // Stopped beats credit nothing and say nothing.
    await beatsAt(kid.id, '2027-07-01T10:00:00Z', [61, 62, 80]);
    expect(await count()).toBe(5);
  });
});
