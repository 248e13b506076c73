import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RealtimeChannel } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freeStackPorts } from '../../src/free-port';
import { type RunningStack, startStack } from '../../src/stack';
import { stackInfo } from '../../src/testing/clients';
import { Inbox, rtClient } from './realtime-helpers';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/realtime.sql');

let stack: RunningStack | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function start(ports: Awaited<ReturnType<typeof freeStackPorts>>, dir: string): Promise<RunningStack> {
  return startStack({
    supabaseDir: stackInfo().supabaseDir,
    overrides: { dataDir: dir, ...ports, databaseUrl: undefined },
    ephemeral: true,
  });
}

function trackStatuses(channel: RealtimeChannel): Inbox<string> {
  const statuses = new Inbox<string>();
  channel.subscribe((status) => statuses.push(status));
  return statuses;
}

const subscribedCount = (inbox: Inbox<string>) => inbox.items.filter((s) => s === 'SUBSCRIBED').length;

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('realtime across a stack restart', () => {
  it('clients reconnect, rejoin by themselves and receive later broadcasts and changes', {
    timeout: 120_000,
  }, async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tale-forge-rt-restart-'));
    const ports = await freeStackPorts();
    stack = await start(ports, dataDir);
    const admin = async (sql: string, params: unknown[] = []) => {
      const client = new pg.Client({ connectionString: stack?.adminDbUrl });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    };
    await admin(await readFile(FIXTURE, 'utf8'));

    const receiver = rtClient('2.0.0', stack.url, stack.keys.anon);
    const sender = rtClient('1.0.0', stack.url, stack.keys.anon);
    const messages = new Inbox<{ payload: { n: number } }>();
    const changes = new Inbox<{ new: { id: number } }>();
    const receiving = receiver
      .channel('restart-room')
      .on('broadcast', { event: 'tick' }, messages.push)
      .on('postgres_changes', { event: 'INSERT', schema: 'realtime_test', table: 'counters' }, changes.push);
    const sending = sender.channel('restart-room');
    const receiverStatus = trackStatuses(receiving);
    const senderStatus = trackStatuses(sending);
    await until(() => subscribedCount(receiverStatus) === 1 && subscribedCount(senderStatus) === 1, 10_000);
    await sending.send({ type: 'broadcast', event: 'tick', payload: { n: 1 } });
    await messages.waitFor(1);

    await stack.stop();
    stack = await start(ports, dataDir);

    // realtime-js retries after 1 s, 2 s, 5 s…; both channels rejoin without help.
    await until(() => subscribedCount(receiverStatus) >= 2 && subscribedCount(senderStatus) >= 2, 30_000);
    expect(await sending.send({ type: 'broadcast', event: 'tick', payload: { n: 2 } })).toBe('ok');
    const received = await messages.waitFor(2);
    expect(received.map((m) => m.payload.n)).toEqual([1, 2]);

    // postgres_changes resumes too (a new slot on the new server).
    await until(() => receiving.state === 'joined', 5_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin("insert into realtime_test.counters (id, label, n) values (424242, 'after-restart', 1)");
    const [change] = await changes.waitFor(1, 10_000);
    expect(change.new.id).toBe(424242);
  });
});

describe('realtime restarted alone (RunningStack.realtime)', () => {
  it('drops every socket and answers 503 while down, REST keeps serving, clients rejoin once it is back', {
    timeout: 120_000,
  }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tale-forge-rt-alone-'));
    const own = await start(await freeStackPorts(), dir);
    try {
      const receiver = rtClient('2.0.0', own.url, own.keys.anon);
      const sender = rtClient('2.0.0', own.url, own.keys.anon);
      const messages = new Inbox<{ payload: { n: number } }>();
      const receiving = receiver.channel('alone-room').on('broadcast', { event: 'tick' }, messages.push);
      const sending = sender.channel('alone-room');
      const receiverStatus = trackStatuses(receiving);
      const senderStatus = trackStatuses(sending);
      await until(() => subscribedCount(receiverStatus) === 1 && subscribedCount(senderStatus) === 1, 10_000);

      await own.realtime.stop();
      expect(own.realtime.running).toBe(false);
      await until(() => receiving.state !== 'joined' && sending.state !== 'joined', 10_000);
      const broadcast = await fetch(`${own.url}/realtime/v1/api/broadcast`, {
        method: 'POST',
        headers: { apikey: own.keys.serviceRole, 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ topic: 'alone-room', event: 'tick', payload: { n: 0 } }] }),
      });
      expect(broadcast.status).toBe(503);
      expect(await broadcast.json()).toEqual({ message: 'failure to get a peer from the ring-balancer' });
      const rest = await fetch(`${own.url}/auth/v1/health`, { headers: { apikey: own.keys.anon } });
      expect(rest.status).toBe(200);

      await own.realtime.start();
      await until(() => subscribedCount(receiverStatus) >= 2 && subscribedCount(senderStatus) >= 2, 30_000);
      expect(await sending.send({ type: 'broadcast', event: 'tick', payload: { n: 1 } })).toBe('ok');
      expect((await messages.waitFor(1)).map((m) => m.payload.n)).toEqual([1]);
      await Promise.all([receiver.removeAllChannels(), sender.removeAllChannels()]);
    } finally {
      await own.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
