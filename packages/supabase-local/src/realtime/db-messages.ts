import pg from 'pg';
import { fanOut } from './broadcast';
import type { Hub } from './hub';

interface Notified {
  id: string;
  topic?: string;
  event?: string;
  private?: boolean;
  payload?: unknown;
  binary?: string | null;
  inserted_at?: string;
  fetch?: boolean;
}

const RECONNECT_MS = 1000;

/**
 * Broadcast from the database: rows inserted into realtime.messages (realtime.send, broadcast_changes) reach
 * their topic as user broadcasts with `meta.id`, like upstream's replication_connection.ex. The bootstrap's
 * trigger NOTIFYs each committed row; rows too large for NOTIFY are read back by key.
 */
export class DatabaseMessages {
  private client: pg.Client | null = null;
  private closed = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly hub: Hub,
    private readonly adminPool: pg.Pool,
    private readonly log: (message: string) => void,
  ) {}

  async start(): Promise<void> {
    const url = (this.adminPool.options as { connectionString?: string }).connectionString;
    const client = new pg.Client({ connectionString: url, application_name: 'realtime_messages' });
    client.on('notification', (msg) => {
      if (msg.channel !== 'realtime:messages' || !msg.payload) return;
      const payload = msg.payload;
      // Keep NOTIFY (commit) order even when a row must be fetched.
      this.queue = this.queue
        .then(() => this.handle(payload))
        .catch((error: unknown) => {
          this.log(`[realtime] database broadcast failed: ${error instanceof Error ? error.message : error}`);
        });
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query('listen "realtime:messages"');
    this.client = client;
    // Hosted keeps a few days of messages (daily partitions); prune the same way.
    await this.adminPool
      .query("delete from realtime.messages where inserted_at < now() - interval '3 days'")
      .catch(() => {});
  }

  private reconnect(client: pg.Client): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    const retry = () => {
      if (this.closed) return;
      this.start().catch(() => setTimeout(retry, RECONNECT_MS).unref());
    };
    setTimeout(retry, RECONNECT_MS).unref();
  }

  private async handle(raw: string): Promise<void> {
    let row = JSON.parse(raw) as Notified;
    if (row.fetch) {
      const { rows } = await this.adminPool.query<Notified & { binary: string | null }>(
        `select id, topic, event, private, payload, encode(binary_payload, 'base64') as binary
           from realtime.messages where id = $1 and inserted_at = $2`,
        [row.id, row.inserted_at],
      );
      if (!rows[0]) return;
      row = rows[0];
    }
    if (!row.topic || !row.event) return;
    const binary = row.binary ? Buffer.from(row.binary, 'base64') : null;
    fanOut(this.hub, {
      topic: `realtime:${row.topic}`,
      isPrivate: row.private === true,
      binaryForV2: true,
      message: binary
        ? { event: row.event, bytes: binary, encoding: 'binary', meta: { id: row.id } }
        : { event: row.event, json: row.payload ?? {}, encoding: 'json', meta: { id: row.id } },
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await this.queue.catch(() => {});
    await client?.end().catch(() => {});
  }
}
