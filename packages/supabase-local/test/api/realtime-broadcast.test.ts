import { describe, expect, it } from 'vitest';
import { stackInfo } from '../../src/testing/clients';
import { Inbox, rtClient, sleep, subscribed, uniqueTopic, VERSIONS } from './realtime-helpers';

type Received = { type: string; event: string; payload: Record<string, unknown>; meta?: unknown };

describe.each(VERSIONS)('realtime broadcast (vsn %s)', (vsn) => {
  it('speaks the protocol version the client asked for', async () => {
    const client = rtClient(vsn);
    await subscribed(client.channel(uniqueTopic('vsn')));
    expect(client.realtime.vsn).toBe(vsn);
    expect(client.realtime.endpointURL()).toContain(`vsn=${vsn}`);
  });

  it('delivers a broadcast to other subscribers but not back to the sender by default', async () => {
    const topic = uniqueTopic('room');
    const inbox = new Inbox<Received>();
    const own = new Inbox<Received>();
    const receiver = rtClient(vsn);
    await subscribed(receiver.channel(topic).on('broadcast', { event: 'cursor' }, inbox.push));
    const sender = rtClient(vsn);
    const channel = await subscribed(sender.channel(topic).on('broadcast', { event: '*' }, own.push));

    expect(await channel.send({ type: 'broadcast', event: 'cursor', payload: { x: 1, name: 'Zoë' } })).toBe('ok');
    const [message] = await inbox.waitFor(1);
    expect(message).toMatchObject({ type: 'broadcast', event: 'cursor', payload: { x: 1, name: 'Zoë' } });
    await sleep(200);
    expect(own.items).toHaveLength(0);
  });

  it('echoes to the sender with self and confirms with ack', async () => {
    const topic = uniqueTopic('self');
    const own = new Inbox<Received>();
    const sender = rtClient(vsn);
    const channel = await subscribed(
      sender
        .channel(topic, { config: { broadcast: { self: true, ack: true } } })
        .on('broadcast', { event: 'ping' }, own.push),
    );
    const started = Date.now();
    expect(await channel.send({ type: 'broadcast', event: 'ping', payload: { n: 7 } })).toBe('ok');
    // The ack is a server reply, not the client's immediate 'ok'.
    expect(Date.now() - started).toBeLessThan(5_000);
    const [message] = await own.waitFor(1);
    expect(message.payload).toEqual({ n: 7 });
  });

  it('answers an ack only when asked for one', async () => {
    const topic = uniqueTopic('ack');
    const client = rtClient(vsn);
    const channel = await subscribed(client.channel(topic, { config: { broadcast: { ack: true } } }));
    expect(await channel.send({ type: 'broadcast', event: 'e', payload: {} })).toBe('ok');
  });

  it('reaches subscribers on the other protocol version', async () => {
    const other = vsn === '1.0.0' ? '2.0.0' : '1.0.0';
    const topic = uniqueTopic('cross');
    const inbox = new Inbox<Received>();
    await subscribed(rtClient(other).channel(topic).on('broadcast', { event: 'hello' }, inbox.push));
    const channel = await subscribed(rtClient(vsn).channel(topic));
    await channel.send({ type: 'broadcast', event: 'hello', payload: { from: vsn, list: [1, 2] } });
    const [message] = await inbox.waitFor(1);
    expect(message.payload).toEqual({ from: vsn, list: [1, 2] });
  });

  it('falls back to POST /api/broadcast when the channel is not joined, and httpSend answers 202', async () => {
    const topic = uniqueTopic('rest');
    const inbox = new Inbox<Received>();
    await subscribed(rtClient(vsn).channel(topic).on('broadcast', { event: '*' }, inbox.push));
    const sender = rtClient(vsn);
    const unjoined = sender.channel(topic);
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(await unjoined.send({ type: 'broadcast', event: 'fallback', payload: { via: 'rest' } })).toBe('ok');
    } finally {
      console.warn = warn;
    }
    expect(await unjoined.httpSend('explicit', { via: 'httpSend' })).toEqual({ success: true });
    const messages = await inbox.waitFor(2);
    expect(messages.map((m) => [m.event, m.payload])).toEqual([
      ['fallback', { via: 'rest' }],
      ['explicit', { via: 'httpSend' }],
    ]);
  });
});

describe('realtime broadcast HTTP API', () => {
  it('validates the batch body with 422 and refuses a forged token with 401', async () => {
    const { url, anonKey } = stackInfo();
    const post = (body: unknown, key = anonKey) =>
      fetch(`${url}/realtime/v1/api/broadcast`, {
        method: 'POST',
        headers: { apikey: key, authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ messages: [{ topic: 't' }] })).status).toBe(422);
    expect((await post({ nope: true })).status).toBe(422);
    expect(
      (await post({ messages: [{ topic: 't', event: 'e', payload: {} }] }, `${anonKey.slice(0, -3)}abc`)).status,
    ).toBe(401);
    expect((await post({ messages: [{ topic: 't', event: 'e', payload: {} }] })).status).toBe(202);
  });
});
