import 'server-only';
import { redirect } from 'next/navigation';
import { getCurrentMember, type Member } from '@/lib/auth/current-member';
import { KID_HOME } from '@/lib/kids/kid-mode';

export type FamilyUser = Member;

/** The signed-in user with their family and role; accounts without a family go to /dashboard. */
export async function requireMember(): Promise<Member> {
  const caller = await getCurrentMember();
  if (!caller) redirect('/sign-in');
  if (!caller.member) redirect('/dashboard');
  return caller.member;
}

/** A parent; children are sent to their own pages. */
export async function requireParent(): Promise<Member<'parent'>> {
  const member = await requireMember();
  if (member.role !== 'parent') redirect(KID_HOME);
  return member as Member<'parent'>;
}
