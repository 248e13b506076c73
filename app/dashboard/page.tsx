import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/require-user';

export const metadata: Metadata = { title: 'Dashboard' };

const joinedFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long' });

export default async function DashboardPage() {
  const { email, profile } = await requireUser();

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Welcome, {profile.display_name}</h1>
        <p className="mt-2 text-stone-600">This is your family's home base.</p>
      </header>
      <section aria-labelledby="account-heading" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="account-heading" className="text-lg font-medium text-stone-900">
          Your account
        </h2>
        <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-stone-500">E-mail</dt>
            <dd className="mt-1 text-stone-900">{email ?? '—'}</dd>
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
