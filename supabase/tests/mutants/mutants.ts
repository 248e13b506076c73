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
const stories = (file: string) => `supabase/tests/stories/${file}.test.ts`;

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
    fn: 'public.verify_child_pin(text, text, text, text)',
    from: 'update private.child_logins l set failed_attempts = 0, locked_until = null, lockouts = 0\n   where l.child_id = v_login.child_id;',
    to: 'null;',
    tests: [rls('family-child-accounts'), rls('family-kid-sign-in-throttle')],
  },
  {
    id: 'kid-sign-in-no-throttle',
    rule: '20 failed kid sign-ins from one address in 15 minutes stop that address.',
    fn: 'public.verify_child_pin(text, text, text, text)',
    from: 'if v_failures >= 20 then',
    to: 'if v_failures >= 1000 then',
    tests: [rls('family-kid-sign-in-throttle')],
  },
  {
    id: 'kid-sign-in-no-lockout',
    rule: 'Five wrong PINs lock the child’s sign-in.',
    fn: 'public.verify_child_pin(text, text, text, text)',
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
    fn: 'private.record_reading_time_at(uuid, integer, timestamp with time zone)',
    from: 'if v_day.in_bedtime then',
    to: 'if false then',
    tests: [rls('family-reading-time')],
  },
  {
    id: 'daily-limit-ignored',
    rule: 'No reading past the daily limit.',
    fn: 'private.record_reading_time_at(uuid, integer, timestamp with time zone)',
    from: 'if v_day.minutes_used >= v_day.minutes_allowed then',
    to: 'if false then',
    tests: [rls('family-reading-time')],
  },
  {
    id: 'last-stretch-not-capped',
    rule: 'The last stretch of the day counts only up to the limit.',
    fn: 'private.record_reading_time_at(uuid, integer, timestamp with time zone)',
    from: 'v_recorded := least(p_minutes, v_day.minutes_allowed - v_day.minutes_used);',
    to: 'v_recorded := p_minutes;',
    tests: [rls('family-reading-time')],
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
    id: 'verify-child-pin-for-users',
    rule: 'Only the service role (the sign-in server action) calls verify_child_pin.',
    sql: 'grant execute on function public.verify_child_pin(text, text, text, text) to anon, authenticated;',
    tests: [rls('family-child-accounts'), rls('family-kid-sign-in-throttle'), ACCESS],
    access: ['public.verify_child_pin'],
  },

  // Stories ---------------------------------------------------------------------------------------------
  {
    id: 'stories-band-ignored',
    rule: 'A child reads only stories at or under their age band.',
    sql: loosen(
      'public.stories',
      'Readers can read the public, family and own stories their age band allows',
      `(visibility = 'public' and status = 'ready' and deleted_at is null)
       or family_id = (select private.my_parent_family_id())
       or (family_id = (select private.my_family_id()) and deleted_at is null
           and (visibility <> 'private' or author_id = (select auth.uid())))`,
    ),
    tests: [stories('stories-rls'), ACCESS],
    access: ['public.stories', 'public.story_segments'],
    quick: true,
  },
  {
    id: 'stories-private-for-family',
    rule: "A private story is its author's and the parents', not a sibling's.",
    sql: loosen(
      'public.stories',
      'Readers can read the public, family and own stories their age band allows',
      `age_band <= (select private.my_reading_band())
       and ((visibility = 'public' and status = 'ready' and deleted_at is null)
            or family_id = (select private.my_parent_family_id())
            or (family_id = (select private.my_family_id()) and deleted_at is null))`,
    ),
    tests: [ACCESS, stories('stories-rls')],
    access: ['public.stories', 'public.story_choices'],
    quick: true,
  },
  {
    id: 'stories-trash-for-children',
    rule: "Trashed stories are the parents' only (the trash), and never public.",
    sql: loosen(
      'public.stories',
      'Readers can read the public, family and own stories their age band allows',
      `age_band <= (select private.my_reading_band())
       and ((visibility = 'public' and status = 'ready')
            or family_id = (select private.my_parent_family_id())
            or (family_id = (select private.my_family_id())
                and (visibility <> 'private' or author_id = (select auth.uid()))))`,
    ),
    tests: [stories('stories-rls')],
  },
  {
    id: 'stories-reading-off-ignored',
    rule: 'A child reads nothing while reading is off, paused or at bedtime.',
    fn: 'private.my_reading_band()',
    from: " and private.child_may_at(pc.child_id, 'reading', now())",
    to: '',
    tests: [stories('stories-rls')],
    quick: true,
  },
  {
    id: 'stories-public-pages-hidden-shown',
    rule: 'A reported page is hidden at once from everyone but the story family’s parents.',
    sql: loosen(
      'public.story_segments',
      'Readers can read the pages of stories they may read',
      'exists (select 1 from public.stories s where s.id = story_id)',
    ),
    tests: [stories('stories-rls')],
  },
  {
    id: 'characters-read-any-family',
    rule: "A family's own characters are read by its members only.",
    sql: loosen('public.characters', "Signed-in users can read the library and their family's characters", 'true'),
    tests: [ACCESS],
    access: ['public.characters'],
    quick: true,
  },
  {
    id: 'story-cast-other-family',
    rule: "A story's cast comes from the library or the family's own characters, never another family's.",
    fn: 'private.create_story(jsonb, text)',
    from: 'and (c.family_id is null or c.family_id = v_member.family_id)',
    to: '',
    tests: [stories('story-jobs')],
  },
  {
    id: 'jobs-read-by-family',
    rule: "A generation job is read by its requester and the family's parents, not by the children.",
    sql: loosen(
      'public.generation_jobs',
      "Requesters and their family's parents can read generation jobs",
      'private.is_family_member(family_id)',
    ),
    tests: [ACCESS],
    access: ['public.generation_jobs'],
  },
  {
    id: 'jobs-retry-by-anyone',
    rule: 'Only the requester or a parent of the family retries a failed job.',
    fn: 'private.retry_generation_job(uuid, text)',
    from: '(v_old.requested_by is distinct from v_user_id and not private.is_family_parent(v_old.family_id))',
    to: 'false',
    tests: [ACCESS, stories('story-jobs')],
    access: ['public.retry_generation_job'],
  },
  {
    id: 'continue-other-family',
    rule: "A family explores only its own stories' choices (a public one is remixed first).",
    fn: 'private.continue_story(uuid, text)',
    from: 'or v_story.family_id is distinct from v_member.family_id ',
    to: ' ',
    tests: [stories('story-jobs'), ACCESS],
    access: ['public.continue_story'],
  },
  {
    id: 'story-graph-unchecked',
    rule: 'A story graph that breaks a rule (cycle, orphan, no ending) is never stored.',
    fn: 'private.assert_story_graph(uuid)',
    from: 'if v_problems is not null then',
    to: 'if false then',
    tests: [stories('story-graph')],
    quick: true,
  },
  {
    id: 'report-refund-every-time',
    rule: 'A reported page gives its family a credit back at most once per credit paid, however often it is reported.',
    fn: 'private.report_segment(uuid, public.story_report_reason, text)',
    from: 'least(1, greatest(v_paid - v_refunded, 0))',
    to: 'least(1, greatest(v_paid, 0))',
    tests: [stories('stories-rls')],
    quick: true,
  },
  {
    id: 'reports-read-by-anyone',
    rule: "Reports are read by the reporter, their family's parents and moderators.",
    sql: loosen('public.story_reports', 'Reporters, their parents and moderators can read reports', 'true'),
    tests: [ACCESS, stories('stories-rls')],
    access: ['public.story_reports'],
  },
  {
    id: 'progress-moved-by-others',
    rule: 'Each reader moves only their own bookmark.',
    sql: loosen('public.reading_progress', 'Readers can move on in stories they may read', 'true', true),
    tests: [ACCESS],
    access: ['public.reading_progress'],
  },
  {
    id: 'progress-read-by-siblings',
    rule: "Reading progress is the reader's and their parents', not a sibling's.",
    sql: loosen(
      'public.reading_progress',
      'Readers and their parents can read reading progress',
      'reader_id = (select auth.uid()) or private.is_family_member(family_id)',
    ),
    tests: [stories('stories-rls'), ACCESS],
    access: ['public.reading_progress'],
  },
  {
    id: 'favourites-read-by-anyone',
    rule: "A user's favourites are their own.",
    sql: loosen('public.favourites', 'Users can read their favourites', 'true'),
    tests: [ACCESS, stories('stories-rls')],
    access: ['public.favourites'],
  },
];
