import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ws from 'ws';
import { freeStackPorts } from '../../src/free-port';
import { type RunningStack, startStack } from '../../src/stack';
import { stackInfo } from '../../src/testing/clients';
import { setAuthenticatorSetting, waitFor } from './config-helpers';
import { answer, rest } from './rest-helpers';

// db-tx-end (`alter role authenticator set pgrst.db_tx_end = …`) with Prefer: tx, as PostgREST's
// RollbackSpec: `commit` and `rollback` force the ending; `*-allow-override` honour tx=commit|rollback
// and echo it in Preference-Applied. Rolling back makes deferred constraints immediate first, so their
// violations are still reported. Forcing rollback would undo other test files' writes, so this file
// runs on a stack of its own (same fixture project, only tx_end.sql and plan.sql applied).

let stack: RunningStack;
let dataDir: string;
let db: SupabaseClient;

async function sql(text: string, values: unknown[] = []): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: stack.adminDbUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

const call = (p: string, init: RequestInit = {}) => rest(p, init, stack.url);
const persisted = async (name: string) => (await sql('select 1 from public.tx_items where name = $1', [name])).length;
const fresh = () => `tx-${randomUUID().slice(0, 8)}`;

/** Sets db-tx-end and waits until a probe write shows it is in force. */
async function txEnd(mode: string): Promise<void> {
  await setAuthenticatorSetting('db_tx_end', mode, sql);
  const rollsBack = mode.startsWith('rollback');
  const override = mode.endsWith('allow-override');
  await waitFor(async () => {
    const name = fresh();
    const res = await call('/tx_items', {
      method: 'POST',
      body: JSON.stringify({ name }),
      headers: { 'content-type': 'application/json', prefer: 'tx=commit' },
    });
    const echoed = res.headers.get('preference-applied') === 'tx=commit';
    const kept = (await persisted(name)) === 1;
    return echoed === override && kept === (override || !rollsBack);
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'supabase-local-tx-end-'));
  stack = await startStack({
    supabaseDir: stackInfo().supabaseDir,
    overrides: { dataDir, ...(await freeStackPorts()), databaseUrl: undefined },
    reset: true,
    seed: false,
    ephemeral: true,
  });
  for (const file of ['tx_end.sql', 'plan.sql'])
    await sql(await readFile(path.resolve(import.meta.dirname, '../fixtures', file), 'utf8'));
  await sql("notify pgrst, 'reload schema'");
  db = createClient(stack.url, stack.keys.anon, {
    realtime: { transport: ws as never },
    auth: { persistSession: false, autoRefreshToken: false },
  });
  await waitFor(async () => (await call('/tx_items?limit=0')).status === 200);
});

