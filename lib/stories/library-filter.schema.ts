import { z } from 'zod';
import { Constants } from '@/lib/database.types';
import { LIBRARY_SORTS } from './library-sort';

// The library's search box, filters and order, read from the URL (?q=&band=&theme=&length=&sort=): anything that
// does not fit is dropped rather than refused, so a hand-edited link still shows a library.

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const libraryFilterSchema = z.object({
  q: optional(
    z
      .string()
      .trim()
      .max(200)
      .transform((q) => q || undefined),
  ),
  band: optional(z.enum(Constants.public.Enums.age_band)),
  theme: optional(z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/)),
  length: optional(z.enum(Constants.public.Enums.story_length)),
  sort: optional(z.enum(LIBRARY_SORTS)),
});

export type LibraryFilterInput = z.output<typeof libraryFilterSchema>;

/** The first value of each search parameter (Next.js gives arrays for repeated ones). */
export function parseLibraryFilter(params: Record<string, string | string[] | undefined>): LibraryFilterInput {
  const first = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return libraryFilterSchema.parse(first);
}
