'use client';

import { updateChildProfileAction } from '@/app/parent/update-child-profile-action';
import { Button } from '@/components/ui/button';
import { FormAlert, FormStatus } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import type { AvatarKey } from '@/lib/family/avatars';
import { childProfileSchema } from '@/lib/family/child.schema';
import { useInvalidateFamily } from '@/lib/family/use-invalidate-family';
import { useActionForm } from '@/lib/forms/use-action-form';
import { AvatarPicker } from './avatar-picker';

/** Rename and avatar: the new name is also the one the child signs in with. */
export function ChildProfileForm({
  childId,
  name,
  avatar,
}: {
  childId: string;
  name: string;
  avatar: AvatarKey | null;
}) {
  const { form, pending, error, fieldErrors, data } = useActionForm(childProfileSchema, updateChildProfileAction, {
    warnUnsaved: true,
    onSuccess: useInvalidateFamily(),
  });
  return (
    <form {...form} noValidate className="space-y-4" aria-label="Name and avatar">
      <input type="hidden" name="childId" value={childId} />
      <FormAlert message={error} />
      <div className="max-w-sm">
        <TextField
          label="Name"
          name="displayName"
          defaultValue={name}
          autoComplete="off"
          hint="Your child signs in with this name."
          errors={fieldErrors.displayName}
        />
      </div>
      <AvatarPicker current={avatar} errors={fieldErrors.avatar} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Save name and avatar'}
        </Button>
        {data && !error ? <FormStatus message="Saved." /> : null}
      </div>
    </form>
  );
}
