import type { Pool } from 'pg';
import { impersonate } from '../db/impersonate';
import { withTransaction } from '../db/transaction';
import type { Identity } from './auth';
import type { ChangeBinding } from './bindings';
import { unableToSubscribe } from './bindings';
import { type RowChange, SlotReader } from './cdc';
import type { Channel } from './channel';
import type { ChangeFeed } from './context';
import { matches } from './filters';
import type { Hub } from './hub';
import { type Tuple, UNCHANGED_TOAST } from './test-decoding';

const POLL_MS = 100;
/** The slot is dropped after this long without subscribers, so idle stacks decode nothing. */
const IDLE_STOP_MS = 60_000;
const META_TTL_MS = 5_000;

interface TableMeta {
  oid: number;
  columns: { name: string; type: string; sqlType: string }[];
  types: Map<string, string>;
  primaryKey: string[];
  rls: boolean;
  loadedAt: number;
}

interface Access {
  columns: Set<string>;
  visible: boolean;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const NUMBER_TYPES = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);

/** Column text (as decoded) → JSON value the way wal2json types it; realtime-js converts the rest. */
function toJsonValue(type: string, value: string | null): unknown {
  if (value === null) return null;
  if (NUMBER_TYPES.has(type)) {
    const n = Number(value);
    return Number.isFinite(n) && (type !== 'int8' || Number.isSafeInteger(n)) ? n : value;
  }
  if (type === 'bool') return value === 'true' ? true : value === 'false' ? false : value;
  if (type === 'json' || type === 'jsonb') {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * postgres_changes: reads committed row changes from a logical slot, keeps only tables in the
 * `supabase_realtime` publication, matches them against every subscriber's bindings and filters, checks
 * row visibility as each subscriber (role + claims, like realtime.apply_rls) and pushes the events in
 * commit order.
 */
export class PostgresChanges implements ChangeFeed {
  private readonly reader: SlotReader;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private starting: Promise<void> | null = null;
  private lastSubscriberAt = Date.now();
  private readonly meta = new Map<string, TableMeta>();

  constructor(
    private readonly hub: Hub,
    private readonly adminPool: Pool,
    private readonly apiPool: Pool,
    private readonly log: (message: string) => void,
  ) {
    const url = (adminPool.options as { connectionString?: string }).connectionString;
    if (!url) throw new Error('realtime needs the admin pool connection string');
    this.reader = new SlotReader(url);
  }

  async prepare(bindings: ChangeBinding[], options: { requirePublication?: boolean } = {}): Promise<(string | null)[]> {
    await this.ensureStarted();
    const published = options.requirePublication ? await this.publishedTables() : null;
    const errors: (string | null)[] = [];
    for (const binding of bindings) {
      if (!binding.active) {
        errors.push(binding.error ?? unableToSubscribe(binding));
        continue;
      }
      const missing =
        binding.table &&
        (!(await this.tableMeta(binding.schema, binding.table)) ||
          (published && !published.has(`${binding.schema}.${binding.table}`)));
      if (missing) {
        binding.active = false;
        binding.error = unableToSubscribe(binding);
      }
      errors.push(binding.active ? null : (binding.error ?? null));
    }
    return errors;
  }

  private ensureStarted(): Promise<void> {
    if (this.reader.running) return Promise.resolve();
    this.starting ??= this.reader.start().finally(() => {
      this.starting = null;
    });
    return this.starting.then(() => {
      this.lastSubscriberAt = Date.now();
      this.schedule(POLL_MS);
    });
  }

  private schedule(ms: number): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, ms);
  }

  private async poll(): Promise<void> {
    if (this.closed || !this.reader.running) return;
    if (this.hub.changeSubscribers.size > 0) this.lastSubscriberAt = Date.now();
    else if (Date.now() - this.lastSubscriberAt > IDLE_STOP_MS) {
      await this.reader.stop();
      return;
    }
    let full = false;
    try {
      const batch = await this.reader.read();
      full = batch.full;
      if (batch.transactions.length > 0) await this.dispatch(batch.transactions);
    } catch (error) {
      this.log(`[realtime] postgres_changes: ${error instanceof Error ? error.message : error}`);
      // The database went away (restart): start a fresh slot once it is back.
      if (!this.reader.running && this.hub.changeSubscribers.size > 0) {
        setTimeout(() => void this.ensureStarted().catch(() => this.schedule(1000)), 1000).unref();
        return;
      }
    }
    this.schedule(full ? 0 : POLL_MS);
  }

  private async dispatch(transactions: RowChange[][]): Promise<void> {
    if (this.hub.changeSubscribers.size === 0) return;
    const published = await this.publishedTables();
    for (const tx of transactions) {
      for (const change of tx) {
        if (!published.has(`${change.schema}.${change.table}`)) continue;
        await this.deliver(change);
      }
    }
  }

  private async publishedTables(): Promise<Set<string>> {
    const { rows } = await this.adminPool.query<{ name: string }>(
      "select schemaname || '.' || tablename as name from pg_publication_tables where pubname = 'supabase_realtime'",
    );
    return new Set(rows.map((r) => r.name));
  }

  private async tableMeta(schema: string, table: string, refresh = false): Promise<TableMeta | null> {
    const key = `${schema}.${table}`;
    const cached = this.meta.get(key);
    if (cached && !refresh && Date.now() - cached.loadedAt < META_TTL_MS) return cached;
    const { rows } = await this.adminPool.query<{
      oid: number;
      attname: string;
      typname: string;
      sqltype: string;
      is_pk: boolean;
      relrowsecurity: boolean;
    }>(
      `select c.oid::int as oid, a.attname, t.typname, format_type(a.atttypid, a.atttypmod) as sqltype,
              coalesce(a.attnum = any(i.indkey), false) as is_pk, c.relrowsecurity
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
         join pg_type t on t.oid = a.atttypid
         left join pg_index i on i.indrelid = c.oid and i.indisprimary
        where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'p')
        order by a.attnum`,
      [schema, table],
    );
    if (rows.length === 0) {
      this.meta.delete(key);
      return null;
    }
    const meta: TableMeta = {
      oid: rows[0].oid,
      columns: rows.map((r) => ({ name: r.attname, type: r.typname, sqlType: r.sqltype })),
      types: new Map(rows.map((r) => [r.attname, r.typname])),
      primaryKey: rows.filter((r) => r.is_pk).map((r) => r.attname),
      rls: rows[0].relrowsecurity,
      loadedAt: Date.now(),
    };
    this.meta.set(key, meta);
    return meta;
  }

  private async deliver(change: RowChange): Promise<void> {
    const meta = await this.tableMeta(change.schema, change.table);
    if (!meta) return;
    const newRow = mergeToast(change.newTuple, change.oldTuple);
    // Old values: the decoded old tuple, or for an UPDATE that kept its key, the key from the new row.
    const oldRow: Map<string, string | null> =
      change.oldTuple !== null
        ? (mergeToast(change.oldTuple, null) ?? new Map())
        : change.type === 'UPDATE' && newRow
          ? pick(newRow, meta.primaryKey)
          : new Map<string, string | null>();
    const filterRow: Map<string, string | null> = change.type === 'DELETE' ? oldRow : (newRow ?? new Map());

    // Channel → ids of its bindings this change satisfies.
    const targets = new Map<Channel, number[]>();
    for (const channel of this.hub.changeSubscribers) {
      const ids: number[] = [];
      for (const b of channel.changeBindings) {
        if (!b.active || (b.schema !== '*' && b.schema !== change.schema) || (b.table && b.table !== change.table))
          continue;
        if (b.event !== '*' && b.event !== change.type) continue;
        if (!matches(b.conditions, filterRow, meta.types)) continue;
        if (!ids.includes(b.id)) ids.push(b.id);
      }
      if (ids.length > 0) targets.set(channel, ids);
    }
    if (targets.size === 0) return;

    // One visibility check per distinct identity (role + claims), run concurrently.
    const groups = new Map<string, { identity: Identity; channels: Channel[] }>();
    for (const channel of targets.keys()) {
      const key = `${channel.identity.role}\u0000${JSON.stringify(channel.identity.claims)}`;
      const group = groups.get(key) ?? { identity: channel.identity, channels: [] };
      group.channels.push(channel);
      groups.set(key, group);
    }
    const results = await Promise.all(
      [...groups.values()].map(async (group) => ({
        group,
        access: await this.checkAccess(group.identity, change, meta, newRow).catch((error: unknown) => {
          this.log(`[realtime] visibility check failed: ${error instanceof Error ? error.message : error}`);
          return null;
        }),
      })),
    );
    const [typedNew, typedOld] = await this.typedRows(meta, [newRow, oldRow]);
    for (const { group, access } of results) {
      if (!access) continue;
      const data = buildData(change, meta, access, typedNew, typedOld ?? new Map());
      if (!data) continue;
      const dataJson = JSON.stringify(data);
      for (const channel of group.channels) {
        if (channel.conn.closed) continue;
        const ids = targets.get(channel) ?? [];
        const selected = selectedColumns(channel, ids, meta);
        sendChange(channel, ids, selected ? JSON.stringify(narrow(data, selected)) : dataJson);
      }
    }
  }

  /** Column privileges and row visibility as the subscriber (realtime.apply_rls does the same per subscription). */
  private async checkAccess(
    identity: Identity,
    change: RowChange,
    meta: TableMeta,
    newRow: Map<string, string | null> | null,
  ): Promise<Access> {
    // Read-only probe: always rolled back.
    return withTransaction(
      this.apiPool,
      async (client) => {
        try {
          await impersonate(client, identity);
          const cols = await client.query<{ attname: string }>(
            `select attname from pg_attribute
              where attrelid = $1 and attnum > 0 and not attisdropped and has_column_privilege(attrelid, attnum, 'SELECT')`,
            [meta.oid],
          );
          const columns = new Set(cols.rows.map((r) => r.attname));
          // DELETEs are not RLS-checked upstream; INSERT/UPDATE need the row to be visible by its key right now.
          let visible = change.type === 'DELETE';
          const pk = meta.primaryKey;
          if (!visible && newRow && pk.length > 0 && pk.every((c) => columns.has(c) && newRow.get(c) != null)) {
            const where = pk
              .map(
                (c, i) =>
                  `${quoteIdent(c)} = $${i + 1}::${meta.columns.find((col) => col.name === c)?.sqlType ?? 'text'}`,
              )
              .join(' and ');
            const res = await client.query(
              `select 1 from ${quoteIdent(change.schema)}.${quoteIdent(change.table)} where ${where}`,
              pk.map((c) => newRow.get(c)),
            );
            visible = (res.rowCount ?? 0) > 0;
          }
          return { columns, visible };
        } catch (error) {
          // A policy that raises, or a role the authenticator may not assume: the subscriber sees nothing.
          const code = (error as { code?: string }).code;
          if (!code || code.startsWith('08')) throw error;
          return { columns: new Set<string>(), visible: false };
        }
      },
      { rollback: true },
    );
  }

  /**
   * Decoded text → JSON the way upstream's realtime.cast does it (`to_jsonb(value::type)`): arrays become JSON
   * arrays, timestamps ISO strings. One query per change; falls back to a JS approximation if it fails.
   */
  private async typedRows(
    meta: TableMeta,
    rows: (Map<string, string | null> | null)[],
  ): Promise<(Map<string, unknown> | null)[]> {
    const params: (string | null)[] = [];
    const exprs: string[] = [];
    const slots: { row: number; name: string }[] = [];
    rows.forEach((row, index) => {
      if (!row) return;
      for (const col of meta.columns) {
        if (!row.has(col.name)) continue;
        params.push(row.get(col.name) ?? null);
        exprs.push(`to_jsonb($${params.length}::text::${col.sqlType})`);
        slots.push({ row: index, name: col.name });
      }
    });
    const out = rows.map((row) => (row ? new Map<string, unknown>() : null));
    let values: unknown[] | null = null;
    if (exprs.length > 0) {
      try {
        const res = await this.adminPool.query<{ v: unknown[] }>(
          `select jsonb_build_array(${exprs.join(', ')}) as v`,
          params,
        );
        values = res.rows[0].v;
      } catch (error) {
        this.log(`[realtime] value conversion failed: ${error instanceof Error ? error.message : error}`);
      }
    }
    slots.forEach((slot, i) => {
      const text = params[i];
      const value = values ? values[i] : toJsonValue(meta.types.get(slot.name) ?? 'text', text);
      out[slot.row]?.set(slot.name, value);
    });
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.starting?.catch(() => {});
    await this.reader.stop();
  }
}

