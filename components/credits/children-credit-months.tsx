import { formatCredits } from '@/lib/credits/format';

type ChildMonth = {
  child_id: string;
  display_name: string;
  allowance: number;
  spent: number;
  approval_above_allowance: boolean;
  pending_credits: number | null;
};

/** Each child's month: allowance, spent, and whether a spend is waiting for you. */
export function ChildrenCreditMonths({ months }: { months: ChildMonth[] }) {
  if (!months.length) return <p className="text-sm text-stone-500">No children yet.</p>;
  return (
    <ul className="divide-y divide-stone-100 text-sm">
      {months.map((child) => (
        <li
          key={child.child_id}
          className="flex flex-wrap items-center justify-between gap-2 py-2"
          data-testid={`credit-month-${child.display_name}`}
        >
          <span className="font-medium text-stone-900">{child.display_name}</span>
          <span className="text-stone-600">
            {child.spent} of {formatCredits(child.allowance)} this month
            {child.pending_credits ? ` · asking for ${formatCredits(child.pending_credits)}` : ''}
            {child.approval_above_allowance ? '' : ' · no asking above the allowance'}
          </span>
        </li>
      ))}
    </ul>
  );
}
