import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { adminQuery, serviceClient, stackInfo } from 'supabase-local/testing';
import { sessionClient } from '../access/world';
import { addChild, type Child, type Parent, signUpParent } from '../rls/family-helpers';
import { importStory, type StoredStory } from '../stories/story-fixtures';

// Live sessions for the database tests, made through the real RPCs (20261202100000…103000_live_*).

export interface LiveSession {
  id: string;
  join_code: string;
  status: string;
  story_id: string | null;
  current_segment_id: string | null;
  pending_choice_id: string | null;
}

export interface Round {
  id: string;
  status: string;
  choice_ids: string[];
  closes_at: string;
  winning_choice_id: string | null;
  tied_choice_ids: string[] | null;
  tally: Record<string, number> | null;
}

/** A grown-up with a family of their own (sign-up's trigger) and a minted session: many at once, no Auth limits. */
export async function quickGrownUp(): Promise<{ id: string; client: SupabaseClient }> {
  const { data, error } = await serviceClient().auth.admin.createUser({
    email: `live-${randomUUID().slice(0, 12)}@example.test`,
    email_confirm: true,
    user_metadata: { display_name: `Viewer ${randomUUID().slice(0, 4)}` },
  });
  if (error || !data.user) throw error ?? new Error('no user');
  return { id: data.user.id, client: await sessionClient(data.user.id, { provider: 'email', providers: ['email'] }) };
}

/** A family whose child may join live sessions, with the chat level given. */
export async function liveFamily(
  chatLevel: 'off' | 'phrases' | 'filtered' | 'held_for_review' = 'filtered',
): Promise<{ parent: Parent; child: Child }> {
  const parent = await signUpParent();
  const child = await addChild(parent, { birthYear: new Date().getFullYear() - 8 });
  await setControls(parent, child, { live_sessions_allowed: true, chat_level: chatLevel });
  return { parent, child };
}

export async function setControls(parent: Parent, child: Child, patch: Record<string, unknown>): Promise<void> {
  const { error } = await parent.client.from('parental_controls').update(patch).eq('child_id', child.id);
  if (error) throw error;
}

export async function createSession(
  host: { client: SupabaseClient },
  options: Record<string, unknown> = {},
): Promise<LiveSession> {
  const { data, error } = await host.client.rpc('create_live_session', { p_title: 'Story night', ...options });
  if (error) throw error;
  return data as LiveSession;
}

export async function join(who: { client: SupabaseClient }, code: string): Promise<void> {
  const { error } = await who.client.rpc('join_live_session', { p_code: code });
  if (error) throw error;
}

/** A public 4-6 story (everyone may read it): s → s.0 | s.1; s.1's second choice is unexplored. */
export function publicStory(seed = 401): Promise<StoredStory> {
  return importStory({ visibility: 'public', ageBand: '4-6', seed });
}

/** A session live on a story (picked without a lobby vote), with the participants joined. */
export async function liveSession(
  host: { client: SupabaseClient },
  participants: { client: SupabaseClient }[] = [],
  { story, options = {} }: { story?: StoredStory; options?: Record<string, unknown> } = {},
): Promise<{ session: LiveSession; story: StoredStory }> {
  const used = story ?? (await publicStory());
  const session = await createSession(host, options);
  for (const p of participants) await join(p, session.join_code);
  const { data, error } = await host.client.rpc('pick_lobby_story', { p_session_id: session.id, p_story_id: used.id });
  if (error) throw error;
  return { session: data as LiveSession, story: used };
}

export async function openRound(host: { client: SupabaseClient }, sessionId: string, seconds?: number): Promise<Round> {
  const { data, error } = await host.client.rpc('open_round', { p_session_id: sessionId, p_seconds: seconds });
  if (error) throw error;
  return data as Round;
}

export async function sessionRow(id: string): Promise<LiveSession> {
  const [row] = await adminQuery<LiveSession>('select * from public.live_sessions where id = $1', [id]);
  return row;
}

export async function roundRow(id: string): Promise<Round> {
  const [row] = await adminQuery<Round>('select * from public.voting_rounds where id = $1', [id]);
  return row;
}

/** Moves a round's closing time into the past, as if its timer had run out. */
export async function expire(roundId: string): Promise<void> {
  await adminQuery(
    `update public.voting_rounds set opens_at = now() - interval '2 minutes', closes_at = now() - interval '1 second' where id = $1`,
    [roundId],
  );
}

/** A connection acting as a signed-in user, the way /rest/v1 runs a request (for parallel connections). */
export async function connectAs(userId: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: stackInfo().adminDbUrl });
  await client.connect();
  await client.query(`select set_config('request.jwt.claims', $1, false)`, [
    JSON.stringify({ sub: userId, role: 'authenticated' }),
  ]);
  await client.query('set role authenticated');
  return client;
}

/** A second parent of the family, joined with an invite code as the app does. */
export async function coParentOf(parent: Parent): Promise<Person> {
  const invite = await parent.client.rpc('create_parent_invite');
  if (invite.error) throw invite.error;
  const [{ code }] = invite.data as { code: string }[];
  const coParent = await quickGrownUp();
  const accepted = await coParent.client.rpc('accept_parent_invite', { p_code: code });
  if (accepted.error) throw accepted.error;
  return coParent;
}

export type Person = { id: string; client: SupabaseClient };
