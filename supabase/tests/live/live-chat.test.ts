import { adminQuery, anonClient } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Child, contractOf, expectError, type Parent } from '../rls/family-helpers';
import { connectAs, coParentOf, liveFamily, liveSession, type Person, quickGrownUp, setControls } from './live-helpers';

// Chat (20261202102000_live_chat.sql): limits and modes in the database, the child's chat level wins,
// children never send contact details, moderation, reports and the history participants read.
const say = (who: Person, sessionId: string, body: string | null, phraseId?: string) =>
  who.client.rpc('send_chat_message', { p_session_id: sessionId, p_body: body, p_phrase_id: phraseId ?? null });

async function builtInPhrase(): Promise<{ id: string; text: string }> {
  const [row] = await adminQuery<{ id: string; text: string }>(
    `select id, text from public.session_phrases where session_id is null and text = 'Wow!'`,
  );
  return row;
}

describe('live chat', () => {
  let parent: Parent;
  let child: Child;
  let viewer: Person;
  let stranger: Person;

  beforeAll(async () => {
    ({ parent, child } = await liveFamily('filtered'));
    [viewer, stranger] = await Promise.all([quickGrownUp(), quickGrownUp()]);
  });

  it('limits for everyone: 1-500 characters, no HTML, participants only', async () => {
    const { session } = await liveSession(parent, [viewer]);
    const sent = await say(viewer, session.id, '  Hello everyone, see https://example.com  ');
    expect(sent.error).toBeNull();
    // Grown-ups may share a link; the text is trimmed.
    expect(sent.data).toMatchObject({ kind: 'text', body: 'Hello everyone, see https://example.com', held: false });
    expectError(await say(viewer, session.id, 'x'.repeat(501)), 'chat_message_length', { max: 500 });
    expectError(await say(viewer, session.id, '   '), 'chat_message_length');
    expectError(await say(viewer, session.id, null), 'chat_message_length');
    expectError(await say(viewer, session.id, 'look <img src=x onerror=alert(1)>'), 'chat_html');
    expectError(await say(viewer, session.id, 'a &lt;b&gt; c'), 'chat_html');
    expectError(await say(stranger, session.id, 'hi'), 'live_not_participant');
    expect((await anonClient().rpc('send_chat_message', { p_session_id: session.id, p_body: 'hi' })).error?.code).toBe(
      '42501',
    );
    expect(await adminQuery('select 1 from public.chat_messages where session_id = $1', [session.id])).toHaveLength(1);
  });

  it('children never send links, phone numbers or e-mail addresses; the filter holds flagged words', async () => {
    const { session } = await liveSession(parent, [viewer, child]);
    for (const body of [
      'go to www.example.com',
      'see http://x.io/a',
      'visit minecraft.net now',
      'mail me at kid@example.com',
      'call 0171 234 5678',
      'my number is +44 (20) 7946-0958',
    ]) {
      expectError(await say(child, session.id, body), 'chat_contact_details');
    }
    expect((await say(child, session.id, 'I am 8 and I like dragons')).data).toMatchObject({ held: false });
    const flagged = await say(child, session.id, 'that troll is stupid');
    expect(flagged.data).toMatchObject({ held: true, held_reason: 'filter' });
    // Whole words only.
    expect((await say(child, session.id, 'Scunthorpe hello shellfish')).data).toMatchObject({ held: false });
    // The held one: its sender and the moderators see it, the others do not.
    const id = (flagged.data as { id: string }).id;
    const sees = async (who: Person) => (await who.client.from('chat_messages').select('id').eq('id', id)).data?.length;
    expect([await sees(child), await sees(parent), await sees(viewer)]).toEqual([1, 1, 0]);
    expectError(
      await viewer.client.rpc('review_chat_message', { p_message_id: id, p_approve: true }),
      'live_not_moderator',
    );
    expect((await parent.client.rpc('review_chat_message', { p_message_id: id, p_approve: true })).error).toBeNull();
    expect(await sees(viewer)).toBe(1);
    expectError(
      await parent.client.rpc('review_chat_message', { p_message_id: id, p_approve: true }),
      'chat_message_not_held',
    );
  });

  it("a child's chat level wins over the session's mode: phrases only, held, off", async () => {
    const { parent: p2, child: kid } = await liveFamily('phrases');
    const { session } = await liveSession(p2, [kid, viewer]);
    const wow = await builtInPhrase();
    // The session is 'filtered', the child at 'phrases': text refused, emotes and phrases go through.
    expectError(await say(kid, session.id, 'hello'), 'chat_phrases_only');
    expect((await say(kid, session.id, '🎉🎉')).data).toMatchObject({ kind: 'emote', held: false });
    expect((await say(kid, session.id, null, wow.id)).data).toMatchObject({
      kind: 'phrase',
      body: 'Wow!',
      held: false,
    });
    // The grown-up in the same session writes freely.
    expect((await say(viewer, session.id, 'hello')).error).toBeNull();
    // The narrator adds a phrase; it is on the child's menu (and no other session's).
    const added = await p2.client.rpc('add_session_phrase', { p_session_id: session.id, p_text: 'Go, dragon, go!' });
    expect(added.error).toBeNull();
    const phraseId = (added.data as { id: string }).id;
    expect((await say(kid, session.id, null, phraseId)).data).toMatchObject({ body: 'Go, dragon, go!' });
    expectError(
      await viewer.client.rpc('add_session_phrase', { p_session_id: session.id, p_text: 'Hi' }),
      'live_not_narrator',
    );
    expectError(
      await p2.client.rpc('add_session_phrase', { p_session_id: session.id, p_text: 'see www.x.com' }),
      'chat_contact_details',
    );
    expectError(
      await p2.client.rpc('add_session_phrase', { p_session_id: session.id, p_text: '' }),
      'live_phrase_length',
    );
    const { session: elsewhere } = await liveSession(p2, [kid]);
    expectError(await say(kid, elsewhere.id, null, phraseId), 'chat_phrase_unknown');
    expect(
      (await kid.client.from('session_phrases').select('text').eq('id', phraseId)).data?.map((r) => r.text),
    ).toEqual(['Go, dragon, go!']);

    // held_for_review: every message of the child waits; off: no chat at all.
    await setControls(p2, kid, { chat_level: 'held_for_review' });
    expect((await say(kid, session.id, 'hello')).data).toMatchObject({ held: true, held_reason: 'review' });
    await setControls(p2, kid, { chat_level: 'off' });
    expectError(await say(kid, session.id, null, wow.id), 'chat_off');
    // A stricter session mode wins over a looser child level too.
    await setControls(p2, kid, { chat_level: 'filtered' });
    const { session: emotes } = await liveSession(p2, [kid], { options: { p_chat_mode: 'emote_only' } });
    expectError(await say(kid, emotes.id, 'hello'), 'chat_emote_only');
    expectError(await say(kid, emotes.id, null, wow.id), 'chat_emote_only');
    expect((await say(kid, emotes.id, '❤️')).error).toBeNull();
  });

  it('slow mode refuses flooding, in parallel too; timeouts and bans by moderators only', async () => {
    const coParent = await coParentOf(parent);
    const { session } = await liveSession(parent, [viewer, coParent], { options: { p_chat_slow_seconds: 30 } });
    // Five messages at once, each on a connection of its own: one gets through.
    const connections = await Promise.all([1, 2, 3, 4, 5].map(() => connectAs(viewer.id)));
    try {
      const burst = await Promise.allSettled(
        connections.map((c, i) => c.query('select public.send_chat_message($1, $2)', [session.id, `message ${i}`])),
      );
      expect(burst.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of burst) {
        if (r.status !== 'rejected') continue;
        expect(contractOf(r.reason)).toMatchObject({ code: 'TF429', message: 'chat_slow_mode' });
      }
    } finally {
      await Promise.all(connections.map((c) => c.end()));
    }
    expectError(await say(viewer, session.id, 'and again'), 'chat_slow_mode');

    expect((await say(coParent, session.id, 'hi')).error).toBeNull();
    expectError(
      await viewer.client.rpc('timeout_participant', {
        p_session_id: session.id,
        p_user_id: coParent.id,
        p_seconds: 60,
      }),
      'live_not_moderator',
    );
    await parent.client.rpc('set_live_participant_role', {
      p_session_id: session.id,
      p_user_id: coParent.id,
      p_role: 'moderator',
    });
    expectError(
      await coParent.client.rpc('timeout_participant', {
        p_session_id: session.id,
        p_user_id: parent.id,
        p_seconds: 60,
      }),
      'live_cannot_moderate_host',
    );
    expectError(
      await coParent.client.rpc('timeout_participant', {
        p_session_id: session.id,
        p_user_id: viewer.id,
        p_seconds: 5,
      }),
      'live_timeout_range',
    );
    expect(
      (
        await coParent.client.rpc('timeout_participant', {
          p_session_id: session.id,
          p_user_id: viewer.id,
          p_seconds: 60,
        })
      ).error,
    ).toBeNull();
    await adminQuery('update public.session_participants set last_message_at = null where user_id = $1', [viewer.id]);
    expectError(await say(viewer, session.id, 'let me talk'), 'chat_muted');

    // Ban: out for good, reads nothing of the session any more.
    expect(
      (
        await coParent.client.rpc('ban_participant', {
          p_session_id: session.id,
          p_user_id: viewer.id,
          p_reason: 'spam',
        })
      ).error,
    ).toBeNull();
    expectError(await say(viewer, session.id, 'hi'), 'live_banned');
    expect((await viewer.client.from('chat_messages').select('id').eq('session_id', session.id)).data).toEqual([]);
    expect((await viewer.client.from('live_sessions').select('id').eq('id', session.id)).data).toEqual([]);
  });

  it('delete, report and the paginated history', async () => {
    const other = await quickGrownUp();
    const third = await quickGrownUp();
    const { session } = await liveSession(parent, [viewer, other, third]);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const who = [viewer, other, third][i % 3];
      const sent = await say(who, session.id, `line ${i}`);
      expect(sent.error).toBeNull();
      ids.push((sent.data as { id: string }).id);
    }
    // Newest first, 5 a page, the cursor is the last row's created_at.
    const page = (before?: string) => {
      const q = other.client.from('chat_messages').select('id, body, created_at').eq('session_id', session.id);
      return (before ? q.lt('created_at', before) : q).order('created_at', { ascending: false }).order('id').limit(5);
    };
    const first = (await page()).data ?? [];
    expect(first.map((m) => m.body)).toEqual(['line 11', 'line 10', 'line 9', 'line 8', 'line 7']);
    const second = (await page(first[4].created_at)).data ?? [];
    expect(second.map((m) => m.body)).toEqual(['line 6', 'line 5', 'line 4', 'line 3', 'line 2']);

    // The sender removes their own; a moderator anyone's; a viewer nobody else's.
    expectError(await other.client.rpc('delete_chat_message', { p_message_id: ids[0] }), 'live_not_moderator');
    expect((await viewer.client.rpc('delete_chat_message', { p_message_id: ids[0] })).error).toBeNull();
    expect((await parent.client.rpc('delete_chat_message', { p_message_id: ids[1] })).error).toBeNull();
    expect((await other.client.from('chat_messages').select('id').in('id', [ids[0], ids[1]])).data).toEqual([]);
    expect((await parent.client.from('chat_messages').select('id').in('id', [ids[0], ids[1]])).data).toHaveLength(2);

    // Reports: not one's own, once each; three reporters hold it for review.
    expectError(await third.client.rpc('report_chat_message', { p_message_id: ids[2] }), 'chat_report_own');
    const target = ids[3]; // viewer's
    for (const who of [other, other, third, parent]) {
      expect(
        (await who.client.rpc('report_chat_message', { p_message_id: target, p_reason: 'rude' })).error,
      ).toBeNull();
    }
    // Held now: out of the chat for everyone but its sender and the moderators.
    expectError(await other.client.rpc('report_chat_message', { p_message_id: target }), 'chat_message_not_found');
    const [row] = await adminQuery<{ held: boolean; held_reason: string; reports: number }>(
      `select m.held, m.held_reason, (select count(*)::int from public.chat_reports r where r.message_id = m.id) as reports
         from public.chat_messages m where m.id = $1`,
      [target],
    );
    expect(row).toEqual({ held: true, held_reason: 'reports', reports: 3 });
    // Reporters read their own reports, the moderators all of them.
    expect((await other.client.from('chat_reports').select('id').eq('message_id', target)).data).toHaveLength(1);
    expect((await parent.client.from('chat_reports').select('id').eq('message_id', target)).data).toHaveLength(3);
    expect((await stranger.client.from('chat_reports').select('id').eq('message_id', target)).data).toHaveLength(0);
    expectError(await stranger.client.rpc('report_chat_message', { p_message_id: ids[4] }), 'chat_message_not_found');
    // Nobody writes the chat directly.
    const insert = await viewer.client
      .from('chat_messages')
      .insert({ session_id: session.id, participant_id: ids[0], sender_id: viewer.id, kind: 'text', body: 'x' });
    expect(insert.error?.code).toBe('42501');
  });
});
