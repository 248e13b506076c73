import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { adminQuery, anonClient } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectInvariants, walletOf } from '../credits/credit-helpers';
import { addChild, type Child, expectError, type Parent, signUpParent } from '../rls/family-helpers';
import { idsOf, importStory, newKey, type StoredStory, waitForJob } from './story-fixtures';

// The library's writes (migrations 20261202090*): rename, trash and restore, private/family, the public
// request and its moderation, remix, and the library's orders. Rules as chosen there: the author (a
// child too) or a parent renames, trashes and picks private/family; only a parent restores, asks for
// public or remixes; only a moderator decides; a remix is free.

const thisYear = new Date().getFullYear();

let parentA: Parent;
let kid: Child; // 7-9, the author of their own stories
let sibling: Child; // 7-9
let parentB: Parent;
let moderator: Parent;

async function storyRow(id: string) {
  const [row] = await adminQuery<{
    title: string;
    visibility: string;
    deleted_at: Date | null;
    published_at: Date | null;
    forked_from: string | null;
  }>('select title, visibility, deleted_at, published_at, forked_from from public.stories where id = $1', [id]);
  return row;
}

/** Which of the given stories the client reads (RLS). */
async function reads(client: SupabaseClient, ...ids: string[]) {
  const { data, error } = await client.from('stories').select('id').in('id', ids);
  expect(error).toBeNull();
  return (data ?? []).map((row) => row.id).sort();
}

const familyStory = (over: { authorId?: string; visibility?: 'private' | 'family' | 'public'; seed?: number } = {}) =>
  importStory({
    familyId: parentA.familyId,
    authorId: over.authorId ?? parentA.id,
    visibility: over.visibility ?? 'family',
    ageBand: '7-9',
    seed: over.seed ?? 21,
  });

beforeAll(async () => {
  [parentA, parentB, moderator] = await Promise.all([signUpParent(), signUpParent(), signUpParent()]);
  [kid, sibling] = await Promise.all([
    addChild(parentA, { birthYear: thisYear - 8 }),
    addChild(parentA, { birthYear: thisYear - 8 }),
  ]);
  await adminQuery('insert into private.moderators (user_id) values ($1)', [moderator.id]);
});

describe('rename', () => {
  let story: StoredStory;
  beforeAll(async () => {
    story = await familyStory();
  });

  it('a parent renames a family story; spaces are tidied', async () => {
    const { data, error } = await parentA.client.rpc('rename_story', {
      p_story_id: story.id,
      p_title: '  The   Big Day ',
    });
    expect(error).toBeNull();
    expect(data).toEqual({ story_id: story.id, title: 'The Big Day' });
    expect((await storyRow(story.id)).title).toBe('The Big Day');
  });

  it('refuses an empty or over-long title and changes nothing', async () => {
    for (const title of ['', '   ', 'x'.repeat(121)]) {
      expectError(
        await parentA.client.rpc('rename_story', { p_story_id: story.id, p_title: title }),
        'story_title_length',
        {
          min: 1,
          max: 120,
        },
      );
    }
    expect((await storyRow(story.id)).title).toBe('The Big Day');
    const longest = 'y'.repeat(120);
    expect((await parentA.client.rpc('rename_story', { p_story_id: story.id, p_title: longest })).error).toBeNull();
  });

  it("a child renames their own story, not a parent's or a sibling's", async () => {
    const own = await familyStory({ authorId: kid.id, visibility: 'private' });
    expect((await kid.client.rpc('rename_story', { p_story_id: own.id, p_title: 'My dragon' })).error).toBeNull();
    expect((await storyRow(own.id)).title).toBe('My dragon');
    expectError(await sibling.client.rpc('rename_story', { p_story_id: own.id, p_title: 'Mine' }), 'not_story_author');
    expectError(await kid.client.rpc('rename_story', { p_story_id: story.id, p_title: 'Mine' }), 'not_story_author');
    expect((await storyRow(own.id)).title).toBe('My dragon');
  });

  it("another family's story, a library story or no story at all: not in the family", async () => {
    const library = await importStory({ visibility: 'public', ageBand: '4-6', seed: 22 });
    for (const id of [story.id, library.id, randomUUID()]) {
      expectError(await parentB.client.rpc('rename_story', { p_story_id: id, p_title: 'Ours' }), 'story_not_in_family');
    }
    expectError(
      await parentA.client.rpc('rename_story', { p_story_id: library.id, p_title: 'Ours' }),
      'story_not_in_family',
    );
    expect((await storyRow(library.id)).title).not.toBe('Ours');
    expect((await anonClient().rpc('rename_story', { p_story_id: story.id, p_title: 'Anon' })).error?.code).toBe(
      '42501',
    );
  });
});

