import { formatInFamilyZone } from '@/lib/format/family-time';

type Allowance = {
  allowance: number;
  spent: number;
  credits_left: number;
  approval_above_allowance: boolean;
  month_end: string;
  pending_credits: number | null;
  pending_message: string | null;
};

/** A child's month of credits in words they can read. */
export function KidAllowance({ allowance, timeZone }: { allowance: Allowance; timeZone: string }) {
  return (
    <div className="space-y-3">
      <p className="text-2xl text-sky-900">
        You have{' '}
        <strong data-testid="credits-left" className="text-5xl font-black text-sky-950">
          {allowance.credits_left}
        </strong>{' '}
        credits left this month
      </p>
      <p className="text-lg text-sky-800">
        You used {allowance.spent} of {allowance.allowance}. New credits on{' '}
        {formatInFamilyZone(allowance.month_end, timeZone, 'day')}.
      </p>
      {allowance.pending_credits ? (
        <p
          role="status"
          data-testid="spend-request"
          className="rounded-2xl bg-amber-100 px-4 py-3 text-lg text-amber-950"
        >
          Waiting for a grown-up to say yes to {allowance.pending_credits} credits
          {allowance.pending_message ? ` for “${allowance.pending_message}”` : ''}.
        </p>
      ) : allowance.approval_above_allowance ? (
        <p className="text-base text-sky-700">Need more? Pick a number anyway and we'll ask a grown-up.</p>
      ) : null}
    </div>
  );
}
