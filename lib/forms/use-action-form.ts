'use client';

import { type FormEvent, useCallback, useRef, useState, useTransition } from 'react';
import { z } from 'zod';
import type { ActionResult, FieldErrors } from '@/lib/actions/action-result';
import { useUnsavedChangesWarning } from './use-unsaved-changes-warning';

export type ActionFormOptions<T> = {
  /** Runs after the action succeeded (e.g. reset the form, go to the new child's page). */
  onSuccess?: (data: T, form: HTMLFormElement) => void;
  /** Warn before leaving the page while the form differs from what was last loaded or saved. */
  warnUnsaved?: boolean;
  /** Fields emptied after a refusal: a wrong PIN should be typed again, not resubmitted. */
  clearOnError?: string[];
};

// What the form holds right now, comparable across renders (files are not used in our forms).
function snapshot(form: HTMLFormElement): string {
  return JSON.stringify([...new FormData(form).entries()]);
}

/**
 * Runs a form through the same zod schema as its server action before sending it, so simple mistakes
 * show instantly, then shows the action's answer and keeps its data so the form can say what happened
 * ("Saved", a new invite code). Submitting from onSubmit (not <form action>) keeps what the user typed
 * when the server says no; React resets uncontrolled fields after form actions.
 * Spread `form` on the <form>: it tracks changes, so "Saved." disappears as soon as the form is edited
 * again, and (with warnUnsaved) leaving with unsaved changes asks first.
 */
export function useActionForm<T>(
  schema: z.ZodType,
  action: (input: FormData) => Promise<ActionResult<T>>,
  options: ActionFormOptions<T> = {},
) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, startTransition] = useTransition();
  const saved = useRef<string | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useUnsavedChangesWarning(Boolean(options.warnUnsaved) && dirty);

  // The state the form was rendered with is the "saved" state until the next successful submit.
  const ref = useCallback((form: HTMLFormElement | null) => {
    if (form && saved.current === null) saved.current = snapshot(form);
  }, []);

  function onChange(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    setDirty(saved.current !== null && snapshot(form) !== saved.current);
    // An answer describes the form as it was sent; once it changes, "Saved." is no longer true.
    setResult((previous) => (previous?.ok ? null : previous));
  }

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
      const { onSuccess, clearOnError } = optionsRef.current;
      if (next?.ok) {
        onSuccess?.(next.data, form);
        saved.current = snapshot(form);
        setDirty(false);
      } else if (next && clearOnError?.length) {
        for (const name of clearOnError) {
          const field = form.elements.namedItem(name);
          if (field instanceof HTMLInputElement) field.value = '';
        }
        (form.elements.namedItem(clearOnError[0]) as HTMLInputElement | null)?.focus();
      }
    });
  }

  const failure = !clientErrors && result && !result.ok ? result : null;
  return {
    form: { ref, onSubmit, onChange },
    onSubmit,
    pending,
    dirty,
    error: failure?.error ?? null,
    fieldErrors: clientErrors ?? failure?.fieldErrors ?? {},
    data: result?.ok ? result.data : null,
  };
}
