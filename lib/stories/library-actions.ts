'use server';

import { revalidatePath } from 'next/cache';
import { parentAction, userAction } from '@/lib/actions/action';
import {
  remixStorySchema,
  renameStorySchema,
  reviewPublicRequestSchema,
  storyIdSchema,
  storyVisibilitySchema,
} from './library.schema';

// The library's writes: each is one RPC, and the database decides who may (author or parent; restore,
// public requests and remix for parents; reviews for moderators). The wrappers only say who may try.

const refreshLibrary = () => {
  revalidatePath('/stories');
  revalidatePath('/stories/trash');
};

export const renameStoryAction = userAction(renameStorySchema, async ({ storyId, title }, { supabase }) => {
  const { data, error } = await supabase.rpc('rename_story', { p_story_id: storyId, p_title: title });
  if (error) throw error;
  refreshLibrary();
  return data as { story_id: string; title: string };
});

export const setStoryVisibilityAction = userAction(
  storyVisibilitySchema,
  async ({ storyId, visibility }, { supabase }) => {
    const { error } = await supabase.rpc('set_story_visibility', { p_story_id: storyId, p_visibility: visibility });
    if (error) throw error;
    refreshLibrary();
    return { visibility };
  },
);

export const trashStoryAction = userAction(storyIdSchema, async ({ storyId }, { supabase }) => {
  const { error } = await supabase.rpc('trash_story', { p_story_id: storyId });
  if (error) throw error;
  refreshLibrary();
  return { trashed: true };
});

export const restoreStoryAction = parentAction(storyIdSchema, async ({ storyId }, { supabase }) => {
  const { error } = await supabase.rpc('restore_story', { p_story_id: storyId });
  if (error) throw error;
  refreshLibrary();
  return { restored: true };
});

export const requestStoryPublicAction = parentAction(storyIdSchema, async ({ storyId }, { supabase }) => {
  const { error } = await supabase.rpc('request_story_public', { p_story_id: storyId });
  if (error) throw error;
  refreshLibrary();
  return { requested: true };
});

/** A free copy of a public story in the family (the copy's pictures follow from a free job). */
export const remixStoryAction = parentAction(remixStorySchema, async ({ storyId, idempotencyKey }, { supabase }) => {
  const { data, error } = await supabase.rpc('remix_story', {
    p_story_id: storyId,
    p_idempotency_key: idempotencyKey,
  });
  if (error) throw error;
  refreshLibrary();
  return { storyId: (data as { story_id: string }).story_id };
});

export const reviewPublicRequestAction = userAction(
  reviewPublicRequestSchema,
  async ({ requestId, decision, note }, { supabase }) => {
    const { data, error } = await supabase.rpc('review_story_public_request', {
      p_request_id: requestId,
      p_approve: decision === 'approve',
      p_note: note,
    });
    if (error) throw error;
    revalidatePath('/moderation');
    revalidatePath('/stories');
    return data as { request_id: string; status: string };
  },
);
