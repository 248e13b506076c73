'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';

// Shown when a page throws (e.g. the database is unreachable); the details stay in the server log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="mx-auto max-w-md py-12 text-center">
      <h1 className="text-2xl font-semibold text-ink">Something went wrong</h1>
      <p className="mt-2 text-ink-muted">We couldn't load this page. Please try again in a moment.</p>
      <div className="mt-6 flex flex-wrap items-center justify-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href="/" className="rounded-md px-3 py-2 text-sm font-medium text-accent-strong hover:text-accent-hover">
          Back to the start
        </Link>
      </div>
    </section>
  );
}
