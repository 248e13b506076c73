import type { AddressInfo } from 'node:net';
import { startSmtp } from './smtp';
import { MailStore } from './store';
import { startMailWeb } from './web';

export { type LocalSmtpConfig, readLocalSmtpConfig } from './config';
export { MailStore, type StoredMessage } from './store';

export interface MailCatcher {
  /** The web page and API, e.g. http://127.0.0.1:54324. */
  url: string;
  webPort: number;
  smtpPort: number;
  store: MailStore;
  close(): Promise<void>;
}

/**
 * The local mail catcher the CLI runs as Mailpit: an SMTP listener that keeps every message in
 * memory and a web page plus Mailpit's basic API to read them. Port 0 picks a free port.
 */
export async function startMailCatcher(options: {
  webPort: number;
  smtpPort: number;
  capacity?: number;
  log?: (message: string) => void;
}): Promise<MailCatcher> {
  const log = options.log ?? (() => {});
  const store = new MailStore(options.capacity);
  const smtp = await startSmtp(store, options.smtpPort, log);
  let web: Awaited<ReturnType<typeof startMailWeb>>;
  try {
    web = await startMailWeb(store, options.webPort);
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  const webPort = (web.address() as AddressInfo).port;
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${webPort}`,
    webPort,
    smtpPort,
    store,
    async close() {
      web.closeAllConnections();
      await new Promise<void>((resolve) => web.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
