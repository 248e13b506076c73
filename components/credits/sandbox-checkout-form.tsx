'use client';

import { paySandboxAction } from '@/app/checkout/sandbox/[purchaseId]/pay-sandbox-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { sandboxPaymentSchema } from '@/lib/credits/credits.schema';
import { useActionForm } from '@/lib/forms/use-action-form';
import { TEST_CARDS } from '@/lib/payments/sandbox-cards';

export function SandboxCheckoutForm({ purchaseId, price }: { purchaseId: string; price: string }) {
  const { onSubmit, pending, error, fieldErrors } = useActionForm(sandboxPaymentSchema, paySandboxAction);
  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} noValidate aria-label="Pay" className="space-y-3">
        <input type="hidden" name="purchaseId" value={purchaseId} />
        <FormAlert message={error} />
        <TextField
          label="Card number"
          name="cardNumber"
          inputMode="numeric"
          autoComplete="off"
          placeholder="4242 4242 4242 4242"
          errors={fieldErrors.cardNumber}
        />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? 'Paying…' : `Pay ${price}`}
        </Button>
      </form>
      <div className="rounded-lg bg-stone-50 p-3 text-sm">
        <p className="font-medium text-stone-800">Sandbox test cards (no real money moves)</p>
        <ul className="mt-2 space-y-1">
          {TEST_CARDS.map((card) => (
            <li key={card.number} className="flex flex-wrap justify-between gap-2">
              <code className="font-mono text-stone-900">{card.number}</code>
              <span className="text-stone-600">{card.label}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
