import { randomUUID } from 'node:crypto';
import { adminQuery } from 'supabase-local/testing';
import {
  importStory,
  newKey,
  type StoredStory,
  unexploredChoices,
  waitForJob,
  wizardRequest,
} from '../../stories/story-fixtures';
import type { World } from '../world';
import {
  ALL,
  type CallOutcome,
  DENIED,
  type DomainExpectations,
  type InsertOutcome,
  type PerActor,
  type RowOutcome,
  refused,
} from './types';

// Stories (migrations 20261201170*): the catalogue, characters, the story graph, reading progress,
// favourites, generation jobs and reports. Nobody writes the graph, the jobs or the reports through the
// API, not even the service role (the worker connects to Postgres itself): they change only in definer
// functions, which check who asks.
//
// The probe stories' ids are the ids of the people they stand for, so that the graph's tables (keyed by
// story_id) name whose story a row belongs to. In the world the children are 7-9:
//   parent      family A, by the parent, for the family, 7-9
//   child       family A, the child's own private story, 7-9
//   sibling     family A, by the parent, for the family, 10-12 (above the children's band)
//   otherParent family B, for that family, 7-9
//   otherChild  family B, public, 4-6 (everyone reads it)

/** One public 4-6 story every world shares: reading progress patches need a real page to move to. */
const shared: StoredStory = await importStory({ visibility: 'public', ageBand: '4-6', seed: 401 });
const sharedStart = shared.segments.s;
const sharedSecond = Object.entries(shared.segments).find(([key]) => /^s\.\d+$/.test(key))?.[1];
if (!sharedStart || !sharedSecond) throw new Error('the shared probe story has no start and second page');

/** Postgres array literal: supabase-js sends it as a string, and the matrix compares columns as text. */
const uuidArray = (...ids: string[]) => `{${ids.join(',')}}`;

const PROBE_STORIES = {
  parent: { family: 'family', author: 'parent', visibility: 'family', ageBand: '7-9' },
  child: { family: 'family', author: 'child', visibility: 'private', ageBand: '7-9' },
  sibling: { family: 'family', author: 'parent', visibility: 'family', ageBand: '10-12' },
  otherParent: { family: 'otherFamily', author: 'otherParent', visibility: 'family', ageBand: '7-9' },
  otherChild: { family: 'otherFamily', author: 'otherParent', visibility: 'public', ageBand: '4-6' },
} as const;
const STORY_OWNERS = Object.keys(PROBE_STORIES) as (keyof typeof PROBE_STORIES)[];

/** Who reads which probe story (and its pages, choices and cast): band, family and visibility. */
const storyReaders: PerActor<RowOutcome> = {
  anon: ['otherChild'],
  stranger: ['otherChild'],
  guest: ['otherChild'],
  parent: ['parent', 'child', 'sibling', 'otherChild'],
  child: ['parent', 'child', 'otherChild'],
  // Not the child's private story, not the 10-12 one.
  sibling: ['parent', 'otherChild'],
  otherParent: ['otherParent', 'otherChild'],
  otherChild: ['otherParent', 'otherChild'],
  service: ALL,
};

/** Written only by definer functions: no API role holds a write privilege, the service role neither. */
const nobodyWrites: PerActor<RowOutcome> = { '*': DENIED };
const nobodyInserts: PerActor<InsertOutcome> = { '*': DENIED };

const catalogueReaders: PerActor<RowOutcome> = { '*': ['onSale', 'offSale'] };

const idOf = async (sql: string, params: unknown[] = []) => {
  const [row] = await adminQuery<{ id: string }>(sql, params);
  if (!row) throw new Error(`no row for ${sql}`);
  return row.id;
};

/** A fresh public story, for inserts and calls that use one up. */
const freshPublicStory = () => importStory({ visibility: 'public', ageBand: '4-6', seed: 402 });

/** A fresh family-A story by the parent (for the family, 7-9), for calls that change or use one up. */
const freshFamilyStory = (world: World) =>
  importStory({
    familyId: world.family.id,
    authorId: world.people.parent.id,
    visibility: 'family',
    ageBand: '7-9',
    seed: 404,
  });

