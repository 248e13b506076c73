import { Constants, type Enums } from '@/lib/database.types';

export type CreditReason = Enums<'credit_reason'>;

// What a parent reads for each ledger reason (keyed by the generated enum: a new reason fails
// type-checking here until it has a label).
export const REASON_LABELS: Record<CreditReason, string> = {
  welcome_grant: 'Welcome credits',
  purchase: 'Purchase',
  founder_bonus: 'Founder bonus',
  plan_grant: 'Plan credits',
  spend: 'Spent',
  generation_reserve: 'Held for a story',
  generation_capture: 'Charged for a story',
  generation_release: 'Given back',
  admin_refund: 'Refund from Tale Forge',
  purchase_refund: 'Purchase refunded',
  expiry: 'Expired',
};

export const CREDIT_REASONS = Constants.public.Enums.credit_reason;

export const HOLD_STATUS_LABELS: Record<Enums<'credit_hold_status'>, string> = {
  held: 'Held',
  captured: 'Charged',
  released: 'Released',
};

export const PURCHASE_STATUS_LABELS: Record<Enums<'purchase_status'>, string> = {
  pending: 'Waiting for payment',
  failed: 'Payment failed',
  paid: 'Paid',
  refunded: 'Refunded',
};
