import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signJwt } from '../../src/jwt';
import { adminQuery } from '../../src/testing/clients';
import { Inbox, rtClient, rtUser, subscribe, subscribed, uniqueTopic, VERSIONS } from './realtime-helpers';

type Received = { type: string; event: string; payload: Record<string, unknown>; meta?: Record<string, unknown> };
type System = { extension: string; status: string; message: string; channel: string };

const userToken = (sub: string, expiresIn: number) => {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({ sub, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + expiresIn });
};

describe.each(VERSIONS)('realtime private channels and database broadcasts (vsn %s)', (vsn) => {
  it('lets a user join, send and receive on a private topic their RLS policy allows', async () => {
    const user = await rtUser(vsn);
    const inbox = new Inbox<Received>();
    const channel = await subscribed(
      user.client
        .channel(`private-room:${user.id}`, { config: { private: true, broadcast: { self: true, ack: true } } })
        .on('broadcast', { event: 'note' }, inbox.push),
    );
    expect(await channel.send({ type: 'broadcast', event: 'note', payload: { text: 'hi' } })).toBe('ok');
    const [message] = await inbox.waitFor(1);
    expect(message.payload).toEqual({ text: 'hi' });
  });

  it('refuses a private topic the policy does not allow, and anonymous joins', async () => {
    const user = await rtUser(vsn);
    const other = randomUUID();
    const outcome = await subscribe(user.client.channel(`private-room:${other}`, { config: { private: true } }));
    expect(outcome.status).toBe('CHANNEL_ERROR');
    expect(outcome.error?.message).toBe(
      `Unauthorized: You do not have permissions to read from this Channel topic: private-room:${other}`,
    );
    const anon = await subscribe(rtClient(vsn).channel(`private-room:${user.id}`, { config: { private: true } }));
    expect(anon.status).toBe('CHANNEL_ERROR');
    // The same socket still serves public channels.
    await subscribed(user.client.channel(uniqueTopic('public-after-refusal')));
  });

  it("delivers a trigger's realtime.send() and broadcast_changes() to the topic", async () => {
    const room = uniqueTopic('story');
    const publicInbox = new Inbox<Received>();
    const privateInbox = new Inbox<Received>();
    await subscribed(rtClient(vsn).channel(room).on('broadcast', { event: 'new_event' }, publicInbox.push));
    const user = await rtUser(vsn);
    await subscribed(
      user.client
        .channel(`changes:${room}`, { config: { private: true } })
        .on('broadcast', { event: 'INSERT' }, privateInbox.push),
    );
    // An anonymous subscriber of the private topic name on a public channel gets nothing from it.
    const stray = new Inbox<Received>();
    await subscribed(rtClient(vsn).channel(`changes:${room}`).on('broadcast', { event: '*' }, stray.push));

    const [row] = await adminQuery<{ id: string }>(
      "insert into realtime_test.events (room, body) values ($1, 'the dragon wakes') returning id",
      [room],
    );
    const [sent] = await publicInbox.waitFor(1);
    expect(sent.payload).toMatchObject({ body: 'the dragon wakes' });
    expect(sent.payload.id).toEqual(sent.meta?.id);
    const [change] = await privateInbox.waitFor(1);
    expect(change.payload).toMatchObject({
      operation: 'INSERT',
      table: 'events',
      schema: 'realtime_test',
      record: { id: Number(row.id), room, body: 'the dragon wakes' },
      old_record: null,
    });
    expect(typeof change.meta?.id).toBe('string');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stray.items).toHaveLength(0);
  });

  it('ends the channel with a system error when the token expires', async () => {
    const client = rtClient(vsn);
    await client.realtime.setAuth(await userToken(randomUUID(), 2));
    const system = new Inbox<System>();
    const statuses = new Inbox<string>();
    client
      .channel(uniqueTopic('expiring'))
      .on('system', {}, system.push)
      .subscribe((status) => statuses.push(status));
    await statuses.waitFor(1);
    expect(statuses.items[0]).toBe('SUBSCRIBED');
    const [message] = await system.waitFor(1, 6_000);
    expect(message).toMatchObject({ extension: 'system', status: 'error' });
    expect(message.message).toMatch(/^Token has expired \d+ seconds ago$/);
    await statuses.waitFor(2);
    expect(statuses.items[1]).toBe('CLOSED');
  });

  it('refuses joins with an expired or forged access token', async () => {
    const expired = rtClient(vsn);
    await expired.realtime.setAuth(await userToken(randomUUID(), -30));
    const outcome = await subscribe(expired.channel(uniqueTopic('expired')));
    expect(outcome.status).toBe('CHANNEL_ERROR');
    expect(outcome.error?.message).toMatch(/^InvalidJWTToken: Token has expired \d+ seconds ago$/);

    const forged = rtClient(vsn);
    const token = await userToken(randomUUID(), 600);
    await forged.realtime.setAuth(`${token.slice(0, -4)}AAAA`);
    const refused = await subscribe(forged.channel(uniqueTopic('forged')));
    expect(refused.status).toBe('CHANNEL_ERROR');
    expect(refused.error?.message).toBe('JwtSignatureError: Failed to validate JWT signature');
  });

  it('re-authorises a private channel when the access token changes', async () => {
    const user = await rtUser(vsn);
    const system = new Inbox<System>();
    const statuses = new Inbox<string>();
    user.client
      .channel(`private-room:${user.id}`, { config: { private: true } })
      .on('system', {}, system.push)
      .subscribe((status) => statuses.push(status));
    await statuses.waitFor(1);
    expect(statuses.items[0]).toBe('SUBSCRIBED');
    // Someone else's token may not read this room: the server shuts the channel.
    await user.client.realtime.setAuth(await userToken(randomUUID(), 600));
    const [message] = await system.waitFor(1);
    expect(message.message).toBe(
      `You do not have permissions to read from this Channel topic: private-room:${user.id}`,
    );
    await statuses.waitFor(2);
    expect(statuses.items[1]).toBe('CLOSED');
  });
});
