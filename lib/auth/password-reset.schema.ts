import { z } from 'zod';
import { emailField } from './email-field';
import { newPasswordField } from './password-field';

export const forgotPasswordSchema = z.object({ email: emailField });

export const newPasswordSchema = z
  .object({ password: newPasswordField, confirm: z.string('Please type the new password again.') })
  .refine((value) => value.password === value.confirm, {
    path: ['confirm'],
    message: 'The two passwords are not the same.',
  });
