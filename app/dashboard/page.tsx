import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { getMyRole } from '@/lib/family/get-my-role';

export const metadata: Metadata = { title: 'Dashboard' };

const joinedFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long' });

export default async function DashboardPage() {
  const { email, profile } = await requireUser();
  const role = await getMyRole();

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900 sm:text-3xl">
          Welcome, {profile.display_name}
        </h1>
        <p className="mt-2 text-stone-600">This is your family's home base.</p>
      </header>
      {role === 'parent' ? (
        <section
          aria-labelledby="family-heading"
          className="flex flex-wrap items-center justify-between gap-4 rounded-xl border border-brand-100 bg-brand-50 p-6"
        >
          <div>
            <h2 id="family-heading" className="text-lg font-medium text-stone-900">
              Your family
            </h2>
            <p className="mt-1 text-sm text-stone-600">
              Add children, set reading time and bedtimes, and answer requests for more time.
            </p>
          </div>
          <Link
            href="/parent"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium whitespace-nowrap text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
          >
            Open the family page
          </Link>
        </section>
      ) : null}
      <section aria-labelledby="account-heading" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="account-heading" className="text-lg font-medium text-stone-900">
          Your account
        </h2>
        <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-stone-500">E-mail</dt>
            <dd className="mt-1 break-all text-stone-900">{email ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-stone-500">Member since</dt>
            <dd className="mt-1 text-stone-900">{joinedFormat.format(new Date(profile.created_at))}</dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
