import { z } from 'zod';
import { idempotencyKeyField } from '@/lib/credits/credits.schema';
import { Constants } from '@/lib/database.types';

// The reader's requests (retry a failed job, explore a choice, report a page, save the path), shared by
// their actions and forms. The database checks each again (RLS, the path trigger, the RPCs).

export const storyJobSchema = z.object({ jobId: z.uuid(), idempotencyKey: idempotencyKeyField });

export const continueStorySchema = z.object({ choiceId: z.uuid(), idempotencyKey: idempotencyKeyField });

export const reportSegmentSchema = z.object({
  segmentId: z.uuid(),
  reason: z.enum(Constants.public.Enums.story_report_reason, 'Please say what was wrong.'),
  note: z.string().trim().max(500, 'Please keep it under 500 characters.').optional(),
});

export const readingPathSchema = z.object({
  storyId: z.uuid(),
  path: z.array(z.uuid()).min(1).max(64),
});

export const favouriteSchema = z.object({
  storyId: z.uuid(),
  // From a form a checkbox-like "true"/"false"; from code a boolean.
  favourite: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});
