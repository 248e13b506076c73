import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { loadConfig } from 'supabase-local';
import { adminQuery, stackInfo } from 'supabase-local/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { DOMAINS } from './expectations';
import {
  ALL,
  type CallOutcome,
  DENIED,
  type DomainExpectations,
  type FunctionExpectation,
  type InsertOutcome,
  type PerActor,
  type RowOutcome,
  type TableExpectation,
} from './expectations/types';
import { ACTORS, type Actor, createWorld, type Owner, type World } from './world';

// The access matrix: every table and function of every exposed schema, taken from the catalog, and for
// each operation the declared outcome for each actor, checked by acting as them through supabase-js in a
// fresh world (supabase/tests/access/world.ts). Something new without a declaration fails here.
const EXPOSED = loadConfig(stackInfo().supabaseDir).schemas;

// Snapshots and restores run many small queries: one pool instead of a connection each.
const pool = new pg.Pool({ connectionString: stackInfo().adminDbUrl, max: 4 });
afterAll(() => pool.end());
async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(text, params)).rows;
}

const catalog = {
  tables: (
    await adminQuery<{ name: string }>(
      `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition
          and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
        order by 1`,
      [EXPOSED],
    )
  ).map((r) => r.name),
  functions: (
    await adminQuery<{ name: string }>(
      `select distinct n.nspname || '.' || p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any($1) and p.prokind in ('f', 'p')
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        order by 1`,
      [EXPOSED],
    )
  ).map((r) => r.name),
};

function declared<K extends 'tables' | 'functions'>(kind: K, name: string) {
  for (const [domain, expectations] of Object.entries(DOMAINS)) {
    const found = expectations[kind][name];
    if (found) return { domain, expectations, found: found as DomainExpectations[K][string] };
  }
  return null;
}

/** The declared outcome for an actor ('*' for the ones not named); a missing one fails the check. */
function outcomeFor<T>(perActor: PerActor<T>, actor: Actor): T | undefined {
  return perActor[actor] ?? perActor['*'];
}

const split = (name: string) => {
  const [schema, object] = name.split('.');
  return { schema, object };
};

type ApiError = { code?: string; message: string } | null;

/** A refusal by privilege or RLS; any other error means the probe itself is wrong (bad data, typo). */
function isDenied(error: ApiError): boolean {
  return error?.code === '42501';
}

function describeError(error: ApiError): string {
  return `error ${error?.code}: ${error?.message}`;
}

interface Snapshot {
  rows: Record<string, unknown>[];
  byOwner: Map<Owner, string[]>;
}

async function pkColumns(table: string): Promise<string[]> {
  const rows = await sql<{ attname: string }>(
    `select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = $1::regclass and i.indisprimary order by a.attnum`,
    [table],
  );
  return rows.map((r) => r.attname);
}

/** The probe rows as the superuser sees them, grouped by owner. */
async function snapshot(table: string, spec: TableExpectation, world: World): Promise<Snapshot> {
  const ids = spec.owners.map((o) => world.id(o));
  const rows = await sql<{ row: Record<string, unknown> }>(
    `select to_jsonb(t) as row from ${table} t where t.${spec.key}::text = any($1)`,
    [ids],
  );
  const byOwner = new Map<Owner, string[]>();
  for (const owner of spec.owners) {
    byOwner.set(
      owner,
      rows.filter((r) => String(r.row[spec.key]) === world.id(owner)).map((r) => JSON.stringify(r.row)),
    );
  }
  return { rows: rows.map((r) => r.row), byOwner };
}

/** Owners whose rows differ between two snapshots (changed or gone). */
function changedOwners(before: Snapshot, after: Snapshot, owners: Owner[]): Owner[] {
  return owners.filter((owner) => {
    const a = before.byOwner.get(owner) ?? [];
    const b = new Set(after.byOwner.get(owner) ?? []);
    return a.length !== b.size || a.some((row) => !b.has(row));
  });
}

/** Columns a row can be written with: generated columns are computed, never written. */
async function writableColumns(table: string): Promise<Set<string>> {
  const rows = await sql<{ attname: string }>(
    `select attname from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = ''`,
    [table],
  );
  return new Set(rows.map((r) => r.attname));
}

/**
 * Puts the probe rows back as they were (re-inserting deleted ones), so the next actor starts equal.
 * Only rows that differ are touched: some tables refuse any UPDATE or DELETE (the credit ledger's
 * insert-only trigger), and their rows never differ.
 */
