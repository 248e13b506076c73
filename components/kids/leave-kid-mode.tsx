'use client';

import { useState } from 'react';
import { leaveKidModeAction } from '@/app/kids/read/leave-kid-mode-action';
import { Button } from '@/components/ui/button';
import { inputClasses } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { useActionForm } from '@/lib/forms/use-action-form';
import { leaveKidModeSchema, NO_PARENT_PIN } from '@/lib/kids/kid-sign-in.schema';

// The grown-ups' corner of a kid page: calm grown-up styling, so it does not look like part of the game.
const PANEL = 'mx-auto flex max-w-sm flex-col gap-3 rounded-xl border border-line bg-surface p-4 text-left font-sans';

export function LeaveKidMode({ needsPin }: { needsPin: boolean }) {
  const [open, setOpen] = useState(false);
  // A wrong parent PIN is typed again, not sent again.
  const { form, pending, error } = useActionForm(leaveKidModeSchema, leaveKidModeAction, { clearOnError: ['pin'] });

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="inline-flex min-h-8 items-center rounded-md px-2 font-sans text-sm text-kid-ink-muted underline underline-offset-2 hover:text-kid-ink"
      >
        Grown-ups: leave kid mode
      </button>
    );
  }
  if (!needsPin) {
    // Without a parent PIN there is nothing to check, so kid mode stays (the server refuses as well).
    return (
      <div role="status" className={PANEL}>
        <p className="text-sm text-ink-muted">{NO_PARENT_PIN}</p>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
    );
  }
  return (
    <form {...form} className={PANEL} aria-label="Leave kid mode">
      <p className="text-sm text-ink-muted">For grown-ups: enter your parent PIN to leave kid mode.</p>
      <FormAlert message={error} />
      <label className="text-sm font-medium text-ink">
        Parent PIN
        <input
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          // The form only opens on a grown-up's tap, so the PIN box is where they want to type.
          // biome-ignore lint/a11y/noAutofocus: opened on request, focus follows the user's action
          autoFocus
          className={`mt-1 ${inputClasses}`}
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
