import { z } from 'zod';
import { wholeNumberField } from '@/lib/forms/number-field';
import { AVATAR_KEYS } from './avatars';

export const pinField = z
  .string('A PIN is 4 to 6 digits.')
  .trim()
  .regex(/^[0-9]{4,6}$/, 'A PIN is 4 to 6 digits.');

const childName = z
  .string("Please enter your child's name.")
  .trim()
  .min(1, "Please enter your child's name.")
  .max(40, 'Please keep the name under 40 characters.');

const avatar = z.enum(AVATAR_KEYS, 'Please choose an avatar.');

const thisYear = new Date().getFullYear();

export const addChildSchema = z.object({
  displayName: childName,
  birthYear: wholeNumberField({
    required: 'Please enter a birth year.',
    notANumber: 'Please enter a year like 2018.',
    whole: 'Please enter a year like 2018.',
    min: [thisYear - 13, `Tale Forge is for children aged 4 to 12: please enter a year from ${thisYear - 13}.`],
    max: [thisYear - 3, `Tale Forge is for children aged 4 to 12: please enter a year up to ${thisYear - 3}.`],
  }),
  avatar,
  pin: pinField,
});

export const childProfileSchema = z.object({ childId: z.uuid(), displayName: childName, avatar });

export const CONSENT_STATEMENT =
  'I am the parent or legal guardian of this child. I agree that Tale Forge may create an account for my child and ' +
  'process the data needed to run it (name, birth year, reading activity), and I can withdraw this consent at any time.';

export const consentSchema = z.object({
  childId: z.uuid(),
  confirm: z.literal('on', 'Please tick the box to confirm your consent.'),
});

export const withdrawConsentSchema = z.object({
  childId: z.uuid(),
  confirm: z.literal('on', 'Please tick the box to confirm you are withdrawing consent.'),
});

export const childPinSchema = z.object({ childId: z.uuid(), pin: pinField });

export const parentPinSchema = z.object({ pin: pinField });

export const pauseSchema = z.object({
  childId: z.uuid(),
  paused: z.enum(['true', 'false'], 'Please choose pause or resume.').transform((value) => value === 'true'),
});

export const deactivateChildSchema = z.object({
  childId: z.uuid(),
  confirm: z.literal('on', 'Please tick the box to confirm.'),
});

export const reactivateChildSchema = z.object({ childId: z.uuid(), pin: pinField });

// The choices a parent has when saying yes to more time; the database accepts 5 to 120.
export const GRANT_CHOICES = [15, 30, 60] as const;

export const decideRequestSchema = z
  .object({
    requestId: z.uuid(),
    decision: z.enum(['approve', 'deny'], 'Please choose approve or deny.'),
    minutes: z.enum(['15', '30', '60'], 'Please choose 15, 30 or 60 minutes.').optional(),
  })
  .transform(({ minutes, ...rest }) => ({ ...rest, minutes: minutes ? Number(minutes) : null }));

export const inviteCodeSchema = z.object({
  code: z
    .string('An invite code is 8 letters and digits.')
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, 'An invite code is 8 letters and digits.'),
});
