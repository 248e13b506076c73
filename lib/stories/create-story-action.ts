'use server';

import type { MemberContext } from '@/lib/actions/action';
import { childAction, parentAction } from '@/lib/actions/action';
import type { Json } from '@/lib/database.types';
import { type CreateStoryInput, createStorySchema, toStoryRequest } from './create-story.schema';

export type StoryJobTicket = { storyId: string; jobId: string; credits: number };

// The ONE create RPC does everything (story, cast, job, credit hold, worker job) in one transaction and
// checks who asks (a child: creating allowed, band, allowance), so both wrappers share this handler.
async function createStory(input: CreateStoryInput, { supabase }: MemberContext): Promise<StoryJobTicket> {
  const { data, error } = await supabase.rpc('create_story', {
    p_request: toStoryRequest(input) as Json,
    p_idempotency_key: input.idempotencyKey,
  });
  if (error) throw error;
  const ticket = data as { story_id: string; job_id: string; credits: number };
  return { storyId: ticket.story_id, jobId: ticket.job_id, credits: ticket.credits };
}

/** A parent orders a new story (/stories/new). */
export const createStoryAction = parentAction(createStorySchema, createStory);

/** A child orders a new story in kid mode (/kids/create). */
export const createKidStoryAction = childAction(createStorySchema, createStory);
