'use client';

import { type FormEvent, useState, useTransition } from 'react';
import { z } from 'zod';
import type { ActionResult, FieldErrors } from '@/lib/actions/action-result';

/**
 * Runs a form through the same zod schema as its server action before sending it, so simple mistakes
 * show instantly, then shows the action's answer and keeps its data so the form can say what happened
 * ("Saved", a new invite code); `onSuccess` lets the caller react (e.g. reset the form). Submitting
 * from onSubmit (not <form action>) keeps what the user typed when the server says no; React resets
 * uncontrolled fields after form actions.
 */
export function useActionForm<T>(
  schema: z.ZodType,
  action: (input: FormData) => Promise<ActionResult<T>>,
  onSuccess?: (data: T, form: HTMLFormElement) => void,
) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const formData = new FormData(form);
    // Buttons carry a value (approve/deny) that FormData built from the form alone does not include.
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name) formData.set(submitter.name, submitter.value);
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      setClientErrors(z.flattenError(parsed.error).fieldErrors);
      setResult(null);
      return;
    }
    setClientErrors(null);
    startTransition(async () => {
      // An action that redirects resolves to nothing; treat that like "no message to show".
      const next = (await action(formData)) ?? null;
      setResult(next);
      if (next?.ok) onSuccess?.(next.data, form);
    });
  }

  const failure = !clientErrors && result && !result.ok ? result : null;
  return {
    onSubmit,
    pending,
    error: failure?.error ?? null,
    fieldErrors: clientErrors ?? failure?.fieldErrors ?? {},
    data: result?.ok ? result.data : null,
  };
}
