'use client';

import { deactivateChildAction, reactivateChildAction } from '@/app/parent/child-activation-actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { deactivateChildSchema, reactivateChildSchema } from '@/lib/family/child.schema';
import { useInvalidateFamily } from '@/lib/family/use-invalidate-family';
import { useActionForm } from '@/lib/forms/use-action-form';

function Deactivate({ childId, childName }: { childId: string; childName: string }) {
  const { form, pending, error, fieldErrors } = useActionForm(deactivateChildSchema, deactivateChildAction, {
    onSuccess: useInvalidateFamily(),
  });
  return (
    <form {...form} noValidate className="space-y-3" aria-label={`Deactivate ${childName}`}>
      <input type="hidden" name="childId" value={childId} />
      <p className="text-sm text-ink-muted">
        Deactivating signs {childName} out on every device and removes them from sign-in. Their profile, controls,
        consent record and reading history are kept, and you can reactivate them with a new PIN. Erasing an account
        completely is not available yet.
      </p>
      <FormAlert message={error} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="confirm" className="mt-0.5 size-4 shrink-0 accent-accent" />
        <span>Yes, deactivate {childName}.</span>
      </label>
      <FieldError errors={fieldErrors.confirm} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Deactivating…' : `Deactivate ${childName}`}
      </Button>
    </form>
  );
}

function Reactivate({ childId, childName }: { childId: string; childName: string }) {
  const { form, pending, error, fieldErrors } = useActionForm(reactivateChildSchema, reactivateChildAction, {
    onSuccess: useInvalidateFamily(),
    clearOnError: ['pin'],
  });
  return (
    <form {...form} noValidate className="space-y-3" aria-label={`Reactivate ${childName}`}>
      <input type="hidden" name="childId" value={childId} />
      <p className="text-sm text-ink-muted">
        {childName} is deactivated: they cannot sign in. Reactivating gives them a new PIN; their history is still here.
      </p>
      <FormAlert message={error} />
      <div className="max-w-xs">
        <TextField
          label="New PIN"
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          hint="4 to 6 digits."
          errors={fieldErrors.pin}
        />
      </div>
      <FieldError errors={fieldErrors.childId} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Reactivating…' : `Reactivate ${childName}`}
      </Button>
    </form>
  );
}

export function ActivationPanel({
  childId,
  childName,
  deactivated,
}: {
  childId: string;
  childName: string;
  deactivated: boolean;
}) {
  return deactivated ? (
    <Reactivate childId={childId} childName={childName} />
  ) : (
    <Deactivate childId={childId} childName={childName} />
  );
}
