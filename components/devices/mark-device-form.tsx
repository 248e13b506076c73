'use client';

import { markDeviceAction } from '@/app/kids/device/mark-device-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { markDeviceSchema } from '@/lib/devices/device.schema';
import { useActionForm } from '@/lib/forms/use-action-form';

/** Step two: name this device and hand it over (the action signs the parent out here). */
export function MarkDeviceForm() {
  const { form, pending, error, fieldErrors } = useActionForm(markDeviceSchema, markDeviceAction);
  return (
    <form {...form} noValidate className="space-y-3" aria-label="Make this a family device">
      <p className="text-sm text-ink-muted">
        Your children will see their pictures here and sign in with their PIN alone. You will be signed out on this
        device; you can revoke it any time from your family settings.
      </p>
      <div className="max-w-80">
        <TextField
          label="Device name"
          name="name"
          defaultValue="Family tablet"
          maxLength={40}
          autoComplete="off"
          hint="So you can tell your devices apart, e.g. “Kitchen tablet”."
          errors={fieldErrors.name}
        />
      </div>
      <FormAlert message={error} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Handing over…' : 'Make this a family device'}
      </Button>
    </form>
  );
}
