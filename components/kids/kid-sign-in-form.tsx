'use client';

import { kidSignInAction } from '@/app/kids/kid-sign-in-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useActionForm } from '@/lib/forms/use-action-form';
import { kidSignInSchema } from '@/lib/kids/kid-sign-in.schema';
import { KidField } from './kid-field';

export function KidSignInForm() {
  // A wrong PIN is typed again, not sent again: the field empties after a refusal.
  const { form, pending, error, fieldErrors } = useActionForm(kidSignInSchema, kidSignInAction, {
    clearOnError: ['pin'],
  });
  return (
    <form {...form} noValidate className="space-y-5">
      <FormAlert message={error} size="kid" />
      <KidField
        label="Family code"
        name="familyCode"
        autoCapitalize="characters"
        autoComplete="off"
        errors={fieldErrors.familyCode}
      />
      <KidField label="Your name" name="childName" autoComplete="off" errors={fieldErrors.childName} />
      <KidField
        label="Your PIN"
        name="pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        errors={fieldErrors.pin}
      />
      <Button type="submit" variant="kid" disabled={pending} className="w-full text-2xl">
        {pending ? 'Opening…' : "Let's read!"}
      </Button>
    </form>
  );
}