function mergeToast(tuple: Tuple | null, old: Tuple | null): Map<string, string | null> | null {
  if (!tuple) return null;
  const row = new Map<string, string | null>();
  for (const [name, value] of tuple) {
    if (value !== UNCHANGED_TOAST) row.set(name, value);
    else {
      const previous = old?.get(name);
      if (previous !== undefined && previous !== UNCHANGED_TOAST) row.set(name, previous);
    }
  }
  return row;
}

function pick(row: Map<string, string | null>, names: string[]): Map<string, string | null> {
  return new Map(names.filter((n) => row.has(n)).map((n) => [n, row.get(n) ?? null]));
}

function toRecord(row: Map<string, unknown>, meta: TableMeta, allowed: Set<string>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const { name } of meta.columns) {
    if (allowed.has(name) && row.has(name)) record[name] = row.get(name);
  }
  return record;
}

/** The `data` object of a postgres_changes event (lib/realtime/adapters/changes.ex), or null to skip. */
function buildData(
  change: RowChange,
  meta: TableMeta,
  access: Access,
  newRow: Map<string, unknown> | null,
  oldRow: Map<string, unknown>,
): Record<string, unknown> | null {
  const base = {
    schema: change.schema,
    table: change.table,
    commit_timestamp: change.commitTimestamp,
    type: change.type,
    columns: meta.columns.filter((c) => access.columns.has(c.name)).map((c) => ({ name: c.name, type: c.type })),
  };
  const withRecords = (errors: string[] | null, record: Record<string, unknown>, old: Record<string, unknown>) => ({
    ...base,
    ...(change.type !== 'DELETE' ? { record } : {}),
    ...(change.type !== 'INSERT' ? { old_record: old } : {}),
    errors,
  });
  if (access.columns.size === 0) return withRecords(['Error 401: Unauthorized'], {}, {});
  if (meta.primaryKey.length === 0) return withRecords(['Error 400: Bad Request, no primary key'], {}, {});
  if (change.type !== 'DELETE' && !access.visible) return null;
  // With RLS on, a DELETE reveals only the primary key (the row can no longer be checked).
  const oldAllowed =
    change.type === 'DELETE' && meta.rls
      ? new Set(meta.primaryKey.filter((c) => access.columns.has(c)))
      : access.columns;
  return withRecords(null, newRow ? toRecord(newRow, meta, access.columns) : {}, toRecord(oldRow, meta, oldAllowed));
}

