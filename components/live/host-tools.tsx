'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { type RoundStep, VOTE_SECONDS } from '@/lib/live/live.schema';
import {
  banParticipantAction,
  endLiveSessionAction,
  openRoundAction,
  passHostAction,
  roundStepAction,
  setParticipantRoleAction,
  timeoutParticipantAction,
  vetoChoiceAction,
} from '@/lib/live/live-actions';
import type { PresenceMe } from '@/lib/live/live-channel';
import { ROLE_LABELS } from '@/lib/live/options';
import type { LiveParticipant, LiveRound, LiveSegment, LiveSession } from '@/lib/live/queries';
import { useLiveSegment } from '@/lib/live/use-live-segment';
import { useLiveStep } from '@/lib/live/use-live-step';

/** The host's controls of the vote: open (with its timer), lock, reveal, apply, pause, cancel, veto. */
function RoundTools({
  session,
  segment,
  round,
}: {
  session: LiveSession;
  segment: LiveSegment | null;
  round: LiveRound | null;
}) {
  const { run, pending, error } = useLiveStep();
  const [seconds, setSeconds] = useState(String(session.vote_seconds));
  const active = round && round.status !== 'cancelled' && round.status !== 'applied' ? round : null;
  const step = (name: RoundStep, label: string, variant: 'primary' | 'secondary' | 'danger' = 'secondary') =>
    active ? (
      <Button
        variant={variant}
        disabled={pending}
        onClick={() => run(() => roundStepAction({ roundId: active.id, step: name }))}
      >
        {label}
      </Button>
    ) : null;

  if (session.status !== 'live' || !segment || segment.is_ending || !segment.story_choices.length) return null;
  return (
    <div className="space-y-3">
      {!active && !session.pending_choice_id ? (
        <form
          aria-label="Open a vote"
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => openRoundAction({ sessionId: session.id, seconds: Number(seconds) }));
          }}
        >
          <TextField
            label="Vote length (seconds)"
            name="seconds"
            type="number"
            min={VOTE_SECONDS.min}
            max={VOTE_SECONDS.max}
            value={seconds}
            onChange={(event) => setSeconds(event.target.value)}
            className="w-32"
          />
          <Button type="submit" disabled={pending}>
            Open the vote
          </Button>
        </form>
      ) : null}
      {!active && !session.pending_choice_id ? (
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">Take a choice off the ballot</legend>
          {segment.story_choices.map((choice) => (
            <Button
              key={choice.id}
              variant="quiet"
              size="sm"
              disabled={pending}
              onClick={() => run(() => vetoChoiceAction({ sessionId: session.id, choiceId: choice.id }))}
            >
              Veto “{choice.label}”
            </Button>
          ))}
        </fieldset>
      ) : null}
      {active ? (
        <div className="flex flex-wrap gap-2">
          {active.status === 'open' ? step('lock', 'Close the vote now', 'primary') : null}
          {active.status === 'open' && !active.paused_at ? step('pause', 'Pause') : null}
          {active.status === 'open' && active.paused_at ? step('resume', 'Resume') : null}
          {active.status === 'locked' ? step('reveal', 'Reveal the results', 'primary') : null}
          {active.status === 'revealed' ? step('apply', 'Go to the next page', 'primary') : null}
          {step('cancel', 'Cancel the vote', 'danger')}
        </div>
      ) : null}
      {session.auto_advance ? (
        <p className="text-sm text-ink-muted">When the timer runs out the results are shown and everyone moves on.</p>
      ) : null}
      <FormAlert message={error} />
    </div>
  );
}

