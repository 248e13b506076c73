'use client';

import { useCallback, useEffect, useState } from 'react';

/**
 * One idempotency key per intent: made in the browser after hydration (so server and client render
 * the same empty value first), kept across retries of the same submit, renewed once it succeeded.
 * Until it exists the form should not submit (the caller disables its button).
 */
export function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState('');
  useEffect(() => setKey(crypto.randomUUID()), []);
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return [key, renew];
}
