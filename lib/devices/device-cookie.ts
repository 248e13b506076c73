import 'server-only';
import { cookies } from 'next/headers';
import { supabaseServiceRoleKey } from '@/lib/supabase/service-role-env';
import { readDeviceToken, signDeviceToken } from './device-token';

export const FAMILY_DEVICE_COOKIE = 'tf_family_device';

// FAMILY_DEVICE_SECRET rotates the signature on its own (every family device then falls back to the
// code + name page until a parent marks it again); otherwise the service-role key, a server-only secret.
function secret(): string {
  return process.env.FAMILY_DEVICE_SECRET || supabaseServiceRoleKey();
}

// httpOnly: no script on the page (nor a child with the console) reads or copies it. Long-lived: a
// family device stays one until a parent revokes it; 400 days is the most browsers keep a cookie.
const COOKIE_OPTIONS: Parameters<Awaited<ReturnType<typeof cookies>>['set']>[2] = {
  httpOnly: true,
  secure: process.env.NODE_ENV === 'production',
  sameSite: 'lax',
  path: '/',
  maxAge: 400 * 24 * 60 * 60,
};

/** The device token this browser carries, if it is one we signed (not yet checked against the database). */
export async function deviceTokenFromCookie(): Promise<string | null> {
  return readDeviceToken((await cookies()).get(FAMILY_DEVICE_COOKIE)?.value, secret());
}

/** Makes this browser a family device (server actions only: they can write cookies). */
export async function setDeviceCookie(token: string): Promise<void> {
  (await cookies()).set(FAMILY_DEVICE_COOKIE, signDeviceToken(token, secret()), COOKIE_OPTIONS);
}

export async function clearDeviceCookie(): Promise<void> {
  (await cookies()).delete(FAMILY_DEVICE_COOKIE);
}
