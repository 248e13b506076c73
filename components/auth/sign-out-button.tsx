'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { signOutAction } from '@/lib/auth/sign-out-action';

export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function signOut() {
    startTransition(async () => {
      // On success the action redirects; a result only comes back when signing out failed.
      const result = await signOutAction({});
      if (result && !result.ok) setError(result.error);
    });
  }

  return (
    <span className="flex items-center gap-2">
      <Button variant="quiet" onClick={signOut} disabled={pending}>
        {pending ? 'Signing out…' : 'Sign out'}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      ) : null}
    </span>
  );
}
