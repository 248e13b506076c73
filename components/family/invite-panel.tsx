'use client';

import { z } from 'zod';
import { acceptInviteAction, createInviteAction } from '@/app/parent/invite-actions';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { inviteCodeSchema } from '@/lib/family/child.schema';
import { useActionForm } from '@/lib/forms/use-action-form';

export function CreateInviteForm({ openCodes }: { openCodes: { code: string; expires_at: string }[] }) {
  const { onSubmit, pending, error } = useActionForm(z.object({}), createInviteAction);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Invite a second parent">
      <p className="text-sm text-ink-muted">
        A second parent joins with an invite code: they sign up, then enter the code on their own Family page.
      </p>
      <FormAlert message={error} />
      {openCodes.length ? (
        <ul className="space-y-1 text-sm text-ink">
          {openCodes.map((invite) => (
            <li key={invite.code}>
              Invite code{' '}
              <code data-testid="invite-code" className="font-mono font-semibold">
                {invite.code}
              </code>
              , valid until {new Date(invite.expires_at).toLocaleDateString('en')}
            </li>
          ))}
        </ul>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Creating…' : openCodes.length ? 'Create another invite code' : 'Create an invite code'}
      </Button>
    </form>
  );
}

export function AcceptInviteForm() {
  const { onSubmit, pending, error, fieldErrors } = useActionForm(inviteCodeSchema, acceptInviteAction);
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-wrap items-start gap-x-3 gap-y-2"
      aria-label="Join another family"
    >
      <div className="w-full sm:w-64">
        <TextField
          label="Invite code from the other parent"
          name="code"
          hint="Joining replaces your own family, which must be empty."
          errors={fieldErrors.code}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6">
        {pending ? 'Joining…' : 'Join family'}
      </Button>
      <div className="basis-full empty:hidden">
        <FormAlert message={error} />
      </div>
    </form>
  );
}