describe('trash and restore', () => {
  it("a child trashes their own story: gone from their shelf, in the parents' trash; only a parent restores it", async () => {
    const own = await familyStory({ authorId: kid.id, visibility: 'family' });
    const trashed = await kid.client.rpc('trash_story', { p_story_id: own.id });
    expect(trashed.error).toBeNull();
    expect(await reads(kid.client, own.id)).toEqual([]);
    expect(await reads(sibling.client, own.id)).toEqual([]);
    const trash = await parentA.client.rpc('list_family_stories', { p_trash: true });
    expect(trash.data?.map((s: { id: string }) => s.id)).toContain(own.id);
    const shelf = await parentA.client.rpc('list_family_stories', {});
    expect(shelf.data?.map((s: { id: string }) => s.id)).not.toContain(own.id);

    expectError(await kid.client.rpc('trash_story', { p_story_id: own.id }), 'story_already_in_trash');
    expectError(await kid.client.rpc('restore_story', { p_story_id: own.id }), 'not_parent_of_family');
    expectError(await kid.client.rpc('rename_story', { p_story_id: own.id, p_title: 'Back?' }), 'story_in_trash');
    expect((await storyRow(own.id)).deleted_at).not.toBeNull();

    expect((await parentA.client.rpc('restore_story', { p_story_id: own.id })).error).toBeNull();
    expect((await storyRow(own.id)).deleted_at).toBeNull();
    expect(await reads(kid.client, own.id)).toEqual([own.id]);
    expectError(await parentA.client.rpc('restore_story', { p_story_id: own.id }), 'story_not_in_trash');
  });

  it("a child cannot trash a parent's story; another family cannot trash or restore ours", async () => {
    const story = await familyStory();
    expectError(await kid.client.rpc('trash_story', { p_story_id: story.id }), 'not_story_author');
    expectError(await parentB.client.rpc('trash_story', { p_story_id: story.id }), 'story_not_in_family');
    expect((await storyRow(story.id)).deleted_at).toBeNull();
    expect((await parentA.client.rpc('trash_story', { p_story_id: story.id })).error).toBeNull();
    expectError(await parentB.client.rpc('restore_story', { p_story_id: story.id }), 'story_not_in_family');
    expect((await storyRow(story.id)).deleted_at).not.toBeNull();
  });

  it('a story still being written cannot go to the trash', async () => {
    const story = await familyStory();
    await adminQuery(`update public.stories set status = 'generating' where id = $1`, [story.id]);
    expectError(await parentA.client.rpc('trash_story', { p_story_id: story.id }), 'story_not_ready');
    expect((await storyRow(story.id)).deleted_at).toBeNull();
  });
});

describe('private or family', () => {
  it('the author shares their private story with the family and takes it back', async () => {
    const own = await familyStory({ authorId: kid.id, visibility: 'private' });
    expect(await reads(sibling.client, own.id)).toEqual([]);
    expect(
      (await kid.client.rpc('set_story_visibility', { p_story_id: own.id, p_visibility: 'family' })).error,
    ).toBeNull();
    expect(await reads(sibling.client, own.id)).toEqual([own.id]);
    expect(
      (await kid.client.rpc('set_story_visibility', { p_story_id: own.id, p_visibility: 'private' })).error,
    ).toBeNull();
    expect(await reads(sibling.client, own.id)).toEqual([]);
  });

  it('public is never set directly, and a sibling or another family changes nothing', async () => {
    const own = await familyStory({ authorId: kid.id, visibility: 'private' });
    expectError(
      await parentA.client.rpc('set_story_visibility', { p_story_id: own.id, p_visibility: 'public' }),
      'story_public_needs_review',
    );
    expectError(
      await sibling.client.rpc('set_story_visibility', { p_story_id: own.id, p_visibility: 'family' }),
      'not_story_author',
    );
    expectError(
      await parentB.client.rpc('set_story_visibility', { p_story_id: own.id, p_visibility: 'family' }),
      'story_not_in_family',
    );
    expect((await storyRow(own.id)).visibility).toBe('private');
  });
});

