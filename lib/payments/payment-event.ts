import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '@/lib/database.types';

// The one shape both providers' events take after their signature is verified; applied by the one
// database function, private.apply_payment_event() (see its migration for the data of each type).
export type PaymentProviderName = 'sandbox' | 'stripe';

export type PaymentEvent =
  | Event<'purchase_paid', { purchase_id: string; external_tx_id: string; amount_cents: number; currency: string }>
  | Event<'purchase_failed', { purchase_id: string; reason: string }>
  | Event<'purchase_refunded', { external_tx_id: string; refund_id: string }>
  | Event<
      'subscription_renewed',
      {
        subscription_id: string;
        family_id: string | null;
        plan_code: string | null;
        period_start: string;
        period_end: string;
        invoice_id: string;
      }
    >
  | Event<
      'subscription_updated',
      { subscription_id: string; status?: 'active' | 'past_due' | 'canceled'; cancel_at_period_end?: boolean }
    >;

type Event<T extends string, D> = {
  provider: PaymentProviderName;
  eventId: string;
  type: T;
  occurredAt: string;
  data: D;
};

export type ApplyResult = { status: 'applied' | 'already_applied' | 'duplicate' | 'ignored'; reason?: string };

/** Hands a verified event to the database (service role). Throws when the database could not take it. */
export async function applyPaymentEvent(admin: SupabaseClient<Database>, event: PaymentEvent): Promise<ApplyResult> {
  const { data, error } = await admin.rpc('apply_payment_event', {
    p_provider: event.provider,
    p_event_id: event.eventId,
    p_type: event.type,
    p_occurred_at: event.occurredAt,
    p_data: event.data as Json,
  });
  if (error) throw error;
  return data as ApplyResult;
}
