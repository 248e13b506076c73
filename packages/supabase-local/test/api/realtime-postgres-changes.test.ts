import { postgresChangesFilter } from '@supabase/realtime-js';
import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { adminQuery } from '../../src/testing/clients';
import { Inbox, rtClient, rtUser, sleep, subscribe, subscribed, uniqueTopic, VERSIONS } from './realtime-helpers';

type Change = RealtimePostgresChangesPayload<Record<string, unknown>>;
const rec = (e: Change) => e.new as Record<string, unknown>;

describe.each(VERSIONS)('realtime postgres_changes (vsn %s)', (vsn) => {
  it('delivers INSERT/UPDATE only to the subscriber whose RLS lets them see the row; DELETE keeps only the key', async () => {
    const alice = await rtUser(vsn);
    const bob = await rtUser(vsn);
    const aliceInbox = new Inbox<Change>();
    const bobInbox = new Inbox<Change>();
    const system = new Inbox<Record<string, unknown>>();
    const spec = { event: '*', schema: 'realtime_test', table: 'notes' } as const;
    await subscribed(
      alice.client
        .channel(uniqueTopic('notes-a'))
        .on('postgres_changes', spec, aliceInbox.push)
        .on('system', {}, system.push),
    );
    await subscribed(bob.client.channel(uniqueTopic('notes-b')).on('postgres_changes', spec, bobInbox.push));
    await system.waitFor(1);
    expect(system.items[0]).toMatchObject({
      extension: 'postgres_changes',
      status: 'ok',
      message: 'Subscribed to PostgreSQL',
    });

    const [row] = await adminQuery<{ id: string }>(
      `insert into realtime_test.notes (owner_id, body, tags, done, meta, score)
       values ($1, 'first', '{a,"b c"}', true, '{"k":[1,2]}', 1.5) returning id`,
      [alice.id],
    );
    // Like upstream's apply_rls, visibility is checked on the live row by its key, so each change is
    // awaited before the next one removes what the check looks at.
    await aliceInbox.waitFor(1);
    await adminQuery("update realtime_test.notes set body = 'second' where id = $1", [row.id]);
    await aliceInbox.waitFor(2);
    await adminQuery('delete from realtime_test.notes where id = $1', [row.id]);

    const events = await aliceInbox.waitFor(3);
    expect(events.map((e) => e.eventType)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
    const [insert, update, del] = events;
    expect(insert).toMatchObject({
      schema: 'realtime_test',
      table: 'notes',
      errors: null,
      old: {},
      new: {
        id: Number(row.id),
        owner_id: alice.id,
        body: 'first',
        tags: ['a', 'b c'],
        done: true,
        meta: { k: [1, 2] },
        score: 1.5,
      },
    });
    expect(insert.commit_timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(update.new).toMatchObject({ body: 'second' });
    expect(update.old).toEqual({ id: Number(row.id) });
    // RLS is on: a DELETE carries only the primary key, and goes out unchecked.
    expect(del.old).toEqual({ id: Number(row.id) });
    expect(del.new).toEqual({});

    const bobEvents = await bobInbox.waitFor(1);
    await sleep(300);
    expect(bobEvents.map((e) => e.eventType)).toEqual(['DELETE']);
  });

  it('applies filters and event types, and lists every matching binding in ids', async () => {
    const client = rtClient(vsn);
    const eq = new Inbox<Change>();
    const inList = new Inbox<Change>();
    const notLike = new Inbox<Change>();
    const updatesOnly = new Inbox<Change>();
    const ranged = new Inbox<Change>();
    const base = { schema: 'realtime_test', table: 'counters' } as const;
    const first = 1_000_000 + Math.floor(Math.random() * 1e6) * 10;
    const ids = [first, first + 1, first + 2];
    const channel = client
      .channel(uniqueTopic('counters'))
      .on('postgres_changes', { ...base, event: 'INSERT', filter: `id=eq.${ids[0]}` }, eq.push)
      .on(
        'postgres_changes',
        { ...base, event: '*', filter: postgresChangesFilter().in('label', ['x,y', 'plain']).build() },
        inList.push,
      )
      .on(
        'postgres_changes',
        {
          ...base,
          event: 'INSERT',
          filter: postgresChangesFilter().not('label', 'like', 'pla%').gte('id', ids[0]).build(),
        },
        notLike.push,
      )
      .on('postgres_changes', { ...base, event: 'UPDATE' }, updatesOnly.push)
      .on('postgres_changes', { ...base, event: 'INSERT', filter: `n=gt.5,n=lt.10` }, ranged.push);
    await subscribed(channel);

    await adminQuery(
      `insert into realtime_test.counters (id, label, n, secret) values ($1, 'x,y', 7, 's1'), ($2, 'plain', 1, 's2'), ($3, 'other', 50, 's3')`,
      ids,
    );
    await adminQuery('update realtime_test.counters set n = n + 1 where id = $1', [ids[1]]);
    await adminQuery('insert into realtime_test.unpublished (id, label) values ($1, $2)', [ids[0], 'nope']);

    await updatesOnly.waitFor(1);
    await sleep(300);
    expect(eq.items.map((e) => rec(e).id)).toEqual([ids[0]]);
    expect(inList.items.map((e) => [e.eventType, rec(e).id])).toEqual([
      ['INSERT', ids[0]],
      ['INSERT', ids[1]],
      ['UPDATE', ids[1]],
    ]);
    expect(notLike.items.map((e) => rec(e).id)).toEqual([ids[0], ids[2]]);
    expect(updatesOnly.items.map((e) => rec(e).id)).toEqual([ids[1]]);
    expect(ranged.items.map((e) => rec(e).id)).toEqual([ids[0]]);
    // anon may not select `secret`: the column is left out of the record.
    expect(eq.items[0].new).toEqual({ id: ids[0], label: 'x,y', n: 7 });
  });

  it('limits the record to the selected columns plus the primary key', async () => {
    const client = rtClient(vsn);
    const inbox = new Inbox<Change>();
    const id = 2_000_000 + Math.floor(Math.random() * 1e6);
    await subscribed(
      client
        .channel(uniqueTopic('select'))
        .on(
          'postgres_changes',
          { event: 'INSERT', schema: 'realtime_test', table: 'counters', filter: `id=eq.${id}`, select: ['label'] },
          inbox.push,
        ),
    );
    await adminQuery("insert into realtime_test.counters (id, label, n) values ($1, 'picked', 3)", [id]);
    const [event] = await inbox.waitFor(1);
    expect(event.new).toEqual({ id, label: 'picked' });
  });

  it('keeps commit order across transactions', async () => {
    const client = rtClient(vsn);
    const inbox = new Inbox<Change>();
    const start = 500_000 + Math.floor(Math.random() * 1e6) * 100;
    await subscribed(
      client
        .channel(uniqueTopic('order'))
        .on(
          'postgres_changes',
          { event: 'INSERT', schema: 'realtime_test', table: 'counters', filter: `id=gte.${start}` },
          inbox.push,
        ),
    );
    for (let i = 0; i < 20; i++) {
      await adminQuery('insert into realtime_test.counters (id, label, n) values ($1, $2, $3)', [start + i, 'seq', i]);
    }
    const events = await inbox.waitFor(20);
    expect(events.map((e) => rec(e).n)).toEqual([...Array(20).keys()]);
  });

  it('with postgres_changes_options.wait, subscribes only once live and refuses unpublished tables', async () => {
    const client = rtClient(vsn);
    const inbox = new Inbox<Change>();
    const id = 3_000_000 + Math.floor(Math.random() * 1e6);
    await subscribed(
      client
        .channel(uniqueTopic('wait'), { config: { postgres_changes_options: { wait: true } } })
        .on(
          'postgres_changes',
          { event: 'INSERT', schema: 'realtime_test', table: 'counters', filter: `id=eq.${id}` },
          inbox.push,
        ),
    );
    // No grace period: SUBSCRIBED already means the subscription is live.
    await adminQuery("insert into realtime_test.counters (id, label, n) values ($1, 'live', 1)", [id]);
    expect(rec((await inbox.waitFor(1))[0]).id).toBe(id);

    const refused = await subscribe(
      client
        .channel(uniqueTopic('wait-unpublished'), { config: { postgres_changes_options: { wait: true } } })
        .on('postgres_changes', { event: '*', schema: 'realtime_test', table: 'unpublished' }, () => {}),
    );
    expect(refused.status).toBe('CHANNEL_ERROR');
    expect(refused.error?.message).toMatch(/^RealtimeDisabledForConfiguration: Unable to subscribe to changes/);
  });

  it('reports a binding on a missing table through a system error', async () => {
    const client = rtClient(vsn);
    const system = new Inbox<Record<string, unknown>>();
    await subscribed(
      client
        .channel(uniqueTopic('missing'))
        .on('postgres_changes', { event: '*', schema: 'realtime_test', table: 'does_not_exist' }, () => {})
        .on('system', {}, system.push),
    );
    const [message] = await system.waitFor(1);
    expect(message).toMatchObject({ extension: 'postgres_changes', status: 'error' });
    expect(String(message.message)).toContain('Unable to subscribe to changes with given parameters');
  });
});
