import pg from 'pg';
import { adminQuery, stackInfo } from 'supabase-local/testing';
import { importStory } from '../../stories/story-fixtures';
import type { Owner, World } from '../world';
import {
  ALL,
  DENIED,
  type DomainExpectations,
  type InsertOutcome,
  type PerActor,
  type RowOutcome,
  refused,
} from './types';

// Live sessions (migrations 20261202100000…103000): every table is read-only through the API, even for
// the service role; each change is one of the live RPCs, which check who asks. In every world:
//   session "family"      hosted by the parent of family A; the child (live sessions allowed) and the
//                         other family's parent (a grown-up with the code) joined. The sibling may not
//                         join (live sessions off) but, as family, sees the session is on.
//   session "otherFamily" hosted by the other parent; their child joined.
// Both are live on a public story, with a lobby shortlist and votes, a vetoed choice, an open round with
// votes, a phrase of their own, chat and a report. The sessions' ids are their families' ids, so the
// tables keyed by session_id name whose session a row is.

const story = await importStory({ visibility: 'public', ageBand: '4-6', seed: 601 });
const secondStory = await importStory({ visibility: 'public', ageBand: '4-6', seed: 602 });
const [c0, c1] = [story.choices['s:c0'], story.choices['s:c1']];

const nobodyWrites: PerActor<RowOutcome> = { '*': DENIED };
const nobodyInserts: PerActor<InsertOutcome> = { '*': DENIED };

/** Who reads a row of each session: its participants (and the service role). */
const sessionReaders: PerActor<RowOutcome> = {
  anon: DENIED,
  stranger: [],
  guest: [],
  parent: ['family'],
  child: ['family'],
  sibling: [],
  otherParent: ['family', 'otherFamily'],
  otherChild: ['otherFamily'],
  service: ALL,
};

type Client = World['people']['parent']['client'];
async function call<T>(client: Client, fn: string, args: Record<string, unknown>): Promise<T> {
  const { data, error } = await client.rpc(fn, args);
  if (error) throw new Error(`${fn}: ${error.message} ${error.details ?? ''}`);
  return data as T;
}

/** Gives a freshly created session (only its host in it yet) the id it stands for. */
async function rekey(oldId: string, newId: string): Promise<void> {
  const client = new pg.Client({ connectionString: stackInfo().adminDbUrl });
  await client.connect();
  try {
    await client.query('begin');
    // Foreign keys are triggers: off for this one rewrite of a key nothing else points at yet.
    await client.query('set local session_replication_role = replica');
    await client.query('update public.live_sessions set id = $2 where id = $1', [oldId, newId]);
    await client.query('update public.session_participants set session_id = $2 where session_id = $1', [oldId, newId]);
    await client.query('commit');
  } finally {
    await client.end();
  }
}

async function allowLive(world: World) {
  for (const [parent, child] of [
    ['parent', 'child'],
    ['otherParent', 'otherChild'],
  ] as const) {
    const { error } = await world.people[parent].client
      .from('parental_controls')
      .update({ live_sessions_allowed: true })
      .eq('child_id', world.people[child].id);
    if (error) throw error;
  }
}

/** A session of the parent's with the child and the other parent in it: lobby, or live on the story. */
async function freshSession(
  world: World,
  { live = true, shortlist = false } = {},
): Promise<{ id: string; code: string }> {
  const { parent, child, otherParent } = world.people;
  const session = await call<{ id: string; join_code: string }>(parent.client, 'create_live_session', {
    p_title: 'Probe',
    p_auto_advance: false,
  });
  for (const who of [child, otherParent]) await call(who.client, 'join_live_session', { p_code: session.join_code });
  if (shortlist) {
    await call(parent.client, 'open_lobby_vote', { p_session_id: session.id, p_story_ids: [story.id, secondStory.id] });
  }
  if (live) await call(parent.client, 'pick_lobby_story', { p_session_id: session.id, p_story_id: story.id });
  return { id: session.id, code: session.join_code };
}

