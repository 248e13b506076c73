'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useIdempotencyKey } from '@/lib/credits/use-idempotency-key';
import { useActionForm } from '@/lib/forms/use-action-form';
import { remixStorySchema } from '@/lib/stories/library.schema';
import { remixStoryAction } from '@/lib/stories/library-actions';

/** "Remix": a free copy of a public story in the family, opened as soon as it exists. */
export function RemixStoryButton({ storyId, title }: { storyId: string; title: string }) {
  const router = useRouter();
  const [key, renewKey] = useIdempotencyKey();
  const { form, pending, error } = useActionForm(remixStorySchema, remixStoryAction, {
    onSuccess: (data) => {
      renewKey();
      router.push(`/stories/${data.storyId}`);
    },
  });
  return (
    <form {...form} noValidate aria-label={`Remix “${title}” into our family`} className="space-y-2">
      <input type="hidden" name="storyId" value={storyId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <FormAlert message={error} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending || !key}>
        Remix into our family (free)
      </Button>
    </form>
  );
}
