import type { Pool } from 'pg';
import type { ApiRequest } from '../http';
import { acquire } from './acquire';
import { RestError } from './errors';
import { type PgError, runPipeline, type Statement, type StatementResult } from './pipeline';
import { type Auth, parseCookies } from './request-context';
import { ident } from './sql';

// One transaction per request, like PostgREST: set_config(search_path, role, request.*) then the main
// statement. The common case is a single round trip (implicit transaction closed by Sync); when the
// outcome decides commit vs rollback (`.single()` on writes, max-affected) or the transaction must
// end in ROLLBACK (`Prefer: tx=rollback`), an explicit BEGIN is used.

export interface TxEnv {
  auth: Auth;
  schema: string;
  extraSearchPath: string[];
  req: ApiRequest;
  readOnly: boolean;
  /** The impersonated role's `ALTER ROLE … SET` values. */
  roleSettings: [string, string][];
}

export type Row = Record<string, string | null>;

function setupStatement(env: TxEnv): Statement {
  // As PostgREST: the schema, then db-extra-search-path as given (`"public", "public", "extensions"`).
  const searchPath = [env.schema, ...env.extraSearchPath].map(ident).join(', ');
  const { req } = env;
  const readOnly = env.readOnly ? ", set_config('transaction_read_only', 'on', true)" : '';
  const extra = env.roleSettings.map((_, i) => `, set_config($${8 + 2 * i}, $${9 + 2 * i}, true)`).join('');
  return {
    text:
      "select set_config('search_path', $1, true), set_config('role', $2, true), set_config('request.jwt.claims', $3, true), " +
      "set_config('request.method', $4, true), set_config('request.path', $5, true), set_config('request.headers', $6, true), " +
      `set_config('request.cookies', $7, true)${extra}${readOnly}`,
    prepare: true,
    values: [
      searchPath,
      env.auth.role,
      env.auth.claimsJson,
      req.method.toUpperCase(),
      req.path,
      JSON.stringify(req.headers),
      JSON.stringify(parseCookies(req.headers.cookie)),
      ...env.roleSettings.flat(),
    ],
  };
}

function toRow(result: { fields: string[]; rows: (string | null)[][] } | undefined): Row {
  const row: Row = {};
  if (!result || result.rows.length === 0) return row;
  result.fields.forEach((f, i) => {
    row[f] = result.rows[0][i];
  });
  return row;
}

export function isPgError(err: unknown): err is PgError {
  return err instanceof Error && typeof (err as PgError).code === 'string' && 'severity' in err;
}

export interface ExecuteOptions {
  check?: (row: Row) => RestError | null;
  /** Statements run before `main` in the same transaction (e.g. EXPLAIN for planned counts). */
  before?: Statement[];
  /**
   * End in ROLLBACK (`Prefer: tx=rollback`, or db-tx-end `rollback`). Deferred constraints are made
   * immediate first, so a violation is still reported, as PostgREST does.
   */
  rollback?: boolean;
}

export interface Executed {
  /** First row of `main`. */
  row: Row;
  /** Every row of `main` (EXPLAIN in text format answers one line per row). */
  rows: (string | null)[][];
  before: Row[];
}

/**
 * Runs `main` for the request. With `check`, the transaction is explicit and `check` may veto the
 * result (returning the error to answer with), which rolls everything back.
 */
export async function executeAll(
  pool: Pool,
  env: TxEnv,
  main: Statement,
  { check, before = [], rollback = false }: ExecuteOptions = {},
): Promise<Executed> {
  const client = await acquire(pool);
  let broken: Error | undefined;
  try {
    const setup = setupStatement(env);
    const statements = [setup, ...before.map((s) => ({ ...s, prepare: true })), { ...main, prepare: true }];
    const done = (results: StatementResult[], skip: number): Executed => {
      const mainResult = results[skip + statements.length - 1];
      return {
        row: toRow(mainResult),
        rows: mainResult?.rows ?? [],
        before: results.slice(skip + 1, skip + statements.length - 1).map(toRow),
      };
    };
    if (!check && !rollback) return done(await runPipeline(client, statements), 0);
    const tail = rollback ? [{ text: 'SET CONSTRAINTS ALL IMMEDIATE', values: [] }] : [];
    let results: StatementResult[];
    try {
      results = await runPipeline(client, [{ text: 'BEGIN', values: [] }, ...statements, ...tail]);
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
    const out = done(results, 1);
    const veto = check?.(out.row) ?? null;
    await client.query(veto || rollback ? 'ROLLBACK' : 'COMMIT');
    if (veto) throw veto;
    return out;
  } catch (err) {
    // Database errors leave the connection usable; anything else (socket loss) does not.
    if (!isPgError(err) && !(err instanceof RestError)) broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.release(broken);
  }
}
