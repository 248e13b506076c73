import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { requireUser } from '@/lib/auth/require-user';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage() {
  const { email } = await requireUser();
  return (
    <AuthCard
      title="Choose a new password"
      intro={`For ${email ?? 'your account'}. You stay signed in on this device.`}
    >
      <ResetPasswordForm />
    </AuthCard>
  );
}
