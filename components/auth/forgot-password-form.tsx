'use client';

import Link from 'next/link';
import { forgotPasswordAction } from '@/app/(auth)/forgot-password/forgot-password-action';
import { Button } from '@/components/ui/button';
import { FormAlert, FormStatus } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { forgotPasswordSchema } from '@/lib/auth/password-reset.schema';
import { useActionForm } from '@/lib/forms/use-action-form';

export function ForgotPasswordForm() {
  const { form, pending, error, fieldErrors, data } = useActionForm(forgotPasswordSchema, forgotPasswordAction);
  return (
    <form {...form} noValidate className="space-y-4">
      <FormAlert message={error} />
      {data ? (
        <FormStatus message="If an account uses that address, a link to choose a new password is on its way. It works once, for an hour." />
      ) : null}
      <TextField label="E-mail" name="email" type="email" autoComplete="email" errors={fieldErrors.email} required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Sending…' : 'Send me a link'}
      </Button>
      <p className="text-center text-sm text-ink-muted">
        Remembered it?{' '}
        <Link href="/sign-in" className="font-medium text-accent-strong underline-offset-2 hover:underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
