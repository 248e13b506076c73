import type { Metadata } from 'next';
import { avatarEmoji } from '@/components/family/avatars';
import { KidReader } from '@/components/kids/kid-reader';
import { LeaveKidMode } from '@/components/kids/leave-kid-mode';
import { hasParentPin } from '@/lib/family/queries';
import { getLatestMoreTimeRequest, getMyReadingDay } from '@/lib/kids/queries';
import { requireChild } from '@/lib/kids/require-child';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Reading time' };

export default async function KidReadPage() {
  const child = await requireChild();
  const supabase = await createClient();
  const day = await getMyReadingDay(supabase);
  if (!day) {
    return (
      <div className="mx-auto max-w-xl rounded-3xl bg-sky-50 px-5 py-8 text-center shadow-sm sm:p-8">
        <p role="status" className="text-2xl text-sky-900">
          A grown-up needs to finish setting up your account.
        </p>
      </div>
    );
  }
  const [request, needsPin] = await Promise.all([
    getLatestMoreTimeRequest(supabase, { childId: child.id, date: day.local_date }),
    hasParentPin(supabase),
  ]);

  return (
    <div className="mx-auto max-w-xl space-y-8 rounded-3xl bg-sky-50 px-5 py-8 text-center shadow-sm sm:p-8">
      <h1 className="text-3xl font-black text-sky-950 sm:text-4xl">
        <span aria-hidden="true">{avatarEmoji(child.profile.avatar_url)} </span>Hi, {child.profile.display_name}!
      </h1>
      <KidReader
        childId={child.id}
        initialDay={day}
        initialRequest={request ? { status: request.status, minutes: request.minutes } : null}
      />
      <LeaveKidMode needsPin={Boolean(needsPin)} />
    </div>
  );
}
