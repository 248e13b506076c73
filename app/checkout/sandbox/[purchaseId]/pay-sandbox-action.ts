'use server';

import { redirect } from 'next/navigation';
import { ActionError, parentAction } from '@/lib/actions/action';
import { sandboxPaymentSchema } from '@/lib/credits/credits.schema';
import { getPurchase } from '@/lib/credits/queries';
import { appOrigin, sandboxWebhookSecret } from '@/lib/payments/config';
import { OUTCOME_MESSAGES, outcomeForCard } from '@/lib/payments/sandbox-cards';
import { deliverSandboxEvents, eventsForPayment } from '@/lib/payments/sandbox-events';
import { sandboxWebhookUrl } from '@/lib/payments/sandbox-provider';

/**
 * The sandbox's "card network": decides the outcome from the test card and reports it the way a
 * provider does, as signed events to our own webhook route; the purchase changes only there.
 */
export const paySandboxAction = parentAction(sandboxPaymentSchema, async ({ purchaseId, cardNumber }, { supabase }) => {
  const purchase = await getPurchase(supabase, { purchaseId });
  if (!purchase) throw new ActionError("We couldn't find that purchase.");
  if (purchase.provider !== 'sandbox') throw new ActionError('This purchase is paid elsewhere, not in the sandbox.');
  if (purchase.status === 'paid' || purchase.status === 'refunded') redirect(`/credits?purchase=${purchaseId}`);
  const outcome = outcomeForCard(cardNumber);
  if (!outcome) throw new ActionError('That is not one of the sandbox test cards. Use one of the cards listed below.');
  const events = eventsForPayment(
    {
      id: purchase.id,
      familyId: purchase.family_id,
      kind: purchase.kind,
      priceCents: purchase.price_cents,
      currency: purchase.currency,
      planCode: purchase.plans?.code ?? null,
    },
    outcome,
  );
  await deliverSandboxEvents(sandboxWebhookUrl(await appOrigin()), sandboxWebhookSecret(), events);
  if (outcome !== 'success') throw new ActionError(OUTCOME_MESSAGES[outcome]);
  redirect(`/credits?purchase=${purchaseId}`);
});
