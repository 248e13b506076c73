import { z } from 'zod';

// Auth lower-cases e-mails on sign-up; doing the same here keeps sign-in forgiving of capitals.
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Please enter your e-mail address.')
  .pipe(z.email('Please enter a valid e-mail address.'));
