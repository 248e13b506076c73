'use client';

import { updateFamilyAction } from '@/app/parent/update-family-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { familySettingsSchema } from '@/lib/family/family.schema';
import { useActionForm } from '@/lib/forms/use-action-form';

export function FamilySettingsForm({ family }: { family: { id: string; name: string; time_zone: string } }) {
  const { onSubmit, pending, error, fieldErrors, data } = useActionForm(familySettingsSchema, updateFamilyAction);
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
      aria-label="Family settings"
    >
      <TextField label="Family name" name="name" defaultValue={family.name} errors={fieldErrors.name} />
      <TextField
        label="Time zone"
        name="timeZone"
        defaultValue={family.time_zone}
        hint="Daily minutes and bedtimes follow this zone."
        errors={fieldErrors.timeZone}
      />
      <Button type="submit" variant="secondary" disabled={pending} className="justify-self-start sm:mt-6">
        {pending ? 'Saving…' : 'Save'}
      </Button>
      <div className="empty:hidden sm:col-span-3">
        <FormAlert message={error} />
        {data && !error ? (
          <p role="status" className="text-sm text-success">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
