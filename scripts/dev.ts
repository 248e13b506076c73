// `npm run dev`: one command for a working app. Starts the local Supabase stack (unless a hosted
// project is configured), applies pending migrations (the seed runs on a new database), makes sure
// .env.local points at the stack (keys, and a random KID_SIGN_IN_SECRET kept across runs), prints the
// demo login and runs `next dev`.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ANON_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from 'supabase-local';

const ENV_FILE = path.resolve('.env.local');
const LOCAL_URL = `http://127.0.0.1:${process.env.SUPABASE_API_PORT ?? 54321}`;

function readEnvFile(): Record<string, string> {
  if (!existsSync(ENV_FILE)) return {};
  return Object.fromEntries(
    readFileSync(ENV_FILE, 'utf8')
      .split('\n')
      .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2].replace(/^['"]|['"]$/g, '')]),
  );
}

function isLocal(url: string): boolean {
  return /^https?:\/\/(127\.0\.0\.1|localhost)(:|\/|$)/.test(url);
}

function runCli(...args: string[]): void {
  const result = spawnSync(path.resolve('node_modules/.bin/supabase-local'), args, {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const configuredUrl = process.env.NEXT_PUBLIC_SUPABASE_URL ?? readEnvFile().NEXT_PUBLIC_SUPABASE_URL;
if (configuredUrl && !isLocal(configuredUrl)) {
  console.log(`Using the hosted Supabase project at ${configuredUrl}.`);
} else {
  runCli('start');
  runCli('migrate');
  const env = readEnvFile();
  const wanted: Record<string, string> = {
    NEXT_PUBLIC_SUPABASE_URL: LOCAL_URL,
    NEXT_PUBLIC_SUPABASE_ANON_KEY: ANON_KEY,
    SUPABASE_SERVICE_ROLE_KEY: SERVICE_ROLE_KEY,
    // The key the server's Auth requests carry (lib/supabase/auth-forwarding.ts).
    SUPABASE_SECRET_KEY: SECRET_KEY,
    // Children's passwords derive from it; random per checkout, kept so existing children keep working.
    KID_SIGN_IN_SECRET: env.KID_SIGN_IN_SECRET || randomBytes(32).toString('base64url'),
  };
  if (Object.entries(wanted).some(([name, value]) => env[name] !== value)) {
    writeFileSync(
      ENV_FILE,
      [
        '# Written by `npm run dev` for the local Supabase stack. Point these at a hosted project to use it instead.',
        ...Object.entries(wanted).map(([name, value]) => `${name}=${value}`),
        '',
      ].join('\n'),
    );
    console.log('Wrote .env.local for the local stack.');
  }
  console.log('\nDemo account: demo@taleforge.test / taleforge-demo\n');
}

// Loopback only unless the developer asks for more (e.g. `npm run dev -- -H 0.0.0.0` to test on a phone).
const nextArgs = process.argv.slice(2);
if (!nextArgs.some((a) => a === '-H' || a.startsWith('--hostname'))) nextArgs.push('--hostname', '127.0.0.1');
const next = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'dev', ...nextArgs], {
  stdio: 'inherit',
});

// The worker beside next dev (worker/main.ts): against the local stack, or a hosted project's database
// when WORKER_DATABASE_URL (or DATABASE_URL) says where it is.
const hosted = Boolean(configuredUrl && !isLocal(configuredUrl));
const workerDatabaseKnown = !hosted || Boolean(process.env.WORKER_DATABASE_URL || process.env.DATABASE_URL);
if (!workerDatabaseKnown) console.log('No WORKER_DATABASE_URL for the hosted project: the worker is not started.');
const worker = workerDatabaseKnown
  ? spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'worker/main.ts'], { stdio: 'inherit' })
  : null;

next.on('exit', (code) => {
  worker?.kill('SIGTERM');
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    next.kill(signal);
    worker?.kill(signal);
  });
}
