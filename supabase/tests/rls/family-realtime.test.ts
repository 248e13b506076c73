import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, type Parent, signUpParent } from './family-helpers';
import { eventually, listen } from './realtime-listener';

// The database broadcasts family changes on private channels (20261201091000_family_realtime_events.sql):
// child:<id> reaches that child and their parents, family:<id> the family's parents, nobody else.
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
    const kid = await listen(childA.client, `child:${childA.id}`);
    const dashboard = await listen(parentA.client, `family:${parentA.familyId}`);
    expect([kid.status, dashboard.status]).toEqual(['SUBSCRIBED', 'SUBSCRIBED']);

    const { error } = await parentA.client.from('parental_controls').update({ paused: true }).eq('child_id', childA.id);
    expect(error).toBeNull();
    await eventually(() => kid.events().includes('controls') && dashboard.events().includes('controls'));

    await parentA.client.from('parental_controls').update({ paused: false }).eq('child_id', childA.id);
    await eventually(() => kid.events().filter((e) => e === 'controls').length === 2);
  });

  it("a child's request reaches the parents; the answer reaches the child", async () => {
    const kid = await listen(childA.client, `child:${childA.id}`);
    const dashboard = await listen(parentA.client, `family:${parentA.familyId}`);
    const { data: requestId, error } = await childA.client.rpc('request_more_time', { p_minutes: 15 });
    expect(error).toBeNull();
    await eventually(() => dashboard.events().includes('requests'));
    await parentA.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: false });
    await eventually(() => kid.events().filter((e) => e === 'requests').length >= 2);
  });

  it("nobody joins another family's or another child's topic", async () => {
    expect((await listen(parentB.client, `child:${childA.id}`)).status).toBe('CHANNEL_ERROR');
    expect((await listen(parentB.client, `family:${parentA.familyId}`)).status).toBe('CHANNEL_ERROR');
    expect((await listen(childB.client, `child:${childA.id}`)).status).toBe('CHANNEL_ERROR');
    // A child hears about themselves, not about the whole family.
    expect((await listen(childA.client, `family:${parentA.familyId}`)).status).toBe('CHANNEL_ERROR');
    expect((await listen(parentA.client, 'family:not-a-uuid')).status).toBe('CHANNEL_ERROR');
  });
});
