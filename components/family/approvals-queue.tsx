'use client';

import { decideRequestAction } from '@/app/parent/decide-request-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { decideRequestSchema } from '@/lib/family/child.schema';
import { useActionForm } from '@/lib/forms/use-action-form';

export type PendingRequest = { id: string; childName: string; minutes: number | null; message: string | null };

function RequestItem({ request }: { request: PendingRequest }) {
  const { onSubmit, pending, error } = useActionForm(decideRequestSchema, decideRequestAction);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
      <div className="min-w-0 space-y-1">
        <p className="text-sm text-ink">
          <strong>{request.childName}</strong> asks for{' '}
          {request.minutes ? `${request.minutes} more minutes` : 'more time'} of reading today.
        </p>
        {request.message ? <p className="break-words text-sm text-ink-subtle">“{request.message}”</p> : null}
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
  if (!requests.length) return <p className="text-sm text-ink-subtle">No open requests.</p>;
  return (
    <ul className="divide-y divide-line">
      {requests.map((request) => (
        <RequestItem key={request.id} request={request} />
      ))}
    </ul>
  );
}
