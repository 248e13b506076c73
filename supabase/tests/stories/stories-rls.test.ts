import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { adminQuery, anonClient } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectInvariants, walletOf } from '../credits/credit-helpers';
import { addChild, type Child, expectError, type Parent, signUpParent } from '../rls/family-helpers';
import { createStoryAs, importStory, type StoredStory, waitForJob, wizardRequest } from './story-fixtures';

// Who reads which stories, as stories: a parent, a young and an older child of the family, another
// family, a signed-out visitor and a moderator. Children see their band and below, in their family or
// public, only while they may read; private stories are their author's and the parents'.

const thisYear = new Date().getFullYear();

let parentA: Parent;
let young: Child; // 4-6
let older: Child; // 10-12
let parentB: Parent;
let moderator: Parent;
const s: Record<string, StoredStory> = {};

async function visible(client: SupabaseClient): Promise<string[]> {
  const ids = Object.values(s).map((story) => story.id);
  const { data, error } = await client.from('stories').select('id').in('id', ids);
  expect(error).toBeNull();
  const names = Object.entries(s);
  return (data ?? []).map((row) => names.find(([, story]) => story.id === row.id)?.[0] ?? row.id).sort();
}

beforeAll(async () => {
  [parentA, parentB, moderator] = await Promise.all([signUpParent(), signUpParent(), signUpParent()]);
  [young, older] = await Promise.all([
    addChild(parentA, { birthYear: thisYear - 5 }),
    addChild(parentA, { birthYear: thisYear - 10 }),
  ]);
  await adminQuery('insert into private.moderators (user_id) values ($1)', [moderator.id]);
  const A = parentA.familyId;
  s.familyOlder = await importStory({ familyId: A, authorId: parentA.id, visibility: 'family', ageBand: '7-9' });
  s.youngsOwn = await importStory({ familyId: A, authorId: young.id, visibility: 'private', ageBand: '4-6' });
  s.parentsOwn = await importStory({ familyId: A, authorId: parentA.id, visibility: 'private', ageBand: '4-6' });
  s.trashed = await importStory({ familyId: A, authorId: parentA.id, visibility: 'family', ageBand: '4-6' });
  await adminQuery('update public.stories set deleted_at = now() where id = $1', [s.trashed.id]);
  s.library46 = await importStory({ visibility: 'public', ageBand: '4-6', seed: 11 });
  s.library1012 = await importStory({ visibility: 'public', ageBand: '10-12', seed: 12 });
  s.otherFamily = await importStory({
    familyId: parentB.familyId,
    authorId: parentB.id,
    visibility: 'family',
    ageBand: '4-6',
  });
  s.otherPublic = await importStory({
    familyId: parentB.familyId,
    authorId: parentB.id,
    visibility: 'public',
    ageBand: '4-6',
  });
});

