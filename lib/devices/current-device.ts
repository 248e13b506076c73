import 'server-only';
import { cache } from 'react';
import { createAdminClient } from '@/lib/supabase/admin';
import { deviceTokenFromCookie } from './device-cookie';
import { getFamilyDevice } from './queries';

/**
 * The family device this browser is, or null: no cookie, a cookie we did not sign, or a token the
 * database does not know or a parent revoked (then /kids falls back to the code + name page). One
 * lookup per request; the token stays on the server.
 */
export const getCurrentFamilyDevice = cache(async () => {
  const token = await deviceTokenFromCookie();
  if (!token) return null;
  const device = await getFamilyDevice(createAdminClient(), { token });
  return device ? { ...device, token } : null;
});
