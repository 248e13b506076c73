import type { Actor, CatalogueRow, Owner, World } from '../world';

/** The request fails with permission denied (42501): no grant, or RLS refused a new row. */
export const DENIED = 'denied';
/** Every probe row (the service role bypasses RLS). */
export const ALL = 'all';

/** For select, update and delete: denied, or whose probe rows the actor read / changed / removed. */
export type RowOutcome = typeof DENIED | typeof ALL | Owner[];
export type InsertOutcome = typeof DENIED | 'allowed';
/**
 * For execute: denied (no EXECUTE), allowed (no error and, for set-returning functions, rows), empty (no
 * error, no rows), refused with one of our error codes (private.raise_error), or returns a value
 * (compared with toMatchObject).
 */
export type CallOutcome = typeof DENIED | 'allowed' | 'empty' | { refused: string } | { returns: unknown };

/** One outcome per actor; '*' stands for every actor not named. */
export type PerActor<T> = Partial<Record<Actor | '*', T>>;

/** Columns an API role may write, by privilege (column grants); anything not listed must not be granted. */
export type ColumnGrants = Partial<Record<'anon' | 'authenticated', Partial<Record<'insert' | 'update', string[]>>>>;

export interface TableExpectation {
  /** Columns anon and authenticated hold INSERT or UPDATE on (none when left out). */
  columns?: ColumnGrants;
  /** The column that says whose a row is, and the owners the world has rows for (see setup). */
  key: string;
  owners: Owner[];
  /** For a catalogue (rows nobody owns): the ids of the rows that stand for onSale and offSale. */
  probes?: (world: World) => Promise<Partial<Record<CatalogueRow, string>>>;
  select: PerActor<RowOutcome>;
  /** A change to try (it must differ from the probe rows' values) and who manages to make it. */
  update: { patch: Record<string, unknown> } & PerActor<RowOutcome>;
  /** A valid new row (make any rows it needs first): a refusal then means access, not bad data. */
  insert: { row: (world: World) => Promise<Record<string, unknown>> } & PerActor<InsertOutcome>;
  delete: PerActor<RowOutcome>;
}

export interface FunctionExpectation {
  /** The arguments each actor passes (called once per actor: make fresh targets where a call uses one up). */
  args: (world: World, actor: Actor) => Promise<Record<string, unknown>> | Record<string, unknown>;
  execute: PerActor<CallOutcome>;
}

/** One domain's declarations: what every table and function of it allows whom. */
export interface DomainExpectations {
  /** Rows the probes look at, made through the real RPCs in a fresh world. */
  setup(world: World): Promise<void>;
  tables: Record<string, TableExpectation>;
  functions: Record<string, FunctionExpectation>;
}

export const refused = (code: string) => ({ refused: code });
export const returns = (value: unknown) => ({ returns: value });
