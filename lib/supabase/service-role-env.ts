import 'server-only';

// Kept apart from env.ts so the service-role key can never be pulled into a browser bundle.
export function supabaseServiceRoleKey(): string {
  const value = process.env.SUPABASE_SERVICE_ROLE_KEY;
  if (!value) {
    throw new Error(
      'SUPABASE_SERVICE_ROLE_KEY is not set. Add it to .env.local (run `npm run supabase:status` to see the local value).',
    );
  }
  return value;
}
