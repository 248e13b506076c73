'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { leaveLiveSessionAction } from '@/lib/live/live-actions';
import { useLiveStep } from '@/lib/live/use-live-step';

/** A participant leaves (they keep the transcript and results); back to /live. The host ends instead. */
export function LeaveSessionButton({ sessionId, kid }: { sessionId: string; kid: boolean }) {
  const router = useRouter();
  const { run, pending, error } = useLiveStep();
  return (
    <div className="space-y-1">
      <Button
        variant={kid ? 'secondary' : 'quiet'}
        size={kid ? 'kid' : 'sm'}
        disabled={pending}
        onClick={() =>
          run(
            () => leaveLiveSessionAction({ sessionId }),
            () => router.push('/live'),
          )
        }
      >
        Leave
      </Button>
      <FormAlert message={error} size={kid ? 'kid' : 'default'} />
    </div>
  );
}
