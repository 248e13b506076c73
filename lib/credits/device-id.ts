import 'server-only';
import { randomUUID } from 'node:crypto';
import { cookies } from 'next/headers';

const COOKIE = 'tf_device';

/**
 * This browser's device id for the guest trial (one welcome grant per device): a random id in a
 * long-lived, http-only cookie, made on first use. Server actions only (they may set cookies).
 */
export async function deviceId(): Promise<string> {
  const jar = await cookies();
  const existing = jar.get(COOKIE)?.value;
  if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
  const id = randomUUID().replaceAll('-', '');
  jar.set(COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 400 });
  return id;
}
