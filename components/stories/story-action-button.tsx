'use client';

import type { z } from 'zod';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { ActionResult } from '@/lib/actions/action-result';
import { useActionForm } from '@/lib/forms/use-action-form';
import { storyIdSchema, storyVisibilitySchema } from '@/lib/stories/library.schema';
import {
  requestStoryPublicAction,
  restoreStoryAction,
  setStoryVisibilityAction,
  trashStoryAction,
} from '@/lib/stories/library-actions';

type Kind = {
  schema: z.ZodType;
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  extra?: Record<string, string>;
  label: string;
  formLabel: (title: string) => string;
  variant: ButtonVariant;
};

// Chosen by name, so server pages can place one (schemas and actions do not cross to the client as props).
const KINDS = {
  trash: {
    schema: storyIdSchema,
    action: trashStoryAction,
    label: 'Move to the trash',
    formLabel: (title) => `Move “${title}” to the trash`,
    variant: 'danger',
  },
  restore: {
    schema: storyIdSchema,
    action: restoreStoryAction,
    label: 'Restore',
    formLabel: (title) => `Restore “${title}”`,
    variant: 'secondary',
  },
  requestPublic: {
    schema: storyIdSchema,
    action: requestStoryPublicAction,
    label: 'Ask for the public library',
    formLabel: (title) => `Ask for “${title}” in the public library`,
    variant: 'secondary',
  },
  backToFamily: {
    schema: storyVisibilitySchema,
    action: setStoryVisibilityAction,
    extra: { visibility: 'family' },
    label: 'Take it back to the family',
    formLabel: (title) => `Take “${title}” back to the family`,
    variant: 'secondary',
  },
} satisfies Record<string, Kind>;

/**
 * One button that sends one library action for one story (trash, restore, ask for public, back to the
 * family): a form of its own, so it works before scripts load and says why when the database refuses.
 */
export function StoryActionButton({
  kind,
  storyId,
  title,
}: {
  kind: keyof typeof KINDS;
  storyId: string;
  title: string;
}) {
  const { schema, action, label, formLabel, variant, ...rest } = KINDS[kind] as Kind;
  const { form, pending, error } = useActionForm(schema, action);
  return (
    <form {...form} noValidate aria-label={formLabel(title)} className="space-y-2">
      <input type="hidden" name="storyId" value={storyId} />
      {Object.entries(rest.extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormAlert message={error} />
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
