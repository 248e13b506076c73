'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { liveKeys } from '@/lib/live/keys';
import { castLobbyVoteAction, openLobbyVoteAction, pickLobbyStoryAction } from '@/lib/live/live-actions';
import { getShortlistCandidates, type LiveSession, type LiveLobby as LobbyData } from '@/lib/live/queries';
import { lobbyLeader, lobbyTally } from '@/lib/live/tally';
import { useLiveStep } from '@/lib/live/use-live-step';
import { createClient } from '@/lib/supabase/client';

/** The host puts 2–4 of the stories they can read on a shortlist and opens the lobby vote. */
function ShortlistPicker({ sessionId }: { sessionId: string }) {
  const candidates = useQuery({
    queryKey: [...liveKeys.session(sessionId), 'candidates'],
    queryFn: () => getShortlistCandidates(createClient()),
  });
  const [picked, setPicked] = useState<string[]>([]);
  const { run, pending, error } = useLiveStep();
  const toggle = (id: string) =>
    setPicked((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));
  return (
    <form
      aria-label="Choose stories for the vote"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => openLobbyVoteAction({ sessionId, storyIds: picked }));
      }}
    >
      <fieldset className="space-y-2">
        <legend className="font-medium">Pick 2 to 4 stories for everyone to vote on</legend>
        {candidates.isPending ? <p className="text-sm text-ink-muted">Loading your stories…</p> : null}
        <ul className="max-h-72 space-y-1 overflow-y-auto">
          {(candidates.data ?? []).map((story) => (
            <li key={story.id}>
              <label className="flex min-h-10 items-center gap-3 rounded-md px-2 hover:bg-surface-muted">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={picked.includes(story.id)}
                  onChange={() => toggle(story.id)}
                />
                <span className="min-w-0 flex-1 truncate">{story.title}</span>
                <span className="text-xs text-ink-muted">{story.age_band}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Button type="submit" disabled={pending || picked.length < 2 || picked.length > 4}>
        {pending ? 'Opening…' : `Open the vote (${picked.length} chosen)`}
      </Button>
      <FormAlert message={error} />
    </form>
  );
}

/** The lobby: the shortlist with its live tally, a vote per person, and the host's start. */
export function LiveLobby({
  session,
  lobby,
  participantId,
  isHost,
  kid,
}: {
  session: LiveSession;
  lobby: LobbyData | null;
  participantId: string;
  isHost: boolean;
  kid: boolean;
}) {
  const { run, pending, error } = useLiveStep();
  const rows = lobby ? lobbyTally(lobby, participantId) : [];
  const leader = lobbyLeader(rows);
  return (
    <section aria-labelledby="lobby-heading" className="space-y-4 rounded-xl border border-line bg-surface p-4 sm:p-5">
      <h2 id="lobby-heading" className={kid ? 'text-2xl font-bold' : 'text-lg font-semibold'}>
        {session.status === 'scheduled' ? 'Waiting for the session to start' : 'Choose a story together'}
      </h2>
      {rows.length ? (
        <ul className="space-y-2" aria-label="Stories to vote on">
          {rows.map((row) => (
            <li key={row.optionId}>
              <Button
                variant={kid ? 'kid' : row.mine ? 'primary' : 'secondary'}
                className="w-full justify-between whitespace-normal text-left"
                aria-pressed={row.mine}
                disabled={pending || !session.lobby_open}
                onClick={() => run(() => castLobbyVoteAction({ sessionId: session.id, storyId: row.storyId }))}
              >
                <span>
                  {row.mine ? '✓ ' : ''}
                  {row.title}
                </span>
                <span data-testid="lobby-votes">
                  {row.votes} {row.votes === 1 ? 'vote' : 'votes'}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-ink-muted">{isHost ? '' : 'The host is choosing stories for the vote.'}</p>
      )}
      {isHost && !rows.length ? <ShortlistPicker sessionId={session.id} /> : null}
      {isHost && leader ? (
        <Button
          disabled={pending}
          onClick={() => run(() => pickLobbyStoryAction({ sessionId: session.id, storyId: leader.storyId }))}
        >
          Start “{leader.title}”
        </Button>
      ) : null}
      <FormAlert message={error} size={kid ? 'kid' : 'default'} />
    </section>
  );
}
