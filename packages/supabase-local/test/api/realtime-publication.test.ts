import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyBootstrap, migrate } from '../../src/migrations';
import { adminQuery, stackInfo } from '../../src/testing/clients';
import { withFreshDatabase } from '../../src/testing/fresh-database';
import { Inbox, rtClient, sleep, subscribe, subscribed, uniqueTopic } from './realtime-helpers';

type Change = RealtimePostgresChangesPayload<Record<string, unknown>>;

// On hosted Supabase `postgres` owns the supabase_realtime publication, so a migration (run as
// `postgres`) publishes its own tables with `alter publication … add table`. The table here is made and
// published by a real migration through migrate(), exactly as `supabase migration up` would.
const table = `rt_pub_${randomUUID().slice(0, 8)}`;
const dirs: string[] = [];

async function asPostgres(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: stackInfo().dbUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function runMigration(name: string, sql: string): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rt-publication-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'migrations'));
  await writeFile(path.join(dir, 'migrations', `${name}.sql`), sql);
  return migrate(stackInfo().dbUrl, dir);
}

const waitFor = (channelName: string, onChange: (c: Change) => void) =>
  rtClient('2.0.0')
    .channel(uniqueTopic(channelName), { config: { postgres_changes_options: { wait: true } } })
    .on('postgres_changes', { event: '*', schema: 'public', table }, onChange);

afterAll(async () => {
  // Other realtime tests rely on realtime_test.unpublished staying out of the publication.
  const [stray] = await adminQuery(
    "select 1 from pg_publication_tables where pubname = 'supabase_realtime' and tablename = 'unpublished'",
  );
  if (stray) await adminQuery('alter publication supabase_realtime drop table realtime_test.unpublished');
  await adminQuery(`drop table if exists public.${table}`);
  await adminQuery("delete from supabase_migrations.schema_migrations where name like 'publish_rt_pub_%'");
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('supabase_realtime publication', () => {
  it('is owned by postgres, as on hosted projects', async () => {
    const [row] = await adminQuery<{ owner: string; ins: boolean; upd: boolean; del: boolean; alltables: boolean }>(
      `select pubowner::regrole::text as owner, pubinsert as ins, pubupdate as upd, pubdelete as del, puballtables as alltables
         from pg_publication where pubname = 'supabase_realtime'`,
    );
    expect(row).toEqual({ owner: 'postgres', ins: true, upd: true, del: true, alltables: false });
  });

  it('is handed to postgres on the next start of a data folder where the superuser still owns it', async () => {
    await withFreshDatabase(async (db) => {
      await db.query('alter publication supabase_realtime owner to supabase_admin');
      await applyBootstrap(db.adminUrl);
      const [row] = await db.query<{ owner: string }>(
        "select pubowner::regrole::text as owner from pg_publication where pubname = 'supabase_realtime'",
      );
      expect(row.owner).toBe('postgres');
    });
  });

  it('a migration as postgres adds its table, postgres_changes delivers it, and dropping it stops delivery', async () => {
    const applied = await runMigration(
      `20990101000000_publish_${table}`,
      `create table public.${table} (id bigint generated always as identity primary key, body text not null);
       grant select on table public.${table} to anon, authenticated;
       alter publication supabase_realtime add table public.${table};`,
    );
    expect(applied).toEqual([`20990101000000_publish_${table}.sql`]);
    const [owner] = await adminQuery<{ owner: string }>(
      `select tableowner as owner from pg_tables where schemaname = 'public' and tablename = $1`,
      [table],
    );
    expect(owner.owner).toBe('postgres');

    const inbox = new Inbox<Change>();
    // `wait` makes SUBSCRIBED mean live, and refuses tables missing from the publication.
    await subscribed(waitFor('published', inbox.push));
    await asPostgres(`insert into public.${table} (body) values ('hello')`);
    const [insert] = await inbox.waitFor(1);
    expect(insert).toMatchObject({
      schema: 'public',
      table,
      eventType: 'INSERT',
      errors: null,
      new: { id: 1, body: 'hello' },
      old: {},
    });

    await runMigration(
      `20990101000001_publish_${table}_undo`,
      `alter publication supabase_realtime drop table public.${table};`,
    );
    await asPostgres(`insert into public.${table} (body) values ('unpublished')`);
    await sleep(500);
    expect(inbox.items).toHaveLength(1);

    const refused = await subscribe(waitFor('dropped', () => {}));
    expect(refused.status).toBe('CHANNEL_ERROR');
    expect(refused.error?.message).toMatch(/^RealtimeDisabledForConfiguration: Unable to subscribe to changes/);
  });

  it('still refuses tables postgres does not own, and FOR ALL TABLES, as Postgres does on hosted', async () => {
    // Adding needs the table's ownership: the fixture table belongs to the superuser, of which postgres is no
    // member. (Dropping needs only the publication's, as in Postgres.) FOR ALL TABLES needs a superuser.
    await expect(
      asPostgres('alter publication supabase_realtime add table realtime_test.unpublished'),
    ).rejects.toMatchObject({ code: '42501', message: 'must be owner of table unpublished' });
    await expect(asPostgres('create publication rt_pub_everything for all tables')).rejects.toMatchObject({
      code: '42501',
      message: 'must be superuser to create FOR ALL TABLES publication',
    });
  });
});
