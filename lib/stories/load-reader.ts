import 'server-only';
import { notFound } from 'next/navigation';
import { createClient } from '@/lib/supabase/server';
import { getReadingProgress } from './queries';
import { getLatestStoryJob } from './story-job-query';
import { getBranchCredits } from './story-price-query';
import { getReaderData } from './story-reader-query';

// What both reader routes render from: the story as the reader may see it (RLS: a story they may not
// read is "not found", never a hint that it exists), where they left off and the branch price.
export async function loadReader({
  storyId,
  readerId,
  familyId,
}: {
  storyId: string;
  readerId: string;
  familyId: string;
}) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(storyId)) notFound();
  const supabase = await createClient();
  let data: Awaited<ReturnType<typeof getReaderData>>;
  try {
    data = await getReaderData(supabase, { storyId });
  } catch (error) {
    if ((error as { code?: string }).code === 'PGRST116') notFound();
    throw error;
  }
  const [progress, branchCredits, job] = await Promise.all([
    getReadingProgress(supabase, { storyId, readerId }),
    getBranchCredits(supabase, { storyId }),
    data.story.status === 'ready' ? null : getLatestStoryJob(supabase, { storyId }),
  ]);
  return {
    data,
    savedPath: progress?.path ?? null,
    branchCredits,
    // A story still being written, or whose job failed: the job's live progress or "Try again".
    jobId: job?.id ?? null,
    // Continuations are for the family's own stories (continue_story refuses others anyway).
    canExplore: data.story.family_id === familyId && data.story.status === 'ready',
  };
}
