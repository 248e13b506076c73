'use client';

import { useRouter } from 'next/navigation';
import { addChildAction } from '@/app/parent/add-child-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { addChildSchema } from '@/lib/family/child.schema';
import { useActionForm } from '@/lib/forms/use-action-form';
import { AvatarPicker } from './avatar-picker';

export function AddChildForm() {
  const router = useRouter();
  // The next step is consent, on the new child's own page.
  const { form, pending, error, fieldErrors } = useActionForm(addChildSchema, addChildAction, {
    onSuccess: ({ childId }) => router.push(`/parent/children/${childId}?added=1#consent`),
  });

  return (
    <form {...form} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Add a child">
      <div className="empty:hidden sm:col-span-2">
        <FormAlert message={error} />
      </div>
      <TextField
        label="Child's name"
        name="displayName"
        autoComplete="off"
        hint="Your child picks or types this name to sign in."
        errors={fieldErrors.displayName}
      />
      <TextField
        label="Birth year"
        name="birthYear"
        inputMode="numeric"
        autoComplete="off"
        hint="Only the year: it sets the starting age band."
        errors={fieldErrors.birthYear}
      />
      <TextField
        label="Child's PIN"
        name="pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        hint="4 to 6 digits your child will remember. Stored only as a hash."
        errors={fieldErrors.pin}
      />
      <AvatarPicker errors={fieldErrors.avatar} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add child'}
        </Button>
      </div>
    </form>
  );
}
