import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, anonClient } from '../../src/testing/clients';
import { setAuthenticatorSetting, waitFor } from './config-helpers';
import { answer, rest } from './rest-helpers';
import { holdSettingsExclusive, waitForUpstreamSettings } from './upstream-settings-lock';

// EXPLAIN through `Accept: application/vnd.pgrst.plan[+text|+json]` (supabase-js `.explain()`), only
// while the authenticator's `pgrst.db_plan_enabled` is on (as on hosted Supabase, off by default).
// The tests in this file run in order: disabled first, then enabled, holding the settings lock
// (upstream-settings-lock.ts) so no other file sees the toggling. Fixtures: plan.sql.

const db = anonClient();
const planWorks = async () =>
  (await rest('/plan_items', { headers: { accept: 'application/vnd.pgrst.plan' } })).status === 200;

let release: (() => Promise<void>) | undefined;

beforeAll(async () => {
  release = await holdSettingsExclusive();
});

afterAll(async () => {
  await setAuthenticatorSetting('db_plan_enabled', null);
  await waitForUpstreamSettings(false);
  await release?.();
});

describe('while db_plan_enabled is off', () => {
  it('a plan is an unknown media type: 406 PGRST107 naming it canonically', async () => {
    const { status, error } = await db.from('plan_items').select('name').explain();
    expect(status).toBe(406);
    expect(error).toEqual({
      code: 'PGRST107',
      message: 'None of these media types are available: application/vnd.pgrst.plan+text; for="application/json"',
      details: null,
      hint: null,
    });
    const other = await rest('/plan_items', {
      headers: { accept: 'application/vnd.pgrst.plan+json; options=analyze, text/html' },
    });
    expect((await answer(other)).body).toMatchObject({
      message:
        'None of these media types are available: application/vnd.pgrst.plan+json; for="application/json"; options=analyze, text/html',
    });
  });

  it('but other acceptable types still answer', async () => {
    const res = await rest('/plan_items?select=id&limit=1', { headers: { accept: 'application/vnd.pgrst.plan, */*' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});

describe('with db_plan_enabled', () => {
  it('is switched on through the role setting and NOTIFY pgrst, reload config', async () => {
    await setAuthenticatorSetting('db_plan_enabled', 'true');
    await waitFor(planWorks);
  });

  it('text plans by default, for application/json', async () => {
    const res = await rest('/plan_items?select=name&id=gt.2', { headers: { accept: 'application/vnd.pgrst.plan' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.pgrst.plan+text; for="application/json"; charset=utf-8',
    );
    expect(res.headers.get('content-range')).toBeNull();
    const text = await res.text();
    expect(text).toMatch(/^Aggregate {2}\(cost=/);
    expect(text.endsWith('\n')).toBe(true);
    const { data } = await db.from('plan_items').select('name').explain();
    expect(typeof data).toBe('string');
    expect(data as unknown as string).toContain('Seq Scan on plan_items');
  });

  it('json plans with options; the media type names the options in PostgREST order', async () => {
    const res = await rest('/plan_items?select=name', {
      headers: { accept: 'application/vnd.pgrst.plan+json; options=verbose|analyze|settings' },
    });
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.pgrst.plan+json; for="application/json"; options=analyze|verbose|settings; charset=utf-8',
    );
    const [plan] = (await res.json()) as { Plan: Record<string, unknown>; Settings?: Record<string, string> }[];
    expect(plan.Plan['Node Type']).toBe('Aggregate');
    expect(plan.Plan['Actual Rows']).toBe(1);
    expect(plan.Plan.Output).toBeDefined();
    expect(plan.Settings).toHaveProperty('search_path');
    const { data } = await db
      .from('plan_items')
      .select('name')
      .explain({ format: 'json', analyze: true, buffers: true });
    const [viaClient] = data as unknown as { Plan: Record<string, unknown> }[];
    expect(viaClient.Plan).toHaveProperty('Shared Hit Blocks');
  });

  it('for the other representations: a single object, CSV, functions', async () => {
    const single = await rest('/plan_items?id=eq.1', {
      headers: { accept: 'application/vnd.pgrst.plan+json; for="application/vnd.pgrst.object"' },
    });
    expect(single.headers.get('content-type')).toBe(
      'application/vnd.pgrst.plan+json; for="application/vnd.pgrst.object+json"; charset=utf-8',
    );
    // `.csv().explain()` does not type-check in postgrest-js; the header it would send:
    const csv = await rest('/plan_items?select=name', {
      headers: { accept: 'application/vnd.pgrst.plan+json; for="text/csv"; options=;' },
    });
    expect(csv.headers.get('content-type')).toBe('application/vnd.pgrst.plan+json; for="text/csv"; charset=utf-8');
    const fn = await db.rpc('plan_named', { prefix: 'item' }, { get: true }).explain();
    expect(fn.status).toBe(200);
    expect(fn.data as unknown as string).toMatch(/Aggregate/);
    // A plan for a type that cannot be produced is refused like that type.
    const plain = await rest('/plan_items', { headers: { accept: 'application/vnd.pgrst.plan; for="text/plain"' } });
    expect((await answer(plain)).body).toMatchObject({
      code: 'PGRST107',
      message: 'None of these media types are available: application/vnd.pgrst.plan+text; for="text/plain"',
    });
  });

  it('writes: the plan alone changes nothing; ANALYZE runs the write and, as in PostgREST, commits it', async () => {
    const name = `plan-${randomUUID().slice(0, 8)}`;
    const plain = await db.from('plan_items').insert({ name }).explain({ format: 'json' });
    expect(plain.status).toBe(200);
    const rows = async () => (await adminQuery('select 1 from public.plan_items where name = $1', [name])).length;
    expect(await rows()).toBe(0);
    const analyzed = await db.from('plan_items').insert({ name }).explain({ analyze: true, format: 'json' });
    const [plan] = analyzed.data as unknown as { Plan: Record<string, unknown> }[];
    expect(plan.Plan['Actual Loops']).toBe(1);
    // db-tx-end is `commit` here; `Prefer: tx=rollback` would need `*-allow-override` (rest-tx-end.test.ts).
    expect(await rows()).toBe(1);
  });

  it('a GET call runs read-only, so ANALYZE of a writing function fails as the call would (405 25006)', async () => {
    const name = `plan-${randomUUID().slice(0, 8)}`;
    const accept = 'application/vnd.pgrst.plan+json; options=analyze';
    const get = await rest(`/rpc/plan_add?n=${name}`, { headers: { accept } });
    expect(await answer(get)).toMatchObject({ status: 405, body: { code: '25006' } });
    const post = await rest('/rpc/plan_add', {
      method: 'POST',
      body: JSON.stringify({ n: name }),
      headers: { accept, 'content-type': 'application/json' },
    });
    expect(post.status).toBe(200);
    expect(await adminQuery('select 1 from public.plan_items where name = $1', [name])).toHaveLength(1);
  });
});
