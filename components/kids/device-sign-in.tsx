'use client';

import { useState, useTransition } from 'react';
import { deviceSignInAction } from '@/app/kids/device-sign-in-action';
import { FormAlert } from '@/components/ui/form-alert';
import type { DeviceChild } from '@/lib/devices/queries';
import { avatarEmoji } from '@/lib/family/avatars';
import { PinPad } from './pin-pad';

/**
 * Sign-in on a family device: the family's children as big avatars; the child taps theirs and types
 * their PIN on the number pad. A wrong PIN clears the pad and says how many tries are left.
 */
export function DeviceSignIn({ kids }: { kids: DeviceChild[] }) {
  const [chosen, setChosen] = useState<DeviceChild | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, startTransition] = useTransition();

  function signIn(pin: string) {
    if (!chosen) return;
    setError(null);
    startTransition(async () => {
      // On success the action redirects to the reader and resolves to nothing.
      const result = await deviceSignInAction({ childId: chosen.child_id, pin });
      if (result && !result.ok) {
        setError(result.error);
        setAttempt((n) => n + 1);
      }
    });
  }

  if (!chosen) {
    if (!kids.length) {
      return (
        <p role="status" className="text-center text-xl text-kid-ink-muted">
          No one can sign in here yet. A grown-up needs to finish setting up the children's accounts.
        </p>
      );
    }
    return (
      <>
        <p className="text-xl text-kid-ink-muted">Tap your picture.</p>
        <ul className="flex flex-wrap justify-center gap-5 sm:gap-8" aria-label="Who's reading?">
          {kids.map((kid) => (
            <li key={kid.child_id}>
              <button
                type="button"
                onClick={() => {
                  setChosen(kid);
                  setError(null);
                }}
                className="flex w-36 flex-col items-center gap-3 rounded-kid bg-kid-surface p-4 shadow-md ring-2 ring-kid-sky hover:ring-kid-accent active:scale-95 sm:w-44"
              >
                <span
                  aria-hidden="true"
                  className="flex h-24 w-24 items-center justify-center rounded-full bg-kid-sun text-6xl sm:h-28 sm:w-28 sm:text-7xl"
                >
                  {avatarEmoji(kid.avatar_url)}
                </span>
                <span className="max-w-full truncate text-2xl font-extrabold text-kid-ink">{kid.display_name}</span>
              </button>
            </li>
          ))}
        </ul>
      </>
    );
  }

  return (
    <div className="space-y-6 text-center">
      <p className="text-2xl font-extrabold text-kid-ink">
        <span aria-hidden="true" className="mr-2 text-4xl">
          {avatarEmoji(chosen.avatar_url)}
        </span>
        Hi, {chosen.display_name}! Type your secret PIN.
      </p>
      <FormAlert message={error} size="kid" />
      <PinPad key={attempt} label={`${chosen.display_name}'s PIN`} onSubmit={signIn} pending={pending} />
      <button
        type="button"
        onClick={() => {
          setChosen(null);
          setError(null);
        }}
        className="min-h-12 rounded-kid px-5 py-2 text-xl font-bold text-kid-ink-muted underline underline-offset-4 hover:text-kid-ink"
      >
        That's not me
      </button>
    </div>
  );
}
