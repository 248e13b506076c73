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
    reason: 'deny-all by design: the per-address and per-device throttle, reached only by the kid sign-in functions',
  },
  {
    key: 'rls_enabled_no_policy:private.reading_clocks',
    reason: "deny-all by design: each child's heartbeat clock, reached only by reading_heartbeat()",
  },
  {
    key: 'rls_enabled_no_policy:private.family_devices',
    reason: 'deny-all by design: device token hashes, reached only by the family device functions',
  },
  {
    key: 'rls_enabled_no_policy:private.rate_limits',
    reason: 'deny-all by design: request limits, read only by the limit triggers (operators tune them in SQL)',
  },
  {
    key: 'rls_enabled_no_policy:private.moderators',
    reason:
      'deny-all by design: who moderates is managed by operators in SQL; read only through private.is_moderator()',
  },
  // Credits' bookkeeping tables: no API role holds any privilege on them (the credits migrations
  // 20261201140500, 141500 and 142000 revoke all from anon, authenticated and service_role), and only
  // security-definer functions owned by postgres touch them. RLS with no policy is the second wall.
  {
    key: 'rls_enabled_no_policy:private.idempotency_keys',
    reason:
      'deny-all by design: request keys and stored responses, reached only by the idempotency_* functions, spend_credits and the purge job',
  },
  {
    key: 'rls_enabled_no_policy:private.founder_counter',
    reason: 'deny-all by design: the one founder-number counter row, locked only by assign_founder',
  },
  {
    key: 'rls_enabled_no_policy:private.payment_events',
    reason: 'deny-all by design: verified provider events, recorded and read only by apply_payment_event',
  },
  {
    key: 'rls_enabled_no_policy:private.guest_trial_claims',
    reason:
      'deny-all by design: who claimed the guest trial on which device, reached only by claim_guest_trial/get_guest_trial',
  },
];
