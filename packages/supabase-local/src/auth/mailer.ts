import nodemailer, { type Transporter } from 'nodemailer';
import type { StackConfig } from '../config';
import type { SmtpConfig } from './auth-config';
import { AuthError, unexpectedFailure } from './errors';
import type { IntervalLimiter } from './rate-limit';
import { type MailKind, renderMail, type TemplateData } from './templates';

/**
 * Where Auth's mail goes, as the CLI configures GoTrue: `[auth.email.smtp]` when enabled, else the
 * local catcher (`[local_smtp]`), else nowhere (GoTrue's noop mail client: requests still succeed).
 */
export function smtpTarget(config: StackConfig): SmtpConfig | null {
  if (config.auth.email.smtp) return config.auth.email.smtp;
  if (!config.localSmtp.enabled) return null;
  return {
    host: '127.0.0.1',
    port: config.smtpPort,
    user: '',
    pass: '',
    adminEmail: config.localSmtp.adminEmail,
    senderName: config.localSmtp.senderName,
  };
}

/**
 * The CLI passes `email_sent` to GoTrue only with `[auth.email.smtp]`; against the local catcher it
 * sets 360000 per hour, i.e. no practical limit.
 */
export function emailSentPerHour(config: StackConfig): number {
  return config.auth.email.smtp ? config.auth.rateLimit.emailSent : 360_000;
}

export const EMAIL_RATE_LIMITED = (retryAfterSeconds: number) =>
  new AuthError(429, 'over_email_send_rate_limit', 'email rate limit exceeded', {}, false, {
    'retry-after': String(retryAfterSeconds),
  });

/** Sends Auth's mails over SMTP (GoTrue's mailmeclient: one text/html part, From "Sender" <admin>). */
export class Mailer {
  private transports = new Map<string, Transporter>();

  constructor(
    private readonly config: () => StackConfig,
    private readonly emailLimiter: IntervalLimiter,
  ) {}

  private transport(target: SmtpConfig): Transporter {
    const key = `${target.host}:${target.port}:${target.user}`;
    let transport = this.transports.get(key);
    if (!transport) {
      transport = nodemailer.createTransport({
        host: target.host,
        port: target.port,
        // gomail: implicit TLS on 465, else STARTTLS when the server offers it.
        secure: target.port === 465,
        auth: target.user ? { user: target.user, pass: target.pass } : undefined,
        name: '127.0.0.1',
      });
      this.transports.set(key, transport);
    }
    return transport;
  }

  /**
   * GoTrue's sendEmail for one action: the instance-wide `email_sent` limit (only when
   * confirmations are on, as GoTrue's mailer checks it), then one mail per recipient. A refused
   * limit throws 429; an SMTP failure throws GoTrue's 500 `failure` message. Throwing rolls back
   * the caller's transaction, so a mail that could not be sent changes nothing.
   */
  async send(kind: MailKind, mails: { to: string; data: TemplateData }[], failure: string): Promise<void> {
    const config = this.config();
    if (emailSentPerHour(config) <= 0) throw EMAIL_RATE_LIMITED(3600);
    if (config.auth.email.enableConfirmations && !this.emailLimiter.take()) {
      throw EMAIL_RATE_LIMITED(this.emailLimiter.waitSeconds());
    }
    const target = smtpTarget(config);
    if (!target) return;
    const from = target.senderName
      ? `"${target.senderName.replace(/"/g, '')}" <${target.adminEmail}>`
      : target.adminEmail;
    try {
      for (const mail of mails) {
        const { subject, html } = await renderMail(config.auth.email, kind, mail.data);
        await this.transport(target).sendMail({ from, to: mail.to, subject, html });
      }
    } catch (error) {
      console.error(`[auth] ${failure}: ${(error as Error).message}`);
      throw unexpectedFailure(failure);
    }
  }

  close(): void {
    for (const transport of this.transports.values()) transport.close();
    this.transports.clear();
  }
}
