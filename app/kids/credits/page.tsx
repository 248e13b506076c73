import type { Metadata } from 'next';
import Link from 'next/link';
import { KidAllowance } from '@/components/credits/kid-allowance';
import { KidSpendForm } from '@/components/credits/kid-spend-form';
import { ChildLiveUpdates } from '@/components/kids/child-live-updates';
import { getMyAllowance } from '@/lib/credits/queries';
import { getFamily } from '@/lib/family/queries';
import { requireChild } from '@/lib/kids/require-child';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'My credits' };

/** A child's month of credits: what is left, spending some, and asking when it is more than that. */
export default async function KidCreditsPage() {
  const child = await requireChild();
  const supabase = await createClient();
  const [allowance, family] = await Promise.all([
    getMyAllowance(supabase),
    getFamily(supabase, { familyId: child.familyId }),
  ]);

  return (
    <div className="mx-auto max-w-xl space-y-8 rounded-3xl bg-sky-50 px-5 py-8 text-center shadow-sm sm:p-8">
      <h1 className="text-3xl font-black text-sky-950 sm:text-4xl">My credits</h1>
      {allowance ? (
        <>
          <KidAllowance allowance={allowance} timeZone={family.time_zone} />
          <KidSpendForm />
        </>
      ) : (
        <p role="status" className="text-2xl text-sky-900">
          A grown-up needs to finish setting up your account.
        </p>
      )}
      <Link href="/kids/read" className="inline-block text-lg font-semibold text-sky-800 underline underline-offset-4">
        Back to reading
      </Link>
      <ChildLiveUpdates childId={child.id} />
    </div>
  );
}