afterAll(async () => {
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('db-tx-end = commit-allow-override', () => {
  it('is set through the role and NOTIFY pgrst, reload config', async () => {
    await txEnd('commit-allow-override');
  });

  it('.rollback(): the representation comes back, nothing is left behind, tx=rollback is echoed', async () => {
    const name = fresh();
    const res = await call('/tx_items?select=name', {
      method: 'POST',
      body: JSON.stringify({ name }),
      headers: { 'content-type': 'application/json', prefer: 'return=representation, tx=rollback' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('preference-applied')).toBe('return=representation, tx=rollback');
    expect(await res.json()).toEqual([{ name }]);
    expect(await persisted(name)).toBe(0);
    const viaClient = await db.from('tx_items').insert({ name }).select('name').rollback();
    expect(viaClient).toMatchObject({ status: 201, data: [{ name }], error: null });
    expect(await persisted(name)).toBe(0);
  });

  it('updates, deletes and function calls roll back too; reads answer as usual', async () => {
    const name = fresh();
    await sql('insert into public.tx_items (name) values ($1)', [name]);
    const upd = await db
      .from('tx_items')
      .update({ name: `${name}-x` })
      .eq('name', name)
      .select('name')
      .rollback();
    expect(upd.data).toEqual([{ name: `${name}-x` }]);
    const del = await db.from('tx_items').delete().eq('name', name).select('name').rollback();
    expect(del.data).toEqual([{ name }]);
    const fn = await db
      .rpc('tx_add', { n: `${name}-fn` })
      .select('name')
      .rollback();
    expect(fn.data).toEqual([{ name: `${name}-fn` }]);
    expect(await sql('select name from public.tx_items where name like $1', [`${name}%`])).toEqual([{ name }]);
    const read = await call(`/tx_items?select=name&name=eq.${name}`, { headers: { prefer: 'tx=rollback' } });
    expect(read.headers.get('preference-applied')).toBe('tx=rollback');
    expect(await read.json()).toEqual([{ name }]);
  });

  it('tx=commit or no preference commits', async () => {
    const a = fresh();
    const b = fresh();
    await db.from('tx_items').insert({ name: a });
    const res = await call('/tx_items', {
      method: 'POST',
      body: JSON.stringify({ name: b }),
      headers: { 'content-type': 'application/json', prefer: 'tx=commit' },
    });
    expect(res.headers.get('preference-applied')).toBe('tx=commit');
    expect([await persisted(a), await persisted(b)]).toEqual([1, 1]);
  });

  it('deferred and immediate constraint violations are reported even when rolling back', async () => {
    for (const deferred of [false, true]) {
      const res = await call('/rpc/tx_raise_constraint', {
        method: 'POST',
        body: JSON.stringify({ deferred }),
        headers: { 'content-type': 'application/json', prefer: 'tx=rollback' },
      });
      expect(await answer(res)).toEqual({
        status: 409,
        type: 'application/json; charset=utf-8',
        body: {
          code: '23505',
          message: 'duplicate key value violates unique constraint "tx_deferred_col_key"',
          details: 'Key (col)=(1) already exists.',
          hint: null,
        },
      });
      expect(res.headers.get('preference-applied')).toBeNull();
    }
  });

  it('EXPLAIN ANALYZE of a write with tx=rollback runs it and keeps nothing', async () => {
    await setAuthenticatorSetting('db_plan_enabled', 'true', sql);
    const name = fresh();
    await waitFor(async () => {
      const r = await db.from('tx_items').insert({ name }).rollback().explain({ analyze: true, format: 'json' });
      return r.status === 200;
    });
    const { data } = await db.from('tx_items').insert({ name }).rollback().explain({ analyze: true, format: 'json' });
    const [plan] = data as unknown as { Plan: Record<string, unknown> }[];
    expect(plan.Plan['Actual Loops']).toBe(1);
    expect(await persisted(name)).toBe(0);
  });
});

describe('db-tx-end = rollback', () => {
  it('rolls every write back, whatever Prefer says, and echoes no tx', async () => {
    await txEnd('rollback');
    const name = fresh();
    const res = await call('/tx_items?select=name', {
      method: 'POST',
      body: JSON.stringify({ name }),
      headers: { 'content-type': 'application/json', prefer: 'return=representation, tx=commit' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('preference-applied')).toBe('return=representation');
    expect(await res.json()).toEqual([{ name }]);
    expect(await persisted(name)).toBe(0);
    const deferred = await db.rpc('tx_raise_constraint', { deferred: true });
    expect(deferred.error?.code).toBe('23505');
  });
});

describe('db-tx-end = rollback-allow-override', () => {
  it('rolls back by default; tx=commit keeps the write', async () => {
    await txEnd('rollback-allow-override');
    const a = fresh();
    const b = fresh();
    expect((await db.from('tx_items').insert({ name: a })).status).toBe(201);
    const res = await call('/tx_items', {
      method: 'POST',
      body: JSON.stringify({ name: b }),
      headers: { 'content-type': 'application/json', prefer: 'tx=commit' },
    });
    expect(res.headers.get('preference-applied')).toBe('tx=commit');
    expect([await persisted(a), await persisted(b)]).toEqual([0, 1]);
  });
});

describe('db-tx-end = commit and invalid values', () => {
  it('an invalid value makes a reload keep the whole previous configuration', async () => {
    await txEnd('commit-allow-override');
    const planStatus = async () =>
      (await call('/tx_items', { headers: { accept: 'application/vnd.pgrst.plan' } })).status;
    expect(await planStatus()).toBe(200);
    await sql("alter role authenticator set pgrst.db_plan_enabled = 'false'");
    await setAuthenticatorSetting('db_tx_end', 'sometimes', sql);
    // The reload is rejected as a whole: the plan stays enabled and tx=commit is still honoured.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await planStatus()).toBe(200);
    const name = fresh();
    const res = await call('/tx_items', {
      method: 'POST',
      body: JSON.stringify({ name }),
      headers: { 'content-type': 'application/json', prefer: 'tx=commit' },
    });
    expect(res.headers.get('preference-applied')).toBe('tx=commit');
    // A valid value again: both settings apply; `commit` ignores tx.
    await txEnd('commit');
    expect(await planStatus()).toBe(406);
    const kept = fresh();
    expect((await db.from('tx_items').insert({ name: kept }).rollback()).status).toBe(201);
    expect(await persisted(kept)).toBe(1);
  });
});
