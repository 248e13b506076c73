import type { Pool } from 'pg';

// PostgREST's in-database configuration (Config/Database.hs queryDbSettings): `pgrst.*` settings on
// the role PostgREST logs in as (`alter role authenticator set pgrst.db_plan_enabled = 'true'`), a
// database-specific setting winning over a global one. Read at start and again on
// `NOTIFY pgrst, 'reload config'`; a reload with an invalid value keeps the previous configuration,
// as PostgREST does (it only refuses to start with one).

export interface DbConfig {
  /** db-tx-end `rollback*`: every transaction ends in ROLLBACK unless overridden. */
  txRollbackAll: boolean;
  /** db-tx-end `*-allow-override`: `Prefer: tx=commit|rollback` is honoured. */
  txAllowOverride: boolean;
  /** db-plan-enabled: `Accept: application/vnd.pgrst.plan` answers EXPLAIN output. */
  planEnabled: boolean;
}

export const DEFAULT_DB_CONFIG: DbConfig = Object.freeze({
  txRollbackAll: false,
  txAllowOverride: false,
  planEnabled: false,
});

const SETTINGS_SQL = `
with kv as (
  select s.setdatabase as database, substr(c.setting, 1, strpos(c.setting, '=') - 1) as k,
    substr(c.setting, strpos(c.setting, '=') + 1) as v
  from pg_catalog.pg_db_role_setting s, unnest(s.setconfig) as c(setting)
  where s.setrole = quote_ident(current_user)::regrole::oid
    and s.setdatabase in (0, (select oid from pg_catalog.pg_database where datname = current_catalog))
)
select distinct on (k) replace(k, 'pgrst.', '') as key, v as value
from kv where k = any($1) and v is not null
order by k, database desc nulls last`;

const NAMES = ['pgrst.db_tx_end', 'pgrst.db_plan_enabled'];

const TX_END: Record<string, [boolean, boolean]> = {
  commit: [false, false],
  'commit-allow-override': [false, true],
  rollback: [true, false],
  'rollback-allow-override': [true, true],
};

/**
 * PostgREST's coerceBool: letters only, title-cased, read as a Haskell Bool (`true`, `TRUE`,
 * `"false"`), else a positive integer; anything else leaves the default.
 */
function readBool(raw: string): boolean | undefined {
  const letters = raw.replace(/[^\p{L}]/gu, '').toLowerCase();
  if (letters === 'true') return true;
  if (letters === 'false') return false;
  return /^-?\d+$/.test(raw) ? Number(raw) > 0 : undefined;
}

export function parseDbConfig(settings: Map<string, string>): DbConfig {
  const txEnd = settings.get('db_tx_end') || 'commit';
  const tx = TX_END[txEnd];
  if (!tx) throw new Error(`Invalid transaction termination "${txEnd}" in pgrst.db_tx_end`);
  const plan = settings.get('db_plan_enabled');
  return {
    txRollbackAll: tx[0],
    txAllowOverride: tx[1],
    planEnabled: (plan !== undefined && readBool(plan)) || false,
  };
}

export class DbConfigHolder {
  private current: Promise<DbConfig>;

  constructor(
    private readonly pool: Pool,
    private readonly log: (message: string) => void = () => {},
  ) {
    this.current = this.load().catch((err: Error) => {
      this.log(`[rest] in-database config ignored: ${err.message}`);
      return DEFAULT_DB_CONFIG;
    });
  }

  get(): Promise<DbConfig> {
    return this.current;
  }

  /** Serves the previous configuration until the new one is read; keeps it when the new one is invalid. */
  reload(): Promise<void> {
    const previous = this.current;
    const next = this.load();
    return next.then(
      () => {
        this.current = next;
      },
      (err: Error) => {
        this.log(`[rest] config reload failed, keeping the previous one: ${err.message}`);
        this.current = previous;
      },
    );
  }

  private async load(): Promise<DbConfig> {
    const { rows } = await this.pool.query<{ key: string; value: string }>(SETTINGS_SQL, [NAMES]);
    return Object.freeze(parseDbConfig(new Map(rows.map((r) => [r.key, r.value]))));
  }
}
