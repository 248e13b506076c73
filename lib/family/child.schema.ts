import { z } from 'zod';

export const pinField = z
  .string()
  .trim()
  .regex(/^[0-9]{4,6}$/, 'A PIN is 4 to 6 digits.');

const thisYear = new Date().getFullYear();

export const addChildSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, "Please enter your child's name.")
    .max(40, 'Please keep the name under 40 characters.'),
  birthYear: z.coerce
    .number('Please enter a birth year.')
    .int('Please enter a year like 2018.')
    .min(thisYear - 13, `Tale Forge is for children aged 4 to 12: please enter a year from ${thisYear - 13}.`)
    .max(thisYear - 3, `Tale Forge is for children aged 4 to 12: please enter a year up to ${thisYear - 3}.`),
  avatar: z.enum(['fox', 'owl', 'bear', 'cat', 'dragon', 'rabbit'], 'Please choose an avatar.'),
  pin: pinField,
});

export const CONSENT_STATEMENT =
  'I am the parent or legal guardian of this child. I agree that Tale Forge may create an account for my child and ' +
  'process the data needed to run it (name, birth year, reading activity), and I can withdraw this consent at any time.';

export const consentSchema = z.object({
  childId: z.uuid(),
  confirm: z.literal('on', 'Please tick the box to confirm your consent.'),
});

export const childPinSchema = z.object({ childId: z.uuid(), pin: pinField });

export const parentPinSchema = z.object({ pin: pinField });

export const decideRequestSchema = z.object({
  requestId: z.uuid(),
  decision: z.enum(['approve', 'deny']),
});

export const inviteCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, 'An invite code is 8 letters and digits.'),
});
