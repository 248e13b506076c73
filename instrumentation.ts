// Runs once when the Next server starts: refuse to serve at all when a secret the app cannot run
// safely without is missing, instead of failing (or falling back) on the first kid sign-in.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { refuseToStartWithoutSecrets } = await import('./lib/supabase/server-secrets');
  refuseToStartWithoutSecrets();
}
