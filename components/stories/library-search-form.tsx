import { Button } from '@/components/ui/button';
import { inputClasses } from '@/components/ui/field';
import { AGE_BAND_LABELS, AGE_BANDS } from '@/lib/family/options';
import type { LibraryFilterInput } from '@/lib/stories/library-filter.schema';
import { LIBRARY_SORT_LABELS, LIBRARY_SORTS } from '@/lib/stories/library-sort';
import { STORY_LENGTH_LABELS, STORY_LENGTHS } from '@/lib/stories/options';

/**
 * The library's search box and filters: a plain GET form, so results are a link that can be shared or
 * reloaded, and it works before the page's scripts load. Full-text search runs in the database.
 */
export function LibrarySearchForm({
  action,
  filter,
  themes,
  bands = AGE_BANDS,
  kid = false,
}: {
  action: string;
  filter: LibraryFilterInput;
  themes: { slug: string; name: string }[];
  bands?: readonly (typeof AGE_BANDS)[number][];
  kid?: boolean;
}) {
  const input = kid
    ? 'block min-h-14 w-full rounded-kid border-2 border-kid-sky bg-kid-surface px-4 text-lg text-kid-ink'
    : inputClasses;
  const label = kid ? 'block text-lg font-semibold text-kid-ink' : 'block text-sm font-medium text-ink';
  return (
    <search aria-label="Search stories">
      <form
        action={action}
        method="get"
        className="grid gap-3 sm:grid-cols-3 sm:items-end lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]"
      >
        <label className="space-y-1">
          <span className={label}>Search</span>
          <input
            type="search"
            name="q"
            defaultValue={filter.q ?? ''}
            maxLength={200}
            placeholder="dragons, the sea, a lost kite…"
            className={input}
          />
        </label>
        <label className="space-y-1">
          <span className={label}>Age band</span>
          <select name="band" defaultValue={filter.band ?? ''} className={input}>
            <option value="">Any age</option>
            {bands.map((band) => (
              <option key={band} value={band}>
                {AGE_BAND_LABELS[band]}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className={label}>Theme</span>
          <select name="theme" defaultValue={filter.theme ?? ''} className={input}>
            <option value="">Any theme</option>
            {themes.map((theme) => (
              <option key={theme.slug} value={theme.slug}>
                {theme.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className={label}>Length</span>
          <select name="length" defaultValue={filter.length ?? ''} className={input}>
            <option value="">Any length</option>
            {STORY_LENGTHS.map((length) => (
              <option key={length} value={length}>
                {STORY_LENGTH_LABELS[length].split(' — ')[0]}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className={label}>Order</span>
          <select name="sort" defaultValue={filter.sort ?? 'relevance'} className={input}>
            {LIBRARY_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {LIBRARY_SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant={kid ? 'kid' : 'primary'}>
          Search
        </Button>
      </form>
    </search>
  );
}
