import { z } from 'zod';
import { Constants } from '@/lib/database.types';

// The requests of live sessions, shared by their server actions and forms. The database checks each
// again (who may, the ranges, the state) and its refusal becomes a sentence through userMessage.

export const VOTE_SECONDS = { min: 15, max: 1800, default: 30 } as const;
export const JOIN_CODE_LENGTH = 8;

/** Join codes as people type them: any case, spaces and dashes allowed. */
export const tidyJoinCode = (code: string) => code.replace(/[\s-]+/g, '').toUpperCase();

export const joinCodeSchema = z.object({
  code: z
    .string()
    .transform(tidyJoinCode)
    .pipe(z.string().regex(/^[A-Z0-9]{8}$/, `A join code has ${JOIN_CODE_LENGTH} letters and numbers.`)),
});

const voteSeconds = z.coerce
  .number({ error: 'Please give the vote a length in seconds.' })
  .int()
  .min(VOTE_SECONDS.min, `A vote lasts at least ${VOTE_SECONDS.min} seconds.`)
  .max(VOTE_SECONDS.max, `A vote lasts at most ${VOTE_SECONDS.max / 60} minutes.`);

export const createSessionSchema = z
  .object({
    title: z
      .string()
      .transform((title) => title.replace(/\s+/g, ' ').trim())
      .pipe(z.string().min(1, 'Please give the session a title.').max(80, 'Please keep the title to 80 characters.')),
    when: z.enum(['now', 'later']).default('now'),
    // <input type="datetime-local"> has no zone; the form adds the device's offset (minutes, as getTimezoneOffset).
    scheduledStart: z.string().optional().default(''),
    offsetMinutes: z.coerce.number().int().min(-840).max(840).default(0),
    chatMode: z.enum(Constants.public.Enums.live_chat_mode).default('filtered'),
    voteSeconds: voteSeconds.default(VOTE_SECONDS.default),
    resultsVisibility: z.enum(Constants.public.Enums.live_results_visibility).default('live'),
  })
  .transform((input, ctx) => {
    if (input.when === 'now') return { ...input, scheduledStartIso: null };
    const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(input.scheduledStart);
    if (!local) {
      ctx.addIssue({ code: 'custom', path: ['scheduledStart'], message: 'Please choose a day and time.' });
      return z.NEVER;
    }
    const [, y, mo, d, h, mi] = local.map(Number);
    const utc = Date.UTC(y, mo - 1, d, h, mi) + input.offsetMinutes * 60_000;
    return { ...input, scheduledStartIso: new Date(utc).toISOString() };
  });

export const sessionIdSchema = z.object({ sessionId: z.uuid() });
export const roundIdSchema = z.object({ roundId: z.uuid() });

/** The round steps that take only the round, each the RPC of the same name (`lock` → lock_round). */
export const ROUND_STEPS = ['lock', 'reveal', 'apply', 'cancel', 'pause', 'resume'] as const;
export type RoundStep = (typeof ROUND_STEPS)[number];
export const roundStepSchema = roundIdSchema.extend({ step: z.enum(ROUND_STEPS, 'Please choose a step of the vote.') });
export const messageIdSchema = z.object({ messageId: z.uuid() });

export const shortlistSchema = z.object({
  sessionId: z.uuid(),
  storyIds: z
    .array(z.uuid())
    .min(2, 'Please choose 2 to 4 stories for the vote.')
    .max(4, 'Please choose 2 to 4 stories for the vote.'),
});

export const sessionStorySchema = z.object({ sessionId: z.uuid(), storyId: z.uuid() });
export const pickStorySchema = z.object({ sessionId: z.uuid(), storyId: z.uuid().nullable().default(null) });

export const openRoundSchema = z.object({ sessionId: z.uuid(), seconds: voteSeconds });
export const roundChoiceSchema = z.object({ roundId: z.uuid(), choiceId: z.uuid() });
export const sessionChoiceSchema = z.object({ sessionId: z.uuid(), choiceId: z.uuid() });

export const chatMessageSchema = z
  .object({
    sessionId: z.uuid(),
    body: z.string().trim().max(500, 'A message must be 1 to 500 characters long.').optional(),
    phraseId: z.uuid().optional(),
  })
  .refine((input) => Boolean(input.phraseId) || Boolean(input.body), {
    path: ['body'],
    message: 'Please write a message first.',
  });

export const reportMessageSchema = z.object({
  messageId: z.uuid(),
  reason: z.string().trim().max(200, 'Please keep the reason to 200 characters.').default(''),
});
export const reviewMessageSchema = z.object({ messageId: z.uuid(), approve: z.boolean() });

export const timeoutSchema = z.object({
  sessionId: z.uuid(),
  userId: z.uuid(),
  seconds: z.coerce.number().int().min(10).max(3600),
});
export const banSchema = z.object({
  sessionId: z.uuid(),
  userId: z.uuid(),
  reason: z.string().trim().max(200, 'Please keep the reason to 200 characters.').optional(),
});
export const participantSchema = z.object({ sessionId: z.uuid(), userId: z.uuid() });
export const participantRoleSchema = participantSchema.extend({ role: z.enum(['moderator', 'viewer']) });
export const phraseSchema = z.object({
  sessionId: z.uuid(),
  text: z.string().trim().min(1, 'Please write the phrase.').max(60, 'Please keep a phrase to 60 characters.'),
});
