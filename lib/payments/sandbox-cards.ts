// The sandbox's test cards, as Stripe's test mode has them.
export const TEST_CARDS = [
  { number: '4242 4242 4242 4242', outcome: 'success', label: 'Succeeds' },
  { number: '4000 0000 0000 0002', outcome: 'card_declined', label: 'Declined' },
  { number: '4000 0000 0000 9995', outcome: 'insufficient_funds', label: 'Declined: insufficient funds' },
] as const;

export type CardOutcome = (typeof TEST_CARDS)[number]['outcome'];

export const normaliseCardNumber = (value: string) => value.replace(/[\s-]/g, '');

/** What paying with this card number does in the sandbox, or null for a number that is not a test card. */
export function outcomeForCard(number: string): CardOutcome | null {
  const digits = normaliseCardNumber(number);
  return TEST_CARDS.find((card) => normaliseCardNumber(card.number) === digits)?.outcome ?? null;
}

export const OUTCOME_MESSAGES: Record<Exclude<CardOutcome, 'success'>, string> = {
  card_declined: 'Your card was declined. Try another card.',
  insufficient_funds: 'Your card has insufficient funds. Try another card.',
};
