import { z } from 'zod';

// A new password (sign-up, reset): Auth's own minimum, and bcrypt only looks at the first 72 bytes.
export const newPasswordField = z
  .string('Please use at least 8 characters for your password.')
  .min(8, 'Please use at least 8 characters for your password.')
  .max(72, 'Please keep your password under 72 characters.');
