'use client';

import { decideRequestAction } from '@/app/parent/decide-request-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { Enums } from '@/lib/database.types';
import { decideRequestSchema } from '@/lib/family/child.schema';
import { useActionForm } from '@/lib/forms/use-action-form';

export type PendingRequest = {
  id: string;
  childName: string;
  kind: Enums<'approval_kind'>;
  minutes: number | null;
  credits: number | null;
  message: string | null;
};

function RequestItem({ request }: { request: PendingRequest }) {
  const { onSubmit, pending, error } = useActionForm(decideRequestSchema, decideRequestAction);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
      <div className="min-w-0 space-y-1">
        <p className="text-sm text-stone-900">
          <strong>{request.childName}</strong>{' '}
          {request.kind === 'credit_spend'
            ? `asks to spend ${request.credits} credits, more than this month's allowance.`
            : `asks for ${request.minutes ? `${request.minutes} more minutes` : 'more time'} of reading today.`}
        </p>
        {request.message ? <p className="break-words text-sm text-stone-500">“{request.message}”</p> : null}
        <FormAlert message={error} />
      </div>
      <form onSubmit={onSubmit} className="flex gap-2" aria-label={`Answer ${request.childName}'s request`}>
        <input type="hidden" name="requestId" value={request.id} />
        <Button type="submit" name="decision" value="approve" disabled={pending}>
          Approve
        </Button>
        <Button type="submit" name="decision" value="deny" variant="quiet" disabled={pending}>
          Deny
        </Button>
      </form>
    </li>
  );
}

export function ApprovalsQueue({ requests }: { requests: PendingRequest[] }) {
  if (!requests.length) return <p className="text-sm text-stone-500">No open requests.</p>;
  return (
    <ul className="divide-y divide-stone-100">
      {requests.map((request) => (
        <RequestItem key={request.id} request={request} />
      ))}
    </ul>
  );
}
