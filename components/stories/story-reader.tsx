'use client';

import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useIdempotencyKey } from '@/lib/credits/use-idempotency-key';
import { storyKeys } from '@/lib/stories/keys';
import { choicesFrom, otherEndings, pathTo, resumePath, stepBack, takeChoice } from '@/lib/stories/reading-path';
import { continueStoryAction, saveReadingPathAction } from '@/lib/stories/story-reader-actions';
import type { ReaderChoice, ReaderData } from '@/lib/stories/story-reader-query';
import { useReaderStory } from '@/lib/stories/use-reader-story';
import { JobProgressBar } from './job-progress-bar';
import { ReadAloudControls } from './read-aloud-controls';
import { readerStyles } from './reader-styles';
import { ReportPageForm } from './report-page-form';
import { StoryMap } from './story-map';
import { StoryPageView } from './story-page-view';
import { WhyShown } from './why-shown';

/** Kid mode's reading time around the story (KidStoryReader): a bar above it, and what replaces a page's choices when the child may not read on. */
export type ReadingGate = { bar: ReactNode; stopAt: (segmentId: string) => ReactNode | null };

export type StoryReaderProps = {
  storyId: string;
  /** Who is reading (read-aloud remembers their voice and speed). */
  readerId: string;
  initial: ReaderData;
  /** Where the reader left off (reading_progress.path), or null on a first visit. */
  savedPath: string[] | null;
  /** Kid mode: big targets. */
  kid?: boolean;
  /** Kid mode's reading time: with it, the choices give way to "to be continued" when reading stops. */
  gate?: ReadingGate;
  /** What exploring an unexplored choice costs with this story's storyteller. */
  branchCredits: number;
  /** Whether this reader may ask for a continuation (a family story that is ready). */
  canExplore: boolean;
  /** For a story that is not ready: the job writing it (its progress, or its failure and "Try again"). */
  jobId?: string | null;
};

/**
 * Reads a branching story one page at a time: the picture, the text and the choices as big buttons.
 * Every step is bookmarked (reading_progress, checked against the graph by the database), so the
 * reader resumes exactly there; an unexplored choice can be written on the spot (a continuation job
 * with live progress); the story map shows the whole graph and jumps to any page already reachable.
 */
