import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { createAuthService } from './auth/index';
import { apiUrl, loadConfig, type StackConfig } from './config';
import { startGateway } from './gateway';
import type { Service, StackContext } from './http';
import { ANON_KEY, JWT_SECRET, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from './keys';
import { type MailCatcher, startMailCatcher } from './mail/index';
import { applyBootstrap, isSeeded, migrate, seed } from './migrations';
import { startDatabase } from './postgres';
import { createRestartableRealtime, type RealtimeControl } from './realtime/restartable';
import { createRestService } from './rest/index';
import { createStorageService } from './storage/index';

export interface StartStackOptions {
  /** Folder holding config.toml, migrations and seed.sql. Defaults to ./supabase. */
  supabaseDir?: string;
  /** Port and folder overrides (tests use free ports and a temporary folder). */
  overrides?: Partial<StackConfig>;
  /** Start from an empty database: wipe the data folder, migrate and seed. */
  reset?: boolean;
  /** Run seed.sql when the database has never been seeded (default true). */
  seed?: boolean;
  /** Durability off for throw-away data (tests, benchmarks). */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

export interface RunningStack {
  config: StackConfig;
  url: string;
  dbUrl: string;
  /** Superuser connection string, for tests that need to set up fixtures. */
  adminDbUrl: string;
  keys: { anon: string; serviceRole: string; publishable: string; secret: string; jwtSecret: string };
  ctx: StackContext;
  /** The mail catcher's web page and API (Mailpit's), when `[local_smtp]` is enabled. */
  mailUrl?: string;
  appliedMigrations: string[];
  seeded: boolean;
  /** Realtime alone stopped and started again (fault tests: the realtime server restarted mid-session). */
  realtime: RealtimeControl;
  stop(): Promise<void>;
}

/** Starts Postgres, applies bootstrap, migrations and seed, and serves the APIs on one port. */
export async function startStack(options: StartStackOptions = {}): Promise<RunningStack> {
  const supabaseDir = options.supabaseDir ?? path.resolve(process.cwd(), 'supabase');
  const config = loadConfig(supabaseDir, options.overrides);
  const log = options.log ?? (() => {});

  if (options.reset && !config.databaseUrl) {
    await rm(path.join(config.dataDir, 'postgres'), { recursive: true, force: true });
  }
  const db = await startDatabase(config, { ephemeral: options.ephemeral, log: (m) => log(`[postgres] ${m}`) });
  const postgresUrl = db.urlFor('postgres');
  let adminPool: pg.Pool | undefined;
  let apiPool: pg.Pool | undefined;
  const services: Service[] = [];
  let mail: MailCatcher | undefined;
  try {
    await applyBootstrap(db.adminUrl, { autoExposeNewTables: config.autoExposeNewTables });
    const appliedMigrations = await migrate(postgresUrl, supabaseDir);
    let seeded = false;
    if (options.seed !== false && (options.reset || !(await isSeeded(postgresUrl)))) {
      seeded = await seed(postgresUrl, supabaseDir);
    }

    adminPool = new pg.Pool({ connectionString: db.adminUrl, max: 10 });
    // PostgREST's db-pool-acquisition-timeout (10 s): a request that cannot get a connection answers
    // 504 PGRST003 instead of waiting forever behind slow ones.
    apiPool = new pg.Pool({ connectionString: db.urlFor('authenticator'), max: 20 });
    // A dropped idle connection (server restart) must not crash the stack.
    adminPool.on('error', (e) => log(`[pool] ${e.message}`));
    apiPool.on('error', (e) => log(`[pool] ${e.message}`));
    if (config.localSmtp.enabled) {
      mail = await startMailCatcher({ webPort: config.mailPort, smtpPort: config.smtpPort, log });
    }
    // Auth sends to the catcher's actual SMTP port (port 0 asks the OS for one).
    const mailPorts = mail ? { mailPort: mail.webPort, smtpPort: mail.smtpPort } : {};
    const ctx: StackContext = { config: { ...config, ...mailPorts }, adminPool, apiPool };

    // Every API is one Service; the gateway routes by prefix and the stack closes them in reverse.
    services.push(createRestService(ctx), createAuthService(ctx));
    const realtime = await createRestartableRealtime(ctx, (m) => log(m));
    services.push(realtime.service);
    services.push(createStorageService(ctx));
    const gateway = await startGateway(services, config.apiPort, { trustedProxies: config.trustedProxies });
    const finalConfig = { ...ctx.config, apiPort: gateway.port };
    ctx.config = finalConfig;

    let stopped = false;
    return {
      config: finalConfig,
      url: apiUrl(finalConfig),
      dbUrl: postgresUrl,
      adminDbUrl: db.adminUrl,
      keys: {
        anon: ANON_KEY,
        serviceRole: SERVICE_ROLE_KEY,
        publishable: PUBLISHABLE_KEY,
        secret: SECRET_KEY,
        jwtSecret: JWT_SECRET,
      },
      ctx,
      mailUrl: mail?.url,
      appliedMigrations,
      seeded,
      realtime: realtime.control,
      async stop() {
        if (stopped) return;
        stopped = true;
        // Upgraded WebSockets keep the HTTP server from closing until realtime drops them, so the
        // services let go of their sockets and listeners before the gateway closes.
        await closeAll(services);
        await gateway.close();
        await mail?.close();
        await apiPool?.end();
        await adminPool?.end();
        await db.stop();
      },
    };
  } catch (error) {
    await closeAll(services).catch(() => {});
    await mail?.close().catch(() => {});
    await apiPool?.end().catch(() => {});
    await adminPool?.end().catch(() => {});
    await db.stop();
    throw error;
  }
}

async function closeAll(services: Service[]): Promise<void> {
  for (const service of [...services].reverse()) await service.close?.();
}
