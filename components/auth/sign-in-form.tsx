'use client';

import Link from 'next/link';
import { signInAction } from '@/app/(auth)/sign-in/sign-in-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { signInSchema } from '@/lib/auth/sign-in.schema';
import { useActionForm } from '@/lib/forms/use-action-form';

export function SignInForm({ next }: { next?: string }) {
  const { form, pending, error, fieldErrors } = useActionForm(signInSchema, signInAction, {
    clearOnError: ['password'],
  });

  return (
    <form {...form} noValidate className="space-y-4">
      <FormAlert message={error} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField label="E-mail" name="email" type="email" autoComplete="email" errors={fieldErrors.email} required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        errors={fieldErrors.password}
        required
      />
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-accent-strong underline-offset-2 hover:underline">
          Forgot password?
        </Link>
      </p>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-center text-sm text-ink-muted">
        New to Tale Forge?{' '}
        <Link href="/sign-up" className="font-medium text-accent hover:text-accent-hover">
          Create an account
        </Link>
      </p>
    </form>
  );
}
