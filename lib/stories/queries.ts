import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Enums, Tables } from '@/lib/database.types';

// Reads of the stories domain: plain functions, client first, params second, throw on error. RLS
// decides what each caller sees (children: their band and below, while they may read).

type Client = SupabaseClient<Database>;

export type Story = Tables<'stories'>;
export type StorySegment = Tables<'story_segments'>;
export type StoryChoice = Tables<'story_choices'>;
export type GenerationJob = Tables<'generation_jobs'>;

/** The columns a library card needs. */
export const STORY_CARD_COLUMNS =
  'id, title, summary, age_band, length, visibility, status, cover_path, family_id, author_id, created_at, updated_at, deleted_at, themes(slug, name)';

/** One story with its cast, pages and choices: what the reader loads (one request). */
export async function getStoryForReading(supabase: Client, { storyId }: { storyId: string }) {
  const { data, error } = await supabase
    .from('stories')
    .select(
      `id, title, summary, age_band, length, visibility, status, family_id, author_id, start_segment_id, path_length, cover_path,
       themes(slug, name),
       story_characters(key, position, name, kind, pronoun, traits, look),
       story_segments!story_segments_story_id_fkey(id, key, depth, text, scene, place, character_keys, is_ending, illustration_path, hidden_at),
       story_choices(id, key, from_segment_id, to_segment_id, position, label)`,
    )
    .eq('id', storyId)
    .single();
  if (error) throw error;
  return data;
}

/** "Why was this shown?": a page's safety provenance (who wrote it, from what, the verdicts it passed). */
export async function getSegmentProvenance(supabase: Client, { segmentId }: { segmentId: string }) {
  const { data, error } = await supabase
    .from('story_segments')
    .select('id, key, provenance, created_at')
    .eq('id', segmentId)
    .single();
  if (error) throw error;
  return data;
}

export type LibraryFilter = {
  query?: string | null;
  ageBand?: Enums<'age_band'> | null;
  theme?: string | null;
  length?: Enums<'story_length'> | null;
  limit?: number;
  offset?: number;
};

/** Ranked full-text search over the stories the caller may read (public.search_stories). */
export async function searchStories(supabase: Client, filter: LibraryFilter = {}) {
  const { data, error } = await supabase
    .rpc('search_stories', {
      p_query: filter.query ?? undefined,
      p_age_band: filter.ageBand ?? undefined,
      p_theme: filter.theme ?? undefined,
      p_length: filter.length ?? undefined,
      p_limit: filter.limit ?? 20,
      p_offset: filter.offset ?? 0,
    })
    .select(STORY_CARD_COLUMNS);
  if (error) throw error;
  return data;
}

/** A family's own stories, newest first (trash included only when asked; parents see it). */
export async function getFamilyStories(
  supabase: Client,
  { familyId, trash = false, limit = 50 }: { familyId: string; trash?: boolean; limit?: number },
) {
  let query = supabase.from('stories').select(STORY_CARD_COLUMNS).eq('family_id', familyId);
  query = trash ? query.not('deleted_at', 'is', null) : query.is('deleted_at', null);
  const { data, error } = await query.order('updated_at', { ascending: false }).limit(limit);
  if (error) throw error;
  return data;
}

/** One generation job as its progress bar shows it. */
export async function getGenerationJob(supabase: Client, { jobId }: { jobId: string }) {
  const { data, error } = await supabase
    .from('generation_jobs')
    .select('id, story_id, kind, status, progress, credits_reserved, error_code, created_at, finished_at')
    .eq('id', jobId)
    .single();
  if (error) throw error;
  return data;
}

/** The reader's place in a story, or null before their first page. */
export async function getReadingProgress(
  supabase: Client,
  { storyId, readerId }: { storyId: string; readerId: string },
) {
  const { data, error } = await supabase
    .from('reading_progress')
    .select('story_id, path, finished_at, updated_at')
    .eq('story_id', storyId)
    .eq('reader_id', readerId)
    .maybeSingle();
  if (error) throw error;
  return data;
}

/** What the creation wizard offers: templates, themes, the caller's characters and the price list. */
export async function getStoryCatalogue(supabase: Client) {
  const [templates, themes, characters, models] = await Promise.all([
    supabase
      .from('story_templates')
      .select('slug, title, summary, template_themes(position, themes(slug))')
      .eq('available', true)
      .order('sort_order'),
    supabase.from('themes').select('slug, name, description, morals').order('sort_order'),
    supabase
      .from('characters')
      .select('id, slug, family_id, name, kind, pronoun, traits, look')
      .is('deleted_at', null)
      .order('family_id', { nullsFirst: false })
      .order('sort_order')
      .order('created_at'),
    supabase
      .from('generation_models')
      .select('slug, name, description, story_credits, branch_credits, featured, premium')
      .eq('available', true)
      .order('sort_order'),
  ]);
  for (const result of [templates, themes, characters, models]) if (result.error) throw result.error;
  return {
    templates: templates.data ?? [],
    themes: themes.data ?? [],
    characters: characters.data ?? [],
    models: models.data ?? [],
  };
}

export type StoryCatalogue = Awaited<ReturnType<typeof getStoryCatalogue>>;