/** A round of a fresh session, moved on to the given status by the host. */
async function freshRound(world: World, status: 'open' | 'paused' | 'locked' | 'revealed'): Promise<string> {
  const { parent } = world.people;
  const session = await freshSession(world);
  const round = await call<{ id: string }>(parent.client, 'open_round', { p_session_id: session.id });
  if (status === 'paused') await call(parent.client, 'pause_round', { p_round_id: round.id });
  if (status === 'locked' || status === 'revealed') await call(parent.client, 'lock_round', { p_round_id: round.id });
  if (status === 'revealed') await call(parent.client, 'reveal_round', { p_round_id: round.id });
  return round.id;
}

const idOf = async (sql: string, params: unknown[]) => {
  const [row] = await adminQuery<{ id: string }>(sql, params);
  if (!row) throw new Error(`no row for ${sql}`);
  return row.id;
};
const roundOf = (world: World, owner: 'family' | 'otherFamily') =>
  idOf(`select id from public.voting_rounds where session_id = $1 and status = 'open'`, [world.id(owner)]);
const messageOf = (world: World, owner: 'family' | 'otherFamily', sender: Owner) =>
  idOf('select id from public.chat_messages where session_id = $1 and sender_id = $2 order by created_at limit 1', [
    world.id(owner),
    world.id(sender),
  ]);

/** Not in the session the call is about: refused the same way for each of them. */
const outsiders = (code: string): PerActor<ReturnType<typeof refused>> => ({
  stranger: refused(code),
  guest: refused(code),
  sibling: refused(code),
  otherChild: refused(code),
});
const apiOnly = { anon: DENIED, service: DENIED } as const;
/** A host-only step on a session or round of the parent's: the host does it, the others in it may not. */
const hostOnly = (denial = 'live_not_host') => ({
  ...apiOnly,
  ...outsiders('live_not_participant'),
  parent: 'allowed' as const,
  child: refused(denial),
  otherParent: refused(denial),
});

