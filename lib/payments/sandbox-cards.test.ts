import { describe, expect, it } from 'vitest';
import { outcomeForCard } from './sandbox-cards';
import { eventsForPayment } from './sandbox-events';

describe('sandbox test cards', () => {
  it('maps the three test cards, with or without spaces, and nothing else', () => {
    expect(outcomeForCard('4242 4242 4242 4242')).toBe('success');
    expect(outcomeForCard('4242424242424242')).toBe('success');
    expect(outcomeForCard('4000-0000-0000-0002')).toBe('card_declined');
    expect(outcomeForCard('4000 0000 0000 9995')).toBe('insufficient_funds');
    expect(outcomeForCard('4111 1111 1111 1111')).toBeNull();
    expect(outcomeForCard('')).toBeNull();
  });

  it('reports a paid package as one event, a plan as paid purchase plus its first month, a decline as a failure', () => {
    const purchase = {
      id: 'p1',
      familyId: 'f1',
      kind: 'credits' as const,
      priceCents: 499,
      currency: 'eur',
      planCode: null,
    };
    const now = new Date('2027-01-31T10:00:00Z');
    expect(eventsForPayment(purchase, 'success', now)).toEqual([
      expect.objectContaining({
        provider: 'sandbox',
        type: 'purchase_paid',
        data: expect.objectContaining({ amount_cents: 499, currency: 'eur' }),
      }),
    ]);
    expect(eventsForPayment(purchase, 'card_declined', now)).toEqual([
      expect.objectContaining({ type: 'purchase_failed', data: { purchase_id: 'p1', reason: 'card_declined' } }),
    ]);
    const plan = eventsForPayment({ ...purchase, kind: 'plan', priceCents: 799, planCode: 'family' }, 'success', now);
    expect(plan.map((e) => e.type)).toEqual(['purchase_paid', 'subscription_renewed']);
    expect(plan[1].data).toMatchObject({ family_id: 'f1', plan_code: 'family', period_start: now.toISOString() });
    // The subscription id is the paid purchase's external transaction.
    expect((plan[0].data as { external_tx_id: string }).external_tx_id).toBe(
      (plan[1].data as { subscription_id: string }).subscription_id,
    );
  });
});
