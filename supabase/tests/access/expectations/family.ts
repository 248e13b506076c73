import { randomUUID } from 'node:crypto';
import { adminQuery } from 'supabase-local/testing';
import { createChildUser } from '../../rls/family-helpers';
import { newKid, type World } from '../world';
import {
  ALL,
  DENIED,
  type DomainExpectations,
  type InsertOutcome,
  type PerActor,
  type RowOutcome,
  refused,
  returns,
} from './types';

// Families, members, profiles, controls, consent, invites, reading time and approvals
// (migrations 20261122*, 20261201090000, 20261201160000). Read as: "who can do what to whose rows".
// A guest (anonymous sign-in) is the parent of a trial family of their own: the family's RPCs treat
// them as any parent of that family.

/** A child account that is a member of the family but has none of the per-child rows yet. */
async function bareChildMember(world: World): Promise<string> {
  const user = await createChildUser();
  await adminQuery(`insert into public.family_members (family_id, user_id, role) values ($1, $2, 'child')`, [
    world.family.id,
    user.id,
  ]);
  return user.id;
}

const thisYear = () => new Date().getUTCFullYear();

/** Everyone's own family rows, and only those: who reads the family's tables. */
const familyReaders: PerActor<RowOutcome> = {
  anon: DENIED,
  stranger: [],
  guest: ['guestFamily'],
  parent: ['family'],
  child: ['family'],
  sibling: ['family'],
  otherParent: ['otherFamily'],
  otherChild: ['otherFamily'],
  service: ALL,
};

/** Per-child rows that the child and their family's parents read (one merged policy each). */
const childAndParentsRead: PerActor<RowOutcome> = {
  anon: DENIED,
  stranger: [],
  guest: [],
  parent: ['child', 'sibling'],
  child: ['child'],
  sibling: ['sibling'],
  otherParent: ['otherChild'],
  otherChild: ['otherChild'],
  service: ALL,
};

/** Rows nobody but trusted code writes: no API role holds the privilege, the service role does. */
const serviceOnlyWrites: PerActor<RowOutcome> = { '*': DENIED, service: ALL };
const serviceOnlyInsert: PerActor<InsertOutcome> = { '*': DENIED, service: 'allowed' };

