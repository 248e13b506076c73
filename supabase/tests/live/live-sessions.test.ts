import { adminQuery, anonClient } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, expectError, type Parent } from '../rls/family-helpers';
import { createSession, join, liveFamily, liveSession, quickGrownUp, sessionRow, setControls } from './live-helpers';

// Sessions and participants (20261202100000_live_sessions.sql): creating, the join rule, leaving, the
// host's tools, ending, and who reads what.
describe('live sessions', () => {
  let parent: Parent;
  let child: Child;
  let other: { parent: Parent; child: Child };
  let viewer: Awaited<ReturnType<typeof quickGrownUp>>;

  beforeAll(async () => {
    ({ parent, child } = await liveFamily());
    other = await liveFamily();
    viewer = await quickGrownUp();
  });

  it('a parent creates a session with a join code; bad settings are refused and change nothing', async () => {
    const session = await createSession(parent);
    expect(session.join_code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(session.status).toBe('lobby');
    const [host] = await adminQuery<{ role: string }>(
      'select role from public.session_participants where session_id = $1',
      [session.id],
    );
    expect(host.role).toBe('host');

    const later = await createSession(parent, { p_scheduled_start: new Date(Date.now() + 3_600_000).toISOString() });
    expect(later.status).toBe('scheduled');

    // This parent's sessions only: other test files create sessions at the same time.
    const [{ count: before }] = await adminQuery<{ count: number }>(
      'select count(*)::int from public.live_sessions where host_id = $1',
      [parent.id],
    );
    expectError(await parent.client.rpc('create_live_session', { p_title: '   ' }), 'live_title_length');
    expectError(await parent.client.rpc('create_live_session', { p_title: 'x'.repeat(81) }), 'live_title_length');
    expectError(
      await parent.client.rpc('create_live_session', { p_title: 'T', p_vote_seconds: 14 }),
      'live_vote_seconds_range',
    );
    expectError(
      await parent.client.rpc('create_live_session', { p_title: 'T', p_vote_seconds: 1801 }),
      'live_vote_seconds_range',
    );
    expectError(
      await parent.client.rpc('create_live_session', { p_title: 'T', p_scheduled_start: '2000-01-01T00:00:00Z' }),
      'live_scheduled_start_invalid',
    );
    expectError(
      await parent.client.rpc('create_live_session', { p_title: 'T', p_chat_slow_seconds: -1 }),
      'live_slow_seconds_range',
    );
    // Children never host; anon cannot call at all.
    expectError(await child.client.rpc('create_live_session', { p_title: 'Mine' }), 'not_a_parent');
    expect((await anonClient().rpc('create_live_session', { p_title: 'T' })).error?.code).toBe('42501');
    const [{ count: after }] = await adminQuery<{ count: number }>(
      'select count(*)::int from public.live_sessions where host_id = $1',
      [parent.id],
    );
    expect(after).toBe(before);
  });

  it('grown-ups join with the code; a wrong or expired code is refused', async () => {
    const session = await createSession(parent);
    await join(viewer, session.join_code.toLowerCase());
    // Joining twice is one participant.
    await join(viewer, session.join_code);
    const rows = await adminQuery('select 1 from public.session_participants where session_id = $1 and user_id = $2', [
      session.id,
      viewer.id,
    ]);
    expect(rows).toHaveLength(1);

    expectError(await viewer.client.rpc('join_live_session', { p_code: 'ZZZZZZZZ' }), 'live_code_invalid');
    expectError(await viewer.client.rpc('join_live_session', { p_code: '' }), 'live_code_invalid');
    expect((await anonClient().rpc('join_live_session', { p_code: session.join_code })).error?.code).toBe('42501');

    expect((await parent.client.rpc('end_live_session', { p_session_id: session.id })).error).toBeNull();
    const stranger = await quickGrownUp();
    expectError(await stranger.client.rpc('join_live_session', { p_code: session.join_code }), 'live_code_expired');
  });

  it("the join rule: a child joins only their own family's parent's session, and only while allowed", async () => {
    const ours = await createSession(parent);
    await join(child, ours.join_code);

    // Another family's session: the code alone never admits a child.
    const theirs = await createSession(other.parent);
    expectError(await child.client.rpc('join_live_session', { p_code: theirs.join_code }), 'live_child_outside_family');

    // Live sessions switched off, or the child paused: refused.
    const sibling = await addChild(parent);
    const again = await createSession(parent);
    expectError(await sibling.client.rpc('join_live_session', { p_code: again.join_code }), 'live_child_not_allowed');
    await setControls(parent, sibling, { live_sessions_allowed: true, paused: true });
    expectError(await sibling.client.rpc('join_live_session', { p_code: again.join_code }), 'live_child_not_allowed');
    await setControls(parent, sibling, { paused: false });
    await join(sibling, again.join_code);

    // A grown-up of another family hosting does not make it a family session for our child, even if
    // our parent is in it.
    const mixed = await createSession(viewer);
    await join(parent, mixed.join_code);
    expectError(await child.client.rpc('join_live_session', { p_code: mixed.join_code }), 'live_child_outside_family');
  });

  it('leave and rejoin; the host role passes only to a present grown-up; only the host ends', async () => {
    const guest = await quickGrownUp();
    const { session } = await liveSession(parent, [viewer, child, guest]);
    expect((await guest.client.rpc('leave_live_session', { p_session_id: session.id })).error).toBeNull();
    expectError(await guest.client.rpc('leave_live_session', { p_session_id: session.id }), 'live_not_participant');
    await join(guest, session.join_code);

    expectError(
      await parent.client.rpc('pass_live_host', { p_session_id: session.id, p_user_id: child.id }),
      'live_host_must_be_grown_up',
    );
    expectError(
      await viewer.client.rpc('pass_live_host', { p_session_id: session.id, p_user_id: viewer.id }),
      'live_not_host',
    );
    expectError(
      await parent.client.rpc('pass_live_host', { p_session_id: session.id, p_user_id: other.parent.id }),
      'live_participant_not_found',
    );
    expect(
      (await parent.client.rpc('pass_live_host', { p_session_id: session.id, p_user_id: viewer.id })).error,
    ).toBeNull();
    const roles = await adminQuery<{ user_id: string; role: string }>(
      'select user_id, role from public.session_participants where session_id = $1 order by role',
      [session.id],
    );
    expect(roles.find((r) => r.user_id === viewer.id)?.role).toBe('host');
    expect(roles.find((r) => r.user_id === parent.id)?.role).toBe('moderator');
    expect((await sessionRow(session.id)) as unknown).toMatchObject({ host_id: viewer.id });

    // The host makes a moderator; nobody else ends the session.
    expect(
      (
        await viewer.client.rpc('set_live_participant_role', {
          p_session_id: session.id,
          p_user_id: guest.id,
          p_role: 'moderator',
        })
      ).error,
    ).toBeNull();
    expectError(await guest.client.rpc('end_live_session', { p_session_id: session.id }), 'live_not_host');
    expectError(await parent.client.rpc('end_live_session', { p_session_id: session.id }), 'live_not_host');
    expect((await viewer.client.rpc('end_live_session', { p_session_id: session.id })).error).toBeNull();
    expect((await sessionRow(session.id)).status).toBe('ended');
    expectError(await viewer.client.rpc('end_live_session', { p_session_id: session.id }), 'live_session_ended');
  });

  it('reads: participants (present or left) read the session; the family sees open sessions; others nothing', async () => {
    const guest = await quickGrownUp();
    const stranger = await quickGrownUp();
    const { session } = await liveSession(parent, [viewer, guest]);
    await guest.client.rpc('leave_live_session', { p_session_id: session.id });
    const seen = async (client: typeof parent.client) => {
      const sessions = await client.from('live_sessions').select('id').eq('id', session.id);
      const people = await client.from('session_participants').select('user_id').eq('session_id', session.id);
      return {
        sessions: sessions.data?.length ?? sessions.error?.code,
        people: people.data?.length ?? people.error?.code,
      };
    };
    expect(await seen(parent.client)).toEqual({ sessions: 1, people: 3 });
    expect(await seen(viewer.client)).toEqual({ sessions: 1, people: 3 });
    expect(await seen(guest.client)).toEqual({ sessions: 1, people: 3 });
    // The host's child sees that the session is on (to join it), not who is in it.
    expect(await seen(child.client)).toEqual({ sessions: 1, people: 0 });
    expect(await seen(stranger.client)).toEqual({ sessions: 0, people: 0 });
    expect(await seen(other.child.client)).toEqual({ sessions: 0, people: 0 });
    expect(await seen(anonClient())).toEqual({ sessions: '42501', people: '42501' });
    // Nobody writes the tables directly.
    const update = await parent.client.from('live_sessions').update({ title: 'Mine' }).eq('id', session.id);
    expect(update.error?.code).toBe('42501');
    const insert = await viewer.client
      .from('session_participants')
      .insert({ session_id: session.id, user_id: stranger.id, role: 'moderator' });
    expect(insert.error?.code).toBe('42501');
  });
});

// "The session's transcript and results remain for its participants": after the end, a participant
// still reads the session; the family's other members no longer see it among the open ones.
describe('live sessions after the end', () => {
  it('the transcript and results remain readable for participants, the session no longer for the family', async () => {
    const { parent, child } = await liveFamily();
    const sibling = await addChild(parent);
    const { session } = await liveSession(parent, [child]);
    await parent.client.rpc('end_live_session', { p_session_id: session.id });
    expect((await child.client.from('live_sessions').select('id').eq('id', session.id)).data).toHaveLength(1);
    expect((await sibling.client.from('live_sessions').select('id').eq('id', session.id)).data).toHaveLength(0);
  });
});

// 20261202104000_live_audit.sql: moderation and the session's changes are in audit.log.
describe('live audit', () => {
  it("bans and the session's end are recorded with their actor; the host family's parents read the session's", async () => {
    const { parent } = await liveFamily();
    const viewer = await quickGrownUp();
    const { session } = await liveSession(parent, [viewer]);
    expect(
      (await parent.client.rpc('ban_participant', { p_session_id: session.id, p_user_id: viewer.id })).error,
    ).toBeNull();
    expect((await parent.client.rpc('end_live_session', { p_session_id: session.id })).error).toBeNull();
    const rows = await adminQuery<{ table_name: string; actor_id: string; family_id: string | null; banned: boolean }>(
      `select table_name, actor_id, family_id, (new_row ->> 'banned_at') is not null as banned from audit.log
        where coalesce(new_row ->> 'session_id', new_row ->> 'id') = $1 and operation = 'UPDATE' order by id`,
      [session.id],
    );
    expect(rows).toContainEqual({
      table_name: 'public.session_participants',
      actor_id: parent.id,
      family_id: null,
      banned: true,
    });
    expect(rows).toContainEqual({
      table_name: 'public.live_sessions',
      actor_id: parent.id,
      family_id: parent.familyId,
      banned: false,
    });
    const { data } = await parent.client.rpc('get_family_audit_log', { p_limit: 20 });
    expect((data as { table_name: string }[]).some((r) => r.table_name === 'public.live_sessions')).toBe(true);
  });
});
