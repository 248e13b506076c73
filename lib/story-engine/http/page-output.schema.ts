import { z } from 'zod';
import { SCENE_KINDS } from '../types';

// What a model must answer for one page. Anything else in its answer is dropped (zod strips unknown
// keys), and nothing in it is ever treated as an instruction: it is text to check and store.

const hasControlCharacters = (text: string) =>
  [...text].some((ch) => {
    const code = ch.charCodeAt(0);
    return (code < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t') || code === 127;
  });

// Stories need no markup and no control characters; an answer containing either is sent back.
const plain = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !/[<>]/.test(text), 'markup is not allowed')
    .refine((text) => !hasControlCharacters(text), 'control characters are not allowed');

export const pageOutputSchema = z.object({
  text: plain(2000),
  scene: z.enum(SCENE_KINDS),
  place: plain(60),
  characters: z.array(z.string().max(40)).max(8),
  choices: z.array(z.object({ label: plain(80), prompt: plain(300) })).max(4),
  title: plain(80).optional(),
  summary: plain(200).optional(),
});

export type PageOutput = z.infer<typeof pageOutputSchema>;
