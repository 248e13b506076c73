import { z } from 'zod';
import { idempotencyKeyField } from '@/lib/credits/credits.schema';

// The library's requests (rename, trash, restore, who reads, ask for public, remix, a moderator's
// answer), shared by their actions and forms. The database checks each again and decides who may.

export const STORY_TITLE_MAX = 120;

/** As the database stores it: runs of spaces become one, no spaces at the ends. */
export const tidyTitle = (title: string) => title.replace(/\s+/g, ' ').trim();

export const storyIdSchema = z.object({ storyId: z.uuid() });

export const renameStorySchema = z.object({
  storyId: z.uuid(),
  title: z
    .string()
    .transform(tidyTitle)
    .pipe(
      z
        .string()
        .min(1, 'Please give the story a title.')
        .max(STORY_TITLE_MAX, `Please keep the title to ${STORY_TITLE_MAX} characters.`),
    ),
});

/** Public is never chosen here: it needs a moderator (requestStoryPublicAction). */
export const FAMILY_VISIBILITIES = ['private', 'family'] as const;

export const storyVisibilitySchema = z.object({
  storyId: z.uuid(),
  visibility: z.enum(FAMILY_VISIBILITIES, 'Please choose who can read this story.'),
});

export const remixStorySchema = z.object({ storyId: z.uuid(), idempotencyKey: idempotencyKeyField });

export const reviewPublicRequestSchema = z.object({
  requestId: z.uuid(),
  decision: z.enum(['approve', 'reject'], 'Please choose approve or reject.'),
  note: z
    .string()
    .trim()
    .max(500, 'Please keep the note under 500 characters.')
    .transform((note) => note || undefined)
    .optional(),
});
