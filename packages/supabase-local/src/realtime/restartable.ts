import type { Duplex } from 'node:stream';
import type { ApiResponse, Service, StackContext } from '../http';
import { createRealtimeService } from './index';

/** Realtime alone taken down and brought back while the database and the other APIs keep serving. */
export interface RealtimeControl {
  /** Drops every socket and the database listener, as a crashed or redeployed realtime server would. */
  stop(): Promise<void>;
  /** A new realtime server (empty hub, new listener): clients must reconnect and rejoin by themselves. */
  start(): Promise<void>;
  readonly running: boolean;
}

// What Kong answers when its upstream is gone (hosted realtime being restarted behind the gateway).
const DOWN_MESSAGE = 'failure to get a peer from the ring-balancer';
const down = (): ApiResponse => ({
  status: 503,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message: DOWN_MESSAGE }),
});

/** The realtime service behind a switch the gateway keeps routing to, so it can restart in place. */
export async function createRestartableRealtime(
  ctx: StackContext,
  log: (message: string) => void,
): Promise<{ service: Service; control: RealtimeControl }> {
  let current: Service | null = await createRealtimeService(ctx, log);
  const service: Service = {
    name: current.name,
    prefix: current.prefix,
    handle: (req) => (current ? current.handle(req) : Promise.resolve(down())),
    upgrade(req, socket: Duplex, head, path, query) {
      if (current?.upgrade) return current.upgrade(req, socket, head, path, query);
      socket.end(`HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    },
    close: () => control.stop(),
  };
  const control: RealtimeControl = {
    async stop() {
      const running = current;
      current = null;
      await running?.close?.();
    },
    async start() {
      if (current) return;
      current = await createRealtimeService(ctx, log);
    },
    get running() {
      return current !== null;
    },
  };
  return { service, control };
}