describe('who reads which stories', () => {
  it('signed out: the public library only', async () => {
    expect(await visible(anonClient())).toEqual(['library1012', 'library46', 'otherPublic']);
  });

  it("a parent: all of the family's stories (private and trashed ones too) and the public ones", async () => {
    expect(await visible(parentA.client)).toEqual([
      'familyOlder',
      'library1012',
      'library46',
      'otherPublic',
      'parentsOwn',
      'trashed',
      'youngsOwn',
    ]);
  });

  it('a young child: their band and below, their own private story, nothing trashed', async () => {
    expect(await visible(young.client)).toEqual(['library46', 'otherPublic', 'youngsOwn']);
  });

  it("an older child: up to their band, not a sibling's private story", async () => {
    expect(await visible(older.client)).toEqual(['familyOlder', 'library1012', 'library46', 'otherPublic']);
  });

  it('another family: their own and the public ones', async () => {
    expect(await visible(parentB.client)).toEqual(['library1012', 'library46', 'otherFamily', 'otherPublic']);
  });

  it('a child sees nothing while reading is off, while paused, or at bedtime', async () => {
    const controls = (patch: Record<string, unknown>) =>
      parentA.client.from('parental_controls').update(patch).eq('child_id', older.id);
    await controls({ reading_allowed: false });
    expect(await visible(older.client)).toEqual([]);
    await controls({ reading_allowed: true, paused: true });
    expect(await visible(older.client)).toEqual([]);
    // Bedtime around the family's current time.
    const [{ start, end }] = await adminQuery<{ start: string; end: string }>(
      `select to_char((now() at time zone f.time_zone) - interval '1 hour', 'HH24:MI') as start,
              to_char((now() at time zone f.time_zone) + interval '1 hour', 'HH24:MI') as end
         from public.families f where f.id = $1`,
      [parentA.familyId],
    );
    await controls({ paused: false, bedtime_start: start, bedtime_end: end });
    expect(await visible(older.client)).toEqual([]);
    await controls({ bedtime_start: null, bedtime_end: null });
    expect(await visible(older.client)).toHaveLength(4);
  });

  it("pages, choices and cast follow their story: a young child gets none of an older band's story", async () => {
    for (const table of ['story_segments', 'story_choices', 'story_characters']) {
      const blocked = await young.client.from(table).select('story_id').eq('story_id', s.familyOlder.id);
      expect(blocked.data, table).toEqual([]);
      const open = await young.client.from(table).select('story_id').eq('story_id', s.library46.id);
      expect(open.data?.length, table).toBeGreaterThan(0);
      const signedOut = await anonClient().from(table).select('story_id').eq('story_id', s.library46.id);
      expect(signedOut.data?.length, table).toBeGreaterThan(0);
    }
  });

  it('the reader gets a story with its pages and choices in one request', async () => {
    const { data, error } = await young.client
      .from('stories')
      .select(
        'id, title, story_characters(key, name), story_segments!story_segments_story_id_fkey(id, key, text), story_choices(id, from_segment_id, to_segment_id, label)',
      )
      .eq('id', s.library46.id)
      .single();
    expect(error).toBeNull();
    expect(data?.story_segments).toHaveLength(s.library46.story.segments.length);
    expect(data?.story_choices).toHaveLength(s.library46.story.choices.length);
  });

  it('nobody writes stories or pages directly', async () => {
    for (const client of [parentA.client, young.client, anonClient()]) {
      const updated = await client.from('stories').update({ title: 'Mine now' }).eq('id', s.youngsOwn.id);
      expect(updated.error?.code).toBe('42501');
      const inserted = await client.from('story_segments').insert({ story_id: s.youngsOwn.id, key: 's.9' });
      expect(inserted.error?.code).toBe('42501');
    }
  });

  it('ranked search finds what the reader may read, title matches first', async () => {
    const title = `Zebracorn ${randomUUID().slice(0, 6)}`;
    await adminQuery(`update public.stories set title = $2 where id = $1`, [s.library46.id, title]);
    await adminQuery(`update public.stories set summary = $2 where id = $1`, [s.otherPublic.id, `About a ${title}`]);
    await adminQuery(`update public.stories set title = $2 where id = $1`, [s.familyOlder.id, `${title} too`]);
    const { data, error } = await young.client.rpc('search_stories', { p_query: title });
    expect(error).toBeNull();
    // The older band's story matches too but is not the young child's to read.
    expect(data?.map((r: { id: string }) => r.id)).toEqual([s.library46.id, s.otherPublic.id]);
    const parents = await parentA.client.rpc('search_stories', { p_query: title, p_age_band: '7-9' });
    expect(parents.data?.map((r: { id: string }) => r.id)).toEqual([s.familyOlder.id]);
    expect((await anonClient().rpc('search_stories', { p_query: title })).error?.code).toBe('42501');
  });
});