/** A fresh family-A story waiting for a moderator: the parent asked for it to be made public. */
async function pendingPublicRequest(world: World): Promise<string> {
  const story = await freshFamilyStory(world);
  const { data, error } = await world.people.parent.client.rpc('request_story_public', { p_story_id: story.id });
  if (error) throw error;
  return (data as { request_id: string }).request_id;
}

/** Changing a family-A story of the parent's: the parent may; the children are not its author. */
const manageParentsStory: PerActor<CallOutcome> = {
  anon: DENIED,
  service: DENIED,
  parent: 'allowed',
  child: refused('not_story_author'),
  sibling: refused('not_story_author'),
  '*': refused('story_not_in_family'),
};

/** One failed new-story job per world (an engine-unknown template), requested by the parent. */
const failedJobs = new WeakMap<World, Promise<string>>();
function failedJobOf(world: World): Promise<string> {
  let job = failedJobs.get(world);
  if (!job) {
    job = (async () => {
      const slug = `missing-${randomUUID().slice(0, 8)}`;
      await adminQuery(`insert into public.story_templates (slug, version, title) values ($1, 1, 'Not written yet')`, [
        slug,
      ]);
      const { data, error } = await world.people.parent.client.rpc('create_story', {
        p_request: await wizardRequest({ templateId: slug }),
        p_idempotency_key: newKey(),
      });
      if (error) throw error;
      const failed = await waitForJob((data as { job_id: string }).job_id);
      if (failed.status !== 'failed') throw new Error('the probe job did not fail');
      return failed.id;
    })();
    failedJobs.set(world, job);
  }
  return job;
}

const segmentRow = (storyId: string) => ({
  story_id: storyId,
  key: 's.9',
  depth: 1,
  text: 'Probe',
  setting_id: 'meadow',
  scene: 'meadow',
  place: 'a meadow',
  is_ending: true,
  state: {},
  provenance: {},
});

