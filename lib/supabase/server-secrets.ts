// Server-only secrets beyond the service_role key (service-role-env.ts), read in one place. No
// 'server-only' marker: instrumentation.ts checks them at startup, outside React's server graph.
// Nothing here is NEXT_PUBLIC_, so Next never inlines these values into a browser bundle.

/** The local stack's API (what `npm run dev` and the e2e runs point at): its demo keys are public. */
export function isLocalStack(url = process.env.NEXT_PUBLIC_SUPABASE_URL): boolean {
  return /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(url ?? '');
}

/**
 * The key the server's Auth requests carry (auth-forwarding.ts): SUPABASE_SECRET_KEY (sb_secret_…),
 * the only key hosted honours Sb-Forwarded-For with, else the legacy service_role key (still a server
 * key for the local child-account rule, but hosted then ignores the forwarded address).
 */
export function serverKeyForAuth(): string | undefined {
  return process.env.SUPABASE_SECRET_KEY || process.env.SUPABASE_SERVICE_ROLE_KEY || undefined;
}

/**
 * The key children's passwords are derived from. Required outside the local stack: without it the
 * derivation fell back to the service_role key, and anyone holding that key (public on a default
 * stack) could compute any child's password. On the local stack, `npm run dev` and the e2e config
 * set a random one; without it the service_role key stands in, as it is no secret there anyway.
 */
export function kidSignInSecret(): string {
  const secret = process.env.KID_SIGN_IN_SECRET;
  if (secret) return secret;
  if (isLocalStack()) {
    const serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY;
    if (serviceKey) return serviceKey;
  }
  throw new Error(
    'KID_SIGN_IN_SECRET is not set. Children sign in with a password derived from it: set a long random value ' +
      '(e.g. `openssl rand -base64 32`) in the server environment. Only the local stack has a default.',
  );
}

/** What the server cannot start without: instrumentation.ts calls this once, and it exits on a gap. */
export function refuseToStartWithoutSecrets(): void {
  try {
    kidSignInSecret();
  } catch (error) {
    console.error(`Refusing to start: ${(error as Error).message}`);
    process.exit(1);
  }
}
