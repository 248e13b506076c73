'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { requestMoreTimeAction } from '@/app/kids/read/reading-actions';

type Request = { status: 'pending' | 'approved' | 'denied'; minutes: number | null } | null;

/** Asks for more time and shows the grown-up's answer (which arrives through ChildLiveUpdates). */
export function MoreTimePanel({ request, canAsk }: { request: Request; canAsk: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const waiting = request?.status === 'pending';

  function ask() {
    setError(null);
    startTransition(async () => {
      const result = await requestMoreTimeAction({ minutes: 15 });
      if (result && !result.ok) setError(result.error);
      router.refresh();
    });
  }

  return (
    <div className="space-y-3 text-center" data-testid="more-time">
      {waiting ? (
        <p role="status" className="text-xl text-sky-900">
          <span aria-hidden="true">⏳ </span>
          {request.minutes ? `You asked for ${request.minutes} more minutes.` : 'You asked for more time.'} Waiting for
          a grown-up…
        </p>
      ) : null}
      {request?.status === 'approved' ? (
        <p role="status" className="text-xl text-emerald-800">
          <span aria-hidden="true">🎉 </span>
          {request.minutes
            ? `Yes! A grown-up gave you ${request.minutes} more minutes.`
            : 'Yes! A grown-up gave you more time.'}
        </p>
      ) : null}
      {request?.status === 'denied' ? (
        <p role="status" className="text-xl text-sky-900">
          A grown-up said not today. Time for something else!
        </p>
      ) : null}
      {canAsk && !waiting ? (
        <button
          type="button"
          onClick={ask}
          disabled={pending}
          className="rounded-2xl bg-violet-300 px-8 py-4 text-2xl font-bold text-violet-950 shadow hover:bg-violet-200 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-60"
        >
          Ask for more time
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-2xl border border-red-200 bg-red-50 px-4 py-3 text-lg text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
