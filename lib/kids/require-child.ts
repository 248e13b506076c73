import 'server-only';
import { redirect } from 'next/navigation';
import { getCurrentMember, type Member } from '@/lib/auth/current-member';

/** The signed-in child; anyone else goes to the kid sign-in page (parents to their dashboard). */
export async function requireChild(): Promise<Member<'child'>> {
  const caller = await getCurrentMember();
  if (!caller) redirect('/kids');
  if (!caller.member) redirect('/dashboard');
  if (caller.member.role !== 'child') redirect('/parent');
  return caller.member as Member<'child'>;
}