async function restore(table: string, before: Snapshot, now: Snapshot, pk: string[]): Promise<void> {
  const current = new Set(now.rows.map((row) => JSON.stringify(row)));
  const changed = before.rows.filter((row) => !current.has(JSON.stringify(row)));
  if (changed.length === 0) return;
  const writable = await writableColumns(table);
  for (const row of changed) {
    const where = pk.map((c) => `t.${c} = r.${c}`).join(' and ');
    const columns = Object.keys(row).filter((c) => writable.has(c));
    await sql(
      `with r as (select * from jsonb_populate_record(null::${table}, $1))
       insert into ${table} (${columns.join(', ')}) overriding system value select ${columns.join(', ')} from r
       on conflict do nothing`,
      [row],
    );
    const updatable = columns.filter((c) => !pk.includes(c));
    if (updatable.length === 0) continue;
    await sql(
      `update ${table} t set ${updatable.map((c) => `${c} = r.${c}`).join(', ')}
         from jsonb_populate_record(null::${table}, $1) r where ${where}`,
      [row],
    );
  }
}

function normalise(outcome: RowOutcome, spec: TableExpectation): RowOutcome {
  if (outcome === ALL) return [...spec.owners].sort();
  return outcome === DENIED ? DENIED : [...outcome].sort();
}

async function checkTable(name: string, spec: TableExpectation, world: World) {
  const { schema, object } = split(name);
  if (spec.probes) Object.assign(world.catalogue, await spec.probes(world));
  const ids = spec.owners.map((o) => world.id(o));
  const pk = await pkColumns(name);
  const from = (client: SupabaseClient) => client.schema(schema).from(object);
  const problems: string[] = [];
  const actual: Record<string, Record<string, unknown>> = { select: {}, update: {}, insert: {}, delete: {} };
  const expected: Record<string, Record<string, unknown>> = { select: {}, update: {}, insert: {}, delete: {} };

  // Column grants: a privilege on a column the declaration does not name is a write path nobody meant.
  const granted = await sql<{ role: 'anon' | 'authenticated'; privilege: 'insert' | 'update'; columns: string[] }>(
    `select r.role, lower(p.privilege) as privilege, array_agg(a.attname::text order by a.attname) as columns
       from pg_attribute a
       cross join (values ('anon'), ('authenticated')) r(role)
       cross join (values ('INSERT'), ('UPDATE')) p(privilege)
      where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped
        and has_column_privilege(r.role, a.attrelid, a.attnum, p.privilege)
      group by r.role, p.privilege`,
    [name],
  );
  const grants: Record<string, string[]> = {};
  for (const g of granted) grants[`${g.role} ${g.privilege}`] = g.columns;
  const declaredGrants: Record<string, string[]> = {};
  for (const [role, byPrivilege] of Object.entries(spec.columns ?? {})) {
    for (const [privilege, columns] of Object.entries(byPrivilege ?? {})) {
      if (columns?.length) declaredGrants[`${role} ${privilege}`] = [...columns].sort();
    }
  }
  expect(grants, `${name}: column privileges of anon/authenticated (declare them in columns)`).toEqual(declaredGrants);

  const start = await snapshot(name, spec, world);
  for (const owner of spec.owners) {
    if ((start.byOwner.get(owner) ?? []).length === 0) problems.push(`setup made no ${name} row for ${owner}`);
  }
  expect(problems, 'the domain setup must make a row for every owner').toEqual([]);

  // Service last: it may remove rows for good (a cascade cannot be put back).
  for (const actor of ACTORS) {
    const client = world.client(actor);
    const want = (op: 'select' | 'update' | 'delete') => {
      const outcome = outcomeFor(spec[op] as PerActor<RowOutcome>, actor);
      if (outcome === undefined) problems.push(`${name}: no ${op} outcome declared for ${actor}`);
      return outcome === undefined ? undefined : normalise(outcome, spec);
    };

    // select: whose rows it sees.
    expected.select[actor] = want('select');
    const read = await from(client).select(spec.key).in(spec.key, ids);
    if (read.error && !isDenied(read.error)) problems.push(`${name} select as ${actor}: ${describeError(read.error)}`);
    actual.select[actor] = read.error
      ? DENIED
      : spec.owners
          .filter((o) =>
            (read.data as unknown as Record<string, unknown>[]).some((r) => String(r[spec.key]) === world.id(o)),
          )
          .sort();

    // update: whose rows changed.
    expected.update[actor] = want('update');
    const beforeUpdate = await snapshot(name, spec, world);
    const updated = await from(client).update(spec.update.patch).in(spec.key, ids);
    if (updated.error && !isDenied(updated.error))
      problems.push(`${name} update as ${actor}: ${describeError(updated.error)}`);
    const afterUpdate = await snapshot(name, spec, world);
    const changed = changedOwners(beforeUpdate, afterUpdate, spec.owners).sort();
    actual.update[actor] = updated.error ? (changed.length ? changed : DENIED) : changed;
    await restore(name, beforeUpdate, afterUpdate, pk);

    // insert: a valid new row.
    const insertWant = outcomeFor(spec.insert as PerActor<InsertOutcome>, actor);
    if (insertWant === undefined) problems.push(`${name}: no insert outcome declared for ${actor}`);
    expected.insert[actor] = insertWant;
    const row = await spec.insert.row(world);
    const inserted = await from(client).insert(row);
    if (inserted.error && !isDenied(inserted.error))
      problems.push(`${name} insert as ${actor}: ${describeError(inserted.error)}`);
    const landed = await sql(
      `select 1 from ${name} where ${Object.keys(row)
        .map((c, i) => `${c}::text = $${i + 1}::text`)
        .join(' and ')}`,
      Object.values(row).map(String),
    );
    actual.insert[actor] = landed.length > 0 ? 'allowed' : DENIED;
    if (landed.length > 0 && inserted.error) problems.push(`${name} insert as ${actor}: row landed despite an error`);

    // delete: whose rows are gone.
    expected.delete[actor] = want('delete');
    const beforeDelete = await snapshot(name, spec, world);
    const deleted = await from(client).delete().in(spec.key, ids);
    if (deleted.error && !isDenied(deleted.error))
      problems.push(`${name} delete as ${actor}: ${describeError(deleted.error)}`);
    const afterDelete = await snapshot(name, spec, world);
    const gone = changedOwners(beforeDelete, afterDelete, spec.owners).sort();
    actual.delete[actor] = deleted.error ? (gone.length ? gone : DENIED) : gone;
    if (actor !== 'service') await restore(name, beforeDelete, afterDelete, pk);
  }
  expect(problems).toEqual([]);
  expect(actual).toEqual(expected);
}

