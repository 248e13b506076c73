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
  bind(config: { values: (string | null)[] }): void;
  describe(config: { type: 'P'; name?: string }): void;
  execute(config: { portal?: string; rows?: number }): void;
  sync(): void;
  stream: { cork?: () => void; uncork?: () => void };
}

class PipelineQuery {
  results: StatementResult[] = [];
  callback?: (err: Error | null) => void;
  private current: StatementResult | null = null;
  private done = false;

  constructor(private readonly statements: Statement[]) {}

  submit(connection: Connection): null {
    connection.stream.cork?.();
    try {
      for (const st of this.statements) {
        connection.parse({ text: st.text, types: [] });
        connection.bind({ values: st.values });
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

export function runPipeline(client: PoolClient, statements: Statement[]): Promise<StatementResult[]> {
  return new Promise((resolve, reject) => {
    const query = new PipelineQuery(statements);
    query.callback = (err) => (err ? reject(err) : resolve(query.results));
    // biome-ignore lint/suspicious/noExplicitAny: node-postgres types do not model Submittable's handler set.
    client.query(query as any);
  });
}
