'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';

/**
 * Runs one live step (a server action) from a button: pending while it runs, the database's refusal as a
 * sentence. What changed arrives on the session's channel, so success needs nothing here.
 */
export function useLiveStep() {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  function run<T>(step: () => Promise<ActionResult<T>>, onDone?: (data: T) => void) {
    setError(null);
    start(async () => {
      const result = await step();
      if (result.ok) onDone?.(result.data);
      else setError(result.error);
    });
  }
  return { run, pending, error, setError };
}
