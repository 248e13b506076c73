import type { Pool, PoolClient } from 'pg';

// PostgREST's in-database configuration (Config/Database.hs queryDbSettings): `pgrst.*` settings on the
// role PostgREST logs in as (`alter role authenticator set pgrst.db_plan_enabled = 'true'`), a
// database-specific setting winning over a global one (`ALTER DATABASE … SET` alone has no effect).
// Read at start and again on `NOTIFY pgrst, 'reload config'` (not on 'reload schema'); a reload with an
// invalid value keeps the previous configuration, as PostgREST does (it only refuses to start with one).

export interface DbConfig {
  /** db-tx-end `rollback*`: every transaction ends in ROLLBACK unless overridden. */
  txRollbackAll: boolean;
  /** db-tx-end `*-allow-override`: `Prefer: tx=commit|rollback` is honoured. */
  txAllowOverride: boolean;
  /** db-plan-enabled: `Accept: application/vnd.pgrst.plan` answers EXPLAIN output. */
  planEnabled: boolean;
  /** db-aggregates-enabled: `count()`, `col.sum()`… in `select` (off by default, as on hosted Supabase). */
  aggregatesEnabled: boolean;
}

export const DEFAULT_DB_CONFIG: DbConfig = Object.freeze({
  txRollbackAll: false,
  txAllowOverride: false,
  planEnabled: false,
  aggregatesEnabled: false,
});

const AUTHENTICATOR = 'authenticator';

const SETTINGS_SQL = `
select distinct on (key) replace(k, 'pgrst.', '') as key, v as value
from (
  select s.setdatabase as database, substr(c.setting, 1, strpos(c.setting, '=') - 1) as k,
    substr(c.setting, strpos(c.setting, '=') + 1) as v
  from pg_catalog.pg_db_role_setting s
  cross join lateral unnest(s.setconfig) as c(setting)
  where s.setrole = (select oid from pg_catalog.pg_roles where rolname = $1)
    and s.setdatabase in (0, (select oid from pg_catalog.pg_database where datname = current_catalog))
) kv
where k like 'pgrst.%' and v is not null
order by key, database desc nulls last`;

const TX_END: Record<string, [boolean, boolean]> = {
  commit: [false, false],
  'commit-allow-override': [false, true],
  rollback: [true, false],
  'rollback-allow-override': [true, true],
};

/**
 * PostgREST's coerceBool: letters only, any case, read as a Haskell Bool (`true`, `TRUE`, `"false"`),
 * else a number > 0; anything else leaves the default.
 */
export function coerceBool(raw: string): boolean | undefined {
  const letters = raw.replace(/[^\p{L}]/gu, '').toLowerCase();
  if (letters === 'true') return true;
  if (letters === 'false') return false;
  return /^-?\d+$/.test(raw.trim()) ? Number(raw) > 0 : undefined;
}

function flag(settings: Map<string, string>, key: string): boolean {
  const raw = settings.get(key);
  return (raw !== undefined && coerceBool(raw)) || false;
}

export function parseDbConfig(settings: Map<string, string>): DbConfig {
  const txEnd = settings.get('db_tx_end') || 'commit';
  const tx = TX_END[txEnd];
  if (!tx) throw new Error(`Invalid transaction termination "${txEnd}" in pgrst.db_tx_end`);
  return Object.freeze({
    txRollbackAll: tx[0],
    txAllowOverride: tx[1],
    planEnabled: flag(settings, 'db_plan_enabled'),
    aggregatesEnabled: flag(settings, 'db_aggregates_enabled'),
  });
}

/** Reads the settings; throws on an invalid value (callers keep what they had). */
export async function loadDbConfig(client: Pool | PoolClient): Promise<DbConfig> {
  const { rows } = await client.query<{ key: string; value: string }>(SETTINGS_SQL, [AUTHENTICATOR]);
  return parseDbConfig(new Map(rows.map((r) => [r.key, r.value])));
}
