'use client';

import { Pause, Play } from 'lucide-react';
import { setPausedAction } from '@/app/parent/set-paused-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { pauseSchema } from '@/lib/family/child.schema';
import { useInvalidateFamily } from '@/lib/family/use-invalidate-family';
import { useActionForm } from '@/lib/forms/use-action-form';

/** "Pause now" / "Resume" in one tap; the child's screen follows within seconds (realtime). */
export function PauseButton({ childId, childName, paused }: { childId: string; childName: string; paused: boolean }) {
  const { form, pending, error } = useActionForm(pauseSchema, setPausedAction, { onSuccess: useInvalidateFamily() });
  return (
    <form {...form} aria-label={`Pause or resume ${childName}`} className="space-y-1">
      <input type="hidden" name="childId" value={childId} />
      <input type="hidden" name="paused" value={paused ? 'false' : 'true'} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {paused ? <Play aria-hidden="true" className="size-4" /> : <Pause aria-hidden="true" className="size-4" />}
        {paused ? 'Resume' : 'Pause now'}
      </Button>
      <FormAlert message={error} />
    </form>
  );
}