export const stories: DomainExpectations = {
  async setup(world) {
    const { parent, child, otherParent, otherChild, sibling } = world.people;
    const stored: Partial<Record<(typeof STORY_OWNERS)[number], StoredStory>> = {};
    for (const owner of STORY_OWNERS) {
      const spec = PROBE_STORIES[owner];
      stored[owner] = await importStory({
        id: world.id(owner),
        familyId: world.id(spec.family),
        authorId: world.id(spec.author),
        visibility: spec.visibility,
        ageBand: spec.ageBand,
        seed: 400 + STORY_OWNERS.indexOf(owner),
      });
    }
    // Each family makes a character of its own.
    for (const who of [parent, otherParent]) {
      const made = await who.client.rpc('create_character', {
        p_name: 'Biscuit',
        p_kind: 'dog',
        p_pronoun: 'he',
        p_traits: ['kind'],
        p_look: {
          shape: 'small',
          body: '#aa7744',
          accent: '#ffffff',
          ears: 'long',
          accessory: 'none',
          accessoryColor: '#000000',
        },
      });
      if (made.error) throw made.error;
    }
    // Reading progress and favourites in the shared public story.
    for (const who of [parent, child, sibling, otherChild]) {
      const saved = await who.client.from('reading_progress').insert({
        story_id: shared.id,
        path: uuidArray(sharedStart, sharedSecond),
      });
      if (saved.error) throw saved.error;
    }
    for (const who of [parent, child, otherChild]) {
      const liked = await who.client.from('favourites').insert({ story_id: shared.id });
      if (liked.error) throw liked.error;
    }
    // A story ordered by each family's parent, and a page reported by a child of each family; the worker
    // runs their jobs, and the probes wait for it so that nothing changes the rows while they look.
    const jobs: string[] = [];
    for (const who of [parent, otherParent]) {
      const { data, error } = await who.client.rpc('create_story', {
        p_request: await wizardRequest(),
        p_idempotency_key: newKey(),
      });
      if (error) throw error;
      jobs.push((data as { job_id: string }).job_id);
    }
    for (const [who, story] of [
      [child, stored.parent],
      [otherChild, stored.otherParent],
    ] as const) {
      const page = Object.entries(story?.segments ?? {}).find(([key]) => key !== 's')?.[1];
      const { data, error } = await who.client.rpc('report_segment', { p_segment_id: page, p_reason: 'scary' });
      if (error) throw error;
      jobs.push((data as { job_id: string }).job_id);
    }
    // Each family's parent asks for a story of theirs to be made public (no moderator answers here).
    for (const [who, familyId] of [
      [parent, world.family.id],
      [otherParent, world.otherFamily.id],
    ] as const) {
      const story = await importStory({ familyId, authorId: who.id, visibility: 'family', ageBand: '7-9', seed: 405 });
      const asked = await who.client.rpc('request_story_public', { p_story_id: story.id });
      if (asked.error) throw asked.error;
    }
    for (const job of jobs) {
      const done = await waitForJob(job);
      if (done.status !== 'completed') throw new Error(`probe job ${job} ${done.status}: ${done.error_code}`);
    }
  },

  tables: {
    'public.themes': {
      key: 'id',
      owners: ['onSale', 'offSale'],
      // Themes are all offered: two of them stand for the catalogue.
      probes: async () => ({
        onSale: await idOf(`select id from public.themes where slug = 'friendship'`),
        offSale: await idOf(`select id from public.themes where slug = 'courage'`),
      }),
      select: catalogueReaders,
      update: { patch: { name: 'Probe' }, ...nobodyWrites },
      insert: {
        row: async () => ({ slug: `probe-${randomUUID().slice(0, 8)}`, name: 'Probe', morals: [] }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.story_templates': {
      key: 'id',
      owners: ['onSale', 'offSale'],
      probes: async () => ({
        onSale: await idOf(`select id from public.story_templates where slug = 'lost-pet'`),
        // A retired template (no longer offered, still named by the stories written from it).
        offSale: await idOf(
          `insert into public.story_templates (slug, version, title, available) values ($1, 1, 'Retired', false) returning id`,
          [`retired-${randomUUID().slice(0, 8)}`],
        ),
      }),
      select: catalogueReaders,
      update: { patch: { title: 'Probe' }, ...nobodyWrites },
      insert: {
        row: async () => ({ slug: `probe-${randomUUID().slice(0, 8)}`, version: 1, title: 'Probe' }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.template_themes': {
      key: 'id',
      owners: ['onSale', 'offSale'],
      probes: async () => ({
        onSale: await idOf('select id from public.template_themes order by id limit 1'),
        offSale: await idOf('select id from public.template_themes order by id desc limit 1'),
      }),
      select: catalogueReaders,
      update: { patch: { position: 9 }, ...nobodyWrites },
      insert: {
        row: async () => ({
          template_id: await idOf(`select id from public.story_templates where slug = 'lost-pet'`),
          theme_id: await idOf(`select id from public.themes where slug = 'friendship'`),
          position: 7,
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.generation_models': {
      key: 'id',
      owners: ['onSale', 'offSale'],
      // The price list shows models that are not available too (greyed out), so both are read.
      probes: async () => ({
        onSale: await idOf(`select id from public.generation_models where available order by slug limit 1`),
        offSale: await idOf(`select id from public.generation_models where not available order by slug limit 1`),
      }),
      select: catalogueReaders,
      update: { patch: { story_credits: 999 }, ...nobodyWrites },
      insert: {
        row: async () => ({
          slug: `probe-${randomUUID().slice(0, 8)}`,
          name: 'Probe',
          provider: 'builtin',
          provider_model_id: 'probe',
          story_credits: 1,
          branch_credits: 1,
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },

    'public.characters': {
      key: 'family_id',
      owners: ['family', 'otherFamily'],
      // Library characters (no family) are everyone's; a family's own are its members'.
      select: {
        anon: [],
        stranger: [],
        guest: [],
        parent: ['family'],
        child: ['family'],
        sibling: ['family'],
        otherParent: ['otherFamily'],
        otherChild: ['otherFamily'],
        service: ALL,
      },
      // Made and removed only through create_character() / delete_character().
      update: { patch: { name: 'Probe' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          family_id: world.family.id,
          name: 'Probe',
          kind: 'cat',
          pronoun: 'she',
          traits: '{kind}',
          look: {
            shape: 'small',
            body: '#aa7744',
            accent: '#ffffff',
            ears: 'long',
            accessory: 'none',
            accessoryColor: '#000000',
          },
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },

    'public.stories': {
      key: 'id',
      owners: STORY_OWNERS,
      select: storyReaders,
      // Renames, trash and publishing go through RPCs; the graph through the generation jobs.
      update: { patch: { title: 'Probe' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          family_id: world.family.id,
          title: 'Probe',
          age_band: '4-6',
          length: 'short',
          theme_id: await idOf(`select id from public.themes where slug = 'friendship'`),
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.story_segments': {
      key: 'story_id',
      owners: STORY_OWNERS,
      select: storyReaders,
      update: { patch: { text: 'Probe' }, ...nobodyWrites },
      insert: { row: async (world) => segmentRow(world.id('parent')), ...nobodyInserts },
      delete: nobodyWrites,
    },
    'public.story_choices': {
      key: 'story_id',
      owners: STORY_OWNERS,
      select: storyReaders,
      update: { patch: { label: 'Probe' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          story_id: world.id('parent'),
          key: 'probe',
          from_segment_id: await idOf('select id from public.story_segments where story_id = $1 and key = $2', [
            world.id('parent'),
            's',
          ]),
          position: 5,
          label: 'Probe',
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.story_characters': {
      key: 'story_id',
      owners: STORY_OWNERS,
      select: storyReaders,
      update: { patch: { name: 'Probe' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          story_id: world.id('parent'),
          key: 'probe',
          position: 3,
          name: 'Probe',
          kind: 'cat',
          pronoun: 'she',
          traits: '{kind}',
          look: {},
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },

    'public.reading_progress': {
      columns: { authenticated: { insert: ['path', 'story_id'], update: ['path', 'story_id'] } },
      key: 'reader_id',
      owners: ['parent', 'child', 'sibling', 'otherChild'],
      // The reader and their family's parents ("what does my child read").
      select: {
        anon: DENIED,
        stranger: [],
        guest: [],
        parent: ['parent', 'child', 'sibling'],
        child: ['child'],
        sibling: ['sibling'],
        otherParent: ['otherChild'],
        otherChild: ['otherChild'],
        service: ALL,
      },
      // Each reader moves only their own bookmark (back to the first page here).
      update: {
        patch: { path: uuidArray(sharedStart) },
        anon: DENIED,
        stranger: [],
        guest: [],
        parent: ['parent'],
        child: ['child'],
        sibling: ['sibling'],
        otherParent: [],
        otherChild: ['otherChild'],
        service: DENIED,
      },
      // Anyone signed in saves their place in a story they may read (a fresh public one per actor).
      insert: {
        async row() {
          const story = await freshPublicStory();
          return { story_id: story.id, path: uuidArray(story.segments.s) };
        },
        anon: DENIED,
        service: DENIED,
        '*': 'allowed',
      },
      delete: {
        anon: DENIED,
        stranger: [],
        guest: [],
        parent: ['parent'],
        child: ['child'],
        sibling: ['sibling'],
        otherParent: [],
        otherChild: ['otherChild'],
        service: DENIED,
      },
    },
    'public.favourites': {
      columns: { authenticated: { insert: ['story_id'] } },
      key: 'user_id',
      owners: ['parent', 'child', 'otherChild'],
      // Favourites are private to their user, even from the parents.
      select: {
        anon: DENIED,
        stranger: [],
        guest: [],
        parent: ['parent'],
        child: ['child'],
        sibling: [],
        otherParent: [],
        otherChild: ['otherChild'],
        service: ALL,
      },
      update: { patch: { created_at: '2001-01-01T00:00:00Z' }, ...nobodyWrites },
      insert: {
        row: async () => ({ story_id: (await freshPublicStory()).id }),
        anon: DENIED,
        service: DENIED,
        '*': 'allowed',
      },
      delete: {
        anon: DENIED,
        stranger: [],
        guest: [],
        parent: ['parent'],
        child: ['child'],
        sibling: [],
        otherParent: [],
        otherChild: ['otherChild'],
        service: DENIED,
      },
    },

    'public.generation_jobs': {
      key: 'requested_by',
      owners: ['parent', 'otherParent'],
      // The requester and their family's parents follow a job; a child does not see the parents' orders.
      select: {
        anon: DENIED,
        stranger: [],
        guest: [],
        parent: ['parent'],
        child: [],
        sibling: [],
        otherParent: ['otherParent'],
        otherChild: [],
        service: ALL,
      },
      update: { patch: { progress: 42 }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          family_id: world.family.id,
          story_id: world.id('parent'),
          kind: 'new_story',
          requested_by: world.people.parent.id,
          model_id: await idOf(`select id from public.generation_models where slug = 'builtin'`),
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
    'public.story_reports': {
      key: 'reporter_id',
      owners: ['child', 'otherChild'],
      // The reporter, their family's parents and moderators (none in this world).
      select: {
        anon: DENIED,
        stranger: [],
        guest: [],
        parent: ['child'],
        child: ['child'],
        sibling: [],
        otherParent: ['otherChild'],
        otherChild: ['otherChild'],
        service: ALL,
      },
      update: { patch: { status: 'dismissed' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          story_id: world.id('parent'),
          segment_key: 's',
          reporter_id: world.people.child.id,
          reason: 'scary',
          segment_text: 'Probe',
          provenance: {},
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },

    'public.story_public_requests': {
      key: 'family_id',
      owners: ['family', 'otherFamily'],
      // The moderation queue: the family's parents and moderators (none in this world); not the children.
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
      // Asked for and answered only through request_story_public() / review_story_public_request().
      update: { patch: { status: 'approved' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({ story_id: (await freshFamilyStory(world)).id, family_id: world.family.id }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
  },

  // Every story RPC acts for the signed-in user (auth.uid()): granted to authenticated alone.
  functions: {
    'public.search_stories': {
      args: () => ({ p_query: null, p_limit: 5 }),
      // Security invoker: RLS decides what is found (the public probe story at least, for everyone).
      execute: { anon: DENIED, service: DENIED, '*': 'allowed' },
    },

    'public.list_family_stories': {
      args: () => ({ p_sort: 'title' }),
      // Security invoker: the family's shelf as RLS shows it; nothing for someone without stories.
      execute: { anon: DENIED, service: DENIED, stranger: 'empty', guest: 'empty', '*': 'allowed' },
    },

    'public.rename_story': {
      args: async (world) => ({ p_story_id: (await freshFamilyStory(world)).id, p_title: 'Probe title' }),
      execute: manageParentsStory,
    },
    'public.trash_story': {
      args: async (world) => ({ p_story_id: (await freshFamilyStory(world)).id }),
      execute: manageParentsStory,
    },
    'public.set_story_visibility': {
      args: async (world) => ({ p_story_id: (await freshFamilyStory(world)).id, p_visibility: 'private' }),
      execute: manageParentsStory,
    },
    'public.restore_story': {
      async args(world) {
        const story = await freshFamilyStory(world);
        await adminQuery('update public.stories set deleted_at = now() where id = $1', [story.id]);
        return { p_story_id: story.id };
      },
      execute: manageParentsStory,
    },
    'public.request_story_public': {
      args: async (world) => ({ p_story_id: (await freshFamilyStory(world)).id }),
      // Only a parent of the story's family asks.
      execute: {
        anon: DENIED,
        service: DENIED,
        parent: 'allowed',
        child: refused('not_parent_of_family'),
        sibling: refused('not_parent_of_family'),
        '*': refused('story_not_in_family'),
      },
    },
    'public.review_story_public_request': {
      args: async (world) => ({ p_request_id: await pendingPublicRequest(world), p_approve: true }),
      // Moderators only, and this world has none.
      execute: { anon: DENIED, service: DENIED, '*': refused('not_a_moderator') },
    },
    'public.is_moderator': {
      // Any signed-in user asks about themselves (false for all here: story-library.test.ts has one).
      args: () => ({}),
      execute: { anon: DENIED, service: DENIED, '*': 'allowed' },
    },
    'public.remix_story': {
      args: async () => ({ p_story_id: (await freshPublicStory()).id, p_idempotency_key: newKey() }),
      // A parent (a guest too, into their trial family) copies a public story; children and people
      // without a family do not.
      execute: {
        anon: DENIED,
        service: DENIED,
        stranger: refused('not_a_family_member'),
        child: refused('not_a_parent'),
        sibling: refused('not_a_parent'),
        otherChild: refused('not_a_parent'),
        '*': 'allowed',
      },
    },

    'public.create_character': {
      args: () => ({
        p_name: `Probe${randomUUID().slice(0, 4)}`,
        p_kind: 'cat',
        p_pronoun: 'she',
        p_traits: ['kind'],
        p_look: {
          shape: 'small',
          body: '#aa7744',
          accent: '#ffffff',
          ears: 'long',
          accessory: 'none',
          accessoryColor: '#000000',
        },
      }),
      // Any family member; a child only while creating is allowed (it is by default).
      execute: { anon: DENIED, service: DENIED, stranger: refused('not_a_family_member'), '*': 'allowed' },
    },

    'public.delete_character': {
      // The parent's character of family A, made afresh for each call.
      async args(world) {
        const { data, error } = await world.people.parent.client.rpc('create_character', {
          p_name: `Probe${randomUUID().slice(0, 4)}`,
          p_kind: 'cat',
          p_pronoun: 'she',
          p_traits: ['kind'],
          p_look: {
            shape: 'small',
            body: '#aa7744',
            accent: '#ffffff',
            ears: 'long',
            accessory: 'none',
            accessoryColor: '#000000',
          },
        });
        if (error) throw error;
        return { p_character_id: data };
      },
      // A parent removes any of the family's; a child only their own; other families find nothing.
      execute: {
        anon: DENIED,
        service: DENIED,
        parent: 'allowed',
        child: refused('not_allowed_for_character'),
        sibling: refused('not_allowed_for_character'),
        '*': refused('character_not_found'),
      },
    },

    'public.create_story': {
      // Each call is paid for: the caller's family gets a new story's worth of credits first, so what is
      // probed is who may order, not whose wallet is empty.
      async args(world, actor) {
        const familyOf: Partial<Record<string, string>> = {
          parent: world.family.id,
          child: world.family.id,
          sibling: world.family.id,
          otherParent: world.otherFamily.id,
          otherChild: world.otherFamily.id,
          guest: world.guestFamily.id,
        };
        const familyId = familyOf[actor];
        if (familyId) {
          await adminQuery(
            `select private.credit_wallet($1, 'welcome_grant', 0, 5, null, null, 'Access matrix probe')`,
            [familyId],
          );
        }
        return { p_request: await wizardRequest(), p_idempotency_key: newKey() };
      },
      // Any family member (a guest too: their trial family's one story; a child within the controls and
      // allowance); nobody without a family.
      execute: { anon: DENIED, service: DENIED, stranger: refused('not_a_family_member'), '*': 'allowed' },
    },

    'public.continue_story': {
      // An unexplored choice of a fresh family-A story (7-9, for the family) per call.
      async args(world) {
        const story = await importStory({
          familyId: world.family.id,
          authorId: world.people.parent.id,
          visibility: 'family',
          ageBand: '7-9',
          seed: 403,
        });
        const [choice] = await unexploredChoices(story.id);
        return { p_choice_id: choice.id, p_idempotency_key: newKey() };
      },
      execute: {
        anon: DENIED,
        service: DENIED,
        stranger: refused('not_a_family_member'),
        // The family's parent and its children (the story is in their band) explore it; others cannot.
        parent: 'allowed',
        child: 'allowed',
        sibling: 'allowed',
        '*': refused('story_not_in_family'),
      },
    },

    'public.retry_generation_job': {
      args: async (world) => ({ p_job_id: await failedJobOf(world), p_idempotency_key: newKey() }),
      // The requester (here the parent) or a parent of the family; nobody else finds the job.
      execute: { anon: DENIED, service: DENIED, parent: 'allowed', '*': refused('job_not_found') },
    },

    'public.report_segment': {
      // A page of a fresh public story per call: anyone who reads may report it.
      async args() {
        const story = await freshPublicStory();
        return { p_segment_id: story.segments.s, p_reason: 'scary' };
      },
      execute: { anon: DENIED, service: DENIED, '*': 'allowed' },
    },
  },
};
