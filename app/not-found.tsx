import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="mx-auto max-w-md py-12 text-center">
      <h1 className="text-2xl font-semibold text-stone-900">This page isn't here</h1>
      <p className="mt-2 text-stone-600">The story may have moved, or the link has a typo.</p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        Back to the start
      </Link>
    </section>
  );
}
