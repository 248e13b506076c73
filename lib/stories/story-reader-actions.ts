'use server';

import { userAction } from '@/lib/actions/action';
import type { StoryJobTicket } from './create-story-action';
import { continueStorySchema, readingPathSchema, reportSegmentSchema, storyJobSchema } from './story-reader.schema';

// The reader's writes, for parents and children alike: the database decides who may (the RPCs check
// family, band and allowance; RLS and the path trigger check reading progress).

type Ticket = { story_id: string; job_id: string; credits: number };
const toTicket = (data: unknown): StoryJobTicket => {
  const ticket = data as Ticket;
  return { storyId: ticket.story_id, jobId: ticket.job_id, credits: ticket.credits };
};

/** "Continue this branch": a continuation job for an unexplored choice (1 credit). */
export const continueStoryAction = userAction(
  continueStorySchema,
  async ({ choiceId, idempotencyKey }, { supabase }) => {
    const { data, error } = await supabase.rpc('continue_story', {
      p_choice_id: choiceId,
      p_idempotency_key: idempotencyKey,
    });
    if (error) throw error;
    return toTicket(data);
  },
);

/** "Try again" after a failed job: a new job and a new credit hold. */
export const retryStoryJobAction = userAction(storyJobSchema, async ({ jobId, idempotencyKey }, { supabase }) => {
  const { data, error } = await supabase.rpc('retry_generation_job', {
    p_job_id: jobId,
    p_idempotency_key: idempotencyKey,
  });
  if (error) throw error;
  return toTicket(data);
});

/** "Report this page": hidden at once, queued for moderation, rewritten, its credit refunded. */
export const reportSegmentAction = userAction(
  reportSegmentSchema,
  async ({ segmentId, reason, note }, { supabase }) => {
    const { error } = await supabase.rpc('report_segment', {
      p_segment_id: segmentId,
      p_reason: reason,
      p_note: note ?? undefined,
    });
    if (error) throw error;
    return { reported: true };
  },
);

/** Bookmarks the exact path the reader took (one row per reader and story). */
export const saveReadingPathAction = userAction(readingPathSchema, async ({ storyId, path }, { supabase }) => {
  const { error } = await supabase
    .from('reading_progress')
    .upsert({ story_id: storyId, path }, { onConflict: 'reader_id,story_id' });
  if (error) throw error;
  return { saved: path.length };
});