async function checkFunction(name: string, spec: FunctionExpectation, world: World) {
  const { schema, object } = split(name);
  const actual: Record<string, unknown> = {};
  const expected: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const actor of ACTORS) {
    const want = outcomeFor(spec.execute, actor);
    if (want === undefined) problems.push(`${name}: no execute outcome declared for ${actor}`);
    expected[actor] = want;
    const { data, error } = await world
      .client(actor)
      .schema(schema)
      .rpc(object, await spec.args(world, actor));
    actual[actor] = callOutcome(want, data, error);
  }
  expect(problems).toEqual([]);
  expect(actual).toEqual(expected);
}

/** What a call did, in the terms of the declaration it is compared with. */
function callOutcome(want: CallOutcome | undefined, data: unknown, error: ApiError): unknown {
  if (error) {
    if (isDenied(error) && /permission denied for function/.test(error.message)) return DENIED;
    // Trigger functions are not in PostgREST's schema cache at all: not callable is denied too.
    if (error.code === 'PGRST202' && want === DENIED) return DENIED;
    if (error.code?.startsWith('TF')) return { refused: error.message };
    return `unexpected ${describeError(error)}`;
  }
  if (typeof want === 'object' && want !== null && 'returns' in want) {
    try {
      expect(data).toMatchObject(want.returns as object);
      return want;
    } catch {
      return { returns: data };
    }
  }
  if (Array.isArray(data) && data.length === 0) return 'empty';
  return 'allowed';
}

/** `npm run test:mutants` runs only the objects a mutant touches: TF_ACCESS_ONLY=schema.name,… */
const only = process.env.TF_ACCESS_ONLY?.split(',').filter(Boolean);
const selected = (name: string) => !only || only.includes(name);

// Each check builds its own world, so they run side by side (vitest's maxConcurrency at a time).
describe('access matrix', () => {
  it('every table and function of an exposed schema has declared expectations, and every declaration exists', () => {
    const undeclaredTables = catalog.tables.filter((t) => !declared('tables', t));
    const undeclaredFunctions = catalog.functions.filter((f) => !declared('functions', f));
    const hint = `declare select/update/insert/delete (tables) or execute (functions) outcomes for ${ACTORS.join(', ')} in supabase/tests/access/expectations/<domain>.ts`;
    expect(undeclaredTables, hint).toEqual([]);
    expect(undeclaredFunctions, hint).toEqual([]);
    const stale = Object.values(DOMAINS).flatMap((d) => [
      ...Object.keys(d.tables).filter((t) => !catalog.tables.includes(t)),
      ...Object.keys(d.functions).filter((f) => !catalog.functions.includes(f)),
    ]);
    expect(stale, 'declared but not in the catalog any more: remove or rename').toEqual([]);
  });

  for (const table of catalog.tables) {
    const entry = declared('tables', table);
    if (!entry || !selected(table)) continue;
    it.concurrent(`table ${table}: select, update, insert and delete per actor`, { timeout: 120_000 }, async () => {
      const world = await createWorld();
      await entry.expectations.setup(world);
      await checkTable(table, entry.found as TableExpectation, world);
    });
  }

  for (const fn of catalog.functions) {
    const entry = declared('functions', fn);
    if (!entry || !selected(fn)) continue;
    it.concurrent(`function ${fn}: execute per actor`, { timeout: 120_000 }, async () => {
      const world = await createWorld();
      await entry.expectations.setup(world);
      await checkFunction(fn, entry.found as FunctionExpectation, world);
    });
  }
});
