import type { Pool, PoolClient } from 'pg';

// PostgREST's in-database configuration (Config/Database.hs): `pgrst.*` settings of the authenticator
// role, e.g. `alter role authenticator set pgrst.db_aggregates_enabled = 'true'`. A database-specific
// setting beats a global one; `ALTER DATABASE … SET` alone has no effect. PostgREST reads them at
// start and again on `NOTIFY pgrst, 'reload config'` (not on 'reload schema').

export interface DbConfig {
  /** `db-aggregates-enabled`: `count()`, `col.sum()`… in `select` (off by default, as on hosted Supabase). */
  aggregatesEnabled: boolean;
}

export const DEFAULT_DB_CONFIG: DbConfig = Object.freeze({ aggregatesEnabled: false });

const AUTHENTICATOR = 'authenticator';

const DB_SETTINGS_SQL = `
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

/** PostgREST's coerceBool: `true`/`TRUE`/`"true"` (letters only, any case), or a number > 0. */
export function coerceBool(raw: string): boolean | undefined {
  const letters = raw.replace(/[^\p{L}]/gu, '').toLowerCase();
  if (letters === 'true') return true;
  if (letters === 'false') return false;
  return /^-?\d+$/.test(raw.trim()) ? Number(raw) > 0 : undefined;
}

export async function loadDbConfig(client: Pool | PoolClient): Promise<DbConfig> {
  const { rows } = await client.query<{ key: string; value: string }>(DB_SETTINGS_SQL, [AUTHENTICATOR]);
  const settings = new Map(rows.map((r) => [r.key, r.value]));
  const aggregates = settings.get('db_aggregates_enabled');
  return Object.freeze({
    aggregatesEnabled: (aggregates !== undefined && coerceBool(aggregates)) || DEFAULT_DB_CONFIG.aggregatesEnabled,
  });
}
