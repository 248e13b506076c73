'use client';

import { resetPasswordAction } from '@/app/(auth)/reset-password/reset-password-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { newPasswordSchema } from '@/lib/auth/password-reset.schema';
import { useActionForm } from '@/lib/forms/use-action-form';

export function ResetPasswordForm() {
  const { form, pending, error, fieldErrors } = useActionForm(newPasswordSchema, resetPasswordAction);
  return (
    <form {...form} noValidate className="space-y-4">
      <FormAlert message={error} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        errors={fieldErrors.password}
        required
      />
      <TextField
        label="New password again"
        name="confirm"
        type="password"
        autoComplete="new-password"
        errors={fieldErrors.confirm}
        required
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Saving…' : 'Save new password'}
      </Button>
    </form>
  );
}
