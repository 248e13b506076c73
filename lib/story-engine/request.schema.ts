import { z } from 'zod';
import { AGE_BANDS } from '@/lib/family/options';
import { checkSafety } from './checks/safety-filter';
import { ACCESSORIES, BODY_SHAPES, EAR_STYLES, PRONOUNS, TRAITS } from './types';

// What a provider accepts, checked before any writing starts. The wizard's schema (later, in
// lib/stories) can build on these so the form explains the same limits.

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colours are written like #a1b2c3.');

/** A character's name: letters (any alphabet), spaces, apostrophes and hyphens; nothing a child should not read. */
export const characterNameSchema = z
  .string()
  .trim()
  .min(1, 'Please give the character a name.')
  .max(24, 'A name can be at most 24 characters.')
  .regex(/^\p{L}[\p{L}\p{M}' -]*$/u, 'A name can only use letters, spaces, hyphens and apostrophes.')
  .refine((name) => checkSafety(name, '4-6').passed, "That name isn't allowed. Please choose another.");

export const characterSchema = z.object({
  id: z.string().min(1).max(64),
  name: characterNameSchema,
  kind: z
    .string()
    .trim()
    .min(1, 'Please say what the character is, like "fox" or "robot".')
    .max(24, 'Please keep what the character is to 24 characters.')
    .regex(/^\p{Ll}[\p{Ll}\p{M} -]*$/u, 'Please describe the character in small letters, like "fox".')
    .refine((kind) => checkSafety(kind, '4-6').passed, "That isn't allowed. Please choose another."),
  pronoun: z.enum(PRONOUNS),
  traits: z
    .array(z.enum(TRAITS))
    .min(1, 'Please choose at least one trait.')
    .max(3, 'Please choose up to three traits.'),
  look: z.object({
    shape: z.enum(BODY_SHAPES),
    body: colour,
    accent: colour,
    ears: z.enum(EAR_STYLES),
    accessory: z.enum(ACCESSORIES),
    accessoryColor: colour,
  }),
});

export const MAX_PROMPT_LENGTH = 500;

export const storyRequestSchema = z
  .object({
    ageBand: z.enum(AGE_BANDS),
    length: z.enum(['short', 'medium', 'long']),
    templateId: z.string().min(1).max(64).nullable(),
    prompt: z
      .string()
      .trim()
      .max(MAX_PROMPT_LENGTH, `Please keep the idea to ${MAX_PROMPT_LENGTH} characters.`)
      .nullable()
      .transform((p) => (p === '' ? null : p)),
    characters: z
      .array(characterSchema)
      .min(1, 'Please choose at least one character.')
      .max(4, 'A story can have up to four characters.')
      .refine((cast) => new Set(cast.map((c) => c.id)).size === cast.length, 'Each character can only be chosen once.')
      .refine(
        (cast) => new Set(cast.map((c) => c.name.toLowerCase())).size === cast.length,
        'Two characters in one story need different names.',
      ),
    themeId: z.string().min(1).max(64),
    moralId: z.string().min(1).max(64).nullable(),
    seed: z.number().int().min(0).max(2_147_483_647),
  })
  .refine((r) => r.templateId !== null || r.prompt !== null, {
    message: 'Please choose a template or describe your own idea.',
    path: ['prompt'],
  });
