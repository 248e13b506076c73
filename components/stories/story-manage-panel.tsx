'use client';

import { Button } from '@/components/ui/button';
import { inputClasses } from '@/components/ui/field';
import { FormAlert, FormStatus } from '@/components/ui/form-alert';
import type { Enums } from '@/lib/database.types';
import { useActionForm } from '@/lib/forms/use-action-form';
import { renameStorySchema, STORY_TITLE_MAX, storyVisibilitySchema } from '@/lib/stories/library.schema';
import { renameStoryAction, setStoryVisibilityAction } from '@/lib/stories/library-actions';
import { StoryActionButton } from './story-action-button';

const WHO_READS: Record<'private' | 'family', string> = {
  private: 'Only its author and the parents',
  family: 'The whole family',
};

type ManagedStory = {
  id: string;
  title: string;
  visibility: Enums<'story_visibility'>;
  status: Enums<'story_status'>;
};

export type PublicRequestState = { status: string; review_note: string | null } | null;

/** A family story's housekeeping on its library card: title, who reads it, the public library, trash. */
export function StoryManagePanel({ story, request }: { story: ManagedStory; request: PublicRequestState }) {
  const isPublic = story.visibility === 'public';
  const pending = request?.status === 'pending';
  return (
    <details className="text-sm" data-testid="manage-story">
      <summary className="min-h-8 cursor-pointer py-1 font-medium text-accent-strong">Manage “{story.title}”</summary>
      <div className="mt-2 space-y-4">
        {isPublic || pending ? (
          <p className="text-ink-muted">
            {isPublic
              ? 'The title stays as a moderator approved it while the story is public.'
              : 'The title stays as it is while a moderator reads the story.'}
          </p>
        ) : (
          <RenameForm story={story} />
        )}

        <section aria-label="Who reads it" className="space-y-2">
          {isPublic ? (
            <>
              <p className="text-ink">Everyone: it is in the public library.</p>
              <StoryActionButton kind="backToFamily" storyId={story.id} title={story.title} />
            </>
          ) : (
            <>
              <VisibilityForm story={story as ManagedStory & { visibility: 'private' | 'family' }} />
              <PublicRequest story={story} request={request} />
            </>
          )}
        </section>

        <StoryActionButton kind="trash" storyId={story.id} title={story.title} />
      </div>
    </details>
  );
}

function RenameForm({ story }: { story: ManagedStory }) {
  const { form, pending, error, fieldErrors, data } = useActionForm(renameStorySchema, renameStoryAction);
  return (
    <form {...form} noValidate aria-label={`Rename “${story.title}”`} className="space-y-2">
      <input type="hidden" name="storyId" value={story.id} />
      <FormAlert message={error} />
      <label className="block space-y-1">
        <span className="block font-medium text-ink">Title</span>
        <input
          name="title"
          defaultValue={story.title}
          maxLength={STORY_TITLE_MAX + 20}
          aria-invalid={fieldErrors.title ? true : undefined}
          className={inputClasses}
        />
      </label>
      {fieldErrors.title ? <p className="text-xs text-danger">{fieldErrors.title[0]}</p> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" disabled={pending}>
          Rename
        </Button>
        <FormStatus message={data ? 'Renamed.' : null} />
      </div>
    </form>
  );
}

function VisibilityForm({ story }: { story: ManagedStory & { visibility: 'private' | 'family' } }) {
  const { form, pending, error, data } = useActionForm(storyVisibilitySchema, setStoryVisibilityAction);
  return (
    <form {...form} noValidate aria-label={`Who reads “${story.title}”`} className="space-y-2">
      <input type="hidden" name="storyId" value={story.id} />
      <FormAlert message={error} />
      <label className="block space-y-1">
        <span className="block font-medium text-ink">Who reads it</span>
        <select name="visibility" defaultValue={story.visibility} className={inputClasses}>
          {(['private', 'family'] as const).map((value) => (
            <option key={value} value={value}>
              {WHO_READS[value]}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          Save
        </Button>
        <FormStatus message={data ? 'Saved.' : null} />
      </div>
    </form>
  );
}

function PublicRequest({ story, request }: { story: ManagedStory; request: PublicRequestState }) {
  if (request?.status === 'pending') {
    return (
      <p role="status" className="text-ink-muted" data-testid="public-request-status">
        Waiting for a moderator to read it for the public library.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      {request?.status === 'rejected' ? (
        <p className="text-ink-muted" data-testid="public-request-status">
          A moderator did not approve it for the public library
          {request.review_note ? `: “${request.review_note}”` : '.'}
        </p>
      ) : null}
      {story.status === 'ready' ? (
        <StoryActionButton kind="requestPublic" storyId={story.id} title={story.title} />
      ) : null}
    </div>
  );
}
