// Known weakenings of our rules, for `npm run test:mutants`: each is applied alone to a scratch copy of
// the migrated database, and the tests named with it must then fail ("killed"). A mutant that survives
// is a rule no test defends. One per policy and per guarded rule; add them with every feature.
//
// A mutant is plain SQL, or a text replacement in a function's current definition (pg_get_functiondef),
// which must match exactly once: when a migration changes the function, the mutant says so instead of
// silently testing nothing.

export interface MutantBase {
  id: string;
  /** The rule it breaks, as a sentence. */
  rule: string;
  /** Test files (from the repository root) that must catch it; the first is the one quick mode runs. */
  tests: string[];
  /** Objects of the access matrix to run (it runs only these): `schema.name`. */
  access?: string[];
  /** In the quick subset CI runs. */
  quick?: boolean;
}

export type Mutant = MutantBase & ({ sql: string } | { fn: string; from: string; to: string });

const rls = (file: string) => `supabase/tests/rls/${file}.test.ts`;
const ACCESS = 'supabase/tests/access/access-matrix.test.ts';

/** Loosens a policy's condition (USING, and WITH CHECK where it has one). */
const loosen = (table: string, policy: string, using: string, withCheck = false) =>
  `alter policy "${policy}" on ${table} using (${using})${withCheck ? ` with check (${using})` : ''};`;

