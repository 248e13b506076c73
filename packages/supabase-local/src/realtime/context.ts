import type { StackContext } from '../http';
import type { ChangeBinding } from './bindings';
import type { Hub } from './hub';
import type { PresenceRegistry } from './presence';
import type { Connection } from './socket';

/** What postgres_changes offers the channels: subscribe bindings, get an error text per bad binding. */
export interface ChangeFeed {
  /** Makes sure changes committed from now on reach the bindings; returns one error per binding or null. */
  prepare(bindings: ChangeBinding[], options?: { requirePublication?: boolean }): Promise<(string | null)[]>;
}

/** Shared state of one realtime service. */
export interface RealtimeContext {
  stack: StackContext;
  hub: Hub;
  presence: PresenceRegistry;
  changes: ChangeFeed;
  connections: Set<Connection>;
  log: (message: string) => void;
}

/** Largest frame or HTTP message Realtime relays (hosted default for broadcast payloads). */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
