import { createServer } from 'node:net';

/** Asks the OS for a free loopback port, so that two test runs can coexist. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
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
