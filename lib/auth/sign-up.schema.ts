import { z } from 'zod';
import { emailField } from './email-field';
import { newPasswordField } from './password-field';

// Validates the sign-up form in the browser and again in the server action.
export const signUpSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, 'Please tell us what to call you.')
    .max(80, 'Please keep your name under 80 characters.'),
  email: emailField,
  password: newPasswordField,
  // The browser's IANA time zone, sent by the form so the new family's bedtimes and daily minutes follow
  // local time from the start. The database checks it and falls back to UTC for anything it does not know.
  timeZone: z.string().trim().max(64).optional(),
});

export type SignUpInput = z.input<typeof signUpSchema>;
