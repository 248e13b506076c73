// Supabase settings, read in one place so a missing variable fails loudly with a fix, not deep
// inside supabase-js. NEXT_PUBLIC_* must be read with literal property names: Next.js inlines them
// into browser bundles at build time.

function required(name: string, value: string | undefined): string {
  if (!value) {
    throw new Error(
      `${name} is not set. Add it to .env.local (run \`npm run supabase:status\` to see the local values).`,
    );
  }
  return value;
}

export function supabaseUrl(): string {
  return required('NEXT_PUBLIC_SUPABASE_URL', process.env.NEXT_PUBLIC_SUPABASE_URL);
}

export function supabaseAnonKey(): string {
  return required('NEXT_PUBLIC_SUPABASE_ANON_KEY', process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY);
}
