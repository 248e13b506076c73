import pg from 'pg';
import { adminQuery, stackInfo } from 'supabase-local/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type Parent, signUpParent } from '../rls/family-helpers';
import {
  connectAs,
  expire,
  liveSession,
  openRound,
  type Person,
  quickGrownUp,
  roundRow,
  sessionRow,
} from './live-helpers';

// Many people at once (20261202101000_live_voting.sql): votes run side by side on their own
// connections, the lock waits for them, and the closer closes each round once however many run it.
const connections: pg.Client[] = [];
afterAll(async () => {
  await Promise.all(connections.splice(0).map((c) => c.end()));
});

/** A connection as the worker has one (the database owner). */
async function worker(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: stackInfo().adminDbUrl });
  await client.connect();
  connections.push(client);
  return client;
}

async function open(userId: string): Promise<pg.Client> {
  const client = await connectAs(userId);
  connections.push(client);
  return client;
}

describe('live voting under load', () => {
  it('30 participants voting within one second: 30 votes, the right tally, the winner applied once', async () => {
    const host: Parent = await signUpParent();
    const people: Person[] = await Promise.all(Array.from({ length: 30 }, () => quickGrownUp()));
    const { session, story } = await liveSession(host, people);
    const round = await openRound(host, session.id);
    const [first, second] = [story.choices['s:c0'], story.choices['s:c1']];
    // Two thirds for the second choice; everyone on a connection of their own, all sent at once.
    const clients = await Promise.all(people.map((p) => open(p.id)));
    const results = await Promise.allSettled(
      clients.map((c, i) => c.query('select (public.cast_vote($1, $2)).id', [round.id, i % 3 === 0 ? first : second])),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const [{ span }] = await adminQuery<{ span: number }>(
      'select extract(epoch from max(created_at) - min(created_at))::float as span from public.votes where round_id = $1',
      [round.id],
    );
    expect(span).toBeLessThan(1);
    // And a third of them change their mind at once.
    await Promise.all(
      clients.filter((_, i) => i % 3 === 1).map((c) => c.query('select public.cast_vote($1, $2)', [round.id, first])),
    );

    const counts = await adminQuery<{ choice_id: string; n: number }>(
      'select choice_id, count(*)::int as n from public.votes where round_id = $1 group by choice_id',
      [round.id],
    );
    expect(Object.fromEntries(counts.map((c) => [c.choice_id, c.n]))).toEqual({ [first]: 20, [second]: 10 });

    // The timer runs out with no host browser: three workers race to close it, and the host's late
    // vote loses to the database clock.
    await expire(round.id);
    const workers = await Promise.all([0, 1, 2].map(() => worker()));
    const [closedBy, late] = await Promise.all([
      Promise.all(workers.map((w) => w.query<{ n: number }>('select private.close_expired_rounds() as n'))),
      clients[0]
        .query('select public.cast_vote($1, $2)', [round.id, second])
        .catch((e: { message: string }) => e.message),
    ]);
    expect(late).toBe('live_round_closed');
    // Other files' rounds may expire meanwhile, so each closer closed this round or not: once in all.
    const finished = await roundRow(round.id);
    expect(finished).toMatchObject({ status: 'applied', winning_choice_id: first });
    expect(finished.tally).toEqual({ [first]: 20, [second]: 10 });
    expect(closedBy.reduce((sum, r) => sum + r.rows[0].n, 0)).toBeGreaterThanOrEqual(1);
    expect((await sessionRow(session.id)).current_segment_id).toBe(story.segments['s.0']);
    // Applied once: one applied_at, and running the closer again changes nothing.
    await adminQuery('select private.close_expired_rounds()');
    expect(await roundRow(round.id)).toEqual(finished);
  });

  it('close_expired_rounds under concurrent calls closes each of many expired rounds exactly once', async () => {
    const sessions = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const host = await quickGrownUp();
        const viewer = await quickGrownUp();
        const { session, story } = await liveSession(host, [viewer]);
        const round = await openRound(host, session.id, 15);
        await viewer.client.rpc('cast_vote', { p_round_id: round.id, p_choice_id: story.choices['s:c1'] });
        await expire(round.id);
        return { session, story, round };
      }),
    );
    const workers = await Promise.all(Array.from({ length: 6 }, () => worker()));
    const runs = await Promise.all(
      workers.map((w) => w.query<{ n: number }>('select private.close_expired_rounds() as n')),
    );
    const ours = new Set(sessions.map((s) => s.round.id));
    const total = runs.reduce((sum, r) => sum + r.rows[0].n, 0);
    // Other files' closers (the live worker test's loop) may close some of ours first, and other files'
    // rounds may expire meanwhile: so the count proves only that these calls did close rounds; below,
    // every one of ours is applied exactly once with its winner.
    expect(total).toBeGreaterThanOrEqual(1);
    for (const { session, story, round } of sessions) {
      const row = await roundRow(round.id);
      expect(row).toMatchObject({ status: 'applied', winning_choice_id: story.choices['s:c1'] });
      expect((await sessionRow(session.id)).current_segment_id).toBe(story.segments['s.1']);
    }
    const [{ n }] = await adminQuery<{ n: number }>(
      `select count(*)::int as n from public.voting_rounds where id = any($1) and status <> 'applied'`,
      [[...ours]],
    );
    expect(n).toBe(0);
  });
});
