import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="mx-auto max-w-md py-12 text-center">
      <h1 className="text-2xl font-semibold text-ink">This page isn't here</h1>
      <p className="mt-2 text-ink-muted">The story may have moved, or the link has a typo.</p>
      <Link
        href="/"
        className="mt-6 inline-flex min-h-9 items-center rounded-md bg-accent px-4 text-sm font-medium text-accent-ink hover:bg-accent-hover"
      >
        Back to the start
      </Link>
    </section>
  );
}