export const MUTANTS: Mutant[] = [
  // Policies --------------------------------------------------------------------------------------------
  {
    id: 'profiles-read-any',
    rule: 'Users read only their own profile and their family members’.',
    sql: loosen('public.profiles', "Users can read their own profile and their family members'", 'true'),
    tests: [rls('profiles'), rls('family-membership'), ACCESS],
    access: ['public.profiles'],
  },
  {
    id: 'profiles-update-any',
    rule: 'Users rename only themselves.',
    sql: loosen('public.profiles', 'Users can update their own profile', 'true', true),
    tests: [rls('profiles'), rls('family-membership'), ACCESS],
    access: ['public.profiles'],
  },
  {
    id: 'families-read-any',
    rule: 'Only members read their family.',
    sql: loosen('public.families', 'Members can read their family', 'true'),
    tests: [rls('family-membership'), ACCESS],
    access: ['public.families'],
  },
  {
    id: 'families-update-by-children',
    rule: 'Only parents rename the family or change its time zone.',
    sql: loosen('public.families', 'Parents can update their family', 'private.is_family_member(id)', true),
    tests: [rls('family-membership'), ACCESS],
    access: ['public.families'],
  },
  {
    id: 'members-read-any',
    rule: "Only a family's members read its members.",
    sql: loosen('public.family_members', "Members can read their family's members", 'true'),
    tests: [rls('family-membership'), ACCESS],
    access: ['public.family_members'],
  },
  {
    id: 'members-role-writable',
    rule: 'Nobody writes roles: a child cannot make themselves a parent.',
    sql: `grant update (role) on public.family_members to authenticated;
          create policy "Mutant: members update themselves" on public.family_members for update to authenticated
          using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));`,
    tests: [ACCESS, rls('family-membership')],
    access: ['public.family_members'],
    quick: true,
  },
  {
    id: 'controls-read-by-siblings',
    rule: "A child's controls are read by the child and the family's parents, not by a sibling.",
    sql: loosen(
      'public.parental_controls',
      "The child and their family's parents can read the child's controls",
      'child_id = (select auth.uid()) or private.is_family_member(family_id)',
    ),
    tests: [rls('family-siblings'), rls('family-controls'), ACCESS],
    access: ['public.parental_controls'],
    quick: true,
  },
  {
    id: 'controls-update-by-children',
    rule: 'Children can read but never change their controls.',
    sql: loosen(
      'public.parental_controls',
      "Parents can update their children's controls",
      'private.is_family_member(family_id)',
      true,
    ),
    tests: [rls('family-controls'), rls('family-siblings'), ACCESS],
    access: ['public.parental_controls'],
    quick: true,
  },
  {
    id: 'consents-read-by-children',
    rule: 'Consent records are for the parents only.',
    sql: loosen(
      'public.parental_consents',
      "Parents can read their family's consent records",
      'private.is_family_member(family_id)',
    ),
    tests: [rls('family-child-accounts'), rls('family-siblings'), ACCESS],
    access: ['public.parental_consents'],
  },
  {
    id: 'invites-read-by-children',
    rule: "Only the family's parents see its invite codes.",
    sql: loosen(
      'public.family_invites',
      "Parents can read their family's invites",
      'private.is_family_member(family_id)',
    ),
    tests: [rls('family-membership'), ACCESS],
    access: ['public.family_invites'],
  },
  {
    id: 'reading-time-read-by-siblings',
    rule: "A child's reading time is read by the child and the family's parents, not by a sibling.",
    sql: loosen(
      'public.reading_time_entries',
      "The child and their family's parents can read the child's reading time",
      'child_id = (select auth.uid()) or private.is_family_member(family_id)',
    ),
    tests: [rls('family-siblings'), rls('family-reading-time'), ACCESS],
    access: ['public.reading_time_entries'],
    quick: true,
  },
  {
    id: 'requests-read-by-siblings',
    rule: "A child's requests are read by the child and the family's parents, not by a sibling.",
    sql: loosen(
      'public.approval_requests',
      "The child and their family's parents can read the child's requests",
      'child_id = (select auth.uid()) or private.is_family_member(family_id)',
    ),
    tests: [rls('family-siblings'), rls('family-reading-time'), ACCESS],
    access: ['public.approval_requests'],
  },
  {
    id: 'audit-read-by-children',
    rule: "Only the family's parents read its audit log.",
    sql: loosen('audit.log', "Parents can read their family's audit entries", 'private.is_family_member(family_id)'),
    tests: [rls('family-controls'), rls('family-siblings'), ACCESS],
    access: ['public.get_family_audit_log'],
  },
  {
    id: 'realtime-child-topic-for-family',
    rule: 'child:<id> reaches that child and their parents, not a sibling or other families.',
    fn: 'private.may_receive_family_topic(text)',
    from: 'return v_id = (select auth.uid()) or private.is_parent_of(v_id);',
    to: 'return true;',
    tests: [rls('family-siblings'), rls('family-realtime')],
  },

  // Guarded rules in functions and triggers ------------------------------------------------------------
  {
    id: 'extra-minutes-every-day',
    rule: 'Approved extra minutes extend their own day only.',
    fn: 'private.child_day(uuid, timestamp with time zone)',
    from: "and r.status = 'approved' and r.for_date = ctl.local_ts::date",
    to: "and r.status = 'approved'",
    tests: [rls('family-reading-time')],
    quick: true,
  },
  {
    id: 'extra-minutes-unapproved',
    rule: 'Only approved requests add minutes.',
    fn: 'private.child_day(uuid, timestamp with time zone)',
    from: "and r.status = 'approved' and r.for_date",
    to: 'and r.for_date',
    tests: [rls('family-reading-time')],
  },
  {
    id: 'audit-keeps-parent-pin-hash',
    rule: 'audit.log never stores the parent PIN hash.',
    sql: `drop trigger audit_parent_pins on private.parent_pins;
          create trigger audit_parent_pins after insert or update of pin_hash or delete on private.parent_pins
          for each row execute function audit.record_change('family_id');`,
    tests: [rls('family-controls')],
    quick: true,
  },
  {
    id: 'audit-keeps-child-pin-hash',
    rule: "audit.log never stores a child's PIN hash.",
    sql: `drop trigger audit_child_logins on private.child_logins;
          create trigger audit_child_logins after insert or update of pin_hash, login_name or delete on private.child_logins
          for each row execute function audit.record_change('family_id');`,
    tests: [rls('family-controls')],
  },
  {
    id: 'audit-strips-nothing',
    rule: 'The audit trigger removes the columns it is told to leave out.',
    fn: 'audit.record_change()',
    from: 'v_old := v_old - tg_argv[i];\n      v_new := v_new - tg_argv[i];',
    to: 'null;',
    tests: [rls('family-controls')],
  },
  {
    id: 'parent-pin-no-reset',
    rule: 'The right parent PIN resets the wrong-PIN count and the escalation.',
    fn: 'private.verify_parent_pin(text)',
    from: 'update private.parent_pins p set failed_attempts = 0, locked_until = null, lockouts = 0\n   where p.family_id = v_pin.family_id;',
    to: 'null;',
    tests: [rls('family-kid-sign-in-throttle')],
    quick: true,
  },
  {
    id: 'child-pin-no-reset',
    rule: 'The right child PIN resets the wrong-PIN count and the escalation.',
    fn: 'private.check_child_pin(uuid, text, text)',
    from: 'update private.child_logins l set failed_attempts = 0, locked_until = null, lockouts = 0\n   where l.child_id = v_login.child_id;',
    to: 'null;',
    tests: [rls('family-child-accounts'), rls('family-kid-sign-in-throttle')],
  },
  {
    id: 'kid-sign-in-no-throttle',
    rule: '20 failed kid sign-ins from one address in 15 minutes stop that address.',
    fn: 'public.verify_child_pin(text, text, text, text)',
    from: 'private.kid_sign_in_blocked_until(v_client, 20)',
    to: 'private.kid_sign_in_blocked_until(v_client, 1000)',
    tests: [rls('family-kid-sign-in-throttle')],
  },
  {
    id: 'kid-sign-in-no-lockout',
    rule: 'Five wrong PINs lock the child’s sign-in.',
    fn: 'private.check_child_pin(uuid, text, text)',
    from: 'if v_login.locked_until > now() then',
    to: 'if false then',
    tests: [rls('family-child-accounts'), rls('family-kid-sign-in-throttle')],
  },
  {
    id: 'lockout-no-escalation',
    rule: 'Lockouts escalate: 15 minutes doubling up to 24 hours.',
    fn: 'private.pin_lockout_interval(integer)',
    from: "interval '15 minutes' * power(2, least(greatest(p_lockouts, 0), 10))",
    to: "interval '15 minutes'",
    tests: [rls('family-kid-sign-in-throttle')],
  },
  {
    id: 'sign-in-without-consent',
    rule: 'A child without an unrevoked consent cannot sign in.',
    fn: 'private.has_consent(uuid)',
    from: 'and c.revoked_at is null',
    to: '',
    tests: [rls('family-child-accounts'), rls('family-consent')],
  },
  {
    id: 'revoke-does-not-ban',
    rule: 'Withdrawing consent bans the child at Auth and ends their sessions.',
    fn: 'private.revoke_parental_consent(uuid)',
    from: 'perform private.ban_child_sign_in(p_child_id);',
    to: 'null;',
    tests: [rls('family-consent'), rls('family-child-accounts')],
  },
  {
    id: 'bedtime-ignored',
    rule: "No reading in bedtime, in the family's time zone.",
    fn: 'private.child_day(uuid, timestamp with time zone)',
    from: 'when day.bedtime_start is null then false',
    to: 'when true then false',
    tests: [rls('family-reading-time'), rls('reading-heartbeat')],
  },
  {
    id: 'bedtime-start-not-cut',
    rule: 'A heartbeat across the start of bedtime credits only up to it.',
    fn: 'private.reading_heartbeat_at(uuid, timestamp with time zone, boolean)',
    from: ',\n      private.next_local_time(v_from, v_day.bedtime_start, v_day.time_zone)\n    );',
    to: '\n    );',
    tests: [rls('reading-heartbeat')],
  },
  {
    id: 'midnight-not-split',
    rule: 'A heartbeat across midnight splits its seconds between the two days.',
    fn: 'private.reading_heartbeat_at(uuid, timestamp with time zone, boolean)',
    from: "private.next_local_time(v_from, '00:00', v_day.time_zone),",
    to: '',
    tests: [rls('reading-heartbeat')],
  },
  {
    id: 'last-stretch-not-capped',
    rule: 'The beat that reaches the daily limit credits only what was left.',
    fn: 'private.reading_heartbeat_at(uuid, timestamp with time zone, boolean)',
    from: 'v_day.seconds_allowed - v_day.seconds_used\n    );',
    to: '1000000\n    );',
    tests: [rls('reading-heartbeat'), rls('family-reading-time')],
    quick: true,
  },
  {
    id: 'heartbeat-gap-counted',
    rule: 'A beat more than 30 s after the last starts a new stretch: the gap is not reading.',
    fn: 'private.reading_heartbeat_at(uuid, timestamp with time zone, boolean)',
    from: 'p_now - v_from > v_stretch',
    to: 'false',
    tests: [rls('reading-heartbeat')],
    quick: true,
  },
  {
    id: 'heartbeat-counts-paused-time',
    rule: 'A pause committed before a beat stops it: nothing since the last beat counts.',
    fn: 'private.reading_heartbeat_at(uuid, timestamp with time zone, boolean)',
    from: 'or v_day.paused or not v_day.reading_allowed) then',
    to: 'or not v_day.reading_allowed) then',
    tests: [rls('reading-heartbeat')],
  },
  {
    id: 'heartbeat-controls-unlocked',
    rule: "Beats queue on the child's controls row, so a concurrent pause is seen or waits.",
    fn: 'private.reading_heartbeat_at(uuid, timestamp with time zone, boolean)',
    from: 'perform 1 from public.parental_controls pc where pc.child_id = p_child_id for update;',
    to: 'perform 1 from public.parental_controls pc where pc.child_id = p_child_id;',
    tests: [rls('reading-heartbeat')],
  },
  {
    id: 'heartbeat-instant-from-users',
    rule: 'The client cannot choose the instant: only the database clock counts.',
    sql: 'grant execute on function private.reading_heartbeat_at(uuid, timestamptz, boolean) to authenticated;',
    tests: [rls('reading-heartbeat')],
  },
  {
    id: 'reading-broadcast-unthrottled',
    rule: '"reading" reaches the family topics at most every 15 s per child.',
    fn: 'private.reading_heartbeat_at(uuid, timestamp with time zone, boolean)',
    from: 'p_now - v_clock.last_broadcast_at >= v_broadcast_every',
    to: 'true',
    tests: [rls('reading-heartbeat')],
  },
  {
    id: 'pause-ignored',
    rule: 'Nothing is allowed while a parent has paused the child.',
    fn: 'private.child_may_at(uuid, public.child_activity, timestamp with time zone)',
    from: 'd.consented and not d.paused and',
    to: 'd.consented and',
    tests: [rls('family-reading-time')],
  },
  {
    id: 'decide-by-any-member',
    rule: 'Only a parent of the family answers a request.',
    fn: 'private.decide_approval_request(uuid, boolean)',
    from: 'not private.is_family_parent(v_request.family_id)',
    to: 'not private.is_family_member(v_request.family_id)',
    tests: [rls('family-reading-time'), rls('family-siblings'), ACCESS],
    access: ['public.decide_approval_request'],
  },
  {
    id: 'request-more-time-by-anyone',
    rule: 'Only a child asks for more reading time.',
    fn: 'private.request_more_time(integer, text)',
    from: "and fm.role = 'child') then",
    to: ') then',
    tests: [rls('family-reading-time'), ACCESS],
    access: ['public.request_more_time'],
  },
  {
    id: 'overview-for-everyone',
    rule: 'The children overview is for the family’s parents only.',
    fn: 'private.get_children_overview()',
    from: "where fm.role = 'child' and private.is_family_parent(fm.family_id)",
    to: "where fm.role = 'child' and private.is_family_member(fm.family_id)",
    tests: [rls('family-reading-time'), rls('family-siblings'), ACCESS],
    access: ['public.get_children_overview'],
  },
  {
    id: 'add-child-by-anyone',
    rule: 'Only a parent adds a child to their family.',
    fn: 'private.add_child(uuid, text, integer, text, text, public.age_band)',
    from: "where fm.user_id = v_parent_id and fm.role = 'parent';",
    to: 'where fm.user_id = v_parent_id;',
    tests: [rls('family-child-accounts'), ACCESS],
    access: ['public.add_child'],
  },
  {
    id: 'set-child-pin-by-anyone',
    rule: "Only a parent of the child sets the child's PIN.",
    fn: 'private.set_child_pin(uuid, text)',
    from: 'if not private.is_parent_of(p_child_id) then',
    to: 'if false then',
    tests: [rls('family-child-accounts'), rls('family-siblings'), ACCESS],
    access: ['public.set_child_pin'],
  },
  {
    id: 'invite-third-parent',
    rule: 'A family has at most two parents.',
    fn: 'private.accept_parent_invite(text)',
    from: "and fm.role = 'parent') >= 2 then\n    perform private.raise_error('TF409', 'invited_family_full');",
    to: "and fm.role = 'parent') >= 20 then\n    perform private.raise_error('TF409', 'invited_family_full');",
    tests: [rls('family-membership')],
  },
  {
    id: 'invite-race-unlocked',
    rule: 'Two invites accepted at once are counted one after the other (the family row is locked).',
    fn: 'private.accept_parent_invite(text)',
    from: 'perform 1 from public.families f where f.id = v_invite.family_id for update;',
    to: 'null;',
    tests: [rls('family-membership')],
  },
  {
    id: 'sign-in-without-parent-pin',
    rule: 'No child signs in, by any route, before the family has a parent PIN.',
    fn: 'private.check_child_pin(uuid, text, text)',
    from: 'if not exists (select 1 from private.parent_pins p where p.family_id = v_login.family_id) then',
    to: 'if false then',
    tests: [rls('family-devices')],
    quick: true,
  },
  {
    id: 'device-without-parent-pin',
    rule: 'A device is handed over only once the family has a parent PIN.',
    fn: 'private.register_family_device(text)',
    from: 'if not exists (select 1 from private.parent_pins p where p.family_id = v_family_id) then',
    to: 'if false then',
    tests: [rls('family-devices')],
  },
  {
    id: 'device-no-throttle',
    rule: '10 failed PINs on a family device in 15 minutes stop that device.',
    fn: 'public.verify_device_child_pin(text, uuid, text)',
    from: 'private.kid_sign_in_blocked_until(v_client, 10)',
    to: 'private.kid_sign_in_blocked_until(v_client, 1000)',
    tests: [rls('family-devices')],
  },
  {
    id: 'device-any-family',
    rule: "A family device signs in only its own family's children.",
    fn: 'public.verify_device_child_pin(text, uuid, text)',
    from: 'where l.child_id = p_child_id and l.family_id = v_device.family_id;',
    to: 'where l.child_id = p_child_id;',
    tests: [rls('family-devices')],
    quick: true,
  },
  {
    id: 'device-revoked-still-works',
    rule: "A revoked device's token is worthless.",
    fn: 'private.device_for_token(text)',
    from: ' and d.revoked_at is null',
    to: '',
    tests: [rls('family-devices')],
  },
  {
    id: 'device-revoke-by-anyone',
    rule: "Only the device's family's parents revoke it.",
    fn: 'private.revoke_family_device(uuid)',
    from: 'if not found or not private.is_family_parent(v_device.family_id) then',
    to: 'if not found then',
    tests: [rls('family-devices'), ACCESS],
    access: ['public.revoke_family_device'],
  },
  {
    id: 'device-rpcs-for-users',
    rule: 'Only the service role (the server, holding the signed cookie) uses device tokens.',
    sql: 'grant execute on function public.verify_device_child_pin(text, uuid, text) to authenticated;',
    tests: [rls('family-devices'), ACCESS],
    access: ['public.verify_device_child_pin'],
  },
  {
    id: 'audit-keeps-device-token-hash',
    rule: 'audit.log never stores a device token hash.',
    sql: `drop trigger audit_family_devices on private.family_devices;
          create trigger audit_family_devices after insert or update of name, revoked_at or delete on private.family_devices
          for each row execute function audit.record_change('family_id');`,
    tests: [rls('family-devices')],
  },
  {
    id: 'verify-child-pin-for-users',
    rule: 'Only the service role (the sign-in server action) calls verify_child_pin.',
    sql: 'grant execute on function public.verify_child_pin(text, text, text, text) to anon, authenticated;',
    tests: [rls('family-child-accounts'), rls('family-kid-sign-in-throttle'), ACCESS],
    access: ['public.verify_child_pin'],
  },
];
