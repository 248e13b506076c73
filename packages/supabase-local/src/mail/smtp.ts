import { SMTPServer } from 'smtp-server';
import type { MailStore } from './store';

/** Mailpit's default SMTP size limit is far larger; auth mails are a few kilobytes. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * The catcher's SMTP side: accepts any sender and recipient, with or without AUTH (any credentials,
 * recorded as the username like Mailpit's accept-any), in plain text — no STARTTLS offered, so a
 * client never tries to upgrade a loopback connection.
 */
export async function startSmtp(store: MailStore, port: number, log: (m: string) => void): Promise<SMTPServer> {
  const server = new SMTPServer({
    name: 'mailpit',
    banner: 'Local mail catcher',
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? '' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error('Message exceeds fixed maximum message size'), { responseCode: 552 }));
          return;
        }
        const rcptTo = session.envelope.rcptTo.map((r) => r.address);
        store
          .add(Buffer.concat(chunks), { rcptTo, username: typeof session.user === 'string' ? session.user : '' })
          .then(() => callback())
          .catch((error: Error) => {
            log(`[mail] could not parse a message: ${error.message}`);
            callback(Object.assign(new Error('Message could not be parsed'), { responseCode: 554 }));
          });
      });
    },
  });
  server.on('error', (error) => log(`[mail] smtp: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}
