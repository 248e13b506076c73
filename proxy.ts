import type { NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from '@/lib/security/security-headers';
import { supabaseUrl } from '@/lib/supabase/env';
import { updateSession } from '@/lib/supabase/proxy';

export async function proxy(request: NextRequest) {
  // Next reads the nonce from the request's CSP while rendering and puts it on its own scripts, so the
  // policy goes on the request (forwarded by updateSession) as well as on whatever response comes back.
  const csp = contentSecurityPolicy({
    nonce: newNonce(),
    supabaseUrl: supabaseUrl(),
    dev: process.env.NODE_ENV === 'development',
    https: request.nextUrl.protocol === 'https:',
  });
  request.headers.set('content-security-policy', csp);
  const response = await updateSession(request);
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: [
    // Everything except Next's static output, image optimisation and public files with an extension.
    '/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|xml)$).*)',
  ],
};
