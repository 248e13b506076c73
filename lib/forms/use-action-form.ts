'use client';

import { type FormEvent, startTransition, useActionState, useState } from 'react';
import { z } from 'zod';
import type { ActionResult, FieldErrors } from '@/lib/actions/action-result';

/**
 * Runs a form through the same zod schema as its server action before sending it, so simple mistakes
 * show instantly, then shows the action's answer. Submitting from onSubmit (not <form action>) keeps
 * what the user typed when the server says no; React resets uncontrolled fields after form actions.
 */
export function useActionForm<T>(schema: z.ZodType, action: (input: FormData) => Promise<ActionResult<T>>) {
  const [state, dispatch, pending] = useActionState(
    // An action that redirects resolves to nothing; treat that like "no message to show".
    async (_previous: ActionResult<T> | null, input: FormData) => (await action(input)) ?? null,
    null,
  );
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      setClientErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setClientErrors(null);
    startTransition(() => dispatch(formData));
  }

  const failure = !clientErrors && state && !state.ok ? state : null;
  return {
    onSubmit,
    pending,
    error: failure?.error ?? null,
    fieldErrors: clientErrors ?? failure?.fieldErrors ?? {},
  };
}
