import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';

type Client = SupabaseClient<Database>;

/** The caller's membership (family and role), or null for an account without a family. */
export async function getMembership(supabase: Client, { userId }: { userId: string }) {
  const { data, error } = await supabase
    .from('family_members')
    .select('family_id, role')
    .eq('user_id', userId)
    .maybeSingle();
  if (error) throw error;
  return data;
}

export async function getFamily(supabase: Client, { familyId }: { familyId: string }) {
  const { data, error } = await supabase
    .from('families')
    .select('id, name, code, time_zone')
    .eq('id', familyId)
    .single();
  if (error) throw error;
  return data;
}

/** Every member with their name; profiles are readable within a family (RLS). */
export async function getFamilyMembers(supabase: Client, { familyId }: { familyId: string }) {
  const { data: members, error } = await supabase
    .from('family_members')
    .select('user_id, role, created_at, deactivated_at')
    .eq('family_id', familyId)
    .order('created_at');
  if (error) throw error;
  const { data: profiles, error: profileError } = await supabase
    .from('profiles')
    .select('id, display_name, avatar_url')
    .in(
      'id',
      members.map((m) => m.user_id),
    );
  if (profileError) throw profileError;
  const names = new Map(profiles.map((p) => [p.id, p]));
  return members.map((m) => ({ ...m, displayName: names.get(m.user_id)?.display_name ?? 'Unknown' }));
}

/** Parents only (empty for anyone else): each child with today's minutes and status. */
export async function getChildrenOverview(supabase: Client) {
  const { data, error } = await supabase.rpc('get_children_overview');
  if (error) throw error;
  return data;
}

export async function getPendingApprovals(supabase: Client, { familyId }: { familyId: string }) {
  const { data, error } = await supabase
    .from('approval_requests')
    // A more-time request asked from inside a story carries it: the title and the page (depth 0 is page 1).
    .select(
      'id, child_id, kind, minutes, requested_minutes, credits, message, for_date, created_at, story_id, stories(title), story_segments(depth)',
    )
    .eq('family_id', familyId)
    .eq('status', 'pending')
    .order('created_at');
  if (error) throw error;
  return data;
}

export async function getOpenInvites(supabase: Client, { familyId }: { familyId: string }) {
  const { data, error } = await supabase
    .from('family_invites')
    .select('code, expires_at')
    .eq('family_id', familyId)
    .is('accepted_at', null)
    .is('revoked_at', null)
    .gt('expires_at', new Date().toISOString())
    .order('created_at', { ascending: false });
  if (error) throw error;
  return data;
}

export async function hasParentPin(supabase: Client) {
  const { data, error } = await supabase.rpc('has_parent_pin');
  if (error) throw error;
  return data;
}

export type AuditCursor = { at: string; id: number };

/** One page of the activity list, newest first: older than `before` when given, one child's when given. */
export async function getAuditPage(
  supabase: Client,
  { limit, before, childId }: { limit: number; before?: AuditCursor | null; childId?: string | null },
) {
  const { data, error } = await supabase.rpc('get_family_audit_log', {
    p_limit: limit,
    p_before_at: before?.at,
    p_before_id: before?.id,
    p_child_id: childId ?? undefined,
  });
  if (error) throw error;
  return data;
}

export async function getChildControls(supabase: Client, { childId }: { childId: string }) {
  const { data, error } = await supabase
    .from('parental_controls')
    .select(
      'child_id, age_band, daily_minutes, bedtime_start, bedtime_end, reading_allowed, creating_allowed, live_sessions_allowed, chat_level, monthly_credit_allowance, approval_above_allowance, paused, updated_at',
    )
    .eq('child_id', childId)
    .maybeSingle();
  if (error) throw error;
  return data;
}

/** The consent in force for a child (who gave it and when), or null. */
export async function getActiveConsent(supabase: Client, { childId }: { childId: string }) {
  const { data, error } = await supabase
    .from('parental_consents')
    .select('id, parent_id, method, consented_at')
    .eq('child_id', childId)
    .is('revoked_at', null)
    .maybeSingle();
  if (error) throw error;
  return data;
}
