'use client';

import type { z } from 'zod';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { ActionResult } from '@/lib/actions/action-result';
import { useActionForm } from '@/lib/forms/use-action-form';

/**
 * One button that sends one library action for one story (trash, restore, ask for public): a form of
 * its own, so it works before scripts load and says why when the database refuses.
 */
export function StoryActionButton<T>({
  schema,
  action,
  fields,
  label,
  formLabel,
  variant = 'secondary',
  onDone,
}: {
  schema: z.ZodType;
  action: (input: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  label: string;
  /** The form's accessible name ("Move “The Big Day” to the trash"). */
  formLabel: string;
  variant?: ButtonVariant;
  onDone?: (data: T) => void;
}) {
  const { form, pending, error } = useActionForm(schema, action, { onSuccess: (data) => onDone?.(data) });
  return (
    <form {...form} noValidate aria-label={formLabel} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormAlert message={error} />
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
