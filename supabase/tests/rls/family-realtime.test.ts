import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, type Parent, signUpParent } from './family-helpers';

// The database broadcasts family changes on private channels (20261201091000_family_realtime_events.sql):
// child:<id> reaches that child and their parents, family:<id> the family's parents, nobody else.
const channels: [SupabaseClient, RealtimeChannel][] = [];

afterEach(async () => {
  for (const [client, channel] of channels.splice(0)) await client.removeChannel(channel);
});

async function join(client: SupabaseClient, topic: string): Promise<{ status: string; events: string[] }> {
  const { data } = await client.auth.getSession();
  await client.realtime.setAuth(data.session?.access_token ?? null);
  const events: string[] = [];
  const channel = client
    .channel(topic, { config: { private: true } })
    .on('broadcast', { event: '*' }, ({ event }) => events.push(event));
  channels.push([client, channel]);
  const status = await new Promise<string>((resolve) => channel.subscribe((s) => s !== 'CLOSED' && resolve(s)));
  return { status, events };
}

async function eventually(check: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('no event within 2 s');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('family realtime events', () => {
  let parentA: Parent;
  let childA: Child;
  let parentB: Parent;
  let childB: Child;

  beforeAll(async () => {
    [parentA, parentB] = await Promise.all([signUpParent(), signUpParent()]);
    [childA, childB] = await Promise.all([addChild(parentA), addChild(parentB)]);
  });

  it("a pause reaches the child's screen and the parent's dashboard within 2 s", async () => {
    const kid = await join(childA.client, `child:${childA.id}`);
    const dashboard = await join(parentA.client, `family:${parentA.familyId}`);
    expect([kid.status, dashboard.status]).toEqual(['SUBSCRIBED', 'SUBSCRIBED']);

    const { error } = await parentA.client.from('parental_controls').update({ paused: true }).eq('child_id', childA.id);
    expect(error).toBeNull();
    await eventually(() => kid.events.includes('controls') && dashboard.events.includes('controls'));

    await parentA.client.from('parental_controls').update({ paused: false }).eq('child_id', childA.id);
    await eventually(() => kid.events.filter((e) => e === 'controls').length === 2);
  });

  it("a child's request reaches the parents; the answer reaches the child", async () => {
    const kid = await join(childA.client, `child:${childA.id}`);
    const dashboard = await join(parentA.client, `family:${parentA.familyId}`);
    const { data: requestId, error } = await childA.client.rpc('request_more_time', { p_minutes: 15 });
    expect(error).toBeNull();
    await eventually(() => dashboard.events.includes('requests'));
    await parentA.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: false });
    await eventually(() => kid.events.filter((e) => e === 'requests').length >= 2);
  });

  it("nobody joins another family's or another child's topic", async () => {
    expect((await join(parentB.client, `child:${childA.id}`)).status).toBe('CHANNEL_ERROR');
    expect((await join(parentB.client, `family:${parentA.familyId}`)).status).toBe('CHANNEL_ERROR');
    expect((await join(childB.client, `child:${childA.id}`)).status).toBe('CHANNEL_ERROR');
    // A child hears about themselves, not about the whole family.
    expect((await join(childA.client, `family:${parentA.familyId}`)).status).toBe('CHANNEL_ERROR');
    expect((await join(parentA.client, 'family:not-a-uuid')).status).toBe('CHANNEL_ERROR');
  });
});
