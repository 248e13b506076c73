'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import type { ActionResult } from '@/lib/actions/action-result';
import { useIdempotencyKey } from '@/lib/credits/use-idempotency-key';
import type { Enums } from '@/lib/database.types';
import { AGE_BAND_LABELS, AGE_BANDS } from '@/lib/family/options';
import { useActionForm } from '@/lib/forms/use-action-form';
import { CAST_MAX, createStorySchema, PROMPT_MAX } from '@/lib/stories/create-story.schema';
import type { StoryJobTicket } from '@/lib/stories/create-story-action';
import { STORY_LENGTH_LABELS, STORY_LENGTHS } from '@/lib/stories/options';
import type { StoryCatalogue } from '@/lib/stories/queries';
import { JobProgressBar } from './job-progress-bar';
import { wizardStyles } from './wizard-styles';

type Props = {
  catalogue: StoryCatalogue;
  action: (input: FormData) => Promise<ActionResult<StoryJobTicket>>;
  /** The bands this writer may choose (a child: theirs and below) and the one chosen first. */
  bands?: readonly Enums<'age_band'>[];
  defaultBand: Enums<'age_band'>;
  /** What the writer can spend: the family's balance, or a child's credits left this month. */
  credits: { amount: number; label: string } | null;
  /** Where finished stories are read: the story's id is appended (a string, as props cross from the server). */
  readerBase: '/stories/' | '/kids/stories/';
  kid?: boolean;
};

/**
 * The creation wizard: an idea (a template or the writer's own words), characters, theme, age band,
 * length and storyteller with its price. It submits once per idempotency key (a double click makes one
 * story), then follows the job's progress live and opens the reader when the story is written.
 */
