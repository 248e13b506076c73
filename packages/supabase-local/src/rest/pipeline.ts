import type { PoolClient } from 'pg';

/**
 * Sends several parameterised statements in ONE network round trip (Parse/Bind/Describe/Execute per
 * statement, then a single Sync) through node-postgres' public "Submittable" extension point.
 *
 * Why: PostgREST needs `set_config(role, claims, …)` to run before the main statement in the same
 * transaction. Everything before a Sync forms one implicit transaction, so without BEGIN/COMMIT the
 * whole request costs a single round trip; `set_config(..., true)` stays local to it. When an
 * explicit BEGIN is the first statement, the transaction stays open after Sync (the caller then
 * sends COMMIT or ROLLBACK). On an error Postgres skips the rest until Sync, so later statements
 * never run and an implicit transaction is rolled back.
 */
export interface Statement {
  text: string;
  values: (string | null)[];
  /**
   * Keep the statement prepared on the connection (named statement) so repeated query shapes skip
   * parse and plan. Safe across DDL because our statements' result types never change.
   */
  prepare?: boolean;
}

export interface StatementResult {
  fields: string[];
  rows: (string | null)[][];
  command: string;
}

/** Postgres error as node-postgres reports it (fields we forward to clients). */
export interface PgError extends Error {
  code?: string;
  detail?: string;
  hint?: string;
}

interface Connection {
  parse(config: { text: string; name?: string; types?: number[] }): void;
  bind(config: { statement?: string; values: (string | null)[] }): void;
  describe(config: { type: 'P'; name?: string }): void;
  execute(config: { portal?: string; rows?: number }): void;
  sync(): void;
  stream: { cork?: () => void; uncork?: () => void };
}

/** Prepared statement names per connection: query text → name. */
const prepared = new WeakMap<object, Map<string, string>>();
const MAX_PREPARED = 500;

class PipelineQuery {
  results: StatementResult[] = [];
  callback?: (err: Error | null) => void;
  /** Names parsed by this pipeline; if it fails we cannot tell which Parse succeeded. */
  newlyPrepared: string[] = [];
  private current: StatementResult | null = null;
  private done = false;

  constructor(private readonly statements: Statement[]) {}

  submit(connection: Connection): null {
    let names = prepared.get(connection);
    if (!names) {
      names = new Map();
      prepared.set(connection, names);
    }
    connection.stream.cork?.();
    try {
      for (const st of this.statements) {
        let name = st.prepare ? names.get(st.text) : undefined;
        if (name === undefined) {
          if (st.prepare && names.size < MAX_PREPARED) {
            name = `pgrst_${names.size + 1}`;
            names.set(st.text, name);
            this.newlyPrepared.push(name);
          }
          connection.parse({ text: st.text, name: name ?? '', types: [] });
        }
        connection.bind({ statement: name ?? '', values: st.values });
        connection.describe({ type: 'P' });
        connection.execute({});
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  handleRowDescription(msg: { fields: { name: string }[] }): void {
    this.current = { fields: msg.fields.map((f) => f.name), rows: [], command: '' };
  }

  handleDataRow(msg: { fields: (string | null)[] }): void {
    this.current?.rows.push(msg.fields);
  }

  handleCommandComplete(msg: { text?: string; command?: string }): void {
    const result = this.current ?? { fields: [], rows: [], command: '' };
    result.command = msg.text ?? msg.command ?? '';
    this.results.push(result);
    this.current = null;
  }

  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}

  // node-postgres detaches the active query before calling this, so the error ends the pipeline.
  handleError(err: Error): void {
    this.finish(err);
  }

  handleReadyForQuery(): void {
    this.finish(null);
  }

  private finish(err: Error | null): void {
    if (this.done) return;
    this.done = true;
    this.callback?.(err);
  }
}

export async function runPipeline(client: PoolClient, statements: Statement[]): Promise<StatementResult[]> {
  const query = new PipelineQuery(statements);
  try {
    return await new Promise<StatementResult[]>((resolve, reject) => {
      query.callback = (err) => (err ? reject(err) : resolve(query.results));
      // biome-ignore lint/suspicious/noExplicitAny: node-postgres types do not model Submittable's handler set.
      client.query(query as any);
    });
  } catch (err) {
    if (query.newlyPrepared.length) await forgetPrepared(client);
    throw err;
  }
}

/** After a failed pipeline we do not know which new statements exist: start the connection afresh. */
async function forgetPrepared(client: PoolClient): Promise<void> {
  const connection = (client as unknown as { connection: object }).connection;
  prepared.delete(connection);
  // Always roll back: the error may be handled before Postgres's ReadyForQuery (it can arrive in a
  // later packet), so the client's transaction status can still be stale here, and DEALLOCATE inside
  // a failed explicit transaction would replace the real error with 25P02. Outside a transaction
  // ROLLBACK is only a warning.
  await client.query('ROLLBACK');
  await client.query('DEALLOCATE ALL');
}
