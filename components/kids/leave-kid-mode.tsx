'use client';

import { useState } from 'react';
import { leaveKidModeAction } from '@/app/kids/read/leave-kid-mode-action';
import { FormAlert } from '@/components/ui/form-alert';
import { useActionForm } from '@/lib/forms/use-action-form';
import { leaveKidModeSchema } from '@/lib/kids/kid-sign-in.schema';

export function LeaveKidMode({ needsPin }: { needsPin: boolean }) {
  const [open, setOpen] = useState(false);
  const { onSubmit, pending, error } = useActionForm(leaveKidModeSchema, leaveKidModeAction);

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="text-sm text-sky-700 underline">
        Grown-ups: leave kid mode
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mx-auto flex max-w-sm flex-col gap-2 text-left" aria-label="Leave kid mode">
      <FormAlert message={error} />
      {needsPin ? (
        <label className="text-sm text-stone-700">
          Parent PIN
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2"
          />
        </label>
      ) : null}
      <button type="submit" disabled={pending} className="rounded-md bg-stone-700 px-4 py-2 text-sm text-white">
        Leave kid mode
      </button>
    </form>
  );
}
