import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The first port of the kernel's ephemeral range. Ports asked for with `listen(0)` come from that
 * range, and so do the source ports of every outgoing connection: a port found free there can be taken
 * by a client socket (a test's own HTTP or Postgres connection) before the stack listens on it, which
 * failed a CI run with EADDRINUSE. So free ports are picked below it.
 */
function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const port = Number(low);
    return Number.isInteger(port) && port > 12_000 ? port : 32_768;
  } catch {
    return 32_768;
  }
}

const LOWEST = 10_000;
const handedOut = new Set<number>();

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free loopback port, so that two test runs can coexist: random (two processes rarely pick the
 * same), below the ephemeral range (no client socket takes it meanwhile), never the same twice in one
 * process, and checked by listening on it.
 */
export async function freePort(): Promise<number> {
  const highest = ephemeralRangeStart() - 1;
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (highest - LOWEST + 1));
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`freePort: no free loopback port found between ${LOWEST} and ${highest}`);
}

/** Free ports for everything a stack listens on, so two stacks (or two test runs) never collide. */
export async function freeStackPorts(): Promise<{
  apiPort: number;
  dbPort: number;
  mailPort: number;
  smtpPort: number;
}> {
  return {
    apiPort: await freePort(),
    dbPort: await freePort(),
    mailPort: await freePort(),
    smtpPort: await freePort(),
  };
}
