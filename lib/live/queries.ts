import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';
import { getIllustrationUrls } from '@/lib/stories/illustration-urls-query';

// Reads of a live session. RLS decides what a caller sees: participants read their session (the host's
// family also sees it while it runs), votes of a hidden round are the voter's own until the reveal, held
// chat messages only their sender's and the moderators'.

type Client = SupabaseClient<Database>;

export const CHAT_PAGE_SIZE = 30;

const SESSION_COLUMNS =
  'id, host_id, host_family_id, title, join_code, status, scheduled_start, started_at, ended_at, story_id, current_segment_id, pending_choice_id, chat_mode, chat_slow_seconds, vote_seconds, results_visibility, auto_advance, lobby_open, created_at';

/** The session, or null when the caller may not see it. */
export async function getLiveSession(supabase: Client, { sessionId }: { sessionId: string }) {
  const { data, error } = await supabase
    .from('live_sessions')
    .select(SESSION_COLUMNS)
    .eq('id', sessionId)
    .maybeSingle();
  if (error) throw error;
  return data;
}
export type LiveSession = NonNullable<Awaited<ReturnType<typeof getLiveSession>>>;

/** Sessions not ended yet that the caller sees: their family's parents' and the ones they joined. */
export async function listOpenLiveSessions(supabase: Client) {
  const { data, error } = await supabase
    .from('live_sessions')
    .select(SESSION_COLUMNS)
    .neq('status', 'ended')
    .order('created_at', { ascending: false })
    .limit(20);
  if (error) throw error;
  return data;
}

export async function getParticipants(supabase: Client, { sessionId }: { sessionId: string }) {
  const { data, error } = await supabase
    .from('session_participants')
    .select('id, user_id, role, joined_at, left_at, muted_until, banned_at')
    .eq('session_id', sessionId)
    .order('joined_at');
  if (error) throw error;
  return data;
}
export type LiveParticipant = Awaited<ReturnType<typeof getParticipants>>[number];

/** The lobby's shortlist (in order, with titles) and every lobby vote (one per participant). */
export async function getLobby(supabase: Client, { sessionId }: { sessionId: string }) {
  const [options, votes] = await Promise.all([
    supabase
      .from('session_story_options')
      .select('id, story_id, position, stories(title, age_band)')
      .eq('session_id', sessionId)
      .order('position'),
    supabase.from('lobby_votes').select('option_id, participant_id').eq('session_id', sessionId),
  ]);
  if (options.error) throw options.error;
  if (votes.error) throw votes.error;
  return { options: options.data, votes: votes.data };
}
export type LiveLobby = Awaited<ReturnType<typeof getLobby>>;

/** A page of the session's story with its choices in order and a loadable URL for its picture. */
export async function getLiveSegment(supabase: Client, { segmentId }: { segmentId: string }) {
  const { data, error } = await supabase
    .from('story_segments')
    .select(
      'id, story_id, depth, text, scene, place, is_ending, illustration_path, hidden_at, story_choices!story_choices_from_segment_fkey(id, label, position, to_segment_id)',
    )
    .eq('id', segmentId)
    .single();
  if (error) throw error;
  const pictures = await getIllustrationUrls(supabase, { paths: [data.illustration_path] });
  const choices = [...data.story_choices].sort((a, b) => a.position - b.position);
  return {
    ...data,
    story_choices: choices,
    pictureUrl: data.illustration_path ? (pictures[data.illustration_path] ?? null) : null,
  };
}
export type LiveSegment = Awaited<ReturnType<typeof getLiveSegment>>;

const ROUND_COLUMNS =
  'id, session_id, segment_id, choice_ids, status, opens_at, closes_at, paused_at, results_visibility, tally, tied_choice_ids, winning_choice_id';

/**
 * The session's latest round, the caller's vote in it and the tally they may see: the stored one once
 * revealed, round_tally() while a live-results round is open, none while a hidden one is.
 */
