type Toml = Record<string, unknown>;

/** The local mail catcher (`[local_smtp]`, formerly `[inbucket]`): Mailpit in the CLI. */
export interface LocalSmtpConfig {
  enabled: boolean;
  /** Web page and HTTP API. */
  port: number;
  /** SMTP listener Auth sends to. */
  smtpPort: number;
  adminEmail: string;
  senderName: string;
}

let warnedInbucket = false;

/**
 * CLI 2.108 renamed `[inbucket]` to `[local_smtp]` and warns on the old name; both are read, the
 * new one wins. The CLI only publishes Mailpit's SMTP port when `smtp_port` is set; the stack always
 * listens (Auth needs somewhere to send), on the port the CLI's newer stack uses by default.
 */
export function readLocalSmtpConfig(toml: Toml): LocalSmtpConfig {
  const current = toml.local_smtp;
  const legacy = toml.inbucket;
  let raw: Toml = {};
  if (current && typeof current === 'object') raw = current as Toml;
  else if (legacy && typeof legacy === 'object') {
    raw = legacy as Toml;
    if (!warnedInbucket) {
      warnedInbucket = true;
      console.warn('WARN: config section [inbucket] is deprecated. Please use [local_smtp] instead.');
    }
  }
  const port = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
  return {
    enabled: raw.enabled !== false,
    port: Number(process.env.SUPABASE_MAIL_PORT ?? port(raw.port, 54324)),
    smtpPort: Number(process.env.SUPABASE_SMTP_PORT ?? port(raw.smtp_port, 54325)),
    adminEmail: typeof raw.admin_email === 'string' ? raw.admin_email : 'admin@email.com',
    senderName: typeof raw.sender_name === 'string' ? raw.sender_name : 'Admin',
  };
}
