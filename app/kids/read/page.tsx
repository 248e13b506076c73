import type { Metadata } from 'next';
import { ChildLiveUpdates } from '@/components/kids/child-live-updates';
import { LeaveKidMode } from '@/components/kids/leave-kid-mode';
import { MoreTimePanel } from '@/components/kids/more-time-panel';
import { ReadingTimer } from '@/components/kids/reading-timer';
import { avatarEmoji } from '@/lib/family/avatars';
import { hasParentPin } from '@/lib/family/queries';
import { getLatestMoreTimeRequest, getMyReadingDay } from '@/lib/kids/queries';
import { requireChild } from '@/lib/kids/require-child';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Reading time' };

function blockedReason(day: { paused: boolean; in_bedtime: boolean; reading_allowed: boolean }): string | null {
  if (day.paused) return 'paused';
  if (!day.reading_allowed) return 'not_allowed';
  if (day.in_bedtime) return 'bedtime';
  return null;
}

const BLOCKED_TEXT: Record<string, string> = {
  paused: 'A grown-up has paused reading for now.',
  not_allowed: 'Reading is switched off right now.',
  bedtime: "It's bedtime. Sweet dreams! 🌙",
};

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
  const blocked = blockedReason(day);

  return (
    <div className="mx-auto max-w-xl space-y-8 rounded-3xl bg-sky-50 px-5 py-8 text-center shadow-sm sm:p-8">
      <h1 className="text-3xl font-black text-sky-950 sm:text-4xl">
        <span aria-hidden="true">{avatarEmoji(child.profile.avatar_url)} </span>Hi, {child.profile.display_name}!
      </h1>
      {blocked ? (
        <p role="status" className="rounded-2xl bg-indigo-100 px-4 py-3 text-2xl text-indigo-950">
          {BLOCKED_TEXT[blocked]}
        </p>
      ) : null}
      {/* Keyed by the allowance so an approved request (more minutes) starts a fresh timer. */}
      <ReadingTimer
        key={day.minutes_allowed}
        minutesLeft={day.minutes_left}
        minutesAllowed={day.minutes_allowed}
        blocked={blocked}
      />
      <MoreTimePanel
        request={request ? { status: request.status, minutes: request.minutes } : null}
        canAsk={!blocked && day.minutes_left <= 0}
      />
      <LeaveKidMode needsPin={Boolean(needsPin)} />
      <ChildLiveUpdates childId={child.id} />
    </div>
  );
}
