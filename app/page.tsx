import Link from 'next/link';
import { redirectChildToKidHome } from '@/lib/auth/require-user';

export default async function HomePage() {
  await redirectChildToKidHome();
  return (
    <section className="mx-auto max-w-2xl py-6 text-center sm:py-12">
      <h1 className="text-3xl font-semibold tracking-tight text-balance text-stone-900 sm:text-5xl">
        Stories where your children choose the path
      </h1>
      <p className="mt-5 text-lg leading-relaxed text-stone-600">
        Tale Forge is a home for branching stories. Kids read and write adventures, decide what happens next, and read
        together with family and friends. Parents keep a calm eye on it all from one dashboard.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link
          href="/sign-up"
          className="rounded-md bg-brand-600 px-5 py-2.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          Create a family account
        </Link>
        <Link
          href="/sign-in"
          className="rounded-md border border-stone-300 bg-white px-5 py-2.5 text-sm font-medium text-stone-700 hover:bg-stone-100"
        >
          Sign in
        </Link>
      </div>
      <p className="mt-6 text-sm text-stone-600">
        Are you a young reader?{' '}
        <Link href="/kids" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600">
          Sign in with your family code
        </Link>
      </p>
    </section>
  );
}
