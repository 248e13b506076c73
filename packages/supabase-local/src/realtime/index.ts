import type { Service, StackContext } from '../http';
import type { RealtimeContext } from './context';
import { DatabaseMessages } from './db-messages';
import { createHttpHandler } from './http';
import { Hub } from './hub';
import { PostgresChanges } from './postgres-changes';
import { PresenceRegistry } from './presence';
import { createSocketEndpoint } from './socket';

/** Supabase Realtime for the local stack: `/realtime/v1/websocket` plus the HTTP broadcast API. */
export async function createRealtimeService(
  ctx: StackContext,
  log: (message: string) => void = (m) => console.error(m),
): Promise<Service> {
  const hub = new Hub();
  const changes = new PostgresChanges(hub, ctx.adminPool, ctx.apiPool, log);
  const rt: RealtimeContext = {
    stack: ctx,
    hub,
    presence: new PresenceRegistry(hub),
    changes,
    connections: new Set(),
    log,
  };
  const messages = new DatabaseMessages(hub, ctx.adminPool, log);
  await messages.start();
  const socket = createSocketEndpoint(rt);
  let closed = false;
  return {
    name: 'realtime',
    prefix: '/realtime/v1',
    handle: createHttpHandler(rt),
    upgrade: (req, sock, head, path, query) => socket.handleUpgrade(req, sock, head, path, query),
    async close() {
      if (closed) return;
      closed = true;
      socket.close();
      await changes.close();
      await messages.close();
    },
  };
}