/**
 * Columns a channel limited its bindings to with `select` (the primary key always included), or null when
 * any matching binding wants every column.
 */
function selectedColumns(channel: Channel, ids: number[], meta: TableMeta): Set<string> | null {
  const bindings = channel.changeBindings.filter((b) => ids.includes(b.id));
  if (bindings.length === 0 || bindings.some((b) => !b.select || b.select.length === 0)) return null;
  return new Set([...meta.primaryKey, ...bindings.flatMap((b) => b.select ?? [])]);
}

function narrow(data: Record<string, unknown>, keep: Set<string>): Record<string, unknown> {
  const pick = (record: unknown) =>
    record && typeof record === 'object'
      ? Object.fromEntries(Object.entries(record as Record<string, unknown>).filter(([k]) => keep.has(k)))
      : record;
  return {
    ...data,
    columns: (data.columns as { name: string }[]).filter((c) => keep.has(c.name)),
    ...('record' in data ? { record: pick(data.record) } : {}),
    ...('old_record' in data ? { old_record: pick(data.old_record) } : {}),
  };
}

function sendChange(channel: Channel, ids: number[], dataJson: string): void {
  const topic = JSON.stringify(channel.topic);
  const payload = `{"ids":${JSON.stringify(ids)},"data":${dataJson}}`;
  const text =
    channel.conn.vsn === '2.0.0'
      ? `[null,null,${topic},"postgres_changes",${payload}]`
      : `{"topic":${topic},"event":"postgres_changes","payload":${payload},"ref":null}`;
  channel.conn.sendRaw(text, false);
}
