'use client';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { breakTieAction } from '@/lib/live/live-actions';
import type { LiveRound, LiveSegment } from '@/lib/live/queries';
import { ballot } from '@/lib/live/tally';
import { useLiveStep } from '@/lib/live/use-live-step';
import { Countdown } from './countdown';

/**
 * The choices of the page being read: waiting for a vote, voting (my pick marked, live tally or "hidden
 * until the reveal", the countdown), closed, then the reveal with the winner (and, for the host or
 * narrator, a tie to break before the session moves on).
 */
export function LiveVoting({
  segment,
  round,
  offsetMs,
  vote,
  canBreakTie,
  kid,
}: {
  segment: LiveSegment;
  round: LiveRound | null;
  offsetMs: number;
  vote: (choiceId: string) => Promise<string | null>;
  canBreakTie: boolean;
  kid: boolean;
}) {
  const { run, pending, error, setError } = useLiveStep();
  const active = round && round.segment_id === segment.id && round.status !== 'cancelled' && round.status !== 'applied';
  const rows = ballot(segment.story_choices, active ? round : null);
  const heading = kid ? 'text-2xl font-bold' : 'text-lg font-semibold';
  if (!segment.story_choices.length) return null;

  return (
    <section aria-labelledby="vote-heading" className="space-y-3" data-testid="live-voting">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="vote-heading" className={heading}>
          {!active
            ? 'What happens next?'
            : round.status === 'open'
              ? 'Vote: what happens next?'
              : round.status === 'locked'
                ? 'Voting has closed'
                : 'The results'}
        </h2>
        {active && round.status === 'open' ? (
          <Countdown
            closesAt={round.closes_at}
            pausedAt={round.paused_at}
            offsetMs={offsetMs}
            className={kid ? 'text-2xl font-black' : 'font-mono text-lg font-semibold'}
          />
        ) : null}
      </div>
      {!active ? <p className="text-ink-muted">Waiting for the host to open the vote.</p> : null}
      {active && round.status === 'open' && round.results_visibility === 'hidden' ? (
        <p className="text-ink-muted">Results hidden until the reveal.</p>
      ) : null}
      <ul className="space-y-2" aria-label="Choices">
        {rows.map((choice) => {
          const mine = Boolean(active && round.myChoiceId === choice.id);
          const open = Boolean(active && round.status === 'open' && !round.paused_at);
          return (
            <li key={choice.id}>
              <button
                type="button"
                disabled={!open}
                aria-pressed={active ? mine : undefined}
                onClick={() => {
                  setError(null);
                  void vote(choice.id).then(setError);
                }}
                className={`relative flex w-full items-center justify-between gap-3 overflow-hidden text-left disabled:cursor-default ${
                  kid
                    ? 'min-h-16 rounded-kid px-5 py-3 text-xl font-bold'
                    : 'min-h-12 rounded-lg px-4 py-2.5 font-semibold'
                } ${mine || choice.winner ? 'bg-accent text-accent-ink' : 'border border-line-strong bg-surface text-ink'}`}
              >
                {choice.votes !== null ? (
                  <span
                    aria-hidden="true"
                    className="absolute inset-y-0 left-0 bg-accent/20"
                    style={{ width: `${Math.round(choice.share * 100)}%` }}
                  />
                ) : null}
                <span className="relative">
                  {mine ? '✓ ' : ''}
                  {choice.winner ? '★ ' : ''}
                  {choice.label}
                </span>
                {choice.votes !== null ? (
                  <span className="relative shrink-0" data-testid="choice-votes">
                    {choice.votes} {choice.votes === 1 ? 'vote' : 'votes'}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      {active && round.status === 'revealed' ? (
        <p role="status" className={kid ? 'text-xl' : ''}>
          {round.tied_choice_ids?.length
            ? 'It was a tie: the first choice on the page wins unless the host picks. '
            : ''}
          The story goes on with “{rows.find((c) => c.winner)?.label ?? 'the winning choice'}”.
        </p>
      ) : null}
      {active && round.status === 'revealed' && canBreakTie && round.tied_choice_ids?.length ? (
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">Break the tie</legend>
          {rows
            .filter((c) => round.tied_choice_ids?.includes(c.id) && !c.winner)
            .map((c) => (
              <Button
                key={c.id}
                variant="secondary"
                disabled={pending}
                onClick={() => run(() => breakTieAction({ roundId: round.id, choiceId: c.id }))}
              >
                Pick “{c.label}” instead
              </Button>
            ))}
        </fieldset>
      ) : null}
      <FormAlert message={error} size={kid ? 'kid' : 'default'} />
    </section>
  );
}