export const live: DomainExpectations = {
  async setup(world) {
    const { parent, child, otherParent, otherChild } = world.people;
    await allowLive(world);
    for (const [host, owner, guests] of [
      [parent, 'family', [child, otherParent]],
      [otherParent, 'otherFamily', [otherChild]],
    ] as const) {
      const created = await call<{ id: string; join_code: string }>(host.client, 'create_live_session', {
        p_title: 'Probe session',
        p_auto_advance: false,
      });
      const id = world.id(owner);
      await rekey(created.id, id);
      for (const who of guests) await call(who.client, 'join_live_session', { p_code: created.join_code });
      await call(host.client, 'open_lobby_vote', { p_session_id: id, p_story_ids: [story.id, secondStory.id] });
      for (const who of [host, ...guests]) {
        await call(who.client, 'cast_lobby_vote', { p_session_id: id, p_story_id: story.id });
      }
      await call(host.client, 'pick_lobby_story', { p_session_id: id });
      await call(host.client, 'add_session_phrase', { p_session_id: id, p_text: 'Hooray for the probe!' });
      await call(host.client, 'veto_choice', { p_session_id: id, p_choice_id: c1 });
      const round = await call<{ id: string }>(host.client, 'open_round', { p_session_id: id, p_seconds: 1800 });
      for (const who of [host, ...guests])
        await call(who.client, 'cast_vote', { p_round_id: round.id, p_choice_id: c0 });
      await call(host.client, 'send_chat_message', { p_session_id: id, p_body: 'Welcome, everyone!' });
      const phrase = await idOf(
        `select id from public.session_phrases where session_id is null order by text limit 1`,
        [],
      );
      for (const who of guests) {
        await call(who.client, 'send_chat_message', { p_session_id: id, p_phrase_id: phrase });
      }
    }
    // Reports: the other parent reports the host's message in session A, the other child theirs in B.
    await call(otherParent.client, 'report_chat_message', { p_message_id: await messageOf(world, 'family', 'parent') });
    await call(otherChild.client, 'report_chat_message', {
      p_message_id: await messageOf(world, 'otherFamily', 'otherParent'),
    });
  },

  tables: {
    'public.live_sessions': {
      key: 'id',
      owners: ['family', 'otherFamily'],
      // Participants, and the host family's members while the session is on.
      select: { ...sessionReaders, sibling: ['family'] },
      update: { patch: { title: 'Changed' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          host_id: world.people.parent.id,
          host_family_id: world.family.id,
          title: 'Probe',
          join_code: 'PROBE234',
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.session_participants': {
      key: 'user_id',
      owners: ['parent', 'child', 'otherParent', 'otherChild'],
      select: {
        anon: DENIED,
        stranger: [],
        guest: [],
        parent: ['parent', 'child', 'otherParent'],
        child: ['parent', 'child', 'otherParent'],
        sibling: [],
        otherParent: ['parent', 'child', 'otherParent', 'otherChild'],
        otherChild: ['otherParent', 'otherChild'],
        service: ALL,
      },
      update: { patch: { role: 'moderator' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({ session_id: world.family.id, user_id: world.people.sibling.id }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.session_story_options': {
      key: 'session_id',
      owners: ['family', 'otherFamily'],
      select: sessionReaders,
      update: { patch: { position: 3 }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          session_id: world.family.id,
          story_id: (await importStory({ visibility: 'public', ageBand: '4-6', seed: 603 })).id,
          position: 2,
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.lobby_votes': {
      key: 'session_id',
      owners: ['family', 'otherFamily'],
      select: sessionReaders,
      update: { patch: { updated_at: '2001-01-01T00:00:00Z' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          session_id: world.family.id,
          option_id: await idOf('select id from public.session_story_options where session_id = $1 and position = 1', [
            world.family.id,
          ]),
          participant_id: await idOf(
            'select id from public.session_participants where session_id = $1 and user_id = $2',
            [world.family.id, world.people.parent.id],
          ),
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.voting_rounds': {
      key: 'session_id',
      owners: ['family', 'otherFamily'],
      select: sessionReaders,
      update: { patch: { status: 'cancelled' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          session_id: world.family.id,
          segment_id: story.segments['s.0'],
          choice_ids: `{${story.choices['s.0:c0']}}`,
          closes_at: '2100-01-01T00:00:00+00:00',
          results_visibility: 'live',
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.votes': {
      key: 'session_id',
      owners: ['family', 'otherFamily'],
      // Results are live in both sessions, so every participant reads every vote.
      select: sessionReaders,
      update: { patch: { choice_id: c1 }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          round_id: await roundOf(world, 'family'),
          session_id: world.family.id,
          participant_id: await idOf(
            'select id from public.session_participants where session_id = $1 and user_id = $2',
            [world.family.id, world.people.child.id],
          ),
          choice_id: c1,
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.session_choice_vetoes': {
      key: 'session_id',
      owners: ['family', 'otherFamily'],
      select: sessionReaders,
      update: { patch: { choice_id: c0 }, ...nobodyWrites },
      insert: { row: async (world) => ({ session_id: world.family.id, choice_id: c0 }), ...nobodyInserts },
      delete: nobodyWrites,
    },
    'public.session_phrases': {
      key: 'session_id',
      owners: ['family', 'otherFamily'],
      // The built-in menu (session_id null) is every signed-in user's; a session's own, its participants'.
      select: sessionReaders,
      update: { patch: { text: 'Changed' }, ...nobodyWrites },
      insert: { row: async (world) => ({ session_id: world.family.id, text: 'Sneaky phrase' }), ...nobodyInserts },
      delete: nobodyWrites,
    },
    'public.chat_messages': {
      key: 'session_id',
      owners: ['family', 'otherFamily'],
      select: sessionReaders,
      update: { patch: { body: 'Changed' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          session_id: world.family.id,
          participant_id: await idOf(
            'select id from public.session_participants where session_id = $1 and user_id = $2',
            [world.family.id, world.people.otherParent.id],
          ),
          sender_id: world.people.otherParent.id,
          kind: 'text',
          body: 'Sneaky message',
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.chat_reports': {
      key: 'reporter_id',
      owners: ['otherParent', 'otherChild'],
      // The reporter, and the moderators (here the hosts) of the report's session.
      select: {
        anon: DENIED,
        stranger: [],
        guest: [],
        parent: ['otherParent'],
        child: [],
        sibling: [],
        otherParent: ['otherParent', 'otherChild'],
        otherChild: ['otherChild'],
        service: ALL,
      },
      update: { patch: { reason: 'Changed' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          message_id: await messageOf(world, 'family', 'parent'),
          session_id: world.family.id,
          reporter_id: world.people.child.id,
          reason: 'Sneaky report',
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
  },

  functions: {
    'public.create_live_session': {
      args: () => ({ p_title: 'Probe' }),
      // Grown-ups with a family host (the guest is the parent of their trial family); children never.
      execute: {
        ...apiOnly,
        stranger: refused('not_a_parent'),
        child: refused('not_a_parent'),
        sibling: refused('not_a_parent'),
        otherChild: refused('not_a_parent'),
        '*': 'allowed',
      },
    },
    'public.join_live_session': {
      args: async (world) => ({
        p_code: (
          await adminQuery<{ join_code: string }>('select join_code from public.live_sessions where id = $1', [
            world.family.id,
          ])
        )[0].join_code,
      }),
      // Grown-ups with the code; the host's child (already in); the sibling may not; another family's child never.
      execute: {
        ...apiOnly,
        sibling: refused('live_child_not_allowed'),
        otherChild: refused('live_child_outside_family'),
        '*': 'allowed',
      },
    },
    'public.leave_live_session': {
      args: (world) => ({ p_session_id: world.family.id }),
      execute: { ...apiOnly, ...outsiders('live_not_participant'), '*': 'allowed' },
    },
    'public.set_live_participant_role': {
      args: (world) => ({ p_session_id: world.family.id, p_user_id: world.people.otherParent.id, p_role: 'moderator' }),
      execute: hostOnly(),
    },
    'public.pass_live_host': {
      // Each call its own session: the host hands over to the other parent.
      args: async (world) => ({ p_session_id: (await freshSession(world)).id, p_user_id: world.people.otherParent.id }),
      execute: hostOnly(),
    },
    'public.end_live_session': {
      args: async (world) => ({ p_session_id: (await freshSession(world)).id }),
      execute: hostOnly(),
    },

    'public.open_lobby_vote': {
      args: async (world) => ({
        p_session_id: (await freshSession(world, { live: false })).id,
        p_story_ids: [story.id, secondStory.id],
      }),
      execute: hostOnly(),
    },
    'public.cast_lobby_vote': {
      args: async (world) => ({
        p_session_id: (await freshSession(world, { live: false, shortlist: true })).id,
        p_story_id: story.id,
      }),
      // Everyone in the session votes, the host too.
      execute: { ...apiOnly, ...outsiders('live_not_participant'), '*': 'allowed' },
    },
    'public.pick_lobby_story': {
      args: async (world) => ({ p_session_id: (await freshSession(world, { live: false, shortlist: true })).id }),
      execute: hostOnly(),
    },

    'public.open_round': {
      args: async (world) => ({ p_session_id: (await freshSession(world)).id }),
      execute: hostOnly(),
    },
    'public.cast_vote': {
      args: async (world) => ({ p_round_id: await roundOf(world, 'family'), p_choice_id: c0 }),
      execute: { ...apiOnly, ...outsiders('live_not_participant'), '*': 'allowed' },
    },
    'public.lock_round': {
      args: async (world) => ({ p_round_id: await freshRound(world, 'open') }),
      execute: hostOnly(),
    },
    'public.reveal_round': {
      args: async (world) => ({ p_round_id: await freshRound(world, 'locked') }),
      execute: hostOnly(),
    },
    'public.apply_round': {
      args: async (world) => ({ p_round_id: await freshRound(world, 'revealed') }),
      execute: hostOnly(),
    },
    'public.cancel_round': {
      args: async (world) => ({ p_round_id: await freshRound(world, 'open') }),
      execute: hostOnly(),
    },
    'public.break_tie': {
      // Nobody voted: both choices tie; the host (a parent of the family: the narrator too) breaks it.
      args: async (world) => ({ p_round_id: await freshRound(world, 'revealed'), p_choice_id: c1 }),
      execute: hostOnly('live_not_narrator'),
    },
    'public.pause_round': {
      args: async (world) => ({ p_round_id: await freshRound(world, 'open') }),
      execute: hostOnly('live_not_narrator'),
    },
    'public.resume_round': {
      args: async (world) => ({ p_round_id: await freshRound(world, 'paused') }),
      execute: hostOnly('live_not_narrator'),
    },
    'public.veto_choice': {
      args: async (world) => ({ p_session_id: (await freshSession(world)).id, p_choice_id: c1 }),
      execute: hostOnly('live_not_narrator'),
    },
    'public.round_tally': {
      args: async (world) => ({ p_round_id: await roundOf(world, 'family') }),
      execute: { ...apiOnly, ...outsiders('live_round_not_found'), '*': 'allowed' },
    },

    'public.send_chat_message': {
      args: (world) => ({ p_session_id: world.family.id, p_body: 'Hello there' }),
      // The child's chat level (phrases, the default) wins over the session's filtered mode.
      execute: {
        ...apiOnly,
        ...outsiders('live_not_participant'),
        parent: 'allowed',
        child: refused('chat_phrases_only'),
        otherParent: 'allowed',
      },
    },
    'public.delete_chat_message': {
      // The other parent's own phrase message: they and the host remove it, the child may not.
      args: async (world) => ({ p_message_id: await messageOf(world, 'family', 'otherParent') }),
      execute: {
        ...apiOnly,
        ...outsiders('chat_message_not_found'),
        parent: 'allowed',
        child: refused('live_not_moderator'),
        otherParent: 'allowed',
      },
    },
    'public.review_chat_message': {
      // A fresh held message (the word filter) of the other parent's for each call.
      async args(world) {
        const held = await call<{ id: string }>(world.people.otherParent.client, 'send_chat_message', {
          p_session_id: world.family.id,
          p_body: 'that is stupid',
        });
        return { p_message_id: held.id, p_approve: true };
      },
      execute: {
        ...apiOnly,
        ...outsiders('chat_message_not_found'),
        parent: 'allowed',
        child: refused('live_not_moderator'),
        otherParent: refused('live_not_moderator'),
      },
    },
    'public.timeout_participant': {
      args: async (world) => ({
        p_session_id: (await freshSession(world)).id,
        p_user_id: world.people.otherParent.id,
        p_seconds: 60,
      }),
      execute: hostOnly('live_not_moderator'),
    },
    'public.ban_participant': {
      args: async (world) => ({ p_session_id: (await freshSession(world)).id, p_user_id: world.people.otherParent.id }),
      execute: hostOnly('live_not_moderator'),
    },
    'public.report_chat_message': {
      // The host's welcome: everyone else in the session reports it (again: once each), not the host.
      args: async (world) => ({ p_message_id: await messageOf(world, 'family', 'parent') }),
      execute: {
        ...apiOnly,
        ...outsiders('chat_message_not_found'),
        parent: refused('chat_report_own'),
        child: 'allowed',
        otherParent: 'allowed',
      },
    },
    'public.add_session_phrase': {
      args: (world) => ({ p_session_id: world.family.id, p_text: 'Probe phrase' }),
      execute: hostOnly('live_not_narrator'),
    },
  },
};