export function StoryReader({
  storyId,
  readerId,
  initial,
  savedPath,
  kid = false,
  gate,
  branchCredits,
  canExplore,
  jobId = null,
}: StoryReaderProps) {
  const s = readerStyles(kid);
  const queryClient = useQueryClient();
  const { data } = useReaderStory(storyId, initial);
  const { story, pictures } = data;
  const [path, setPath] = useState(() => resumePath(story, savedPath));
  const [saveError, setSaveError] = useState<string | null>(null);
  const [showMap, setShowMap] = useState(false);
  const [exploreKey, renewExploreKey] = useIdempotencyKey();
  const [exploring, setExploring] = useState<{ choiceId: string; jobId: string } | null>(null);
  const [exploreError, setExploreError] = useState<string | null>(null);
  const [asking, startAsking] = useTransition();
  const [reported, setReported] = useState(false);

  const segments = useMemo(() => new Map(story.story_segments.map((g) => [g.id, g])), [story]);
  // The saved path may hold a page that was hidden since (a report): stop before it.
  const livePath = useMemo(() => resumePath(story, path), [story, path]);
  const current = segments.get(livePath[livePath.length - 1] ?? '');

  // The page a reader opens on is bookmarked too, not only the pages they step to: a first visit (or a
  // saved path cut short by a rewrite) leaves the place to resume from, and the kid reader's "more
  // time" request names this page (the database checks it against the bookmark; once reading time is
  // up the bookmark can no longer be written, since the story is then out of reach).
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || livePath.length === 0) return;
    opened.current = true;
    if (savedPath && savedPath.length === livePath.length && savedPath.every((id, i) => id === livePath[i])) return;
    void saveReadingPathAction({ storyId, path: livePath }).then((result) => {
      if (!result.ok) setSaveError(result.error);
    });
  }, [livePath, savedPath, storyId]);

  function go(next: string[]) {
    setPath(next);
    setExploreError(null);
    setSaveError(null);
    setReported(false);
    void saveReadingPathAction({ storyId, path: next }).then((result) => {
      if (!result.ok) setSaveError(result.error);
    });
    window.scrollTo({ top: 0, behavior: 'smooth' });
  }

  function choose(choice: ReaderChoice) {
    const next = takeChoice(story, livePath, choice.id);
    if (next) go(next);
  }

  function explore(choice: ReaderChoice) {
    setExploreError(null);
    startAsking(async () => {
      const result = await continueStoryAction({ choiceId: choice.id, idempotencyKey: exploreKey });
      if (!result.ok) {
        setExploreError(result.error);
        return;
      }
      renewExploreKey();
      setExploring({ choiceId: choice.id, jobId: result.data.jobId });
    });
  }

  async function explored(choiceId: string) {
    await queryClient.refetchQueries({ queryKey: storyKeys.story(storyId) });
    const fresh = queryClient.getQueryData<ReaderData>(storyKeys.story(storyId));
    setExploring(null);
    const next = fresh ? takeChoice(fresh.story, livePath, choiceId) : null;
    if (next) go(next);
  }

  if (story.status !== 'ready' || !current) {
    return (
      <div className={s.frame}>
        <h1 className={s.title}>{story.title}</h1>
        <p role="status" className={s.note}>
          {story.status === 'failed'
            ? "This story couldn't be written."
            : story.status === 'generating'
              ? 'This story is still being written. It will be ready in a moment.'
              : 'This story has no pages to read yet.'}
        </p>
        {jobId && story.status !== 'ready' ? (
          <JobProgressBar
            jobId={jobId}
            label="Writing the story"
            kid={kid}
            onCompleted={() => void queryClient.refetchQueries({ queryKey: storyKeys.story(storyId) })}
          />
        ) : null}
      </div>
    );
  }

  const choices = choicesFrom(story, current.id);
  const endings = current.is_ending ? otherEndings(story, livePath) : [];
  // The page on screen is finished; moving on waits (the page was bookmarked when it opened).
  const stop = current.is_ending ? null : (gate?.stopAt(current.id) ?? null);
  return (
    <div className={s.frame}>
      {gate?.bar}
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className={s.title}>{story.title}</h1>
          <p className={s.meta} data-testid="page-number">
            Page {livePath.length}
            {story.themes ? ` · ${story.themes.name}` : ''}
          </p>
        </div>
        <Button
          variant="secondary"
          size={kid ? 'kid' : 'md'}
          onClick={() => setShowMap((on) => !on)}
          aria-expanded={showMap}
          disabled={Boolean(stop)}
        >
          {showMap ? 'Hide the story map' : 'Story map'}
        </Button>
      </header>

      {showMap && !stop ? (
        <StoryMap
          story={story}
          path={livePath}
          kid={kid}
          onJump={(segmentId) => {
            const next = pathTo(story, segmentId);
            if (next) {
              setShowMap(false);
              go(next);
            }
          }}
        />
      ) : null}

      <StoryPageView
        segment={current}
        pictureUrl={current.illustration_path ? (pictures[current.illustration_path] ?? null) : null}
        pageNumber={livePath.length}
        styles={s}
      />
      <ReadAloudControls profileId={readerId} text={current.text} kid={kid} />
      <FormAlert message={saveError} size={kid ? 'kid' : 'default'} />
      {kid ? null : <WhyShown key={current.id} segmentId={current.id} />}

      {stop ? (
        stop
      ) : current.is_ending ? (
        <section aria-labelledby="the-end" className="space-y-3" data-testid="story-end">
          <h2 id="the-end" className={s.title}>
            The end
          </h2>
          {endings.length ? (
            <>
              <p className={s.small}>This story has other endings too. Want to find one?</p>
              <ul className="space-y-2">
                {endings.map((ending, index) => {
                  const way = pathTo(story, ending.id);
                  return way ? (
                    <li key={ending.id}>
                      <button type="button" className={s.choice} onClick={() => go(way)}>
                        Another ending ({index + 1})<span aria-hidden="true">→</span>
                      </button>
                    </li>
                  ) : null;
                })}
              </ul>
            </>
          ) : null}
        </section>
      ) : (
        <section aria-labelledby="choices-heading" className="space-y-3">
          <h2
            id="choices-heading"
            className={kid ? 'text-2xl font-black text-kid-ink' : 'text-base font-semibold text-ink'}
          >
            What happens next?
          </h2>
          <FormAlert message={exploreError} size={kid ? 'kid' : 'default'} />
          <ul className="space-y-3">
            {choices.map((choice) => {
              const leadsTo = choice.to_segment_id ? segments.get(choice.to_segment_id) : undefined;
              if (leadsTo) {
                return (
                  <li key={choice.id}>
                    <button type="button" className={s.choice} onClick={() => choose(choice)}>
                      {choice.label}
                      <span aria-hidden="true">→</span>
                    </button>
                  </li>
                );
              }
              if (choice.to_segment_id) {
                // Behind it is a page hidden after a report, being rewritten.
                return (
                  <li key={choice.id}>
                    <button type="button" className={s.unexplored} disabled>
                      {choice.label}
                      <span className="text-base font-normal">being rewritten</span>
                    </button>
                  </li>
                );
              }
              return (
                <li key={choice.id} className="space-y-2">
                  <button
                    type="button"
                    className={s.unexplored}
                    onClick={() => explore(choice)}
                    disabled={!canExplore || asking || Boolean(exploring) || !exploreKey}
                  >
                    <span>
                      {choice.label}
                      <span className="block text-base font-normal">
                        {canExplore
                          ? `Not written yet: continue this branch (${branchCredits} ${branchCredits === 1 ? 'credit' : 'credits'})`
                          : 'Not written yet'}
                      </span>
                    </span>
                    <span aria-hidden="true">✨</span>
                  </button>
                  {exploring?.choiceId === choice.id ? (
                    <JobProgressBar
                      jobId={exploring.jobId}
                      label="Writing what happens next"
                      kid={kid}
                      onCompleted={() => void explored(choice.id)}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <nav aria-label="Story controls" className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          size={kid ? 'kid' : 'md'}
          onClick={() => go(stepBack(livePath))}
          disabled={livePath.length < 2 || Boolean(stop)}
        >
          Back
        </Button>
        <Button
          variant={s.quiet}
          size={kid ? 'kid' : 'md'}
          onClick={() => go(livePath.slice(0, 1))}
          disabled={livePath.length < 2 || Boolean(stop)}
        >
          Start again
        </Button>
      </nav>
      <ReportPageForm
        key={current.id}
        segmentId={current.id}
        kid={kid}
        onReported={() => {
          setReported(true);
          void queryClient.invalidateQueries({ queryKey: storyKeys.story(storyId) });
        }}
      />
      {reported ? (
        <p role="status" className={s.small}>
          Thank you for telling us. That page is hidden now and will be written again.
        </p>
      ) : null}
    </div>
  );
}