describe('request public and moderation', () => {
  let story: StoredStory;
  let requestId: string;
  beforeAll(async () => {
    story = await familyStory({ seed: 31 });
  });

  it('the app can tell a moderator from everyone else', async () => {
    expect((await moderator.client.rpc('is_moderator')).data).toBe(true);
    expect((await parentA.client.rpc('is_moderator')).data).toBe(false);
  });

  it('only a parent of the family asks', async () => {
    expectError(await kid.client.rpc('request_story_public', { p_story_id: story.id }), 'not_parent_of_family');
    expectError(await parentB.client.rpc('request_story_public', { p_story_id: story.id }), 'story_not_in_family');
    expectError(await moderator.client.rpc('request_story_public', { p_story_id: story.id }), 'story_not_in_family');
    const { data, error } = await parentA.client.rpc('request_story_public', { p_story_id: story.id });
    expect(error).toBeNull();
    requestId = (data as { request_id: string }).request_id;
    expect(data).toMatchObject({ status: 'pending' });
    expectError(
      await parentA.client.rpc('request_story_public', { p_story_id: story.id }),
      'story_public_request_pending',
    );
  });

  it('while it waits: the story is not public, a moderator reads it, its title is frozen', async () => {
    expect((await storyRow(story.id)).visibility).toBe('family');
    expect(await reads(parentB.client, story.id)).toEqual([]);
    expect(await reads(anonClient(), story.id)).toEqual([]);
    expect(await reads(moderator.client, story.id)).toEqual([story.id]);
    const pages = await moderator.client.from('story_segments').select('id').eq('story_id', story.id);
    expect(pages.data?.length).toBe(story.story.segments.length);
    expectError(
      await parentA.client.rpc('rename_story', { p_story_id: story.id, p_title: 'Switched' }),
      'story_public_request_pending',
    );
    // The queue: the moderator and the family's parents read the request; the child and others do not.
    for (const [client, count] of [
      [moderator.client, 1],
      [parentA.client, 1],
      [kid.client, 0],
      [parentB.client, 0],
    ] as const) {
      const { data } = await client.from('story_public_requests').select('id').eq('id', requestId);
      expect(data?.length).toBe(count);
    }
  });

  it('only a moderator decides, once, and a note is at most 500 characters', async () => {
    for (const client of [parentA.client, parentB.client, kid.client]) {
      expectError(
        await client.rpc('review_story_public_request', { p_request_id: requestId, p_approve: true }),
        'not_a_moderator',
      );
    }
    expectError(
      await moderator.client.rpc('review_story_public_request', {
        p_request_id: requestId,
        p_approve: true,
        p_note: 'n'.repeat(501),
      }),
      'message_too_long',
    );
    expectError(
      await moderator.client.rpc('review_story_public_request', { p_request_id: randomUUID(), p_approve: true }),
      'public_request_not_found',
    );
    expect((await storyRow(story.id)).visibility).toBe('family');
    const approved = await moderator.client.rpc('review_story_public_request', {
      p_request_id: requestId,
      p_approve: true,
    });
    expect(approved.error).toBeNull();
    expect(approved.data).toMatchObject({ status: 'approved', story_id: story.id });
    expectError(
      await moderator.client.rpc('review_story_public_request', { p_request_id: requestId, p_approve: false }),
      'request_already_answered',
    );
  });

  it('approved: everyone reads it, it cannot be asked for again or renamed, and the family audit shows it', async () => {
    const row = await storyRow(story.id);
    expect(row.visibility).toBe('public');
    expect(row.published_at).not.toBeNull();
    expect(await reads(parentB.client, story.id)).toEqual([story.id]);
    expect(await reads(anonClient(), story.id)).toEqual([story.id]);
    const found = await parentB.client.rpc('search_stories', { p_query: story.story.title, p_limit: 100 });
    expect(found.data?.map((s: { id: string }) => s.id)).toContain(story.id);
    expectError(await parentA.client.rpc('request_story_public', { p_story_id: story.id }), 'story_already_public');
    expectError(await parentA.client.rpc('rename_story', { p_story_id: story.id, p_title: 'New' }), 'story_is_public');

    const audit = await parentA.client.rpc('get_family_audit_log', { p_limit: 50 });
    type Entry = { table_name: string; operation: string; new_row: { status: string }; actor_id: string };
    const entries = ((audit.data ?? []) as Entry[]).filter((e) => e.table_name === 'public.story_public_requests');
    expect(entries.map((e) => [e.operation, e.new_row.status, e.actor_id])).toEqual([
      ['UPDATE', 'approved', moderator.id],
      ['INSERT', 'pending', parentA.id],
    ]);
  });

  it('back to the family: it leaves the public library', async () => {
    expect(
      (await parentA.client.rpc('set_story_visibility', { p_story_id: story.id, p_visibility: 'family' })).error,
    ).toBeNull();
    expect(await reads(parentB.client, story.id)).toEqual([]);
    expect((await storyRow(story.id)).published_at).toBeNull();
  });

  it('rejected: stays in the family with the note; trashing withdraws a waiting request', async () => {
    const other = await familyStory({ seed: 32 });
    const asked = await parentA.client.rpc('request_story_public', { p_story_id: other.id });
    const id = (asked.data as { request_id: string }).request_id;
    const rejected = await moderator.client.rpc('review_story_public_request', {
      p_request_id: id,
      p_approve: false,
      p_note: 'The ending is too sad for the public library.',
    });
    expect(rejected.data).toMatchObject({ status: 'rejected' });
    expect((await storyRow(other.id)).visibility).toBe('family');
    const [request] = await adminQuery<{ review_note: string; reviewed_by: string }>(
      'select review_note, reviewed_by from public.story_public_requests where id = $1',
      [id],
    );
    expect(request).toEqual({
      review_note: 'The ending is too sad for the public library.',
      reviewed_by: moderator.id,
    });

    const again = await parentA.client.rpc('request_story_public', { p_story_id: other.id });
    expect(again.error).toBeNull();
    expect((await parentA.client.rpc('trash_story', { p_story_id: other.id })).error).toBeNull();
    const [withdrawn] = await adminQuery<{ status: string }>(
      'select status from public.story_public_requests where id = $1',
      [(again.data as { request_id: string }).request_id],
    );
    expect(withdrawn.status).toBe('withdrawn');
    expect(await reads(moderator.client, other.id)).toEqual([]);
    expectError(await parentA.client.rpc('request_story_public', { p_story_id: other.id }), 'story_in_trash');
  });
});

