'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { signUpAction } from '@/app/(auth)/sign-up/sign-up-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { signUpSchema } from '@/lib/auth/sign-up.schema';
import { useActionForm } from '@/lib/forms/use-action-form';

export function SignUpForm() {
  const { form, pending, error, fieldErrors } = useActionForm(signUpSchema, signUpAction);
  // Read after mount: the server render cannot know the browser's time zone.
  const [timeZone, setTimeZone] = useState('');
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? ''), []);

  return (
    <form {...form} noValidate className="space-y-4">
      <FormAlert message={error} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <TextField
        label="Your name"
        name="displayName"
        autoComplete="name"
        hint="This is how Tale Forge greets you."
        errors={fieldErrors.displayName}
        required
      />
      <TextField label="E-mail" name="email" type="email" autoComplete="email" errors={fieldErrors.email} required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        errors={fieldErrors.password}
        required
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
      <p className="text-center text-sm text-ink-muted">
        Already have an account?{' '}
        <Link href="/sign-in" className="font-medium text-accent hover:text-accent-hover">
          Sign in
        </Link>
      </p>
    </form>
  );
}