/** Who is in the session, with the host's and moderators' tools per person. */
function PeopleTools({
  session,
  participants,
  names,
  myUserId,
  isHost,
}: {
  session: LiveSession;
  participants: LiveParticipant[];
  names: Map<string, PresenceMe>;
  myUserId: string;
  isHost: boolean;
}) {
  const { run, pending, error } = useLiveStep();
  const present = participants.filter((p) => !p.left_at && !p.banned_at);
  return (
    <div className="space-y-2">
      <h3 className="font-medium">People</h3>
      <ul className="divide-y divide-line" aria-label="Participants">
        {present.map((p) => {
          const person = names.get(p.user_id);
          const name = person?.name ?? 'Someone (not on the page)';
          const other = p.user_id !== myUserId && p.role !== 'host';
          return (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="min-w-0 truncate text-sm">
                {name} <span className="text-ink-muted">· {ROLE_LABELS[p.role]}</span>
              </span>
              {other ? (
                <span className="flex flex-wrap gap-1">
                  {/* Moderating is a grown-up's job: children are never offered it. */}
                  {isHost && person && !person.is_child ? (
                    <Button
                      size="sm"
                      variant="quiet"
                      disabled={pending}
                      onClick={() =>
                        run(() =>
                          setParticipantRoleAction({
                            sessionId: session.id,
                            userId: p.user_id,
                            role: p.role === 'moderator' ? 'viewer' : 'moderator',
                          }),
                        )
                      }
                    >
                      {p.role === 'moderator' ? 'Make viewer' : 'Make moderator'}
                    </Button>
                  ) : null}
                  {isHost && person && !person.is_child ? (
                    <Button
                      size="sm"
                      variant="quiet"
                      disabled={pending}
                      onClick={() => run(() => passHostAction({ sessionId: session.id, userId: p.user_id }))}
                    >
                      Pass host
                    </Button>
                  ) : null}
                  <Button
                    size="sm"
                    variant="quiet"
                    disabled={pending}
                    aria-label={`Timeout 5 min: ${name} may not chat for 5 minutes`}
                    onClick={() =>
                      run(() => timeoutParticipantAction({ sessionId: session.id, userId: p.user_id, seconds: 300 }))
                    }
                  >
                    Timeout 5 min
                  </Button>
                  <Button
                    size="sm"
                    variant="danger"
                    disabled={pending}
                    aria-label={`Ban ${name} from this session`}
                    onClick={() => {
                      if (window.confirm(`Ban ${name} from this session? They cannot come back.`))
                        run(() => banParticipantAction({ sessionId: session.id, userId: p.user_id }));
                    }}
                  >
                    Ban
                  </Button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <FormAlert message={error} />
    </div>
  );
}

/** The host's and moderators' panel: the vote, the people, and the end of the session. */
export function HostTools({
  session,
  participants,
  round,
  names,
  myUserId,
  isHost,
}: {
  session: LiveSession;
  participants: LiveParticipant[];
  round: LiveRound | null;
  names: Map<string, PresenceMe>;
  myUserId: string;
  isHost: boolean;
}) {
  const { segment } = useLiveSegment(session.id, session.current_segment_id);
  const { run, pending, error } = useLiveStep();
  return (
    <section
      aria-labelledby="host-tools-heading"
      className="space-y-4 rounded-xl border border-line bg-surface p-4 sm:p-5"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="host-tools-heading" className="text-lg font-semibold">
          {isHost ? 'Host tools' : 'Moderator tools'}
        </h2>
        <p className="text-sm">
          Join code{' '}
          <code className="font-mono text-base font-semibold tracking-widest" data-testid="live-join-code">
            {session.join_code}
          </code>
        </p>
      </div>
      {isHost ? <RoundTools session={session} segment={segment} round={round} /> : null}
      <PeopleTools session={session} participants={participants} names={names} myUserId={myUserId} isHost={isHost} />
      {isHost ? (
        <Button
          variant="danger"
          disabled={pending}
          onClick={() => {
            if (window.confirm('End this session for everyone?'))
              run(() => endLiveSessionAction({ sessionId: session.id }));
          }}
        >
          End the session
        </Button>
      ) : null}
      <FormAlert message={error} />
    </section>
  );
}
