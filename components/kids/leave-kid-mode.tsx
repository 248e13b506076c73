'use client';

import { useState } from 'react';
import { leaveKidModeAction } from '@/app/kids/read/leave-kid-mode-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useActionForm } from '@/lib/forms/use-action-form';
import { leaveKidModeSchema, NO_PARENT_PIN } from '@/lib/kids/kid-sign-in.schema';

export function LeaveKidMode({ needsPin }: { needsPin: boolean }) {
  const [open, setOpen] = useState(false);
  const { onSubmit, pending, error } = useActionForm(leaveKidModeSchema, leaveKidModeAction);

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md px-2 py-1 text-sm text-sky-800 underline underline-offset-2 hover:text-sky-950"
      >
        Grown-ups: leave kid mode
      </button>
    );
  }
  if (!needsPin) {
    // Without a parent PIN there is nothing to check, so kid mode stays (the server refuses as well).
    return (
      <div
        role="status"
        className="mx-auto flex max-w-sm flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4 text-left"
      >
        <p className="text-sm text-stone-600">{NO_PARENT_PIN}</p>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
    );
  }
  return (
    <form
      onSubmit={onSubmit}
      className="mx-auto flex max-w-sm flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4 text-left"
      aria-label="Leave kid mode"
    >
      <p className="text-sm text-stone-600">For grown-ups: enter your parent PIN to leave kid mode.</p>
      <FormAlert message={error} />
      <label className="text-sm font-medium text-stone-700">
        Parent PIN
        <input
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          // The form only opens on a grown-up's tap, so the PIN box is where they want to type.
          // biome-ignore lint/a11y/noAutofocus: opened on request, focus follows the user's action
          autoFocus
          className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-500/40"
        />
      </label>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending} className="flex-1">
          {pending ? 'Leaving…' : 'Leave kid mode'}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
