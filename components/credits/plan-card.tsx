'use client';

import { cancelPlanAction } from '@/app/credits/cancel-plan-action';
import { subscribeAction } from '@/app/credits/subscribe-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { cancelPlanSchema, subscribeSchema } from '@/lib/credits/credits.schema';
import { formatPrice } from '@/lib/credits/format';
import type { MyPlan } from '@/lib/credits/queries';
import { useIdempotencyKey } from '@/lib/credits/use-idempotency-key';
import { formatInFamilyZone } from '@/lib/format/family-time';
import { useActionForm } from '@/lib/forms/use-action-form';

type Offer = {
  code: string;
  name: string;
  description: string;
  monthly_credits: number;
  price_cents: number | null;
  currency: string;
};

function SubscribeForm({ offer }: { offer: Offer }) {
  const [key] = useIdempotencyKey();
  const { onSubmit, pending, error } = useActionForm(subscribeSchema, subscribeAction);
  return (
    <form onSubmit={onSubmit} aria-label={`Subscribe to ${offer.name}`} className="space-y-2">
      <input type="hidden" name="planCode" value={offer.code} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <FormAlert message={error} />
      <Button type="submit" disabled={pending || !key}>
        {pending
          ? 'Opening checkout…'
          : `Get ${offer.name} for ${formatPrice(offer.price_cents ?? 0, offer.currency)} a month`}
      </Button>
    </form>
  );
}

function CancelForm({ subscriptionId }: { subscriptionId: string }) {
  const { onSubmit, pending, error } = useActionForm(cancelPlanSchema, cancelPlanAction);
  return (
    <form onSubmit={onSubmit} aria-label="Cancel the plan" className="space-y-2">
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <FormAlert message={error} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Cancel at the end of this month
      </Button>
    </form>
  );
}

export function PlanCard({ plan, offers, timeZone }: { plan: MyPlan; offers: Offer[]; timeZone: string }) {
  const sub = plan.subscription;
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700" data-testid="current-plan">
        You're on the <strong>{plan.plan.name}</strong> plan
        {plan.plan.monthly_credits
          ? ` — ${plan.plan.monthly_credits} credits every month, expiring at the month's end`
          : ''}
        .
      </p>
      {sub ? (
        <div className="space-y-2 text-sm text-stone-600">
          <p>
            {sub.cancel_at_period_end
              ? `Ends on ${formatInFamilyZone(sub.current_period_end, timeZone, 'date')}.`
              : sub.status === 'past_due'
                ? `The last payment failed. The plan stays until ${formatInFamilyZone(sub.current_period_end, timeZone, 'date')}.`
                : `Renews on ${formatInFamilyZone(sub.current_period_end, timeZone, 'date')}.`}
          </p>
          {sub.cancel_at_period_end ? null : <CancelForm subscriptionId={sub.id} />}
        </div>
      ) : plan.plan.code === 'free' ? (
        offers.map((offer) => (
          <div key={offer.code} className="space-y-2 rounded-lg bg-brand-50 p-4">
            <p className="text-sm text-stone-800">{offer.description}</p>
            <SubscribeForm offer={offer} />
          </div>
        ))
      ) : null}
    </div>
  );
}
