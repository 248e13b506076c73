import pg from 'pg';
import { createAuthService } from '../../src/auth/index';
import type { AuthConfig } from '../../src/config';
import { loadConfig } from '../../src/config';
import { type GatewayOptions, startGateway } from '../../src/gateway';
import type { StackContext } from '../../src/http';
import { startMailCatcher } from '../../src/mail/index';
import { stackInfo } from '../../src/testing/clients';
import { TEST_RUNNER_IS_PROXY } from '../../src/testing/global-setup';

export interface AuthVariant {
  url: string;
  mailUrl: string;
  stop(): Promise<void>;
}

/**
 * A second Auth server on the test stack's database with other `[auth]` settings (confirmations
 * on, signups off, …) and a mail catcher of its own, for the behaviours the shared fixture project
 * cannot have at the same time. It is the stack's real Auth service and gateway, only configured
 * differently, as a second `supabase start` with another config.toml would be.
 */
export async function startAuthVariant(
  change: (auth: AuthConfig) => AuthConfig,
  gatewayOptions: GatewayOptions = {},
): Promise<AuthVariant> {
  const base = loadConfig(stackInfo().supabaseDir);
  const mail = await startMailCatcher({ webPort: 0, smtpPort: 0 });
  const pool = new pg.Pool({ connectionString: stackInfo().adminDbUrl, max: 4 });
  const config = {
    ...base,
    apiPort: 0,
    mailPort: mail.webPort,
    smtpPort: mail.smtpPort,
    localSmtp: { ...base.localSmtp, enabled: true },
    auth: change(base.auth),
  };
  // With [auth.email.smtp] the variant still mails its own catcher.
  if (config.auth.email.smtp) config.auth.email.smtp = { ...config.auth.email.smtp, port: mail.smtpPort };
  const ctx: StackContext = { config, adminPool: pool, apiPool: pool };
  const service = createAuthService(ctx);
  // Like the shared test stack, it believes the test runner's X-Forwarded-For unless told otherwise.
  const gateway = await startGateway([service], 0, { trustedProxies: TEST_RUNNER_IS_PROXY, ...gatewayOptions });
  ctx.config = { ...config, apiPort: gateway.port };
  return {
    url: `http://127.0.0.1:${gateway.port}`,
    mailUrl: mail.url,
    async stop() {
      await service.close?.();
      await gateway.close();
      await mail.close();
      await pool.end();
    },
  };
}
