'use client';

import { type InfiniteData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { refetchNow } from '@/lib/realtime/refetch-now';
import { createClient } from '@/lib/supabase/client';
import { chronological, upsertMessage } from './chat-cache';
import { liveKeys } from './keys';
import { useLiveEvent, useOnLive } from './live-channel';
import { CHAT_PAGE_SIZE, type ChatMessage, getChatMessage, getChatPage, getPhrases } from './queries';

type ChatPages = InfiniteData<ChatMessage[], string | null>;

/**
 * The session's chat: history in pages (older ones on demand) and new messages as they come. A 'chat'
 * event carries only the message's id — a held message's text never travels — so the message is read
 * through RLS: the sender sees their held message, moderators see everything, others only what is
 * visible; a message that became invisible (removed, held after reports) leaves the list.
 */
export function useChat(sessionId: string) {
  const queryClient = useQueryClient();
  const queryKey = liveKeys.chat(sessionId);
  const history = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => getChatPage(createClient(), { sessionId, before: pageParam }),
    initialPageParam: null as string | null,
    // Pages are fetched newest first; the next one ends where the oldest loaded message begins.
    getNextPageParam: (older) => (older.length === CHAT_PAGE_SIZE ? older[0].created_at : undefined),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const phrases = useQuery({
    queryKey: liveKeys.phrases(sessionId),
    queryFn: () => getPhrases(createClient(), { sessionId }),
    staleTime: Number.POSITIVE_INFINITY,
  });

  async function refresh(messageId: string) {
    const message = await getChatMessage(createClient(), { messageId });
    queryClient.setQueryData<ChatPages>(queryKey, (data) =>
      data ? { ...data, pages: upsertMessage(data.pages, messageId, message) } : data,
    );
  }

  useLiveEvent('chat', (payload) => {
    if (typeof payload.message_id === 'string') void refresh(payload.message_id);
  });
  useLiveEvent('phrases', () => void refetchNow(queryClient, liveKeys.phrases(sessionId)));
  useOnLive(() => {
    void refetchNow(queryClient, queryKey);
    void refetchNow(queryClient, liveKeys.phrases(sessionId));
  });

  return {
    messages: history.data ? chronological(history.data.pages) : [],
    loading: history.isPending,
    hasOlder: history.hasNextPage,
    loadOlder: () => void history.fetchNextPage(),
    phrases: phrases.data ?? [],
    /** After the caller's own send: show it without waiting for the event. */
    showSent: (messageId: string) => void refresh(messageId),
  };
}
