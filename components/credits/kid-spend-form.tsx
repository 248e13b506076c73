'use client';

import { useState } from 'react';
import { spendCreditsAction } from '@/app/kids/credits/spend-credits-action';
import { FormAlert } from '@/components/ui/form-alert';
import { spendCreditsSchema } from '@/lib/credits/credits.schema';
import { useIdempotencyKey } from '@/lib/credits/use-idempotency-key';
import { useActionForm } from '@/lib/forms/use-action-form';

const AMOUNTS = [5, 10, 20];

/** Big, friendly buttons: spend a few credits on something, or ask a grown-up when it is too many. */
export function KidSpendForm() {
  const [key, renew] = useIdempotencyKey();
  const [done, setDone] = useState<string | null>(null);
  const { onSubmit, pending, error, fieldErrors } = useActionForm(spendCreditsSchema, spendCreditsAction, {
    onSuccess: (data, form) => {
      setDone(
        data.status === 'spent'
          ? `You used ${data.amount} credits. Have fun!`
          : 'We asked a grown-up. Wait for their answer!',
      );
      form.reset();
      renew();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Use credits" className="space-y-4 text-left">
      <input type="hidden" name="idempotencyKey" value={key} />
      <FormAlert message={error} size="kid" />
      {done ? (
        <p role="status" className="rounded-2xl bg-emerald-100 px-4 py-3 text-lg text-emerald-950">
          {done}
        </p>
      ) : null}
      <label className="block space-y-1">
        <span className="text-lg font-semibold text-sky-950">What is it for?</span>
        <input
          name="memo"
          maxLength={200}
          placeholder="A story about dragons"
          className="block w-full rounded-2xl border-2 border-sky-200 bg-white px-4 py-3 text-lg text-sky-950"
        />
        {fieldErrors.memo ? <span className="text-base text-red-700">{fieldErrors.memo[0]}</span> : null}
      </label>
      <fieldset className="space-y-2">
        <legend className="text-lg font-semibold text-sky-950">How many credits?</legend>
        <div className="grid grid-cols-3 gap-3">
          {AMOUNTS.map((amount) => (
            <button
              key={amount}
              type="submit"
              name="amount"
              value={amount}
              disabled={pending || !key}
              className="rounded-2xl bg-sky-600 px-4 py-4 text-2xl font-black text-white shadow-sm hover:bg-sky-700 disabled:opacity-50"
            >
              {amount}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
