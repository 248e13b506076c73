import { randomInt, randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { signAccessToken } from 'supabase-local';
import { adminQuery, anonClient, serviceClient, stackInfo } from 'supabase-local/testing';
import ws from 'ws';
import { createChildUser } from '../rls/family-helpers';

// The people the access matrix acts as. Two families: the parent with two children (child, sibling),
// another family's parent and child, a signed-in grown-up without any family (stranger), a guest (Auth's
// anonymous sign-in, trying Tale Forge before signing up: the parent of a family of their own), anon and
// the service role. More actors (host, participant…) join here as their features land.
export const ACTORS = [
  'anon',
  'stranger',
  'guest',
  'child',
  'sibling',
  'parent',
  'otherParent',
  'otherChild',
  'service',
] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * Rows nobody owns, in a public catalogue (price list, plans): one on sale and one not (a retired
 * package, a plan nobody can buy). A table's `probes` (expectations/types.ts) says which rows they are.
 */
export type CatalogueRow = 'onSale' | 'offSale';

/** Whose a row is: one of the signed-in people, one of the three families, or a catalogue row. */
export type Owner = Exclude<Actor, 'anon' | 'service'> | 'family' | 'otherFamily' | 'guestFamily' | CatalogueRow;

export interface Person {
  id: string;
  client: SupabaseClient;
}

export interface Kid extends Person {
  name: string;
  pin: string;
}

export interface World {
  family: { id: string; code: string; pin: string };
  otherFamily: { id: string; code: string; pin: string };
  guestFamily: { id: string };
  people: Record<'stranger' | 'guest' | 'parent' | 'otherParent', Person> &
    Record<'child' | 'sibling' | 'otherChild', Kid>;
  /** Catalogue rows' ids, when a table's probes named them (see CatalogueRow). */
  catalogue: Partial<Record<CatalogueRow, string>>;
  client(actor: Actor): SupabaseClient;
  /** The id a row of this owner carries in its key column (a user, family or catalogue row id). */
  id(owner: Owner): string;
  /** A new grown-up with a family of their own and a session, for arguments that need a third party. */
  newParent(): Promise<Person & { familyId: string }>;
}

/**
 * A session as the user: the access token Auth would issue (same claims, signed with the stack's JWT
 * secret). Minted rather than obtained by password so that building many worlds does not run into
 * Auth's per-address sign-in limits; the user itself is a real auth.users row.
 */
export async function sessionClient(userId: string, appMetadata: Record<string, unknown>): Promise<SupabaseClient> {
  const token = await signAccessToken(userId, appMetadata);
  return createClient(stackInfo().url, stackInfo().anonKey, {
    accessToken: async () => token,
    realtime: { transport: ws as never },
  });
}

/** A grown-up made the way sign-up makes one (the database gives them a family), with a session. */
async function grownUp(): Promise<Person & { familyId: string | null }> {
  const { data, error } = await serviceClient().auth.admin.createUser({
    email: `matrix-${randomUUID().slice(0, 12)}@example.test`,
    email_confirm: true,
    user_metadata: { display_name: `Grown-up ${randomUUID().slice(0, 4)}` },
  });
  if (error || !data.user) throw error ?? new Error('no user');
  const [member] = await adminQuery<{ family_id: string }>(
    `select family_id from public.family_members where user_id = $1`,
    [data.user.id],
  );
  return {
    id: data.user.id,
    familyId: member?.family_id ?? null,
    client: await sessionClient(data.user.id, { provider: 'email', providers: ['email'] }),
  };
}

/**
 * A guest, the way the app makes one: Auth's anonymous sign-in, whose session says is_anonymous; the
 * database gives them a family of which they are the parent, on the Guest plan. Auth allows 30
 * anonymous sign-ins per hour per client address; the test stack believes X-Forwarded-For from the
 * runner, so each guest comes from an address of its own in the reserved 198.18.0.0/15 benchmark range.
 */
async function guest(): Promise<Person & { familyId: string }> {
  const client = createClient(stackInfo().url, stackInfo().anonKey, {
    realtime: { transport: ws as never },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { 'x-forwarded-for': `198.19.${randomInt(0, 256)}.${randomInt(1, 255)}` } },
  });
  const { data, error } = await client.auth.signInAnonymously();
  if (error || !data.user) throw error ?? new Error('no anonymous user');
  const [member] = await adminQuery<{ family_id: string }>(
    `select family_id from public.family_members where user_id = $1 and role = 'parent'`,
    [data.user.id],
  );
  if (!member) throw new Error('anonymous sign-in made no family');
  return { id: data.user.id, familyId: member.family_id, client };
}

/** A child added to the parent's family through add_child, with consent (unless told otherwise). */
export async function newKid(parent: Person, { consent = true } = {}): Promise<Kid> {
  const user = await createChildUser();
  const name = `Kid${randomUUID().slice(0, 6)}`;
  const pin = '2468';
  const added = await parent.client.rpc('add_child', {
    p_child_id: user.id,
    p_display_name: name,
    p_birth_year: new Date().getUTCFullYear() - 8,
    p_pin: pin,
  });
  if (added.error) throw added.error;
  if (consent) {
    const given = await parent.client.rpc('give_parental_consent', {
      p_child_id: user.id,
      p_method: 'in_app_attestation',
      p_statement: 'I am the parent and I agree.',
    });
    if (given.error) throw given.error;
  }
  return { id: user.id, name, pin, client: await sessionClient(user.id, { account_type: 'child' }) };
}

async function familyCode(familyId: string): Promise<string> {
  const [row] = await adminQuery<{ code: string }>('select code from public.families where id = $1', [familyId]);
  return row.code;
}

/** Builds a fresh world: every check of the matrix gets its own, so no check sees another's writes. */
export async function createWorld(): Promise<World> {
  const [parent, otherParent, stranger, visitor] = await Promise.all([grownUp(), grownUp(), grownUp(), guest()]);
  if (!parent.familyId || !otherParent.familyId) throw new Error('sign-up made no family');
  // A signed-in grown-up whose family is gone: no membership anywhere.
  await adminQuery('delete from public.families where id = $1', [stranger.familyId]);
  const [child, sibling, otherChild] = await Promise.all([newKid(parent), newKid(parent), newKid(otherParent)]);
  const world: World = {
    family: { id: parent.familyId, code: await familyCode(parent.familyId), pin: '2580' },
    otherFamily: { id: otherParent.familyId, code: await familyCode(otherParent.familyId), pin: '1357' },
    guestFamily: { id: visitor.familyId },
    people: { stranger, guest: visitor, parent, otherParent, child, sibling, otherChild },
    catalogue: {},
    client(actor) {
      if (actor === 'anon') return anonClient();
      if (actor === 'service') return serviceClient();
      return world.people[actor].client;
    },
    id(owner) {
      if (owner === 'family') return world.family.id;
      if (owner === 'otherFamily') return world.otherFamily.id;
      if (owner === 'guestFamily') return world.guestFamily.id;
      if (owner === 'onSale' || owner === 'offSale') {
        const id = world.catalogue[owner];
        if (!id) throw new Error(`no ${owner} catalogue row: the table's probes must name it`);
        return id;
      }
      return world.people[owner].id;
    },
    async newParent() {
      const person = await grownUp();
      return { ...person, familyId: person.familyId as string };
    },
  };
  return world;
}
