import { ANON_KEY } from 'supabase-local';
import { adminQuery, stackInfo } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { userMessage } from '@/lib/errors/user-message';
import { giveCredits, newKey } from '../credits/credit-helpers';
import { addChild, type Parent, signUpParent } from '../rls/family-helpers';
import { importStory, wizardRequest } from '../stories/story-fixtures';

// Request limits (20261202081000_rate_limits.sql), at their real values: purchases 10 per account per
// 10 minutes; generation jobs 10 per account and 20 per family per minute. A refusal is HTTP 429 with
// Retry-After and creates nothing; replays of an idempotency key and jobs the system makes are not
// limited.

/** Calls an RPC over HTTP as the parent, to see the status and headers supabase-js keeps to itself. */
async function rpcOverHttp(parent: Parent, fn: string, body: Record<string, unknown>) {
  const { data } = await parent.client.auth.getSession();
  const res = await fetch(`${stackInfo().url}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: {
      apikey: ANON_KEY,
      authorization: `Bearer ${data.session?.access_token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

const purchase = (key = newKey()) => ({
  p_kind: 'credits',
  p_code: 'starter',
  p_provider: 'sandbox',
  p_idempotency_key: key,
});
const countOf = async (sql: string, params: unknown[]) => (await adminQuery<{ n: number }>(sql, params))[0].n;
const purchasesOf = (familyId: string) =>
  countOf('select count(*)::int as n from public.purchases where family_id = $1', [familyId]);

const BUILTIN_MODEL = "(select id from public.generation_models where slug = 'builtin')";

// Past and present jobs are explored branches (kind continue_branch): new-story jobs would count against
// the Free plan's stories a month, which is not what these tests are about.
/**
 * Past jobs of the family, made `secondsAgo` ago by `requestedBy`, finished (the worker leaves them
 * be). Written as history, without the limit's trigger (session_replication_role = replica).
 */
async function pastJobs(familyId: string, requestedBy: string, count: number, secondsAgo: number) {
  const { id: storyId } = await importStory({ familyId });
  await adminQuery(`begin; set local session_replication_role = replica;
    insert into public.generation_jobs (family_id, story_id, kind, requested_by, model_id, status, progress, finished_at, created_at)
    select '${familyId}', '${storyId}', 'continue_branch', '${requestedBy}', ${BUILTIN_MODEL}, 'completed', 100, now(),
           now() - interval '${Number(secondsAgo)} seconds'
      from generate_series(1, ${Number(count)});
    commit;`);
}

/** One finished job inserted now, through the limit's trigger. */
async function jobNow(familyId: string, requestedBy: string | null) {
  const { id: storyId } = await importStory({ familyId });
  await adminQuery(
    `insert into public.generation_jobs (family_id, story_id, kind, requested_by, model_id, status, progress, finished_at)
     values ($1, $2, 'continue_branch', $3, ${BUILTIN_MODEL}, 'completed', 100, now())`,
    [familyId, storyId, requestedBy],
  );
}

describe('purchase limits', () => {
  it('the 11th checkout in 10 minutes is a 429 with Retry-After and creates nothing; a replay still answers', async () => {
    const parent = await signUpParent();
    const keys = Array.from({ length: 10 }, () => newKey());
    for (const key of keys) expect((await parent.client.rpc('create_purchase', purchase(key))).error).toBeNull();

    const refused = await rpcOverHttp(parent, 'create_purchase', purchase());
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(590);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);
    expect(refused.body).toMatchObject({ code: 'TF429', message: 'purchase_rate_limited', hint: null });
    expect(JSON.parse(refused.body.details)).toMatchObject({ limit: 10, window_seconds: 600 });
    expect(userMessage(refused.body)).toBe(
      'Too many purchases were started in a short time. Please try again in 10 minutes.',
    );
    expect(await purchasesOf(parent.familyId)).toBe(10);

    // The same request again is a replay, not a new checkout: it answers as before.
    const replay = await parent.client.rpc('create_purchase', purchase(keys[0]));
    expect(replay.error).toBeNull();
    // Another family is not slowed by this one.
    const other = await signUpParent();
    expect((await other.client.rpc('create_purchase', purchase())).error).toBeNull();
  });

  it('fifteen checkouts at once: exactly ten go through', async () => {
    const parent = await signUpParent();
    const answers = await Promise.all(
      Array.from({ length: 15 }, () => rpcOverHttp(parent, 'create_purchase', purchase())),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5);
    expect(await purchasesOf(parent.familyId)).toBe(10);
  });
});

describe('generation job limits', () => {
  const storiesOf = (familyId: string) =>
    countOf('select count(*)::int as n from public.stories where family_id = $1', [familyId]);

  it('past 10 jobs in a minute an account waits, and no story, job or hold is made', async () => {
    const parent = await signUpParent();
    await giveCredits(parent.familyId, { paid: 50 });
    await pastJobs(parent.familyId, parent.id, 10, 30);
    const before = await storiesOf(parent.familyId);
    const refused = await rpcOverHttp(parent, 'create_story', {
      p_request: await wizardRequest(),
      p_idempotency_key: newKey(),
    });
    expect(refused.status).toBe(429);
    // The oldest of the ten leaves the minute 30 seconds from now.
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(25);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(31);
    expect(refused.body).toMatchObject({ code: 'TF429', message: 'generation_rate_limited' });
    expect(await storiesOf(parent.familyId)).toBe(before);
    expect(
      await countOf("select count(*)::int as n from public.credit_holds where family_id = $1 and status = 'held'", [
        parent.familyId,
      ]),
    ).toBe(0);
  });

  it('jobs older than the window do not count; the family limit counts every member', async () => {
    const parent = await signUpParent();
    const child = await addChild(parent);
    await giveCredits(parent.familyId, { paid: 50 });
    await pastJobs(parent.familyId, parent.id, 10, 90);
    const request = await wizardRequest();
    expect(
      (await parent.client.rpc('create_story', { p_request: request, p_idempotency_key: newKey() })).error,
    ).toBeNull();

    // 19 more by the child this minute: the family's 20 are used, whoever asks next.
    await pastJobs(parent.familyId, child.id, 19, 5);
    const refused = await rpcOverHttp(parent, 'create_story', { p_request: request, p_idempotency_key: newKey() });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ message: 'generation_rate_limited' });
    expect(JSON.parse(refused.body.details)).toMatchObject({ limit: 20, window_seconds: 60 });
  });

  it('jobs the system makes are not limited', async () => {
    const parent = await signUpParent();
    await pastJobs(parent.familyId, parent.id, 25, 1);
    await expect(jobNow(parent.familyId, null)).resolves.toBeUndefined();
    await expect(jobNow(parent.familyId, parent.id)).rejects.toThrow(/generation_rate_limited/);
  });
});
