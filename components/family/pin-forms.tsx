'use client';

import { setChildPinAction, setParentPinAction } from '@/app/parent/pin-actions';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { childPinSchema, parentPinSchema } from '@/lib/family/child.schema';
import { useResultForm } from './use-result-form';

export function ParentPinForm({ hasPin }: { hasPin: boolean }) {
  const { onSubmit, pending, error, fieldErrors, data } = useResultForm(
    parentPinSchema,
    setParentPinAction,
    (_d, form) => form.reset(),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label="Parent PIN">
      <div className="min-w-48">
        <TextField
          label={hasPin ? 'New parent PIN' : 'Parent PIN'}
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          hint="Needed to leave kid mode on a shared device. 4 to 6 digits."
          errors={fieldErrors.pin}
        />
      </div>
      <Button type="submit" variant="quiet" disabled={pending}>
        {hasPin ? 'Change parent PIN' : 'Set parent PIN'}
      </Button>
      {data ? (
        <span role="status" className="text-sm text-emerald-700">
          Saved.
        </span>
      ) : null}
      <FormAlert message={error} />
    </form>
  );
}

export function ChildPinForm({ childId, childName }: { childId: string; childName: string }) {
  const { onSubmit, pending, error, fieldErrors, data } = useResultForm(childPinSchema, setChildPinAction, (_d, form) =>
    form.reset(),
  );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-wrap items-end gap-2"
      aria-label={`New PIN for ${childName}`}
    >
      <input type="hidden" name="childId" value={childId} />
      <div className="min-w-48">
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
      <Button type="submit" variant="quiet" disabled={pending}>
        Change PIN
      </Button>
      {data ? (
        <span role="status" className="text-sm text-emerald-700">
          PIN changed.
        </span>
      ) : null}
      <FormAlert message={error} />
    </form>
  );
}
