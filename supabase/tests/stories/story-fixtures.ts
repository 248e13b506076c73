import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { adminQuery, stackInfo } from 'supabase-local/testing';
import { expect } from 'vitest';
import {
  type AgeBand,
  createBuiltinProvider,
  LIBRARY_CHARACTERS,
  type Story,
  type StoryRequest,
} from '@/lib/story-engine';

// Stories for the database tests: written by the real engine (deterministic per seed) and stored
// through private.import_story, the checked writer the seed uses too.

export function engineRequest(overrides: Partial<StoryRequest> = {}): StoryRequest {
  return {
    ageBand: '7-9',
    length: 'short',
    templateId: 'lost-pet',
    prompt: null,
    characters: [LIBRARY_CHARACTERS[0], LIBRARY_CHARACTERS[1]],
    themeId: 'friendship',
    moralId: null,
    seed: 7,
    ...overrides,
  };
}

export async function engineStory(overrides: Partial<StoryRequest> = {}): Promise<Story> {
  return (await createBuiltinProvider().generateStory(engineRequest(overrides))).story;
}

export interface StoredStory {
  id: string;
  story: Story;
  /** Segment ids by engine key. */
  segments: Record<string, string>;
  /** Choice ids by engine key. */
  choices: Record<string, string>;
}

/** A ready story in the database, as the seed stores one (no job, no credits). */
export async function importStory({
  familyId = null,
  authorId = null,
  visibility = 'family',
  ageBand = '7-9',
  id,
  seed = 7,
}: {
  familyId?: string | null;
  authorId?: string | null;
  visibility?: 'private' | 'family' | 'public';
  ageBand?: AgeBand;
  id?: string;
  seed?: number;
} = {}): Promise<StoredStory> {
  const story = await engineStory({ ageBand, seed });
  const [{ id: storyId }] = await adminQuery<{ id: string }>(
    'select private.import_story($1::jsonb, $2, $3, $4, $5) as id',
    [JSON.stringify(story), familyId, authorId, visibility, id ?? null],
  );
  return { id: storyId, story, ...(await idsOf(storyId)) };
}

export async function idsOf(storyId: string) {
  const segments = await adminQuery<{ key: string; id: string }>(
    'select key, id from public.story_segments where story_id = $1',
    [storyId],
  );
  const choices = await adminQuery<{ key: string; id: string }>(
    'select key, id from public.story_choices where story_id = $1',
    [storyId],
  );
  return {
    segments: Object.fromEntries(segments.map((s) => [s.key, s.id])),
    choices: Object.fromEntries(choices.map((c) => [c.key, c.id])),
  };
}

/** The keys of the story's choices that lead nowhere yet. */
export async function unexploredChoices(storyId: string): Promise<{ id: string; key: string }[]> {
  return adminQuery<{ id: string; key: string }>(
    'select id, key from public.story_choices where story_id = $1 and to_segment_id is null order by key',
    [storyId],
  );
}

/** Library character ids (uuids) by slug. */
export async function libraryCharacterIds(...slugs: string[]): Promise<string[]> {
  const rows = await adminQuery<{ id: string; slug: string }>(
    'select id, slug from public.characters where slug = any($1)',
    [slugs],
  );
  return slugs.map((slug) => {
    const row = rows.find((r) => r.slug === slug);
    if (!row) throw new Error(`no library character ${slug}`);
    return row.id;
  });
}

/** A wizard request as the createStory action sends it (library characters by uuid). */
export async function wizardRequest(overrides: Record<string, unknown> = {}) {
  return {
    templateId: 'lost-pet',
    prompt: null,
    characterIds: await libraryCharacterIds('pip-fox', 'luna-rabbit'),
    themeId: 'friendship',
    moralId: null,
    ageBand: '4-6',
    length: 'short',
    modelId: 'builtin',
    illustrate: false,
    ...overrides,
  };
}

export const newKey = () => `story-key-${randomUUID()}`;

export type JobRow = {
  id: string;
  status: string;
  progress: number;
  error_code: string | null;
  error_details: Record<string, unknown> | null;
  credits_reserved: number;
  attempts: number;
  story_id: string;
  kind: string;
};

/** Waits until the job is completed or failed (the worker beside the test stack runs it). */
export async function waitForJob(
  jobId: string,
  { timeoutMs = 30_000, query = adminQuery }: { timeoutMs?: number; query?: typeof adminQuery } = {},
): Promise<JobRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [job] = await query<JobRow>('select * from public.generation_jobs where id = $1', [jobId]);
    if (job && (job.status === 'completed' || job.status === 'failed')) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** create_story through the API as the given user; the result or the refusal. */
export async function createStoryAs(client: SupabaseClient, request: Record<string, unknown>, key = newKey()) {
  return client.rpc('create_story', { p_request: request, p_idempotency_key: key });
}

export async function expectNoStoryPages(storyId: string) {
  const [{ count }] = await adminQuery<{ count: number }>(
    'select count(*)::int as count from public.story_segments where story_id = $1',
    [storyId],
  );
  expect(count).toBe(0);
}

/**
 * Holds a row lock in a transaction of its own until release(): the worker's completion of a job waits
 * on it (e.g. FOR NO KEY UPDATE on the choice it explores, which still lets foreign keys point at the
 * row), so a test can act while the job is surely still open.
 */
export async function lockRow(sql: string, params: unknown[]): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: stackInfo().adminDbUrl });
  await client.connect();
  await client.query('begin');
  await client.query(sql, params);
  return async () => {
    await client.query('rollback');
    await client.end();
  };
}

/** A query function on another database (a fresh one of a fault test), as the superuser. */
export function queryOn(url: string) {
  return async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
}

/** SQL as a signed-in user on a given database, the way /rest/v1 runs it (one transaction). */
export async function sqlAsUserOn<T>(url: string, userId: string, sql: string, params: unknown[] = []): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [
      JSON.stringify({ sub: userId, role: 'authenticated' }),
    ]);
    const { rows } = await client.query(sql, params);
    await client.query('commit');
    return Object.values(rows[0] ?? {})[0] as T;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
