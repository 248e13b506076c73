import { z } from 'zod';
import { emailField } from './email-field';

// Validates the sign-up form in the browser and again in the server action.
export const signUpSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, 'Please tell us what to call you.')
    .max(80, 'Please keep your name under 80 characters.'),
  email: emailField,
  password: z
    .string()
    .min(8, 'Please use at least 8 characters for your password.')
    // bcrypt only looks at the first 72 bytes; Auth rejects longer passwords.
    .max(72, 'Please keep your password under 72 characters.'),
  // The browser's IANA time zone, sent by the form so the new family's bedtimes and daily minutes follow
  // local time from the start. The database checks it and falls back to UTC for anything it does not know.
  timeZone: z.string().trim().max(64).optional(),
});

export type SignUpInput = z.input<typeof signUpSchema>;
