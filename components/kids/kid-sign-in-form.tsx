'use client';

import { kidSignInAction } from '@/app/kids/kid-sign-in-action';
import { FormAlert } from '@/components/ui/form-alert';
import { useActionForm } from '@/lib/forms/use-action-form';
import { kidSignInSchema } from '@/lib/kids/kid-sign-in.schema';
import { KidField } from './kid-field';

export function KidSignInForm() {
  const { onSubmit, pending, error, fieldErrors } = useActionForm(kidSignInSchema, kidSignInAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
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
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-2xl bg-amber-400 px-6 py-4 text-2xl font-bold text-amber-950 shadow hover:bg-amber-300 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-60"
      >
        {pending ? 'Opening…' : "Let's read!"}
      </button>
    </form>
  );
}
