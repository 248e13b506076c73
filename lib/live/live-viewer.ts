import 'server-only';
import { redirect } from 'next/navigation';
import { getCurrentMember } from '@/lib/auth/current-member';

/**
 * Who opens a live page: any signed-in person, grown-up or child (kid mode lets children reach /live:
 * lib/kids/kid-mode.ts); signed-out visitors go to sign-in and come back. The database decides the rest
 * (the join rule, host and moderator tools).
 */
export async function requireLiveViewer(next: string) {
  const caller = await getCurrentMember();
  if (!caller) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  const { user, member } = caller;
  return {
    id: user.id,
    name: user.profile.display_name,
    avatar: user.profile.avatar_url,
    isChild: user.isChild,
    isParent: member?.role === 'parent',
    familyId: member?.familyId ?? null,
  };
}
export type LiveViewer = Awaited<ReturnType<typeof requireLiveViewer>>;
