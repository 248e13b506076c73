// Findings of `npm run db:lint` that are meant to be there. Every entry says why; an entry that matches
// no finding any more fails the lint too, so this list never outlives what it excuses.
// Key: `<lint name>:<object>` exactly as db:lint prints it.

export interface AllowedFinding {
  key: string;
  reason: string;
}

export const ALLOWED_FINDINGS: AllowedFinding[] = [
  // Sign-in secrets and the kid sign-in throttle: no API role holds any privilege on them (see
  // 20261122010300_create_child_accounts.sql); only security-definer functions owned by postgres read
  // and write them. RLS is on as a second wall, so "no policy" is the point: deny-all.
  {
    key: 'rls_enabled_no_policy:private.child_logins',
    reason: 'deny-all by design: PIN hashes, reached only by definer functions',
  },
  {
    key: 'rls_enabled_no_policy:private.parent_pins',
    reason: 'deny-all by design: the parent PIN hash, reached only by definer functions',
  },
  {
    key: 'rls_enabled_no_policy:private.kid_sign_in_failures',
    reason: 'deny-all by design: the per-address throttle, reached only by verify_child_pin',
  },
  {
    key: 'rls_enabled_no_policy:private.moderators',
    reason:
      'deny-all by design: who moderates is managed by operators in SQL; read only through private.is_moderator()',
  },
];
