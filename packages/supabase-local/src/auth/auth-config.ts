import path from 'node:path';
import { parseGoDuration } from './validate';

type Toml = Record<string, unknown>;

/** A mail template override from `[auth.email.template.<kind>]`. */
export interface EmailTemplateConfig {
  subject?: string;
  /** Absolute path of the HTML body (the CLI resolves `content_path` against the project root). */
  contentPath?: string;
}

/** `[auth.email.smtp]`: a real SMTP server instead of the local catcher. */
export interface SmtpConfig {
  host: string;
  port: number;
  user: string;
  pass: string;
  adminEmail: string;
  senderName: string;
}

export interface EmailAuthConfig {
  /** `[auth.email] enable_signup`: GoTrue's EXTERNAL_EMAIL_ENABLED (all e-mail auth, not only sign-ups). */
  enableSignup: boolean;
  /** `double_confirm_changes`: GoTrue's MAILER_SECURE_EMAIL_CHANGE_ENABLED. */
  doubleConfirmChanges: boolean;
  /** `enable_confirmations`: false means GoTrue's MAILER_AUTOCONFIRM. */
  enableConfirmations: boolean;
  /**
   * `secure_password_change`: GoTrue's SECURITY_UPDATE_PASSWORD_REQUIRE_REAUTHENTICATION. A new
   * password needs a session younger than a day or the nonce GET /reauthenticate mails.
   */
  securePasswordChange: boolean;
  /** `max_frequency` between two mails of one kind to one user. */
  maxFrequencyMs: number;
  otpLength: number;
  /** Seconds an e-mail OTP or link stays valid. */
  otpExpiry: number;
  templates: Record<string, EmailTemplateConfig>;
  /** Null: mail goes to the local catcher (`[local_smtp]`), or nowhere when that is off. */
  smtp: SmtpConfig | null;
}

/** `[auth.rate_limit]` with the CLI's names; GoTrue's buckets are described where they are used. */
export interface RateLimitConfig {
  /** Mails per hour for the whole instance; the CLI only applies it with `[auth.email.smtp]`. */
  emailSent: number;
  anonymousUsers: number;
  tokenRefresh: number;
  signInSignUps: number;
  tokenVerifications: number;
}

const section = (toml: Toml, key: string): Toml => {
  const value = toml[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Toml) : {};
};

const num = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** `env(NAME)` values, as the CLI substitutes them in config.toml. */
function secret(value: unknown): string {
  if (typeof value !== 'string') return '';
  const match = /^env\((\w+)\)$/.exec(value.trim());
  return match ? (process.env[match[1]] ?? '') : value;
}

function readSmtp(email: Toml): SmtpConfig | null {
  if (!('smtp' in email)) return null;
  const smtp = section(email, 'smtp');
  // The CLI turns a present [auth.email.smtp] on unless it says `enabled = false`.
  if (smtp.enabled === false) return null;
  return {
    host: String(smtp.host ?? ''),
    port: num(smtp.port, 587),
    user: String(smtp.user ?? ''),
    pass: secret(smtp.pass),
    adminEmail: String(smtp.admin_email ?? ''),
    senderName: String(smtp.sender_name ?? ''),
  };
}

function readTemplates(email: Toml, projectRoot: string): Record<string, EmailTemplateConfig> {
  const templates: Record<string, EmailTemplateConfig> = {};
  for (const [kind, value] of Object.entries(section(email, 'template'))) {
    if (!value || typeof value !== 'object') continue;
    const entry = value as Toml;
    templates[kind] = {
      subject: typeof entry.subject === 'string' ? entry.subject : undefined,
      contentPath:
        typeof entry.content_path === 'string' && entry.content_path !== ''
          ? path.resolve(projectRoot, entry.content_path)
          : undefined,
    };
  }
  return templates;
}

/**
 * `[auth.email]` with the CLI template's defaults, clamped as GoTrue's configuration loader does
 * (OTP length 6–10, expiry 0 → a day, frequency 0 → a minute).
 */
export function readEmailAuthConfig(auth: Toml, supabaseDir: string): EmailAuthConfig {
  const email = section(auth, 'email');
  const otpLength = num(email.otp_length, 6);
  const otpExpiry = num(email.otp_expiry, 3600);
  const frequency = typeof email.max_frequency === 'string' ? parseGoDuration(email.max_frequency) : null;
  return {
    enableSignup: email.enable_signup !== false,
    doubleConfirmChanges: email.double_confirm_changes !== false,
    enableConfirmations: email.enable_confirmations === true,
    securePasswordChange: email.secure_password_change === true,
    maxFrequencyMs: frequency === null ? 1000 : frequency <= 0 ? 60_000 : frequency,
    otpLength: otpLength >= 6 && otpLength <= 10 ? Math.trunc(otpLength) : 6,
    otpExpiry: otpExpiry > 0 ? otpExpiry : 86_400,
    // The CLI resolves template paths against the folder holding supabase/.
    templates: readTemplates(email, path.dirname(supabaseDir)),
    smtp: readSmtp(email),
  };
}

export function readRateLimitConfig(auth: Toml): RateLimitConfig {
  const limits = section(auth, 'rate_limit');
  return {
    emailSent: num(limits.email_sent, 2),
    anonymousUsers: num(limits.anonymous_users, 30),
    tokenRefresh: num(limits.token_refresh, 150),
    signInSignUps: num(limits.sign_in_sign_ups, 30),
    tokenVerifications: num(limits.token_verifications, 30),
  };
}

export function readRedirectUrls(auth: Toml): string[] {
  const urls = auth.additional_redirect_urls;
  return Array.isArray(urls) ? urls.filter((url): url is string => typeof url === 'string') : [];
}
