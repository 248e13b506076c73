import type { Enums } from '@/lib/database.types';

// What the chat box offers a participant: the session's mode, or a child's own chat level when it is
// stricter — the same rule as private.effective_chat_mode, which send_chat_message enforces; this only
// picks the right input (phrase menu, emote pad, text box) so a child is not offered what will be refused.

type ChatMode = Enums<'live_chat_mode'>;

const STRICTNESS: Record<ChatMode, number> = {
  off: 0,
  emote_only: 1,
  phrases_only: 2,
  held_for_review: 3,
  filtered: 4,
};

const LEVEL_MODE: Record<Enums<'chat_level'>, ChatMode> = {
  off: 'off',
  phrases: 'phrases_only',
  held_for_review: 'held_for_review',
  filtered: 'filtered',
};

export function effectiveChatMode(sessionMode: ChatMode, childLevel: Enums<'chat_level'> | null): ChatMode {
  if (!childLevel) return sessionMode;
  const childMode = LEVEL_MODE[childLevel];
  return STRICTNESS[childMode] < STRICTNESS[sessionMode] ? childMode : sessionMode;
}

export const EMOTES = ['👍', '❤️', '😂', '😮', '🎉', '👏'] as const;
