import { z } from 'zod';
import { emailField } from './email-field';

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, 'Please enter your password.'),
  // Where to go after signing in (set by the proxy when it bounced a signed-out visitor).
  next: z.string().optional(),
});

export type SignInInput = z.input<typeof signInSchema>;
