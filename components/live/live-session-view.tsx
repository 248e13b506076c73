'use client';

import { useMemo } from 'react';
import { Badge } from '@/components/ui/badge';
import type { Enums } from '@/lib/database.types';
import { effectiveChatMode } from '@/lib/live/chat-mode';
import { LiveChannelProvider, type PresenceMe } from '@/lib/live/live-channel';
import type { LiveViewer } from '@/lib/live/live-viewer';
import { STATUS_LABELS } from '@/lib/live/options';
import type { LiveParticipant, LiveSession } from '@/lib/live/queries';
import { useLiveSession } from '@/lib/live/use-live-session';
import { usePresence } from '@/lib/live/use-presence';
import { useVoting } from '@/lib/live/use-voting';
import { AddPhraseForm } from './add-phrase-form';
import { HostTools } from './host-tools';
import { LeaveSessionButton } from './leave-session-button';
import { LiveChat } from './live-chat';
import { LiveLobby } from './live-lobby';
import { LiveStory } from './live-story';
import { PresenceAvatars } from './presence-avatars';
import { SessionResults } from './session-results';

type Props = {
  viewer: LiveViewer;
  initial: { session: LiveSession; participants: LiveParticipant[] };
  participantId: string;
  chatLevel: Enums<'chat_level'> | null;
  serverNow: string;
};

/** A live session's room. One channel (live:<id>) for the whole page; the hooks below share it. */
export function LiveSessionView(props: Props) {
  const { viewer } = props;
  const me: PresenceMe = useMemo(
    () => ({ user_id: viewer.id, name: viewer.name, avatar: viewer.avatar, is_child: viewer.isChild }),
    [viewer],
  );
  return (
    <LiveChannelProvider sessionId={props.initial.session.id} me={me}>
      <LiveRoom {...props} />
    </LiveChannelProvider>
  );
}

function LiveRoom({ viewer, initial, participantId, chatLevel, serverNow }: Props) {
  const sessionId = initial.session.id;
  const { session, participants, lobby } = useLiveSession(sessionId, initial);
  const voting = useVoting(sessionId, participantId, { serverNow });
  const { present, status } = usePresence();
  const kid = viewer.isChild;
  const myRole = participants.find((p) => p.id === participantId)?.role ?? 'viewer';
  const isHost = myRole === 'host';
  const isModerator = isHost || myRole === 'moderator';
  const ended = session.status === 'ended';
  // Names come from presence (what each person shares while on the page): profiles stay family-private.
  const names = useMemo(() => new Map(present.map((p) => [p.user_id, p])), [present]);

  return (
    <div
      className={`mx-auto max-w-6xl space-y-5 ${kid ? 'font-kid' : ''}`}
      data-testid="live-room"
      data-status={session.status}
    >
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className={kid ? 'text-3xl font-black' : 'text-2xl font-semibold'}>{session.title}</h1>
          <Badge tone={ended ? 'neutral' : 'success'}>{STATUS_LABELS[session.status]}</Badge>
          {!isHost && !ended ? <LeaveSessionButton sessionId={sessionId} kid={kid} /> : null}
          {status === 'retrying' ? (
            <span role="status" className="text-sm text-warning">
              Reconnecting…
            </span>
          ) : null}
        </div>
        {ended ? null : <PresenceAvatars present={present} kid={kid} />}
      </header>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-5">
          {ended ? (
            <SessionResults sessionId={sessionId} kid={kid} />
          ) : session.status === 'live' ? (
            <LiveStory session={session} voting={voting} canBreakTie={isHost || viewer.isParent} kid={kid} />
          ) : (
            <LiveLobby session={session} lobby={lobby} participantId={participantId} isHost={isHost} kid={kid} />
          )}
          {isModerator && !ended ? (
            <HostTools
              session={session}
              participants={participants}
              round={voting.round}
              names={names}
              myUserId={viewer.id}
              isHost={isHost}
            />
          ) : null}
        </div>
        <div className="min-w-0 space-y-5">
          <LiveChat
            sessionId={sessionId}
            mode={effectiveChatMode(session.chat_mode, chatLevel)}
            slowSeconds={session.chat_slow_seconds}
            names={names}
            myUserId={viewer.id}
            isModerator={isModerator}
            readOnly={ended}
            kid={kid}
          />
          {/* The host, and a parent of the host's family as narrator (the database checks which). */}
          {(isHost || viewer.isParent) && !ended ? <AddPhraseForm sessionId={sessionId} /> : null}
        </div>
      </div>
    </div>
  );
}