describe('remix', () => {
  let source: StoredStory;
  beforeAll(async () => {
    source = await importStory({ visibility: 'public', ageBand: '7-9', seed: 41 });
  });

  it('a parent copies a public story into the family for free, graph and cast included, once per key', async () => {
    const before = await walletOf(parentB.familyId);
    const key = newKey();
    const { data, error } = await parentB.client.rpc('remix_story', { p_story_id: source.id, p_idempotency_key: key });
    expect(error).toBeNull();
    const result = data as { story_id: string; forked_from: string; job_id: string; credits: number };
    expect(result).toMatchObject({ forked_from: source.id, credits: 0 });

    const copy = await adminQuery<{ family_id: string; author_id: string; visibility: string; title: string }>(
      'select family_id, author_id, visibility, title from public.stories where id = $1',
      [result.story_id],
    );
    expect(copy).toEqual([
      { family_id: parentB.familyId, author_id: parentB.id, visibility: 'family', title: source.story.title },
    ]);
    expect((await storyRow(result.story_id)).forked_from).toBe(source.id);
    const ids = await idsOf(result.story_id);
    expect(Object.keys(ids.segments).sort()).toEqual(Object.keys(source.segments).sort());
    expect(Object.keys(ids.choices).sort()).toEqual(Object.keys(source.choices).sort());
    const problems = await adminQuery('select * from private.validate_story_graph($1)', [result.story_id]);
    expect(problems).toEqual([]);
    const [cast] = await adminQuery<{ n: number }>(
      'select count(*)::int as n from public.story_characters where story_id = $1',
      [result.story_id],
    );
    expect(cast.n).toBe(source.story.characters.length);

    // The same click again: the same copy. The pictures come from a free job.
    const again = await parentB.client.rpc('remix_story', { p_story_id: source.id, p_idempotency_key: key });
    expect((again.data as { story_id: string }).story_id).toBe(result.story_id);
    const job = await waitForJob(result.job_id);
    expect(job).toMatchObject({ kind: 'illustrate', status: 'completed', credits_reserved: 0 });
    expect(await walletOf(parentB.familyId)).toEqual(before);
    await expectInvariants([parentB.familyId]);
  });

  it('a child, someone without a family, a story that is not public, or one with a reported page: refused', async () => {
    expectError(
      await kid.client.rpc('remix_story', { p_story_id: source.id, p_idempotency_key: newKey() }),
      'not_a_parent',
    );
    const stranger = await signUpParent();
    await adminQuery('delete from public.families where id = $1', [stranger.familyId]);
    expectError(
      await stranger.client.rpc('remix_story', { p_story_id: source.id, p_idempotency_key: newKey() }),
      'not_a_family_member',
    );
    const familyOnly = await familyStory({ seed: 42 });
    for (const id of [familyOnly.id, randomUUID()]) {
      expectError(
        await parentB.client.rpc('remix_story', { p_story_id: id, p_idempotency_key: newKey() }),
        'story_not_found',
      );
    }
    const reported = await importStory({ visibility: 'public', ageBand: '7-9', seed: 43 });
    await adminQuery('update public.story_segments set hidden_at = now() where story_id = $1 and key <> $2', [
      reported.id,
      's',
    ]);
    expectError(
      await parentB.client.rpc('remix_story', { p_story_id: reported.id, p_idempotency_key: newKey() }),
      'story_under_review',
    );
    expectError(
      await parentB.client.rpc('remix_story', { p_story_id: source.id, p_idempotency_key: 'short' }),
      'idempotency_key_invalid',
    );
    const [{ n }] = await adminQuery<{ n: number }>(
      'select count(*)::int as n from public.stories where forked_from = $1',
      [reported.id],
    );
    expect(n).toBe(0);
  });
});

