'use client';

import { addChildAction } from '@/app/parent/add-child-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { addChildSchema } from '@/lib/family/child.schema';
import { useActionForm } from '@/lib/forms/use-action-form';
import { AVATARS } from './avatars';
import { FieldError } from './field-error';

export function AddChildForm() {
  const { onSubmit, pending, error, fieldErrors, data } = useActionForm(addChildSchema, addChildAction, (_data, form) =>
    form.reset(),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Add a child">
      <div className="sm:col-span-2">
        <FormAlert message={error} />
        {data ? (
          <p role="status" className="text-sm text-success">
            Child added. Give your consent under “Children” above to activate the account.
          </p>
        ) : null}
      </div>
      <TextField
        label="Child's name"
        name="displayName"
        hint="Your child types this name at /kids to sign in."
        errors={fieldErrors.displayName}
      />
      <TextField
        label="Birth year"
        name="birthYear"
        inputMode="numeric"
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
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-ink">Avatar</legend>
        <div className="flex flex-wrap gap-2">
          {Object.entries(AVATARS).map(([key, emoji], index) => (
            <label key={key} className="flex cursor-pointer items-center gap-1 rounded-md border border-line px-2 py-1">
              <input type="radio" name="avatar" value={key} defaultChecked={index === 0} aria-label={key} />
              <span aria-hidden="true">{emoji}</span>
            </label>
          ))}
        </div>
        <FieldError errors={fieldErrors.avatar} />
      </fieldset>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add child'}
        </Button>
      </div>
    </form>
  );
}
