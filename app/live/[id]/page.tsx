import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { JoinCodeButton } from '@/components/live/join-code-button';
import { LiveSessionView } from '@/components/live/live-session-view';
import { Card } from '@/components/ui/card';
import { requireLiveViewer } from '@/lib/live/live-viewer';
import { getChatLevel, getLiveSession, getParticipants } from '@/lib/live/queries';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Live story' };

/**
 * A live session's room: lobby, the page everyone reads, the vote and the chat (components/live). What
 * a person may see is RLS's answer: its participants read it; the host's family sees it running and may
 * join from here. The render's time seeds the countdown's clock offset until a round event brings the
 * database's own now.
 */
export default async function LiveSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requireLiveViewer(`/live/${id}`);
  const supabase = await createClient();
  const session = await getLiveSession(supabase, { sessionId: id });
  if (!session) notFound();
  const [participants, chatLevel] = await Promise.all([
    getParticipants(supabase, { sessionId: id }),
    viewer.isChild ? getChatLevel(supabase, { userId: viewer.id }) : Promise.resolve(null),
  ]);
  const me = participants.find((p) => p.user_id === viewer.id && !p.banned_at) ?? null;
  const present = me && !me.left_at;

  if (!present && session.status !== 'ended') {
    // Not in it (yet): the family sees its sessions and joins with one tap; the join rule still applies.
    return (
      <div className="mx-auto max-w-xl">
        <Card id="join-this-heading" title={session.title} intro="You're not in this live session yet.">
          <JoinCodeButton code={session.join_code} title={session.title} kid={viewer.isChild} />
        </Card>
      </div>
    );
  }
  if (!me) notFound();

  return (
    <LiveSessionView
      viewer={viewer}
      initial={{ session, participants }}
      participantId={me.id}
      chatLevel={chatLevel}
      serverNow={new Date().toISOString()}
    />
  );
}
