import { stackInfo } from 'supabase-local/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnWorker, type WorkerProcess } from '../setup/worker-process';
import { expire, liveFamily, liveSession, openRound, quickGrownUp, roundRow, sessionRow } from './live-helpers';

// The worker (worker/live-round-closer.ts) closes expired rounds every second, so a round ends on time
// with no host browser at all. The global setup's worker has its periodic work off; this one has it on.
let worker: WorkerProcess;
beforeAll(async () => {
  worker = await spawnWorker(stackInfo().dbUrl, { schedule: true });
}, 60_000);
afterAll(() => worker?.stop());

describe('the worker closes live rounds', () => {
  it('an expired round is locked, revealed and applied within a few seconds, the host gone', async () => {
    const { parent } = await liveFamily();
    const viewer = await quickGrownUp();
    const { session, story } = await liveSession(parent, [viewer]);
    const round = await openRound(parent, session.id, 15);
    await viewer.client.rpc('cast_vote', { p_round_id: round.id, p_choice_id: story.choices['s:c1'] });
    // The host's browser is gone.
    await parent.client.rpc('leave_live_session', { p_session_id: session.id });
    await expire(round.id);
    const deadline = Date.now() + 5_000;
    while ((await roundRow(round.id)).status === 'open' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await roundRow(round.id)).toMatchObject({ status: 'applied', winning_choice_id: story.choices['s:c1'] });
    expect((await sessionRow(session.id)).current_segment_id).toBe(story.segments['s.1']);
  });
});
