import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';
import type { LibrarySort } from './library-sort';
import type { Theme } from './themes-query';

type Client = SupabaseClient<Database>;

// The family's own shelf and its trash (public.list_family_stories, RLS as the caller: children never
// see the trash), shaped as library cards with the latest public request of each story. Themes are
// joined here as in library-search-query.ts (the generated types see no relationships of a function).

const COLUMNS =
  'id, title, summary, age_band, length, visibility, status, cover_path, theme_id, family_id, author_id, forked_from, created_at, deleted_at';

export async function listFamilyShelf(
  supabase: Client,
  { trash = false, sort = 'newest', limit = 50 }: { trash?: boolean; sort?: LibrarySort; limit?: number },
  themes: Theme[],
) {
  const { data, error } = await supabase
    .rpc('list_family_stories', { p_trash: trash, p_sort: sort, p_limit: limit })
    .select(COLUMNS);
  if (error) throw error;
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  return (data ?? []).map((story) => ({ ...story, themes: byId.get(story.theme_id) ?? null }));
}

export type ShelfStory = Awaited<ReturnType<typeof listFamilyShelf>>[number];

export type PublicRequest = { story_id: string; status: string; review_note: string | null; created_at: string };

/** The newest public request of each story (parents read their family's; children none). */
export async function getLatestPublicRequests(
  supabase: Client,
  { storyIds }: { storyIds: string[] },
): Promise<Map<string, PublicRequest>> {
  if (!storyIds.length) return new Map();
  const { data, error } = await supabase
    .from('story_public_requests')
    .select('story_id, status, review_note, created_at')
    .in('story_id', storyIds)
    .order('created_at', { ascending: false });
  if (error) throw error;
  const latest = new Map<string, PublicRequest>();
  for (const request of data ?? []) if (!latest.has(request.story_id)) latest.set(request.story_id, request);
  return latest;
}
