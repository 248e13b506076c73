import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';
import { getIllustrationUrls } from './illustration-urls-query';
import { getStoryForReading } from './queries';

export type ReaderStory = Awaited<ReturnType<typeof getStoryForReading>>;
export type ReaderSegment = ReaderStory['story_segments'][number];
export type ReaderChoice = ReaderStory['story_choices'][number];
export type ReaderData = { story: ReaderStory; pictures: Record<string, string> };

/** What the reader shows: the story with its pages and choices, and a loadable URL per picture. */
export async function getReaderData(supabase: SupabaseClient<Database>, { storyId }: { storyId: string }) {
  const story = await getStoryForReading(supabase, { storyId });
  const pictures = await getIllustrationUrls(supabase, {
    paths: story.story_segments.map((segment) => segment.illustration_path),
  });
  return { story, pictures } satisfies ReaderData;
}
