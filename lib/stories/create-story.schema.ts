import { z } from 'zod';
import { idempotencyKeyField } from '@/lib/credits/credits.schema';
import { Constants } from '@/lib/database.types';

// The creation wizard's input, shared by the form (client) and createStory (server). The database
// checks it all again (create_story): these rules only make the common mistakes show at once.

export const PROMPT_MAX = 500;
export const CAST_MIN = 1;
export const CAST_MAX = 4;

const slug = (message: string) =>
  z
    .string(message)
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, message);

// Characters arrive as one comma-separated field: a form's FormData becomes a plain object with one
// value per name, so several checkboxes of one name would lose all but the last.
const characterIds = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : value,
  z
    .array(z.uuid('Please choose characters from the list.'), 'Please choose your characters.')
    .min(CAST_MIN, `Please choose ${CAST_MIN} to ${CAST_MAX} characters.`)
    .max(CAST_MAX, `Please choose ${CAST_MIN} to ${CAST_MAX} characters.`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each character can be chosen once.'),
);

export const createStorySchema = z
  .object({
    source: z.enum(['template', 'prompt'], 'Please choose a story idea or describe your own.'),
    templateId: z.string().trim().optional(),
    prompt: z.string().trim().max(PROMPT_MAX, `Please keep the story idea to ${PROMPT_MAX} characters.`).optional(),
    characterIds,
    themeId: slug('Please choose a theme.'),
    ageBand: z.enum(Constants.public.Enums.age_band, 'Please choose an age band.'),
    length: z.enum(Constants.public.Enums.story_length, 'Please choose a length.'),
    modelId: slug('Please choose a storyteller.'),
    idempotencyKey: idempotencyKeyField,
  })
  .superRefine((input, ctx) => {
    if (input.source === 'template' && !/^[a-z0-9][a-z0-9-]{0,79}$/.test(input.templateId ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['templateId'], message: 'Please choose a story idea.' });
    }
    if (input.source === 'prompt' && !input.prompt) {
      ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'Please describe your story idea.' });
    }
  });

export type CreateStoryInput = z.output<typeof createStorySchema>;

/** The create_story RPC's request: a template or a prompt, never both (the prompt is for "my own idea"). */
export function toStoryRequest(input: CreateStoryInput) {
  return {
    templateId: input.source === 'template' ? input.templateId : null,
    prompt: input.source === 'prompt' ? input.prompt : null,
    characterIds: input.characterIds,
    themeId: input.themeId,
    ageBand: input.ageBand,
    length: input.length,
    modelId: input.modelId,
  };
}
