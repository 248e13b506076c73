'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { addSessionPhraseAction } from '@/lib/live/live-actions';
import { useLiveStep } from '@/lib/live/use-live-step';

/**
 * The host's or a narrator's addition to the session's phrase menu (what phrases-only chatters can
 * send). The database decides who may and checks the text as it checks a child's; the new phrase
 * reaches every menu through the session's 'phrases' event.
 */
export function AddPhraseForm({ sessionId }: { sessionId: string }) {
  const { run, pending, error } = useLiveStep();
  const [text, setText] = useState('');
  return (
    <form
      aria-label="Add a phrase to the menu"
      className="flex flex-wrap items-end gap-2 rounded-xl border border-line bg-surface p-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => addSessionPhraseAction({ sessionId, text }),
          () => setText(''),
        );
      }}
    >
      <TextField
        label="Add a phrase for the youngest readers"
        name="phrase"
        maxLength={60}
        value={text}
        onChange={(event) => setText(event.target.value)}
        className="min-w-0 flex-1"
      />
      <Button type="submit" size="sm" disabled={pending || !text.trim()}>
        Add phrase
      </Button>
      <FormAlert message={error} />
    </form>
  );
}
