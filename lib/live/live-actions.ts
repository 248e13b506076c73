'use server';

import { parentAction, userAction } from '@/lib/actions/action';
import {
  banSchema,
  chatMessageSchema,
  createSessionSchema,
  joinCodeSchema,
  messageIdSchema,
  openRoundSchema,
  participantRoleSchema,
  participantSchema,
  phraseSchema,
  pickStorySchema,
  reportMessageSchema,
  reviewMessageSchema,
  roundChoiceSchema,
  roundStepSchema,
  sessionChoiceSchema,
  sessionIdSchema,
  sessionStorySchema,
  shortlistSchema,
  timeoutSchema,
} from './live.schema';

// One action per RPC the live pages use. The wrappers only say who may try (a parent creates a session;
// everyone signed in may ask the rest); the database decides (host, moderator, narrator, the join rule)
// and its refusal reaches the person through userMessage. The page learns what changed from live:<id>.

export const createLiveSessionAction = parentAction(createSessionSchema, async (input, { supabase }) => {
  const { data, error } = await supabase.rpc('create_live_session', {
    p_title: input.title,
    p_scheduled_start: input.scheduledStartIso ?? undefined,
    p_chat_mode: input.chatMode,
    p_vote_seconds: input.voteSeconds,
    p_results_visibility: input.resultsVisibility,
  });
  if (error) throw error;
  return { sessionId: data.id, joinCode: data.join_code, status: data.status };
});

export const joinLiveSessionAction = userAction(joinCodeSchema, async ({ code }, { supabase }) => {
  const { data, error } = await supabase.rpc('join_live_session', { p_code: code });
  if (error) throw error;
  return { sessionId: data.id };
});

// Most steps return nothing: the change arrives on the session's channel.
async function done(request: PromiseLike<{ error: unknown }>) {
  const { error } = await request;
  if (error) throw error;
  return { done: true as const };
}

export const leaveLiveSessionAction = userAction(sessionIdSchema, ({ sessionId }, { supabase }) =>
  done(supabase.rpc('leave_live_session', { p_session_id: sessionId })),
);

export const endLiveSessionAction = userAction(sessionIdSchema, ({ sessionId }, { supabase }) =>
  done(supabase.rpc('end_live_session', { p_session_id: sessionId })),
);

export const openLobbyVoteAction = userAction(shortlistSchema, ({ sessionId, storyIds }, { supabase }) =>
  done(supabase.rpc('open_lobby_vote', { p_session_id: sessionId, p_story_ids: storyIds })),
);

export const castLobbyVoteAction = userAction(sessionStorySchema, ({ sessionId, storyId }, { supabase }) =>
  done(supabase.rpc('cast_lobby_vote', { p_session_id: sessionId, p_story_id: storyId })),
);

export const pickLobbyStoryAction = userAction(pickStorySchema, ({ sessionId, storyId }, { supabase }) =>
  done(supabase.rpc('pick_lobby_story', { p_session_id: sessionId, p_story_id: storyId ?? undefined })),
);

export const openRoundAction = userAction(openRoundSchema, ({ sessionId, seconds }, { supabase }) =>
  done(supabase.rpc('open_round', { p_session_id: sessionId, p_seconds: seconds })),
);

export const castVoteAction = userAction(roundChoiceSchema, ({ roundId, choiceId }, { supabase }) =>
  done(supabase.rpc('cast_vote', { p_round_id: roundId, p_choice_id: choiceId })),
);

export const breakTieAction = userAction(roundChoiceSchema, ({ roundId, choiceId }, { supabase }) =>
  done(supabase.rpc('break_tie', { p_round_id: roundId, p_choice_id: choiceId })),
);

// The round steps that take only the round (lock, reveal, apply, cancel, pause, resume): the step is
// part of the validated input, so a browser cannot name any other function.
export const roundStepAction = userAction(roundStepSchema, ({ roundId, step }, { supabase }) =>
  done(supabase.rpc(`${step}_round`, { p_round_id: roundId })),
);

export const vetoChoiceAction = userAction(sessionChoiceSchema, ({ sessionId, choiceId }, { supabase }) =>
  done(supabase.rpc('veto_choice', { p_session_id: sessionId, p_choice_id: choiceId })),
);

export const sendChatMessageAction = userAction(
  chatMessageSchema,
  async ({ sessionId, body, phraseId }, { supabase }) => {
    const { data, error } = await supabase.rpc('send_chat_message', {
      p_session_id: sessionId,
      p_body: phraseId ? undefined : body,
      p_phrase_id: phraseId,
    });
    if (error) throw error;
    return { messageId: data.id, held: data.held };
  },
);

export const deleteChatMessageAction = userAction(messageIdSchema, ({ messageId }, { supabase }) =>
  done(supabase.rpc('delete_chat_message', { p_message_id: messageId })),
);

export const reportChatMessageAction = userAction(reportMessageSchema, ({ messageId, reason }, { supabase }) =>
  done(supabase.rpc('report_chat_message', { p_message_id: messageId, p_reason: reason })),
);

export const reviewChatMessageAction = userAction(reviewMessageSchema, ({ messageId, approve }, { supabase }) =>
  done(supabase.rpc('review_chat_message', { p_message_id: messageId, p_approve: approve })),
);

export const timeoutParticipantAction = userAction(timeoutSchema, ({ sessionId, userId, seconds }, { supabase }) =>
  done(supabase.rpc('timeout_participant', { p_session_id: sessionId, p_user_id: userId, p_seconds: seconds })),
);

export const banParticipantAction = userAction(banSchema, ({ sessionId, userId, reason }, { supabase }) =>
  done(supabase.rpc('ban_participant', { p_session_id: sessionId, p_user_id: userId, p_reason: reason })),
);

export const setParticipantRoleAction = userAction(participantRoleSchema, ({ sessionId, userId, role }, { supabase }) =>
  done(supabase.rpc('set_live_participant_role', { p_session_id: sessionId, p_user_id: userId, p_role: role })),
);

export const passHostAction = userAction(participantSchema, ({ sessionId, userId }, { supabase }) =>
  done(supabase.rpc('pass_live_host', { p_session_id: sessionId, p_user_id: userId })),
);

export const addSessionPhraseAction = userAction(phraseSchema, ({ sessionId, text }, { supabase }) =>
  done(supabase.rpc('add_session_phrase', { p_session_id: sessionId, p_text: text })),
);
