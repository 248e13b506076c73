import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parseLine, type Tuple } from './test-decoding';

export interface RowChange {
  schema: string;
  table: string;
  type: 'INSERT' | 'UPDATE' | 'DELETE';
  newTuple: Tuple | null;
  oldTuple: Tuple | null;
  /** `YYYY-MM-DDTHH:MM:SS.mmmZ`, as Realtime formats commit_timestamp. */
  commitTimestamp: string;
}

/** Transactions per read are capped so one huge batch cannot hold everything in memory. */
const CHANGES_PER_READ = 5000;

/**
 * Logical decoding through a temporary slot with the built-in test_decoding plugin (embedded Postgres has
 * neither wal2json nor a replication-protocol client in node-pg). The slot lives exactly as long as this
 * dedicated connection, so a crashed or stopped stack never leaves a slot pinning WAL behind.
 */
export class SlotReader {
  private client: pg.Client | null = null;
  private readonly slot = `realtime_local_${randomBytes(6).toString('hex')}`;

  constructor(private readonly connectionString: string) {}

  get running(): boolean {
    return this.client !== null;
  }

  async start(): Promise<void> {
    if (this.client) return;
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'realtime_cdc' });
    client.on('error', () => {
      // Reported again by the next query; the feed then restarts the slot.
    });
    await client.connect();
    try {
      // Every pg_logical_slot_get_changes call logs "starting logical decoding" at LOG level; keep the server log quiet.
      await client.query('set log_min_messages = warning');
      await client.query("select pg_create_logical_replication_slot($1, 'test_decoding', true)", [this.slot]);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    this.client = client;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /** Committed transactions since the last read, in commit order; `full` when more are waiting. */
  async read(): Promise<{ transactions: RowChange[][]; full: boolean }> {
    if (!this.client) throw new Error('slot not started');
    let rows: { data: string }[];
    try {
      rows = (
        await this.client.query<{ data: string }>(
          `select data from pg_logical_slot_get_changes($1, null, $2,
             'include-xids', 'on', 'include-timestamp', 'on', 'skip-empty-xacts', 'on')`,
          [this.slot, CHANGES_PER_READ],
        )
      ).rows;
    } catch (error) {
      await this.stop();
      throw error;
    }
    const transactions: RowChange[][] = [];
    let current: Omit<RowChange, 'commitTimestamp'>[] = [];
    for (const { data } of rows) {
      const line = parseLine(data);
      if (line.kind === 'begin') current = [];
      else if (line.kind === 'change') current.push(line);
      else if (line.kind === 'commit') {
        const commitTimestamp = formatCommitTimestamp(line.timestamp);
        if (current.length > 0) transactions.push(current.map((c) => ({ ...c, commitTimestamp })));
        current = [];
      }
    }
    return { transactions, full: rows.length >= CHANGES_PER_READ };
  }
}

function formatCommitTimestamp(raw: string | null): string {
  if (!raw) return new Date().toISOString();
  // "2026-01-01 10:00:00.123456+00" → ISO 8601 that Date can read.
  const iso = raw.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString();
}