describe('library order', () => {
  let family: Parent;
  // A word no other story has, so that search finds exactly these three.
  const titles = ['Banana boat zorblax', 'apple tree zorblax', 'Cherry cloud zorblax'];
  const ids: string[] = [];
  beforeAll(async () => {
    family = await signUpParent();
    for (const [i, title] of titles.entries()) {
      const story = await importStory({
        familyId: family.familyId,
        authorId: family.id,
        visibility: 'family',
        seed: 50 + i,
      });
      await adminQuery(
        `update public.stories set title = $2, created_at = now() - make_interval(days => $3) where id = $1`,
        [story.id, title, 3 - i],
      );
      ids.push(story.id);
    }
    // Read: the banana boat first, then the apple tree by two readers (the parent and a child).
    const child = await addChild(family, { birthYear: thisYear - 11 });
    const start = async (id: string) => (await idsOf(id)).segments.s;
    for (const [client, id] of [
      [family.client, ids[0]],
      [family.client, ids[1]],
      [child.client, ids[1]],
    ] as const) {
      const saved = await client.from('reading_progress').insert({ story_id: id, path: `{${await start(id)}}` });
      expect(saved.error).toBeNull();
    }
  });

  const order = async (sort: string) => {
    const { data, error } = await family.client.rpc('list_family_stories', { p_sort: sort });
    expect(error).toBeNull();
    return ((data ?? []) as { title: string }[]).map((s) => s.title);
  };

  it('newest, title, recently read and most read', async () => {
    const [banana, apple, cherry] = titles;
    expect(await order('newest')).toEqual([cherry, apple, banana]);
    expect(await order('title')).toEqual([apple, banana, cherry]);
    expect(await order('recently_read')).toEqual([apple, banana, cherry]);
    expect(await order('most_read')).toEqual([apple, banana, cherry]);
  });

  it('search takes the same orders; an unknown order is refused', async () => {
    const [banana, apple, cherry] = titles;
    const search = async (sort: string) => {
      const { data, error } = await family.client.rpc('search_stories', { p_query: 'zorblax', p_sort: sort });
      expect(error).toBeNull();
      return ((data ?? []) as { title: string }[]).map((s) => s.title);
    };
    expect(await search('title')).toEqual([apple, banana, cherry]);
    expect(await search('newest')).toEqual([cherry, apple, banana]);
    expect(await search('most_read')).toEqual([apple, banana, cherry]);
    expectError(await family.client.rpc('list_family_stories', { p_sort: 'random' }), 'story_sort_unknown');
    expectError(await family.client.rpc('search_stories', { p_sort: 'drop table' }), 'story_sort_unknown');
  });

  it("another family's reading does not count", async () => {
    const others = await signUpParent();
    const { data } = await others.client.rpc('list_family_stories', { p_sort: 'most_read' });
    expect(data).toEqual([]);
  });
});
