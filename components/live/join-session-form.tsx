'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/lib/forms/use-action-form';
import { joinCodeSchema } from '@/lib/live/live.schema';
import { joinLiveSessionAction } from '@/lib/live/live-actions';

/** Join with a code (typed, or pre-filled from a /live/join/<code> link); a wrong or ended one says why. */
export function JoinSessionForm({ code, kid }: { code: string; kid: boolean }) {
  const router = useRouter();
  const { form, pending, error, fieldErrors } = useActionForm(joinCodeSchema, joinLiveSessionAction, {
    onSuccess: ({ sessionId }) => router.push(`/live/${sessionId}`),
  });
  return (
    <form {...form} aria-label="Join a live session" className="space-y-3">
      <TextField
        label="Join code"
        name="code"
        defaultValue={code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={16}
        hint="8 letters and numbers, from whoever runs the session."
        errors={fieldErrors.code}
        className={kid ? 'text-2xl tracking-widest' : 'font-mono tracking-widest'}
      />
      <Button type="submit" variant={kid ? 'kid' : 'primary'} disabled={pending}>
        {pending ? 'Joining…' : 'Join'}
      </Button>
      <FormAlert message={error} size={kid ? 'kid' : 'default'} />
    </form>
  );
}
