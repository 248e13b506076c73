'use client';

import { useRouter } from 'next/navigation';
import { setParentPinAction } from '@/app/parent/pin-actions';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { parentPinSchema } from '@/lib/family/child.schema';
import { useActionForm } from '@/lib/forms/use-action-form';

/** Step one of handing a device over: the parent PIN that gets it back out of kid mode. */
export function SetParentPinStep() {
  const router = useRouter();
  const { form, pending, error, fieldErrors } = useActionForm(parentPinSchema, setParentPinAction, {
    // The page then shows step two.
    onSuccess: () => router.refresh(),
    clearOnError: ['pin'],
  });
  return (
    <form {...form} noValidate className="space-y-3" aria-label="Set a parent PIN">
      <p className="text-sm text-ink-muted">
        First, choose a parent PIN. It is how a grown-up leaves kid mode and gets this device back; your children must
        not know it.
      </p>
      <div className="max-w-64">
        <TextField
          label="Parent PIN"
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          hint="4 to 6 digits."
          errors={fieldErrors.pin}
        />
      </div>
      <FormAlert message={error} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Set parent PIN'}
      </Button>
    </form>
  );
}
