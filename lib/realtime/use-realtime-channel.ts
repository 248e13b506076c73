'use client';

import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { useEffect, useRef, useState } from 'react';
import { createClient } from '@/lib/supabase/client';

export type ChannelStatus = 'idle' | 'joining' | 'live' | 'retrying' | 'closed';

export type RealtimeChannelOptions = {
  /** The topic to join, or null to stay out (e.g. until the family id is known). */
  topic: string | null;
  /** Private channels are authorised by RLS on realtime.messages (our family topics are private). */
  private?: boolean;
  /**
   * Adds the channel's listeners (`.on('broadcast', …)`, `.on('postgres_changes', …)`, presence)
   * before it joins; bindings are fixed at join time. Called once per join with the latest version.
   */
  configure: (channel: RealtimeChannel) => void;
  /**
   * Called every time the channel is live: after the first join (events before it were missed since
   * the page's data was fetched) and after every reconnect or rejoin. Re-fetch here, with
   * `refetchNow` (./refetch-now.ts): a plain invalidateQueries would join a first fetch still in flight
   * from before the join.
   */
  onLive?: () => void;
  /** Presence: tracked once the channel is live, as Supabase recommends (never before SUBSCRIBED). */
  track?: Record<string, unknown> | null;
};

// supabase-js keeps one channel per topic per client: while the previous instance of a topic is still
// leaving (React Strict Mode mounts, unmounts and mounts effects again), channel(topic) would hand back
// the one being torn down. So a new join of a topic waits for the previous leave of the same topic.
const leaving = new Map<string, Promise<unknown>>();

let browserClient: SupabaseClient | null = null;
function client(): SupabaseClient {
  browserClient ??= createClient() as unknown as SupabaseClient;
  return browserClient;
}

/**
 * The one realtime primitive: owns a channel's life. It joins when there is a topic, keeps the
 * callbacks in refs (re-renders never re-subscribe), reports CHANNEL_ERROR / TIMED_OUT (realtime-js
 * rejoins by itself with backoff) and calls onLive after each (re)join so the caller re-fetches, and
 * removes the channel on unmount. Domain hooks (useFamilyEvents, useChildEvents, …) decide what an
 * event does to the React Query cache.
 */
export function useRealtimeChannel({
  topic,
  private: isPrivate = false,
  configure,
  onLive,
  track,
}: RealtimeChannelOptions) {
  const [status, setStatus] = useState<ChannelStatus>('idle');
  const configureRef = useRef(configure);
  const onLiveRef = useRef(onLive);
  const trackRef = useRef(track);
  configureRef.current = configure;
  onLiveRef.current = onLive;
  trackRef.current = track;

  useEffect(() => {
    if (!topic) {
      setStatus('idle');
      return;
    }
    const supabase = client();
    let cancelled = false;
    let channel: RealtimeChannel | null = null;

    async function join(name: string) {
      await leaving.get(name);
      if (cancelled) return;
      // Private channels need the user's token on the socket before the join.
      if (isPrivate) await supabase.realtime.setAuth();
      if (cancelled) return;
      setStatus('joining');
      const joined = supabase.channel(name, { config: { private: isPrivate } });
      channel = joined;
      configureRef.current(joined);
      joined.subscribe((state, error) => {
        if (cancelled) return;
        if (state === 'SUBSCRIBED') {
          setStatus('live');
          if (trackRef.current) void joined.track(trackRef.current);
          onLiveRef.current?.();
        } else if (state === 'CHANNEL_ERROR' || state === 'TIMED_OUT') {
          console.warn(`[realtime] ${name}: ${state}`, error?.message ?? '');
          setStatus('retrying');
        } else if (state === 'CLOSED') {
          setStatus('closed');
        }
      });
    }

    void join(topic);
    return () => {
      cancelled = true;
      if (channel) {
        const done = supabase.removeChannel(channel).finally(() => {
          if (leaving.get(topic) === done) leaving.delete(topic);
        });
        leaving.set(topic, done);
      }
    };
  }, [topic, isPrivate]);

  return status;
}
