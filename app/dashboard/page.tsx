import { ArrowRight } from 'lucide-react';
import type { Metadata } from 'next';
import { ThemePicker } from '@/components/layout/theme-picker';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormStatus } from '@/components/ui/form-alert';
import { requireUser } from '@/lib/auth/require-user';
import { getMyRole } from '@/lib/family/get-my-role';
import { formatInFamilyZone } from '@/lib/format/family-time';
import { themeOf } from '@/lib/profiles/theme';

export const metadata: Metadata = { title: 'Your account' };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const { email, profile } = await requireUser();
  const { password } = await searchParams;
  const role = await getMyRole();

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Welcome, {profile.display_name}</h1>
        <p className="mt-1 text-ink-muted">Your account and how Tale Forge looks for you.</p>
        {password === 'changed' ? <FormStatus message="Your password was changed." /> : null}
      </header>
      {role === 'parent' ? (
        <section
          aria-labelledby="family-heading"
          className="flex flex-wrap items-center justify-between gap-4 rounded-xl border border-accent/25 bg-accent-soft p-5"
        >
          <div>
            <h2 id="family-heading" className="text-lg font-medium">
              Your family
            </h2>
            <p className="mt-1 text-sm text-ink-muted">
              See how each child is doing today, answer requests for more time and change their settings.
            </p>
          </div>
          <ButtonLink href="/parent">
            Open the family page <ArrowRight aria-hidden="true" className="size-4" />
          </ButtonLink>
        </section>
      ) : null}
      <Card id="account-heading" title="Your account">
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-ink-subtle">E-mail</dt>
            <dd className="mt-1 break-all">{email ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-ink-subtle">Member since</dt>
            {/* No family time zone for an account page: the date alone reads the same everywhere. */}
            <dd className="mt-1">{formatInFamilyZone(profile.created_at, 'UTC', 'date')}</dd>
          </div>
        </dl>
        <div className="mt-5 border-t border-line pt-4">
          <ThemePicker current={themeOf(profile.preferences)} />
        </div>
      </Card>
    </div>
  );
}