describe('reading progress', () => {
  it('is the exact path along the choices, resumable and rewindable; a wrong path changes nothing', async () => {
    const story = s.library46;
    const start = story.segments.s;
    const next =
      story.segments[story.story.choices.find((c) => c.fromSegmentId === 's' && c.toSegmentId)?.toSegmentId ?? ''];
    const save = (path: string[]) =>
      young.client.from('reading_progress').upsert({ story_id: story.id, path }, { onConflict: 'reader_id,story_id' });
    expect((await save([start])).error).toBeNull();
    expect((await save([start, next])).error).toBeNull();
    const { data } = await young.client
      .from('reading_progress')
      .select('path, finished_at')
      .eq('story_id', story.id)
      .single();
    expect(data).toEqual({ path: [start, next], finished_at: null });

    // Skipping a page, starting elsewhere, or a page of another story: refused.
    const ending = story.story.segments.find((g) => g.isEnding && g.id.startsWith('s.'))?.id as string;
    expectError(await save([start, story.segments[ending]]), 'story_path_invalid');
    expectError(await save([next]), 'story_path_invalid');
    expectError(await save([start, s.otherPublic.segments.s]), 'story_path_invalid');
    expectError(await save([]), 'story_path_invalid');

    // To an ending: finished; back again: not finished.
    const pathTo = (key: string) => {
      const parts = key.split('.');
      return parts.map((_, i) => story.segments[parts.slice(0, i + 1).join('.')]);
    };
    expect((await save(pathTo(ending))).error).toBeNull();
    const finished = await young.client
      .from('reading_progress')
      .select('finished_at')
      .eq('story_id', story.id)
      .single();
    expect(finished.data?.finished_at).not.toBeNull();
    expect((await save([start])).error).toBeNull();
  });

  it('is read by the reader and their parents, not by a sibling or another family; a story they may not read has none', async () => {
    const story = s.library46;
    const save = await older.client
      .from('reading_progress')
      .upsert({ story_id: story.id, path: [story.segments.s] }, { onConflict: 'reader_id,story_id' });
    expect(save.error).toBeNull();
    const readers = async (client: SupabaseClient) =>
      ((await client.from('reading_progress').select('reader_id').eq('story_id', story.id)).data ?? [])
        .map((r) => r.reader_id)
        .sort();
    expect(await readers(parentA.client)).toEqual([young.id, older.id].sort());
    expect(await readers(older.client)).toEqual([older.id]);
    expect(await readers(parentB.client)).toEqual([]);
    // Someone else's id as the reader, or a story above the band: refused.
    const forged = await parentB.client
      .from('reading_progress')
      .insert({ story_id: story.id, path: [story.segments.s], reader_id: older.id });
    expect(forged.error).not.toBeNull();
    expectError(
      await young.client
        .from('reading_progress')
        .insert({ story_id: s.familyOlder.id, path: [s.familyOlder.segments.s] }),
      'story_not_found',
    );
  });

  it('favourites are a reader’s own list of stories they may read', async () => {
    expect((await young.client.from('favourites').insert({ story_id: s.library46.id })).error).toBeNull();
    expect((await young.client.from('favourites').insert({ story_id: s.familyOlder.id })).error?.code).toBe('42501');
    expect((await older.client.from('favourites').select('story_id')).data).toEqual([]);
    expect((await young.client.from('favourites').select('story_id')).data).toEqual([{ story_id: s.library46.id }]);
  });
});

