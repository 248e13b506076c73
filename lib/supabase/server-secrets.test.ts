import { afterEach, describe, expect, it, vi } from 'vitest';
import { isLocalStack, kidSignInSecret, refuseToStartWithoutSecrets, serverKeyForAuth } from './server-secrets';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function env(values: Record<string, string | undefined>) {
  for (const name of [
    'NEXT_PUBLIC_SUPABASE_URL',
    'KID_SIGN_IN_SECRET',
    'SUPABASE_SERVICE_ROLE_KEY',
    'SUPABASE_SECRET_KEY',
  ]) {
    vi.stubEnv(name, values[name] ?? '');
  }
}

describe('kidSignInSecret', () => {
  it('is KID_SIGN_IN_SECRET wherever it is set', () => {
    env({ NEXT_PUBLIC_SUPABASE_URL: 'https://abcd.supabase.co', KID_SIGN_IN_SECRET: 'long-random' });
    expect(kidSignInSecret()).toBe('long-random');
  });

  it('falls back to the service_role key only on the local stack', () => {
    env({ NEXT_PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321', SUPABASE_SERVICE_ROLE_KEY: 'demo-service-key' });
    expect(kidSignInSecret()).toBe('demo-service-key');
    env({ NEXT_PUBLIC_SUPABASE_URL: 'https://abcd.supabase.co', SUPABASE_SERVICE_ROLE_KEY: 'real-service-key' });
    expect(() => kidSignInSecret()).toThrow(/^KID_SIGN_IN_SECRET is not set/);
    // A hostname that merely starts like the local one is not local.
    env({ NEXT_PUBLIC_SUPABASE_URL: 'http://127.0.0.1.evil.example', SUPABASE_SERVICE_ROLE_KEY: 'k' });
    expect(() => kidSignInSecret()).toThrow(/^KID_SIGN_IN_SECRET is not set/);
  });

  it('stops the server at startup when it is missing outside the local stack', () => {
    env({ NEXT_PUBLIC_SUPABASE_URL: 'https://abcd.supabase.co' });
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    refuseToStartWithoutSecrets();
    expect(exit).toHaveBeenCalledWith(1);
  });
});

describe('isLocalStack and serverKeyForAuth', () => {
  it('recognises the local API and prefers the secret key', () => {
    expect(isLocalStack('http://localhost:54321')).toBe(true);
    expect(isLocalStack('https://abcd.supabase.co')).toBe(false);
    env({ SUPABASE_SECRET_KEY: 'sb_secret_x', SUPABASE_SERVICE_ROLE_KEY: 'legacy' });
    expect(serverKeyForAuth()).toBe('sb_secret_x');
    env({ SUPABASE_SERVICE_ROLE_KEY: 'legacy' });
    expect(serverKeyForAuth()).toBe('legacy');
    env({});
    expect(serverKeyForAuth()).toBeUndefined();
  });
});
