import { Constants, type Enums } from '@/lib/database.types';

// Labels of the live-session enums, keyed by the generated types (lib/family/options.ts does the same).

export const CHAT_MODE_LABELS: Record<Enums<'live_chat_mode'>, string> = {
  filtered: 'On, with the word filter',
  held_for_review: 'Every message checked first',
  phrases_only: 'Safe phrases only',
  emote_only: 'Emotes only',
  off: 'Off',
};

export const RESULTS_LABELS: Record<Enums<'live_results_visibility'>, string> = {
  live: 'Shown while voting',
  hidden: 'Hidden until the reveal',
};

export const STATUS_LABELS: Record<Enums<'live_session_status'>, string> = {
  scheduled: 'Scheduled',
  lobby: 'In the lobby',
  live: 'Reading now',
  ended: 'Ended',
};

export const ROLE_LABELS: Record<Enums<'live_participant_role'>, string> = {
  host: 'Host',
  moderator: 'Moderator',
  viewer: 'Viewer',
};

export const CHAT_MODE_OPTIONS = Constants.public.Enums.live_chat_mode.map((value) => ({
  value,
  label: CHAT_MODE_LABELS[value],
}));
export const RESULTS_OPTIONS = Constants.public.Enums.live_results_visibility.map((value) => ({
  value,
  label: RESULTS_LABELS[value],
}));
