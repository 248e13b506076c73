import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';
import type { LibrarySort } from './library-sort';
import type { LibraryFilter } from './queries';
import type { Theme } from './themes-query';

// Ranked library search (public.search_stories, RLS as the caller) shaped as library cards. The theme
// is joined here from the catalogue rather than embedded in the RPC's select: the generated types
// cannot see relationships of a function's result (queries.ts searchStories types as an error there).

const COLUMNS = 'id, title, summary, age_band, length, visibility, status, cover_path, theme_id, family_id, created_at';

export async function searchLibrary(
  supabase: SupabaseClient<Database>,
  filter: LibraryFilter & { sort?: LibrarySort },
  themes: Theme[],
) {
  const { data, error } = await supabase
    .rpc('search_stories', {
      p_query: filter.query ?? undefined,
      p_age_band: filter.ageBand ?? undefined,
      p_theme: filter.theme ?? undefined,
      p_length: filter.length ?? undefined,
      p_limit: filter.limit ?? 24,
      p_offset: filter.offset ?? 0,
      p_sort: filter.sort ?? 'relevance',
    })
    .select(COLUMNS);
  if (error) throw error;
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  return (data ?? []).map((story) => ({ ...story, themes: byId.get(story.theme_id) ?? null }));
}
