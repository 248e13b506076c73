'use client';

import type { RealtimeChannel } from '@supabase/supabase-js';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { type ChannelStatus, useRealtimeChannel } from '@/lib/realtime/use-realtime-channel';

// One channel per session page: the database addresses every event of a session to ONE private topic,
// live:<session id> (20261202103000_live_realtime.sql), and supabase-js keeps one channel per topic per
// client, so the page joins it once here and the hooks (useLiveSession, useVoting, useChat, usePresence)
// subscribe to the events they care about. Presence rides on the same channel.

export type LiveEventName =
  | 'session'
  | 'participants'
  | 'shortlist'
  | 'lobby'
  | 'round'
  | 'tally'
  | 'veto'
  | 'chat'
  | 'phrases';
export type LivePayload = Record<string, unknown>;
type Listener = (payload: LivePayload) => void;

/** What each participant shares about themselves while the page is open. */
export type PresenceMe = { user_id: string; name: string; avatar: string | null; is_child: boolean };

class LiveEvents {
  private listeners = new Map<string, Set<Listener>>();
  private liveListeners = new Set<() => void>();
  on(event: LiveEventName, listener: Listener) {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => void set.delete(listener);
  }
  onLive(listener: () => void) {
    this.liveListeners.add(listener);
    return () => void this.liveListeners.delete(listener);
  }
  emit(event: string, payload: LivePayload) {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
  live() {
    for (const listener of this.liveListeners) listener();
  }
}

type LiveChannelValue = { events: LiveEvents; status: ChannelStatus; presence: PresenceMe[] };
const LiveChannelContext = createContext<LiveChannelValue | null>(null);

/** Everyone present once, by user (several tabs of one person are one avatar), in a stable order. */
export function presenceList(state: Record<string, PresenceMe[]>): PresenceMe[] {
  const byUser = new Map<string, PresenceMe>();
  for (const metas of Object.values(state)) for (const meta of metas) if (meta.user_id) byUser.set(meta.user_id, meta);
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name) || a.user_id.localeCompare(b.user_id));
}

export function LiveChannelProvider({
  sessionId,
  me,
  children,
}: {
  sessionId: string;
  me: PresenceMe;
  children: ReactNode;
}) {
  const [events] = useState(() => new LiveEvents());
  const [presence, setPresence] = useState<PresenceMe[]>([]);
  const status = useRealtimeChannel({
    topic: `live:${sessionId}`,
    private: true,
    configure: (channel: RealtimeChannel) => {
      channel.on('broadcast', { event: '*' }, ({ event, payload }) => events.emit(event, payload as LivePayload));
      channel.on('presence', { event: 'sync' }, () =>
        setPresence(presenceList(channel.presenceState() as unknown as Record<string, PresenceMe[]>)),
      );
    },
    onLive: () => events.live(),
    track: me,
  });
  return <LiveChannelContext.Provider value={{ events, status, presence }}>{children}</LiveChannelContext.Provider>;
}

export function useLiveChannel(): LiveChannelValue {
  const value = useContext(LiveChannelContext);
  if (!value) throw new Error('Live hooks need a <LiveChannelProvider> around them.');
  return value;
}

/** Calls the handler for each event of that name on the session's channel (the latest handler, no re-subscribe). */
export function useLiveEvent(event: LiveEventName, handler: Listener) {
  const { events } = useLiveChannel();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => events.on(event, (payload) => ref.current(payload)), [events, event]);
}

/** Calls the handler after every (re)join of the session's channel: events may have been missed, re-fetch. */
export function useOnLive(handler: () => void) {
  const { events } = useLiveChannel();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => events.onLive(() => ref.current()), [events]);
}
