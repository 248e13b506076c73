'use client';

import { useLiveChannel } from './live-channel';

/**
 * Who is on the session's page right now: presence on live:<id>, tracked by each participant once the
 * channel is live (never before SUBSCRIBED), one entry per person. Also the channel's state, so the
 * page can say "reconnecting…".
 */
export function usePresence() {
  const { presence, status } = useLiveChannel();
  return { present: presence, status };
}