export async function getCurrentRound(
  supabase: Client,
  { sessionId, participantId }: { sessionId: string; participantId: string | null },
) {
  const { data: round, error } = await supabase
    .from('voting_rounds')
    .select(ROUND_COLUMNS)
    .eq('session_id', sessionId)
    .order('created_at', { ascending: false })
    .limit(1)
    .maybeSingle();
  if (error) throw error;
  if (!round) return null;
  let myChoiceId: string | null = null;
  if (participantId) {
    const mine = await supabase
      .from('votes')
      .select('choice_id')
      .eq('round_id', round.id)
      .eq('participant_id', participantId)
      .maybeSingle();
    if (mine.error) throw mine.error;
    myChoiceId = mine.data?.choice_id ?? null;
  }
  let tally = (round.tally as Record<string, number> | null) ?? null;
  if (!tally && round.results_visibility === 'live' && round.status !== 'cancelled') {
    const counted = await supabase.rpc('round_tally', { p_round_id: round.id });
    if (counted.error) throw counted.error;
    tally = Object.fromEntries(counted.data.map((row) => [row.choice_id, row.votes]));
  }
  return { ...round, tally, myChoiceId };
}
export type LiveRound = NonNullable<Awaited<ReturnType<typeof getCurrentRound>>>;

const MESSAGE_COLUMNS = 'id, sender_id, kind, body, held, held_reason, deleted_at, created_at';

/** One page of chat, oldest first; `before` is the created_at of the oldest message already shown. */
export async function getChatPage(
  supabase: Client,
  { sessionId, before }: { sessionId: string; before?: string | null },
) {
  let query = supabase
    .from('chat_messages')
    .select(MESSAGE_COLUMNS)
    .eq('session_id', sessionId)
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(CHAT_PAGE_SIZE);
  if (before) query = query.lt('created_at', before);
  const { data, error } = await query;
  if (error) throw error;
  return data.reverse();
}
export type ChatMessage = Awaited<ReturnType<typeof getChatPage>>[number];

/** A message named by a chat event, or null when RLS keeps it from the caller (held, removed). */
export async function getChatMessage(supabase: Client, { messageId }: { messageId: string }) {
  const { data, error } = await supabase
    .from('chat_messages')
    .select(MESSAGE_COLUMNS)
    .eq('id', messageId)
    .maybeSingle();
  if (error) throw error;
  return data;
}

/** The phrase menu: the built-in phrases and the session's own. */
export async function getPhrases(supabase: Client, { sessionId }: { sessionId: string }) {
  const { data, error } = await supabase
    .from('session_phrases')
    .select('id, text, session_id')
    .or(`session_id.is.null,session_id.eq.${sessionId}`)
    .order('created_at');
  if (error) throw error;
  return data;
}

/** Whether a child's controls switch live sessions on (the nav offers /live then; joining checks it all again). */
export async function getLiveSessionsAllowed(supabase: Client, { userId }: { userId: string }) {
  const { data, error } = await supabase
    .from('parental_controls')
    .select('live_sessions_allowed')
    .eq('child_id', userId)
    .maybeSingle();
  if (error) throw error;
  return data?.live_sessions_allowed ?? false;
}

/** A child's own chat level (null for grown-ups: no parental controls). */
export async function getChatLevel(supabase: Client, { userId }: { userId: string }) {
  const { data, error } = await supabase
    .from('parental_controls')
    .select('chat_level')
    .eq('child_id', userId)
    .maybeSingle();
  if (error) throw error;
  return data?.chat_level ?? null;
}

/** Every finished round of the session with the winning choice's label: the results of an ended session. */
export async function getSessionResults(supabase: Client, { sessionId }: { sessionId: string }) {
  const { data, error } = await supabase
    .from('voting_rounds')
    .select(
      'id, status, tally, winning_choice_id, revealed_at, story_choices!voting_rounds_winning_choice_id_fkey(label)',
    )
    .eq('session_id', sessionId)
    .in('status', ['revealed', 'applied'])
    .order('created_at');
  if (error) throw error;
  return data;
}

/** Stories the host may put on the shortlist: ready ones they can read (the family's and the library's). */
export async function getShortlistCandidates(supabase: Client) {
  const { data, error } = await supabase
    .from('stories')
    .select('id, title, age_band, visibility')
    .eq('status', 'ready')
    .is('deleted_at', null)
    .not('start_segment_id', 'is', null)
    .order('created_at', { ascending: false })
    .limit(30);
  if (error) throw error;
  return data;
}