export const family: DomainExpectations = {
  async setup(world) {
    const { parent, otherParent, child, sibling, otherChild } = world.people;
    for (const kid of [child, sibling, otherChild]) {
      const recorded = await kid.client.rpc('record_reading_time', { p_minutes: 1 });
      if (recorded.error) throw recorded.error;
      const asked = await kid.client.rpc('request_more_time', { p_minutes: 10 });
      if (asked.error) throw asked.error;
    }
    for (const [who, pin] of [
      [parent, world.family.pin],
      [otherParent, world.otherFamily.pin],
    ] as const) {
      if ((await who.client.rpc('set_parent_pin', { p_pin: pin })).error) throw new Error('set_parent_pin failed');
      if ((await who.client.rpc('create_parent_invite')).error) throw new Error('create_parent_invite failed');
    }
  },

  tables: {
    'public.profiles': {
      columns: { authenticated: { update: ['avatar_url', 'display_name', 'preferences'] } },
      key: 'id',
      owners: ['parent', 'child', 'sibling', 'otherParent', 'otherChild', 'stranger', 'guest'],
      select: {
        anon: DENIED,
        stranger: ['stranger'],
        guest: ['guest'],
        parent: ['parent', 'child', 'sibling'],
        child: ['parent', 'child', 'sibling'],
        sibling: ['parent', 'child', 'sibling'],
        otherParent: ['otherParent', 'otherChild'],
        otherChild: ['otherParent', 'otherChild'],
        service: ALL,
      },
      // Everyone renames only themselves (children too: the name they sign in with is in child_logins).
      update: {
        patch: { display_name: 'Probe' },
        anon: DENIED,
        stranger: ['stranger'],
        guest: ['guest'],
        parent: ['parent'],
        child: ['child'],
        sibling: ['sibling'],
        otherParent: ['otherParent'],
        otherChild: ['otherChild'],
        service: ALL,
      },
      insert: {
        // A new auth user whose automatic profile is removed, so the insert itself is what is tested.
        async row() {
          const user = await createChildUser();
          await adminQuery('delete from public.profiles where id = $1', [user.id]);
          return { id: user.id, display_name: 'Probe' };
        },
        ...serviceOnlyInsert,
      },
      delete: serviceOnlyWrites,
    },

    'public.families': {
      columns: { authenticated: { update: ['name', 'time_zone'] } },
      key: 'id',
      owners: ['family', 'otherFamily', 'guestFamily'],
      select: familyReaders,
      update: {
        patch: { name: 'Probe family' },
        anon: DENIED,
        stranger: [],
        guest: ['guestFamily'],
        parent: ['family'],
        child: [],
        sibling: [],
        otherParent: ['otherFamily'],
        otherChild: [],
        service: ALL,
      },
      // Not even the service role: a family's code defaults to private.new_family_code(), which only the
      // sign-up trigger (definer) may run. Families are made by sign-up and invites, never inserted.
      insert: { row: async () => ({ id: randomUUID(), name: 'Probe family' }), '*': DENIED },
      delete: serviceOnlyWrites,
    },

    'public.family_members': {
      key: 'user_id',
      owners: ['parent', 'child', 'sibling', 'otherParent', 'otherChild', 'guest'],
      select: {
        anon: DENIED,
        stranger: [],
        guest: ['guest'],
        parent: ['parent', 'child', 'sibling'],
        child: ['parent', 'child', 'sibling'],
        sibling: ['parent', 'child', 'sibling'],
        otherParent: ['otherParent', 'otherChild'],
        otherChild: ['otherParent', 'otherChild'],
        service: ALL,
      },
      // Roles change only in definer RPCs: no user may write the table at all.
      update: { patch: { created_at: '2001-01-01T00:00:00Z' }, ...serviceOnlyWrites },
      insert: {
        async row(world) {
          const user = await createChildUser();
          return { family_id: world.family.id, user_id: user.id, role: 'parent' };
        },
        ...serviceOnlyInsert,
      },
      delete: serviceOnlyWrites,
    },

    'public.parental_controls': {
      // The control columns only: child, family and bookkeeping columns are never user-writable.
      columns: {
        authenticated: {
          update: [
            'age_band',
            'approval_above_allowance',
            'bedtime_end',
            'bedtime_start',
            'chat_level',
            'creating_allowed',
            'daily_minutes',
            'live_sessions_allowed',
            'monthly_credit_allowance',
            'paused',
            'reading_allowed',
          ],
        },
      },
      key: 'child_id',
      owners: ['child', 'sibling', 'otherChild'],
      select: childAndParentsRead,
      // Parents change their own children's controls; a child (or sibling) never does.
      update: {
        patch: { daily_minutes: 17 },
        anon: DENIED,
        stranger: [],
        guest: [],
        parent: ['child', 'sibling'],
        child: [],
        sibling: [],
        otherParent: ['otherChild'],
        otherChild: [],
        service: ALL,
      },
      insert: {
        row: async (world) => ({ child_id: await bareChildMember(world), family_id: world.family.id, age_band: '7-9' }),
        ...serviceOnlyInsert,
      },
      delete: serviceOnlyWrites,
    },

    'public.parental_consents': {
      key: 'child_id',
      owners: ['child', 'sibling', 'otherChild'],
      // Evidence for the parents; a child has no business with it.
      select: {
        anon: DENIED,
        stranger: [],
        guest: [],
        parent: ['child', 'sibling'],
        child: [],
        sibling: [],
        otherParent: ['otherChild'],
        otherChild: [],
        service: ALL,
      },
      update: { patch: { statement: 'Probe' }, ...serviceOnlyWrites },
      insert: {
        row: async (world) => ({
          family_id: world.family.id,
          child_id: await bareChildMember(world),
          parent_id: world.people.parent.id,
          method: 'signed_form',
          statement: 'Probe',
        }),
        ...serviceOnlyInsert,
      },
      delete: serviceOnlyWrites,
    },

    'public.family_invites': {
      key: 'family_id',
      owners: ['family', 'otherFamily'],
      select: {
        anon: DENIED,
        stranger: [],
        guest: [],
        parent: ['family'],
        child: [],
        sibling: [],
        otherParent: ['otherFamily'],
        otherChild: [],
        service: ALL,
      },
      update: { patch: { expires_at: '2001-01-01T00:00:00Z' }, ...serviceOnlyWrites },
      insert: {
        row: async (world) => ({
          family_id: world.family.id,
          code: randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase(),
        }),
        ...serviceOnlyInsert,
      },
      delete: serviceOnlyWrites,
    },

    'public.reading_time_entries': {
      key: 'child_id',
      owners: ['child', 'sibling', 'otherChild'],
      select: childAndParentsRead,
      // Written only by record_reading_time(), which enforces the controls.
      update: { patch: { minutes: 2 }, ...serviceOnlyWrites },
      insert: {
        row: async (world) => ({
          family_id: world.family.id,
          child_id: await bareChildMember(world),
          local_date: '2030-01-01',
          minutes: 5,
        }),
        ...serviceOnlyInsert,
      },
      delete: serviceOnlyWrites,
    },

    'public.approval_requests': {
      key: 'child_id',
      owners: ['child', 'sibling', 'otherChild'],
      select: childAndParentsRead,
      // Asked through request_more_time(), answered through decide_approval_request(), never written.
      update: { patch: { message: 'Probe' }, ...serviceOnlyWrites },
      insert: {
        row: async (world) => ({
          family_id: world.family.id,
          child_id: await bareChildMember(world),
          kind: 'more_time',
          minutes: 10,
          requested_minutes: 10,
          for_date: '2030-01-01',
        }),
        ...serviceOnlyInsert,
      },
      delete: serviceOnlyWrites,
    },
  },

  // The service role holds EXECUTE only on verify_child_pin: every other RPC acts for the signed-in user
  // (auth.uid()) and is granted to authenticated alone, so server code cannot call them without a user.
  functions: {
    // Trigger functions: fired by the database only, never called.
    'public.set_updated_at': { args: () => ({}), execute: { '*': DENIED } },
    'public.handle_new_user': { args: () => ({}), execute: { '*': DENIED } },

    'public.get_family_audit_log': {
      args: () => ({ p_limit: 10 }),
      // Granted to the service role too, which has no family: it reads nothing through it. A guest reads
      // their trial family's (its creation, their wallet's changes).
      execute: { anon: DENIED, parent: 'allowed', otherParent: 'allowed', guest: 'allowed', '*': 'empty' },
    },

    'public.add_child': {
      async args() {
        const user = await createChildUser();
        return {
          p_child_id: user.id,
          p_display_name: `Probe${randomUUID().slice(0, 5)}`,
          p_birth_year: thisYear() - 7,
          p_pin: '1234',
        };
      },
      // Any parent adds a fresh child account to their own family; nobody else adds anyone. A guest is the
      // parent of their trial family and may too (whether an anonymous grown-up should add children and
      // consent for them is an open product question; this records what the database does today).
      execute: {
        anon: DENIED,
        service: DENIED,
        parent: 'allowed',
        otherParent: 'allowed',
        guest: 'allowed',
        '*': refused('not_a_parent'),
      },
    },

    'public.give_parental_consent': {
      async args(world) {
        const kid = await newKid(world.people.parent, { consent: false });
        return { p_child_id: kid.id, p_method: 'in_app_attestation', p_statement: 'I agree.' };
      },
      execute: { anon: DENIED, service: DENIED, parent: 'allowed', '*': refused('not_parent_of_child') },
    },

    'public.revoke_parental_consent': {
      args: async (world) => ({ p_child_id: (await newKid(world.people.parent)).id }),
      execute: { anon: DENIED, service: DENIED, parent: 'allowed', '*': refused('not_parent_of_child') },
    },

    'public.set_child_pin': {
      args: (world) => ({ p_child_id: world.people.child.id, p_pin: '4321' }),
      execute: { anon: DENIED, service: DENIED, parent: 'allowed', '*': refused('not_parent_of_child') },
    },

    'public.set_parent_pin': {
      args: () => ({ p_pin: '9999' }),
      execute: {
        anon: DENIED,
        service: DENIED,
        parent: 'allowed',
        otherParent: 'allowed',
        guest: 'allowed',
        '*': refused('not_a_parent'),
      },
    },

    // Family A's PIN: right for family A's members, wrong for the other family's.
    'public.verify_parent_pin': {
      args: (world) => ({ p_pin: world.family.pin }),
      execute: {
        anon: DENIED,
        stranger: returns([{ status: 'not_found' }]),
        // The guest's trial family has no PIN yet.
        guest: returns([{ status: 'not_set' }]),
        parent: returns([{ status: 'ok' }]),
        child: returns([{ status: 'ok' }]),
        sibling: returns([{ status: 'ok' }]),
        otherParent: returns([{ status: 'wrong_pin' }]),
        otherChild: returns([{ status: 'wrong_pin' }]),
        service: DENIED,
      },
    },

    'public.has_parent_pin': {
      args: () => ({}),
      execute: { anon: DENIED, service: DENIED, stranger: returns(false), guest: returns(false), '*': returns(true) },
    },

    'public.create_parent_invite': {
      args: () => ({}),
      execute: {
        anon: DENIED,
        service: DENIED,
        parent: 'allowed',
        otherParent: 'allowed',
        guest: 'allowed',
        '*': refused('not_a_parent'),
      },
    },

    'public.accept_parent_invite': {
      // Each actor gets a fresh family's invite, so no call uses up another's.
      async args(world) {
        const host = await world.newParent();
        const { data, error } = await host.client.rpc('create_parent_invite').single<{ code: string }>();
        if (error) throw error;
        return { p_code: data.code };
      },
      execute: {
        anon: DENIED,
        // Only a grown-up whose own family is empty (here: none at all, or a guest's trial family of one) may join.
        stranger: 'allowed',
        guest: 'allowed',
        parent: refused('own_family_not_empty'),
        otherParent: refused('own_family_not_empty'),
        child: refused('child_cannot_join_family'),
        sibling: refused('child_cannot_join_family'),
        otherChild: refused('child_cannot_join_family'),
        service: DENIED,
      },
    },

    'public.record_reading_time': {
      args: () => ({ p_minutes: 1 }),
      execute: {
        anon: DENIED,
        child: 'allowed',
        sibling: 'allowed',
        otherChild: 'allowed',
        service: DENIED,
        '*': refused('not_a_child'),
      },
    },

    'public.get_my_reading_day': {
      args: () => ({}),
      execute: {
        anon: DENIED,
        service: DENIED,
        child: 'allowed',
        sibling: 'allowed',
        otherChild: 'allowed',
        '*': 'empty',
      },
    },

    'public.request_more_time': {
      args: () => ({ p_minutes: 10 }),
      execute: {
        anon: DENIED,
        child: 'allowed',
        sibling: 'allowed',
        otherChild: 'allowed',
        service: DENIED,
        '*': refused('not_a_child'),
      },
    },

    'public.decide_approval_request': {
      // The child's open request (asked again if an earlier call answered it). Approved, not denied: a
      // "not today" would start the child's cool-down and the next actor's request could not be asked.
      async args(world) {
        const { data, error } = await world.people.child.client.rpc('request_more_time', { p_minutes: 5 });
        if (error) throw error;
        return { p_request_id: data, p_approve: true, p_minutes: 15 };
      },
      execute: { anon: DENIED, service: DENIED, parent: 'allowed', '*': refused('not_parent_of_family') },
    },

    'public.get_children_overview': {
      args: () => ({}),
      execute: { anon: DENIED, service: DENIED, parent: 'allowed', otherParent: 'allowed', '*': 'empty' },
    },

    // Everyone signed in chooses their own theme; the service role has no profile of its own.
    'public.set_theme_preference': {
      args: () => ({ p_theme: 'dark' }),
      execute: { anon: DENIED, service: DENIED, '*': 'allowed' },
    },

    'public.update_child_profile': {
      args: (world) => ({
        p_child_id: world.people.child.id,
        p_display_name: `Probe${randomUUID().slice(0, 5)}`,
        p_avatar: 'owl',
      }),
      execute: { anon: DENIED, service: DENIED, parent: 'allowed', '*': refused('not_parent_of_child') },
    },

    'public.deactivate_child': {
      args: async (world) => ({ p_child_id: (await newKid(world.people.parent)).id }),
      execute: { anon: DENIED, service: DENIED, parent: 'allowed', '*': refused('not_parent_of_child') },
    },

    'public.reactivate_child': {
      async args(world) {
        const kid = await newKid(world.people.parent);
        const { error } = await world.people.parent.client.rpc('deactivate_child', { p_child_id: kid.id });
        if (error) throw error;
        return { p_child_id: kid.id, p_pin: '1357' };
      },
      execute: { anon: DENIED, service: DENIED, parent: 'allowed', '*': refused('not_parent_of_child') },
    },

    // A fresh open code of family A per call, so no actor's call uses up another's.
    'public.revoke_parent_invite': {
      async args(world) {
        const { data, error } = await world.people.parent.client.rpc('create_parent_invite').single<{ code: string }>();
        if (error) throw error;
        return { p_code: data.code };
      },
      execute: { anon: DENIED, service: DENIED, parent: 'allowed', '*': refused('not_parent_of_family') },
    },

    // Kid sign-in step one: only the server (service role), which passes the client address.
    'public.verify_child_pin': {
      args: (world) => ({
        p_family_code: world.family.code,
        p_child_name: world.people.child.name,
        p_pin: world.people.child.pin,
        p_client: `access-matrix-${randomUUID()}`,
      }),
      execute: { '*': DENIED, service: returns([{ status: 'ok' }]) },
    },
  },
};
