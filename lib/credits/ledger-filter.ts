import { z } from 'zod';
import { CREDIT_REASONS } from './options';

// The billing view's filter, from the URL's search params (?reason=&from=&to=), shared by the page and
// the CSV export so both list exactly the same rows. Invalid values are dropped, not errors.
const day = z.iso.date();

export const ledgerFilterSchema = z.object({
  reason: z.enum(CREDIT_REASONS).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});

export type LedgerFilter = z.output<typeof ledgerFilterSchema>;

export function parseLedgerFilter(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): LedgerFilter {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first ? first : undefined;
  };
  return ledgerFilterSchema.parse({ reason: get('reason'), from: get('from'), to: get('to') });
}

export function ledgerFilterQuery(filter: LedgerFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}
