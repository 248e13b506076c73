import 'server-only';
import { getCurrentMember } from '@/lib/auth/current-member';

/** 'parent', 'child' or null (signed out / no family), for layout decisions. */
export async function getMyRole() {
  return (await getCurrentMember())?.member?.role ?? null;
}
