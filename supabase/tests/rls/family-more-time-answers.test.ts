import { adminQuery } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, expectError, type Parent, signUpParent } from './family-helpers';

// A parent approves more time with the minutes they choose (5-120, default what was asked); a child told
// "not today" waits 30 minutes before asking again. Both enforced in the database.
let parent: Parent;
let coParentless: Parent;

type Day = { minutes_allowed: number };

async function allowedToday(child: Child): Promise<number> {
  const { data, error } = await child.client.rpc('get_my_reading_day').single<Day>();
  if (error) throw error;
  return data.minutes_allowed;
}

async function ask(child: Child, minutes = 15) {
  return child.client.rpc('request_more_time', { p_minutes: minutes });
}

async function requestRow(id: string) {
  const [row] = await adminQuery<{ status: string; minutes: number; requested_minutes: number }>(
    'select status, minutes, requested_minutes from public.approval_requests where id = $1',
    [id],
  );
  return row;
}

beforeAll(async () => {
  [parent, coParentless] = await Promise.all([signUpParent(), signUpParent()]);
});

describe('approving with a chosen amount', () => {
  it('grants exactly what the parent chose and keeps what the child asked for', async () => {
    const child = await addChild(parent);
    const before = await allowedToday(child);
    const { data: id } = await ask(child, 15);
    const { data, error } = await parent.client.rpc('decide_approval_request', {
      p_request_id: id,
      p_approve: true,
      p_minutes: 60,
    });
    expect(error).toBeNull();
    expect(data).toBe('approved');
    expect(await requestRow(id)).toEqual({ status: 'approved', minutes: 60, requested_minutes: 15 });
    expect(await allowedToday(child)).toBe(before + 60);
  });

  it('without a chosen amount grants what the child asked for', async () => {
    const child = await addChild(parent);
    const before = await allowedToday(child);
    const { data: id } = await ask(child, 20);
    await parent.client.rpc('decide_approval_request', { p_request_id: id, p_approve: true });
    expect(await allowedToday(child)).toBe(before + 20);
  });

  it.each([[0], [4], [121], [-15], [100000]])('refuses %i minutes and leaves the request open', async (minutes) => {
    const child = await addChild(parent);
    const { data: id } = await ask(child);
    const result = await parent.client.rpc('decide_approval_request', {
      p_request_id: id,
      p_approve: true,
      p_minutes: minutes,
    });
    expectError(result, 'grant_minutes_range', { min: 5, max: 120 });
    expect(await requestRow(id)).toMatchObject({ status: 'pending', minutes: 15 });
  });

  it('refuses a parent of another family and the child themselves; the request stays open', async () => {
    const child = await addChild(parent);
    const { data: id } = await ask(child);
    expectError(
      await coParentless.client.rpc('decide_approval_request', { p_request_id: id, p_approve: true, p_minutes: 60 }),
      'not_parent_of_family',
    );
    expectError(
      await child.client.rpc('decide_approval_request', { p_request_id: id, p_approve: true, p_minutes: 60 }),
      'not_parent_of_family',
    );
    expect(await requestRow(id)).toMatchObject({ status: 'pending' });
  });

  it('answers once: a second answer is refused and changes nothing', async () => {
    const child = await addChild(parent);
    const { data: id } = await ask(child);
    await parent.client.rpc('decide_approval_request', { p_request_id: id, p_approve: true, p_minutes: 30 });
    expectError(
      await parent.client.rpc('decide_approval_request', { p_request_id: id, p_approve: true, p_minutes: 60 }),
      'request_already_answered',
    );
    expect(await requestRow(id)).toMatchObject({ status: 'approved', minutes: 30 });
  });
});

describe('"not today" cool-down', () => {
  it('refuses asking again for 30 minutes after a denial, with the wait, and creates nothing', async () => {
    const child = await addChild(parent);
    const { data: id } = await ask(child);
    await parent.client.rpc('decide_approval_request', { p_request_id: id, p_approve: false });
    const again = await ask(child);
    expectError(again, 'more_time_cooldown', { minutes: 30 });
    expect(again.error?.code).toBe('TF429');
    const [{ count }] = await adminQuery<{ count: number }>(
      'select count(*)::int as count from public.approval_requests where child_id = $1',
      [child.id],
    );
    expect(count).toBe(1);
  });

  it('counts down by the database clock and lets the child ask once it has passed', async () => {
    const child = await addChild(parent);
    const { data: id } = await ask(child);
    await parent.client.rpc('decide_approval_request', { p_request_id: id, p_approve: false });
    await adminQuery(`update public.approval_requests set decided_at = now() - interval '21 minutes' where id = $1`, [
      id,
    ]);
    expectError(await ask(child), 'more_time_cooldown', { minutes: 9 });
    await adminQuery(`update public.approval_requests set decided_at = now() - interval '31 minutes' where id = $1`, [
      id,
    ]);
    const later = await ask(child);
    expect(later.error).toBeNull();
    expect(later.data).not.toBe(id);
  });

  it('a "yes" starts no cool-down, and one child\'s "not today" does not hold back a sibling', async () => {
    const child = await addChild(parent);
    const sibling = await addChild(parent);
    const { data: first } = await ask(child);
    await parent.client.rpc('decide_approval_request', { p_request_id: first, p_approve: true, p_minutes: 15 });
    expect((await ask(child)).error).toBeNull();

    const { data: siblingAsk } = await ask(sibling);
    await parent.client.rpc('decide_approval_request', { p_request_id: siblingAsk, p_approve: false });
    expectError(await ask(sibling), 'more_time_cooldown');
    expect((await ask(child)).error).toBeNull();
  });
});