describe('report this page', () => {
  it('hides the page at once, keeps a copy for moderation and rewrites it; reports are read by the right people', async () => {
    const story = s.youngsOwn;
    const pageKey = 's.0';
    const { data, error } = await young.client.rpc('report_segment', {
      p_segment_id: story.segments[pageKey],
      p_reason: 'scary',
      p_note: 'The dark bit',
    });
    expect(error).toBeNull();
    const report = data as { report_id: string; job_id: string; refunded_credits: number; status: string };
    // Imported without a charge: nothing to give back.
    expect(report).toMatchObject({ status: 'reported', refunded_credits: 0 });
    // Hidden from the child at once; the family's parents still see it ("why was this shown?").
    const seen = async (client: SupabaseClient) =>
      (await client.from('story_segments').select('id').eq('id', story.segments[pageKey])).data?.length;
    expect(await seen(young.client)).toBe(0);
    expect(await seen(parentA.client)).toBe(1);
    // A second tap finds it reported already.
    const again = await parentA.client.rpc('report_segment', {
      p_segment_id: story.segments[pageKey],
      p_reason: 'scary',
    });
    expect(again.data).toMatchObject({ status: 'already_reported', report_id: report.report_id });

    const readers = async (client: SupabaseClient) =>
      (await client.from('story_reports').select('id').eq('id', report.report_id)).data?.length;
    expect(await readers(young.client)).toBe(1);
    expect(await readers(parentA.client)).toBe(1);
    expect(await readers(older.client)).toBe(0);
    expect(await readers(parentB.client)).toBe(0);
    expect(await readers(moderator.client)).toBe(1);
    const [copy] = await adminQuery<{ segment_text: string; status: string }>(
      'select segment_text, status from public.story_reports where id = $1',
      [report.report_id],
    );
    expect(copy).toEqual({ segment_text: story.story.segments.find((g) => g.id === pageKey)?.text, status: 'open' });

    // The rewrite replaces the page and what follows it; the graph stays valid.
    expect((await waitForJob(report.job_id)).status).toBe('completed');
    const [rewritten] = await adminQuery<{ text: string; hidden_at: string | null }>(
      'select text, hidden_at from public.story_segments where story_id = $1 and key = $2',
      [story.id, pageKey],
    );
    expect(rewritten.hidden_at).toBeNull();
    expect(rewritten.text).not.toBe(copy.segment_text);
    expect(await adminQuery('select * from private.validate_story_graph($1)', [story.id])).toEqual([]);
  });

  it("gives the story's family a credit back for a page of a story it paid for, once per report", async () => {
    const { data } = await createStoryAs(parentA.client, await wizardRequest());
    const created = data as { story_id: string; job_id: string };
    await waitForJob(created.job_id);
    const before = (await walletOf(parentA.familyId)).balance;
    const [page] = await adminQuery<{ id: string }>(
      `select id from public.story_segments where story_id = $1 and key = 's.1'`,
      [created.story_id],
    );
    const reported = await young.client.rpc('report_segment', { p_segment_id: page.id, p_reason: 'unkind' });
    expect(reported.data).toMatchObject({ refunded_credits: 1 });
    expect((await walletOf(parentA.familyId)).balance).toBe(before + 1);
    await waitForJob((reported.data as { job_id: string }).job_id);
    await expectInvariants([parentA.familyId]);
  });

  it('never gives back more than the story cost: once its credits are back, a further page refunds nothing', async () => {
    const { data } = await createStoryAs(parentA.client, await wizardRequest());
    const created = data as { story_id: string; job_id: string };
    expect((await waitForJob(created.job_id)).status).toBe('completed');
    const before = (await walletOf(parentA.familyId)).balance;
    // Six reports for a 5-credit story: five pages can be given back, not the sixth. Each time the
    // deepest page as it is now (a rewrite replaces the page and what follows it with new rows).
    const refunds: number[] = [];
    for (let i = 0; i < 6; i++) {
      const [page] = await adminQuery<{ id: string }>(
        `select id from public.story_segments where story_id = $1 and hidden_at is null and depth > 0
          order by depth desc, key limit 1`,
        [created.story_id],
      );
      const reported = await parentA.client.rpc('report_segment', { p_segment_id: page.id, p_reason: 'other' });
      expect(reported.error).toBeNull();
      const result = reported.data as { refunded_credits: number; job_id: string };
      refunds.push(result.refunded_credits);
      expect((await waitForJob(result.job_id)).status).toBe('completed');
    }
    expect(refunds).toEqual([1, 1, 1, 1, 1, 0]);
    expect((await walletOf(parentA.familyId)).balance).toBe(before + 5);
    await expectInvariants([parentA.familyId]);
  });

  it('is refused to those who cannot read the page, and to nobody signed in', async () => {
    const page = s.youngsOwn.segments['s.1'];
    expectError(
      await parentB.client.rpc('report_segment', { p_segment_id: page, p_reason: 'scary' }),
      'segment_not_found',
    );
    expectError(
      await older.client.rpc('report_segment', { p_segment_id: page, p_reason: 'scary' }),
      'segment_not_found',
    );
    expect((await anonClient().rpc('report_segment', { p_segment_id: page, p_reason: 'scary' })).error?.code).toBe(
      '42501',
    );
    expectError(
      await young.client.rpc('report_segment', { p_segment_id: page, p_reason: 'scary', p_note: 'x'.repeat(501) }),
      'message_too_long',
    );
    const [{ hidden_at: hidden }] = await adminQuery<{ hidden_at: string | null }>(
      'select hidden_at from public.story_segments where id = $1',
      [page],
    );
    expect(hidden).toBeNull();
  });

  it('another family reporting a public page hides it but gives them nothing back', async () => {
    const stored = await importStory({
      familyId: parentA.familyId,
      authorId: parentA.id,
      visibility: 'public',
      ageBand: '4-6',
    });
    const { data } = await parentB.client.rpc('report_segment', {
      p_segment_id: stored.segments['s.0'],
      p_reason: 'confusing',
    });
    expect(data).toMatchObject({ status: 'reported', refunded_credits: 0 });
    expect((await anonClient().from('story_segments').select('id').eq('id', stored.segments['s.0'])).data).toEqual([]);
    await waitForJob((data as { job_id: string }).job_id);
    expect((await walletOf(parentB.familyId)).balance).toBe(10);
  });
});
