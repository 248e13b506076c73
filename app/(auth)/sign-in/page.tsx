import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { FormAlert } from '@/components/ui/form-alert';
import { safeNextPath } from '@/lib/auth/safe-next-path';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; link?: string }>;
}) {
  const { next, link } = await searchParams;
  return (
    <AuthCard title="Welcome back" intro="Sign in to pick up your family's stories.">
      {link === 'invalid' ? (
        <div className="mb-4">
          <FormAlert message="That link has expired or was already used. Sign in, or ask for a new link under “Forgot password?”." />
        </div>
      ) : null}
      <SignInForm next={typeof next === 'string' ? safeNextPath(next) : undefined} />
    </AuthCard>
  );
}
