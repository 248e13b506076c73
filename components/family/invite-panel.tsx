'use client';

import { z } from 'zod';
import { acceptInviteAction, createInviteAction, revokeInviteAction } from '@/app/parent/invite-actions';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { inviteCodeSchema } from '@/lib/family/child.schema';
import { useInvalidateFamily } from '@/lib/family/use-invalidate-family';
import { formatInFamilyZone } from '@/lib/format/family-time';
import { useActionForm } from '@/lib/forms/use-action-form';

function OpenInvite({ code, expiresAt, timeZone }: { code: string; expiresAt: string; timeZone: string }) {
  const { form, pending, error } = useActionForm(inviteCodeSchema, revokeInviteAction, {
    onSuccess: useInvalidateFamily(),
  });
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span className="text-sm">
        <code data-testid="invite-code" className="font-mono font-semibold">
          {code}
        </code>{' '}
        <span className="text-ink-muted">valid until {formatInFamilyZone(expiresAt, timeZone, 'date')}</span>
      </span>
      <form {...form} aria-label={`Withdraw invite code ${code}`}>
        <input type="hidden" name="code" value={code} />
        <Button type="submit" variant="quiet" size="sm" disabled={pending}>
          {pending ? 'Withdrawing…' : 'Withdraw'}
        </Button>
      </form>
      <div className="basis-full empty:hidden">
        <FormAlert message={error} />
      </div>
    </li>
  );
}

export function CreateInviteForm({
  openCodes,
  timeZone,
}: {
  openCodes: { code: string; expires_at: string }[];
  timeZone: string;
}) {
  const { form, pending, error } = useActionForm(z.object({}), createInviteAction, {
    onSuccess: useInvalidateFamily(),
  });
  return (
    <div className="space-y-3">
      <p className="text-sm text-ink-muted">
        A second parent joins with an invite code: they create their own account, then enter the code under “Join
        another family” on their Family settings page.
      </p>
      {openCodes.length ? (
        <ul className="divide-y divide-line" aria-label="Open invite codes">
          {openCodes.map((invite) => (
            <OpenInvite key={invite.code} code={invite.code} expiresAt={invite.expires_at} timeZone={timeZone} />
          ))}
        </ul>
      ) : null}
      <form {...form} aria-label="Invite a second parent" className="space-y-2">
        <FormAlert message={error} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Creating…' : openCodes.length ? 'Create another invite code' : 'Create an invite code'}
        </Button>
      </form>
    </div>
  );
}

export function AcceptInviteForm() {
  const { form, pending, error, fieldErrors } = useActionForm(inviteCodeSchema, acceptInviteAction, {
    onSuccess: useInvalidateFamily(),
  });
  return (
    <form {...form} noValidate className="flex flex-wrap items-start gap-x-3 gap-y-2" aria-label="Join another family">
      <div className="w-full sm:w-64">
        <TextField
          label="Invite code from the other parent"
          name="code"
          autoComplete="off"
          hint="Joining replaces your own family, which must have no other members."
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
