'use client';

import { updateFamilyAction } from '@/app/parent/update-family-action';
import { Button } from '@/components/ui/button';
import { FormAlert, FormStatus } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { familySettingsSchema } from '@/lib/family/family.schema';
import { useInvalidateFamily } from '@/lib/family/use-invalidate-family';
import { useActionForm } from '@/lib/forms/use-action-form';

export function FamilySettingsForm({
  family,
  timeZones,
}: {
  family: { name: string; time_zone: string };
  timeZones: string[];
}) {
  const { form, pending, error, fieldErrors, data } = useActionForm(familySettingsSchema, updateFamilyAction, {
    warnUnsaved: true,
    onSuccess: useInvalidateFamily(),
  });
  return (
    <form {...form} noValidate className="grid gap-3 sm:grid-cols-2" aria-label="Family settings">
      <TextField label="Family name" name="name" defaultValue={family.name} errors={fieldErrors.name} />
      <SelectField
        label="Time zone"
        name="timeZone"
        defaultValue={family.time_zone}
        options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
        hint="Daily minutes and bedtimes follow this zone."
        errors={fieldErrors.timeZone}
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Save family settings'}
        </Button>
        {data && !error ? <FormStatus message="Saved." /> : null}
      </div>
      <div className="empty:hidden sm:col-span-2">
        <FormAlert message={error} />
      </div>
    </form>
  );
}
