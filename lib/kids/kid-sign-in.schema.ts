import { z } from 'zod';

const kidPin = z
  .string()
  .trim()
  .regex(/^[0-9]{4,6}$/, 'Your PIN is 4 to 6 numbers.');

export const kidSignInSchema = z.object({
  familyCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6}$/, 'The family code has 6 letters and numbers.'),
  childName: z.string().trim().min(1, 'Type your name.').max(40, 'That name is too long.'),
  pin: kidPin,
});

/** The family device's sign-in: the avatar the child tapped and the PIN from the number pad. */
export const deviceSignInSchema = z.object({
  childId: z.uuid('Tap your picture first.'),
  pin: kidPin,
});

/** More time today; from inside a story ("to be continued") with the story and the page the child is on. */
export const moreTimeSchema = z.object({
  minutes: z.coerce.number().int().min(5).max(60),
  storyId: z.uuid().optional(),
  segmentId: z.uuid().optional(),
});

/** Leaving kid mode needs the parent PIN; a family without one is told to set it first. */
export const NO_PARENT_PIN =
  'A parent PIN is needed to leave kid mode. A grown-up can set one on the Family page (from any device), then enter it here.';

/** A child's session asking to sign out without the parent PIN. */
export const NO_SIGN_OUT_IN_KID_MODE = 'Ask a grown-up: leaving kid mode needs the parent PIN.';

export const leaveKidModeSchema = z.object({ pin: z.string().trim().optional() });
