'use client';

import { claimTrialAction } from '@/app/credits/claim-trial-action';
import { convertGuestAction } from '@/app/credits/convert-guest-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { claimTrialSchema, convertGuestSchema } from '@/lib/credits/credits.schema';
import { useActionForm } from '@/lib/forms/use-action-form';

function ClaimForm() {
  const { onSubmit, pending, error } = useActionForm(claimTrialSchema, claimTrialAction);
  return (
    <form onSubmit={onSubmit} aria-label="Claim welcome credits" className="space-y-2">
      <FormAlert message={error} />
      <Button type="submit" disabled={pending}>
        Claim 10 welcome credits
      </Button>
    </form>
  );
}

function ConvertForm() {
  const { onSubmit, pending, error, fieldErrors } = useActionForm(convertGuestSchema, convertGuestAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create your account" className="space-y-3">
      <FormAlert message={error} />
      <TextField label="E-mail" name="email" type="email" autoComplete="email" errors={fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        errors={fieldErrors.password}
        hint="At least 6 characters."
      />
      <Button type="submit" disabled={pending}>
        Create my account
      </Button>
    </form>
  );
}

/** A guest's corner of /credits: the one-time welcome credits, and signing up without losing anything. */
export function GuestTrialPanel({ claimed }: { claimed: boolean }) {
  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <div className="space-y-2">
        <h3 className="font-medium text-stone-900">Welcome credits</h3>
        {claimed ? (
          <p className="text-sm text-stone-600" data-testid="trial-claimed">
            Your welcome credits are claimed. Enjoy your first story!
          </p>
        ) : (
          <>
            <p className="text-sm text-stone-600">Guests get 10 credits once, to try making a story.</p>
            <ClaimForm />
          </>
        )}
      </div>
      <div className="space-y-2">
        <h3 className="font-medium text-stone-900">Keep what you made</h3>
        <p className="text-sm text-stone-600">Create your free account: your stories and credits stay with you.</p>
        <ConvertForm />
      </div>
    </div>
  );
}
