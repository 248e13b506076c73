'use client';

import type { ReactNode } from 'react';
import { updateControlsAction } from '@/app/parent/update-controls-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { Tables } from '@/lib/database.types';
import { controlsSchema } from '@/lib/family/controls.schema';
import { AGE_BAND_LABELS, AGE_BANDS, CHAT_LEVEL_LABELS, CHAT_LEVELS } from '@/lib/family/options';
import { useActionForm } from '@/lib/forms/use-action-form';
import { FieldError } from './field-error';

type Controls = Pick<
  Tables<'parental_controls'>,
  | 'child_id'
  | 'age_band'
  | 'daily_minutes'
  | 'bedtime_start'
  | 'bedtime_end'
  | 'reading_allowed'
  | 'creating_allowed'
  | 'live_sessions_allowed'
  | 'chat_level'
  | 'monthly_credit_allowance'
  | 'approval_above_allowance'
  | 'paused'
>;

function Row({ label, hint, children }: { label: string; hint: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[14rem_1fr] sm:gap-4">
      <div>
        <div className="text-sm font-medium text-ink">{label}</div>
        <p className="text-xs text-ink-subtle">{hint}</p>
      </div>
      <div className="space-y-1">{children}</div>
    </div>
  );
}

const input =
  'max-w-full rounded-md border border-line-strong bg-surface px-2 py-1 text-sm text-ink aria-invalid:border-red-400';

export function ControlsForm({
  childName,
  controls,
  timeZone,
}: {
  childName: string;
  controls: Controls;
  timeZone: string;
}) {
  const { onSubmit, pending, error, fieldErrors, data } = useActionForm(controlsSchema, updateControlsAction);
  const hhmm = (value: string | null) => value?.slice(0, 5) ?? '';

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={`Controls for ${childName}`}>
      <input type="hidden" name="childId" value={controls.child_id} />
      <FormAlert message={error} />
      <Row label="Pause now" hint="While paused, the child cannot read, create or join sessions until you resume.">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="paused" defaultChecked={controls.paused} /> Paused
        </label>
      </Row>
      <Row label="Age band" hint="Stories rated above this band are hidden from the child.">
        <select name="ageBand" defaultValue={controls.age_band} className={input} aria-label="Age band">
          {AGE_BANDS.map((band) => (
            <option key={band} value={band}>
              {AGE_BAND_LABELS[band]}
            </option>
          ))}
        </select>
        <FieldError errors={fieldErrors.ageBand} />
      </Row>
      <Row
        label="Daily reading minutes"
        hint="0 to 600. Counted per day in your family's time zone; approved requests add to that day only."
      >
        <input
          name="dailyMinutes"
          type="number"
          min={0}
          max={600}
          defaultValue={controls.daily_minutes}
          aria-label="Daily reading minutes"
          aria-invalid={Boolean(fieldErrors.dailyMinutes) || undefined}
          className={`${input} w-28`}
        />
        <FieldError errors={fieldErrors.dailyMinutes} />
      </Row>
      <Row
        label="Bedtime"
        hint={`No reading between these times (${timeZone}). An end earlier than the start crosses midnight, e.g. 19:30–07:00. Leave both empty for no bedtime.`}
      >
        <div className="flex items-center gap-2">
          <input
            name="bedtimeStart"
            type="time"
            defaultValue={hhmm(controls.bedtime_start)}
            aria-label="Bedtime starts"
            className={input}
          />
          <span className="text-sm text-ink-subtle">to</span>
          <input
            name="bedtimeEnd"
            type="time"
            defaultValue={hhmm(controls.bedtime_end)}
            aria-label="Bedtime ends"
            className={input}
          />
        </div>
        <FieldError errors={fieldErrors.bedtimeStart ?? fieldErrors.bedtimeEnd} />
      </Row>
      <Row label="Allowed activities" hint="What the child may do when not paused and not in bedtime.">
        <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="readingAllowed" defaultChecked={controls.reading_allowed} /> Reading
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="creatingAllowed" defaultChecked={controls.creating_allowed} /> Creating stories
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="liveSessionsAllowed" defaultChecked={controls.live_sessions_allowed} /> Live
            sessions
          </label>
        </div>
      </Row>
      <Row label="Chat in live sessions" hint="How freely the child may write to others while reading together.">
        <select
          name="chatLevel"
          defaultValue={controls.chat_level}
          className={`${input} w-full sm:w-auto`}
          aria-label="Chat level"
        >
          {CHAT_LEVELS.map((level) => (
            <option key={level} value={level}>
              {CHAT_LEVEL_LABELS[level]}
            </option>
          ))}
        </select>
      </Row>
      <Row label="Monthly credit allowance" hint="Credits the child may spend each month without asking (0 to 10,000).">
        <input
          name="monthlyCreditAllowance"
          type="number"
          min={0}
          max={10000}
          defaultValue={controls.monthly_credit_allowance}
          aria-label="Monthly credit allowance"
          className={`${input} w-28`}
        />
        <FieldError errors={fieldErrors.monthlyCreditAllowance} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="approvalAboveAllowance" defaultChecked={controls.approval_above_allowance} />{' '}
          Above the allowance, ask me instead of refusing
        </label>
      </Row>
      <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : `Save controls for ${childName}`}
        </Button>
        {data && !error ? (
          <span role="status" className="text-sm text-success">
            Saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}
