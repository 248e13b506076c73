// Money and credit amounts as people read them.
const money = new Map<string, Intl.NumberFormat>();

export function formatPrice(cents: number, currency: string): string {
  const code = currency.toUpperCase();
  let format = money.get(code);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { style: 'currency', currency: code });
    money.set(code, format);
  }
  return format.format(cents / 100);
}

export function formatCredits(credits: number): string {
  return `${credits.toLocaleString('en-GB')} ${Math.abs(credits) === 1 ? 'credit' : 'credits'}`;
}

/** A ledger delta with its sign: "+100", "−5", "0". */
export function formatDelta(delta: number): string {
  if (delta > 0) return `+${delta.toLocaleString('en-GB')}`;
  if (delta < 0) return `−${Math.abs(delta).toLocaleString('en-GB')}`;
  return '0';
}
