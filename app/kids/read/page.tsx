import type { Metadata } from 'next';
import { KidCard } from '@/components/kids/kid-card';
import { KidReader } from '@/components/kids/kid-reader';
import { LeaveKidMode } from '@/components/kids/leave-kid-mode';
import { avatarEmoji } from '@/lib/family/avatars';
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
      <KidCard>
        <p role="status" className="text-2xl">
          A grown-up needs to finish setting up your account.
        </p>
      </KidCard>
    );
  }
  const [request, needsPin] = await Promise.all([
    getLatestMoreTimeRequest(supabase, { childId: child.id, date: day.local_date }),
    hasParentPin(supabase),
  ]);

  return (
    <KidCard>
      <h1 className="text-3xl font-black sm:text-4xl">
        <span aria-hidden="true">{avatarEmoji(child.profile.avatar_url)} </span>Hi, {child.profile.display_name}!
      </h1>
      <KidReader
        childId={child.id}
        initialDay={day}
        initialRequest={request ? { status: request.status, minutes: request.minutes } : null}
      />
      <LeaveKidMode needsPin={Boolean(needsPin)} />
    </KidCard>
  );
}
