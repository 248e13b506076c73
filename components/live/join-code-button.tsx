'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { joinLiveSessionAction } from '@/lib/live/live-actions';

/** "Join" on a session of the family's list: the same join as typing its code. */
export function JoinCodeButton({ code, title, kid }: { code: string; title: string; kid: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        variant={kid ? 'kid' : 'secondary'}
        disabled={pending}
        aria-label={`Join “${title}”`}
        onClick={() =>
          start(async () => {
            const result = await joinLiveSessionAction({ code });
            if (result.ok) router.push(`/live/${result.data.sessionId}`);
            else setError(result.error);
          })
        }
      >
        {pending ? 'Joining…' : 'Join'}
      </Button>
      <FormAlert message={error} size={kid ? 'kid' : 'default'} />
    </div>
  );
}
