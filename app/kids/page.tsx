import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { KidSignInForm } from '@/components/kids/kid-sign-in-form';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getMembership } from '@/lib/family/queries';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Kids' };

export default async function KidsSignInPage() {
  const user = await getCurrentUser();
  // A child already signed in goes straight to reading. A grown-up may hand the device over from here.
  if (user) {
    const membership = await getMembership(await createClient(), { userId: user.id });
    if (membership?.role === 'child') redirect('/kids/read');
  }
  return (
    <div className="mx-auto max-w-md space-y-6 rounded-3xl bg-sky-50 px-5 py-8 shadow-sm sm:p-8">
      <h1 className="text-center text-3xl font-black text-sky-950 sm:text-4xl">
        Hello, reader! <span aria-hidden="true">📚</span>
      </h1>
      <p className="text-center text-lg text-sky-900">Type your family code, your name and your secret PIN.</p>
      <KidSignInForm />
    </div>
  );
}