export function CreateStoryForm({
  catalogue,
  action,
  bands = AGE_BANDS,
  defaultBand,
  credits,
  readerBase,
  kid = false,
}: Props) {
  const router = useRouter();
  const s = wizardStyles(kid);
  const [key, renew] = useIdempotencyKey();
  const [source, setSource] = useState<'template' | 'prompt'>('template');
  const [cast, setCast] = useState<string[]>([]);
  const [modelId, setModelId] = useState(catalogue.models.find((m) => m.featured)?.slug ?? catalogue.models[0]?.slug);
  const [ticket, setTicket] = useState<StoryJobTicket | null>(null);
  const { form, pending, error, fieldErrors } = useActionForm(createStorySchema, action, {
    onSuccess: (data) => {
      setTicket(data);
      renew();
    },
  });
  const model = catalogue.models.find((m) => m.slug === modelId);

  if (ticket) {
    return (
      <div className={s.panel} aria-live="polite">
        <JobProgressBar
          jobId={ticket.jobId}
          label={kid ? 'Writing your story' : 'Writing the story'}
          kid={kid}
          onCompleted={() => router.push(`${readerBase}${ticket.storyId}`)}
        />
      </div>
    );
  }

  function toggle(id: string) {
    setCast((now) => (now.includes(id) ? now.filter((c) => c !== id) : now.length < CAST_MAX ? [...now, id] : now));
  }

  return (
    <form {...form} noValidate aria-label="Create a story" className="space-y-6">
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="characterIds" value={cast.join(',')} />
      <FormAlert message={error} size={kid ? 'kid' : 'default'} />

      <fieldset className={s.panel}>
        <legend className={s.legend}>1. The idea</legend>
        <div className="flex flex-wrap gap-2">
          {(['template', 'prompt'] as const).map((value) => (
            <label key={value} className={s.chip(source === value)}>
              <input
                type="radio"
                name="source"
                value={value}
                checked={source === value}
                onChange={() => setSource(value)}
                className="sr-only"
              />
              {value === 'template' ? 'Pick a story idea' : 'My own idea'}
            </label>
          ))}
        </div>
        {source === 'template' ? (
          <div className="grid gap-2 sm:grid-cols-2">
            {catalogue.templates.map((template, index) => (
              <label key={template.slug} className={s.option}>
                <input
                  type="radio"
                  name="templateId"
                  value={template.slug}
                  defaultChecked={index === 0}
                  className={s.radio}
                />
                <span>
                  <span className={s.optionTitle}>{template.title}</span>
                  <span className={s.optionText}>{template.summary}</span>
                </span>
              </label>
            ))}
            <FieldError errors={fieldErrors.templateId} />
          </div>
        ) : (
          <label className="block space-y-1">
            <span className={s.label}>What should happen in your story?</span>
            <textarea
              name="prompt"
              rows={3}
              maxLength={PROMPT_MAX}
              placeholder="A shy snail who wants to win the garden race"
              aria-invalid={fieldErrors.prompt ? true : undefined}
              className={s.input}
            />
            <FieldError errors={fieldErrors.prompt} />
          </label>
        )}
      </fieldset>

      <fieldset className={s.panel}>
        <legend className={s.legend}>2. Characters</legend>
        <p className={s.hint}>
          Choose 1 to {CAST_MAX}. {cast.length ? `${cast.length} chosen.` : ''}
        </p>
        <div className="flex flex-wrap gap-2">
          {catalogue.characters.map((character) => (
            <label key={character.id} className={s.chip(cast.includes(character.id))}>
              <input
                type="checkbox"
                checked={cast.includes(character.id)}
                onChange={() => toggle(character.id)}
                disabled={!cast.includes(character.id) && cast.length >= CAST_MAX}
                className="sr-only"
              />
              {character.name}
              <span className={s.chipNote}>{character.kind}</span>
            </label>
          ))}
        </div>
        <FieldError errors={fieldErrors.characterIds} />
      </fieldset>

      <fieldset className={`${s.panel} grid gap-4 sm:grid-cols-3`}>
        <legend className={s.legend}>3. Theme, age and length</legend>
        <label className="block space-y-1">
          <span className={s.label}>Theme</span>
          <select name="themeId" className={s.input} defaultValue={catalogue.themes[0]?.slug}>
            {catalogue.themes.map((theme) => (
              <option key={theme.slug} value={theme.slug}>
                {theme.name}
              </option>
            ))}
          </select>
          <FieldError errors={fieldErrors.themeId} />
        </label>
        <label className="block space-y-1">
          <span className={s.label}>Age band</span>
          <select name="ageBand" className={s.input} defaultValue={defaultBand}>
            {bands.map((band) => (
              <option key={band} value={band}>
                {AGE_BAND_LABELS[band]}
              </option>
            ))}
          </select>
          <FieldError errors={fieldErrors.ageBand} />
        </label>
        <label className="block space-y-1">
          <span className={s.label}>Length</span>
          <select name="length" className={s.input} defaultValue="short">
            {STORY_LENGTHS.map((length) => (
              <option key={length} value={length}>
                {STORY_LENGTH_LABELS[length]}
              </option>
            ))}
          </select>
          <FieldError errors={fieldErrors.length} />
        </label>
      </fieldset>

      <fieldset className={s.panel}>
        <legend className={s.legend}>4. Storyteller</legend>
        <div className="grid gap-2" data-testid="price-list">
          {catalogue.models.map((option) => (
            <label key={option.slug} className={s.option}>
              <input
                type="radio"
                name="modelId"
                value={option.slug}
                checked={modelId === option.slug}
                onChange={() => setModelId(option.slug)}
                className={s.radio}
              />
              <span>
                <span className={s.optionTitle}>
                  {option.name}
                  {option.premium ? ' (premium plans)' : ''}
                </span>
                <span className={s.optionText}>{option.description}</span>
                <span className={s.price}>
                  {option.story_credits} credits a new story · {option.branch_credits} to continue a branch
                </span>
              </span>
            </label>
          ))}
        </div>
        <FieldError errors={fieldErrors.modelId} />
        {credits ? (
          <p className={s.hint} data-testid="credits-available">
            {credits.label}: <strong>{credits.amount}</strong> credits
          </p>
        ) : null}
      </fieldset>

      <Button type="submit" variant={kid ? 'kid' : 'primary'} disabled={pending || !key}>
        {pending ? 'Sending…' : `Write my story${model ? ` (${model.story_credits} credits)` : ''}`}
      </Button>
    </form>
  );
}
