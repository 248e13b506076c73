import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeNextPath } from '@/lib/auth/safe-next-path';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <AuthCard title="Welcome back" intro="Sign in to pick up your family's stories.">
      <SignInForm next={typeof next === 'string' ? safeNextPath(next) : undefined} />
    </AuthCard>
  );
}
