'use client';

import { setChildPinAction, setParentPinAction } from '@/app/parent/pin-actions';
import { Button } from '@/components/ui/button';
import { FormAlert, FormStatus } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { childPinSchema, parentPinSchema } from '@/lib/family/child.schema';
import { useInvalidateFamily } from '@/lib/family/use-invalidate-family';
import { useActionForm } from '@/lib/forms/use-action-form';

// A PIN is never shown again: the field empties after saving and after a refusal (type it afresh).
function usePinFormOptions() {
  const invalidateFamily = useInvalidateFamily();
  return {
    onSuccess: (_data: unknown, form: HTMLFormElement) => {
      form.reset();
      invalidateFamily();
    },
    clearOnError: ['pin'],
  };
}

export function ParentPinForm({ hasPin }: { hasPin: boolean }) {
  const { form, pending, error, fieldErrors, data } = useActionForm(
    parentPinSchema,
    setParentPinAction,
    usePinFormOptions(),
  );
  return (
    <form {...form} noValidate className="flex flex-wrap items-start gap-x-3 gap-y-2" aria-label="Parent PIN">
      <div className="w-full sm:w-64">
        <TextField
          label={hasPin ? 'New parent PIN' : 'Parent PIN'}
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          hint="4 to 6 digits your children do not know."
          errors={fieldErrors.pin}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6">
        {hasPin ? 'Change parent PIN' : 'Set parent PIN'}
      </Button>
      <div className="basis-full empty:hidden">
        <FormAlert message={error} />
        {data ? <FormStatus message="Parent PIN saved." /> : null}
      </div>
    </form>
  );
}

export function ChildPinForm({ childId, childName }: { childId: string; childName: string }) {
  const { form, pending, error, fieldErrors, data } = useActionForm(
    childPinSchema,
    setChildPinAction,
    usePinFormOptions(),
  );
  return (
    <form
      {...form}
      noValidate
      className="flex flex-wrap items-start gap-x-3 gap-y-2"
      aria-label={`New PIN for ${childName}`}
    >
      <input type="hidden" name="childId" value={childId} />
      <div className="w-full sm:w-64">
        <TextField
          label={`New PIN for ${childName}`}
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          hint="Also unlocks sign-in after too many wrong PINs."
          errors={fieldErrors.pin}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6">
        Change PIN
      </Button>
      <div className="basis-full empty:hidden">
        <FormAlert message={error} />
        {data ? <FormStatus message="PIN changed." /> : null}
      </div>
    </form>
  );
}
