import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { ANON_KEY, freePort, SECRET_KEY, SERVICE_ROLE_KEY } from 'supabase-local';
import { freshStackDataDir } from './e2e/support/stack-data-dir';

// Ports and the stack's data folder are chosen once, when the runner first loads this file, and kept in
// process.env: worker processes load the config again and must reach the same servers.
process.env.E2E_API_PORT ??= String(await freePort());
process.env.E2E_DB_PORT ??= String(await freePort());
process.env.E2E_APP_PORT ??= String(await freePort());
process.env.E2E_MAIL_PORT ??= String(await freePort());
process.env.E2E_SMTP_PORT ??= String(await freePort());
process.env.E2E_DATA_DIR ??= freshStackDataDir();
// Children's passwords derive from it (lib/supabase/server-secrets.ts): a fresh one per run.
process.env.E2E_KID_SIGN_IN_SECRET ??= randomBytes(32).toString('base64url');

const apiUrl = `http://127.0.0.1:${process.env.E2E_API_PORT}`;
const appUrl = `http://127.0.0.1:${process.env.E2E_APP_PORT}`;

// Debian's Chromium when present (no download needed); Playwright's own browser otherwise.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      // --no-sandbox: we run as root, where Chromium's sandbox cannot start.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {};

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // Two cores are shared with the build and the stack; more workers only add contention.
  workers: process.env.CI ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: appUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: [
    {
      // The local Supabase stack in the foreground, on a fresh database (migrations + seed).
      command: 'npx supabase-local serve --reset',
      url: `${apiUrl}/auth/v1/health`,
      env: {
        SUPABASE_API_PORT: process.env.E2E_API_PORT,
        SUPABASE_DB_PORT: process.env.E2E_DB_PORT,
        // The stack's mail catcher (web/API and SMTP), read by e2e tests at E2E_MAIL_PORT.
        SUPABASE_MAIL_PORT: process.env.E2E_MAIL_PORT,
        SUPABASE_SMTP_PORT: process.env.E2E_SMTP_PORT,
        SUPABASE_LOCAL_DATA_DIR: process.env.E2E_DATA_DIR,
      },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      // Let the stack stop Postgres cleanly instead of leaving a postmaster behind.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
    {
      // The worker (graphile-worker) beside the stack, as in production: hold timeouts, expiry, plan grants.
      command: 'npx tsx worker/main.ts',
      wait: { stdout: /worker ready/ },
      env: {
        WORKER_DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_DB_PORT}/postgres`,
      },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
    {
      // The production build, as users get it. Building takes minutes on a small machine.
      command: `npx next build && npx next start -p ${process.env.E2E_APP_PORT} -H 127.0.0.1`,
      url: appUrl,
      env: {
        NEXT_PUBLIC_SUPABASE_URL: apiUrl,
        NEXT_PUBLIC_SUPABASE_ANON_KEY: ANON_KEY,
        SUPABASE_SERVICE_ROLE_KEY: SERVICE_ROLE_KEY,
        SUPABASE_SECRET_KEY: SECRET_KEY,
        KID_SIGN_IN_SECRET: process.env.E2E_KID_SIGN_IN_SECRET,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ],
});
