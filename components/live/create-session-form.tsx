'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/lib/forms/use-action-form';
import { createSessionSchema, VOTE_SECONDS } from '@/lib/live/live.schema';
import { createLiveSessionAction } from '@/lib/live/live-actions';
import { CHAT_MODE_OPTIONS, RESULTS_OPTIONS } from '@/lib/live/options';

/** A grown-up starts a session now (straight to its lobby) or schedules one. */
export function CreateSessionForm() {
  const router = useRouter();
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const { form, pending, error, fieldErrors } = useActionForm(createSessionSchema, createLiveSessionAction, {
    onSuccess: ({ sessionId }) => router.push(`/live/${sessionId}`),
  });
  return (
    <form {...form} aria-label="Start a live session" className="space-y-4">
      <TextField
        label="Title"
        name="title"
        maxLength={80}
        required
        errors={fieldErrors.title}
        placeholder="Story night"
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink">When</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(['now', 'later'] as const).map((value) => (
            <label key={value} className="inline-flex min-h-8 items-center gap-2">
              <input type="radio" name="when" value={value} checked={when === value} onChange={() => setWhen(value)} />
              {value === 'now' ? 'Start now' : 'Schedule for later'}
            </label>
          ))}
        </div>
      </fieldset>
      {when === 'later' ? (
        <TextField
          label="Starts at"
          name="scheduledStart"
          type="datetime-local"
          required
          errors={fieldErrors.scheduledStart}
          hint="On this device's clock, at most 90 days ahead."
        />
      ) : null}
      {/* The device's offset turns the zone-less datetime-local value into an instant (createSessionSchema). */}
      <input type="hidden" name="offsetMinutes" value={new Date().getTimezoneOffset()} suppressHydrationWarning />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Vote length (seconds)"
          name="voteSeconds"
          type="number"
          min={VOTE_SECONDS.min}
          max={VOTE_SECONDS.max}
          defaultValue={VOTE_SECONDS.default}
          errors={fieldErrors.voteSeconds}
        />
        <SelectField label="Chat" name="chatMode" options={CHAT_MODE_OPTIONS} defaultValue="filtered" />
        <SelectField label="Vote results" name="resultsVisibility" options={RESULTS_OPTIONS} defaultValue="live" />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Starting…' : when === 'now' ? 'Start the session' : 'Schedule the session'}
      </Button>
      <FormAlert message={error} />
    </form>
  );
}
