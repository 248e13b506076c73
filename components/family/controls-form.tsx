'use client';

import type { ReactNode } from 'react';
import { updateControlsAction } from '@/app/parent/update-controls-action';
import { Button } from '@/components/ui/button';
import { FieldError, inputClasses } from '@/components/ui/field';
import { FormAlert, FormStatus } from '@/components/ui/form-alert';
import type { Tables } from '@/lib/database.types';
import { controlsSchema } from '@/lib/family/controls.schema';
import { AGE_BAND_LABELS, AGE_BANDS, CHAT_LEVEL_LABELS, CHAT_LEVELS } from '@/lib/family/options';
import { useInvalidateFamily } from '@/lib/family/use-invalidate-family';
import { useActionForm } from '@/lib/forms/use-action-form';

export type Controls = Pick<
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
>;

function Row({
  label,
  hint,
  htmlFor,
  children,
}: {
  label: ReactNode;
  hint: ReactNode;
  htmlFor?: string;
  children: ReactNode;
}) {
  const Label = htmlFor ? 'label' : 'div';
  return (
    <div className="grid gap-1 py-3 first:pt-0 sm:grid-cols-[15rem_minmax(0,1fr)] sm:gap-4">
      <div>
        <Label htmlFor={htmlFor} className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {label}
        </Label>
        <p className="text-xs text-ink-subtle">{hint}</p>
      </div>
      <div className="space-y-1">{children}</div>
    </div>
  );
}

const check = 'size-4 accent-accent';

export function ControlsForm({
  childName,
  controls,
  timeZone,
}: {
  childName: string;
  controls: Controls;
  timeZone: string;
}) {
  const { form, pending, error, fieldErrors, data } = useActionForm(controlsSchema, updateControlsAction, {
    warnUnsaved: true,
    onSuccess: useInvalidateFamily(),
  });
  const hhmm = (value: string | null) => value?.slice(0, 5) ?? '';
  const id = `controls-${controls.child_id}`;

  return (
    <form {...form} noValidate aria-label={`Controls for ${childName}`}>
      <input type="hidden" name="childId" value={controls.child_id} />
      <FormAlert message={error} />
      <div className="divide-y divide-line">
        <Row
          label="Daily reading minutes"
          htmlFor={`${id}-minutes`}
          hint={`0 to 600, counted per day in ${timeZone}. Approved requests add to that day only.`}
        >
          <input
            id={`${id}-minutes`}
            name="dailyMinutes"
            inputMode="numeric"
            defaultValue={controls.daily_minutes}
            aria-invalid={Boolean(fieldErrors.dailyMinutes) || undefined}
            className={`${inputClasses} w-28`}
          />
          <FieldError errors={fieldErrors.dailyMinutes} />
        </Row>
        <Row
          label="Bedtime"
          hint="No reading between these times. An end earlier than the start crosses midnight (19:30 to 07:00). Leave both empty for none."
        >
          <div className="flex flex-wrap items-center gap-2">
            <input
              name="bedtimeStart"
              type="time"
              defaultValue={hhmm(controls.bedtime_start)}
              aria-label="Bedtime starts"
              className={`${inputClasses} w-auto`}
            />
            <span className="text-sm text-ink-subtle">to</span>
            <input
              name="bedtimeEnd"
              type="time"
              defaultValue={hhmm(controls.bedtime_end)}
              aria-label="Bedtime ends"
              className={`${inputClasses} w-auto`}
            />
          </div>
          <FieldError errors={fieldErrors.bedtimeStart ?? fieldErrors.bedtimeEnd} />
        </Row>
        <Row label="Age band" htmlFor={`${id}-band`} hint="Stories rated above this band are hidden from your child.">
          <select
            id={`${id}-band`}
            name="ageBand"
            defaultValue={controls.age_band}
            className={`${inputClasses} w-auto`}
          >
            {AGE_BANDS.map((band) => (
              <option key={band} value={band}>
                {AGE_BAND_LABELS[band]}
              </option>
            ))}
          </select>
          <FieldError errors={fieldErrors.ageBand} />
        </Row>
        <Row label="Allowed activities" hint="What your child may do outside bedtime and while not paused.">
          <div className="flex flex-col gap-2 text-sm">
            <label className="flex min-h-6 items-center gap-2">
              <input
                type="checkbox"
                name="readingAllowed"
                defaultChecked={controls.reading_allowed}
                className={check}
              />{' '}
              Reading
            </label>
            <label className="flex min-h-6 flex-wrap items-center gap-2">
              <input
                type="checkbox"
                name="creatingAllowed"
                defaultChecked={controls.creating_allowed}
                className={check}
              />{' '}
              Creating stories
            </label>
            <label className="flex min-h-6 flex-wrap items-center gap-2">
              <input
                type="checkbox"
                name="liveSessionsAllowed"
                defaultChecked={controls.live_sessions_allowed}
                className={check}
              />{' '}
              Reading together in live sessions
            </label>
          </div>
        </Row>
        <Row label="Chat in live sessions" htmlFor={`${id}-chat`} hint="Always wins over a session's own chat setting.">
          <select id={`${id}-chat`} name="chatLevel" defaultValue={controls.chat_level} className={inputClasses}>
            {CHAT_LEVELS.map((level) => (
              <option key={level} value={level}>
                {CHAT_LEVEL_LABELS[level]}
              </option>
            ))}
          </select>
        </Row>
        <Row
          label="Monthly credit allowance"
          htmlFor={`${id}-credits`}
          hint="Credits your child may spend each month without asking (0 to 10,000)."
        >
          <input
            id={`${id}-credits`}
            name="monthlyCreditAllowance"
            inputMode="numeric"
            defaultValue={controls.monthly_credit_allowance}
            aria-invalid={Boolean(fieldErrors.monthlyCreditAllowance) || undefined}
            className={`${inputClasses} w-28`}
          />
          <FieldError errors={fieldErrors.monthlyCreditAllowance} />
          <label className="flex min-h-6 items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="approvalAboveAllowance"
              defaultChecked={controls.approval_above_allowance}
              className={check}
            />{' '}
            Above the allowance, ask me instead of refusing
          </label>
        </Row>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-3 border-t border-line pt-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save controls'}
        </Button>
        {data && !error ? <FormStatus message="Saved." /> : null}
      </div>
    </form>
  );
}
