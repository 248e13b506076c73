'use client';

import { startGuestAction } from '@/app/credits/start-guest-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { claimTrialSchema } from '@/lib/credits/credits.schema';
import { useActionForm } from '@/lib/forms/use-action-form';

/** For grown-ups: try Tale Forge without an account (an anonymous session). Never offered in kid mode. */
export function TryAsGuestButton() {
  const { onSubmit, pending, error } = useActionForm(claimTrialSchema, startGuestAction);
  return (
    <form onSubmit={onSubmit} aria-label="Try as a guest" className="space-y-2">
      <FormAlert message={error} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Try it as a guest
      </Button>
    </form>
  );
}
