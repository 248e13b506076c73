import { z } from 'zod';

// Shared by the server actions and their forms (the same schema validates both sides).

/** Stripe's rule for idempotency keys: 16 to 255 printable characters, one per mutating request. */
export const idempotencyKeyField = z
  .string('This request is missing its safety key. Please reload the page.')
  .regex(/^[!-~]{16,255}$/, 'This request is missing its safety key. Please reload the page.');

const code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,30}$/, 'Please choose a package.');

export const purchaseCreditsSchema = z.object({ packageCode: code, idempotencyKey: idempotencyKeyField });

export const subscribeSchema = z.object({ planCode: code, idempotencyKey: idempotencyKeyField });

export const cancelPlanSchema = z.object({ subscriptionId: z.uuid() });

export const spendCreditsSchema = z.object({
  amount: z.coerce
    .number('Please choose how many credits.')
    .int('Credits are whole numbers.')
    .min(1, 'Spend at least 1 credit.')
    .max(100_000, 'That is more credits than anyone can spend at once.'),
  memo: z.string().trim().max(200, 'Please keep it under 200 characters.').optional(),
  idempotencyKey: idempotencyKeyField,
});

export const sandboxPaymentSchema = z.object({
  purchaseId: z.uuid(),
  cardNumber: z
    .string()
    .trim()
    .regex(/^[0-9 -]{12,23}$/, 'Enter a card number (use one of the test cards below).'),
});

export const claimTrialSchema = z.object({});

export const convertGuestSchema = z.object({
  email: z.email('Please enter a valid e-mail address.'),
  password: z.string().min(6, 'Use at least 6 characters.').max(72, 'Use at most 72 characters.'),
});
