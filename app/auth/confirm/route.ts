import type { EmailOtpType } from '@supabase/supabase-js';
import { type NextRequest, NextResponse } from 'next/server';
import { safeNextPath } from '@/lib/auth/safe-next-path';
import { createClient } from '@/lib/supabase/server';

const OTP_TYPES: EmailOtpType[] = ['recovery', 'signup', 'invite', 'magiclink', 'email_change', 'email'];

/**
 * Where links in Auth's e-mails land (password reset, sign-up confirmation). Either form Auth may use:
 * `?code=` (PKCE: the verifier is in this browser's cookies, set when the e-mail was asked for) or
 * `?token_hash=&type=` (the e-mail template links here directly). Both end in a session cookie; then
 * on to `next`, kept inside the app.
 */
// The address the browser used: behind `next start -H` or a proxy, nextUrl's host can be a name the
// session cookie was never set for (localhost instead of 127.0.0.1), which would lose the session.
function browserOrigin(request: NextRequest): string {
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  const proto = request.headers.get('x-forwarded-proto') ?? request.nextUrl.protocol.replace(':', '');
  return host ? `${proto}://${host}` : request.nextUrl.origin;
}

export async function GET(request: NextRequest) {
  const { searchParams } = request.nextUrl;
  const origin = browserOrigin(request);
  const next = safeNextPath(searchParams.get('next'), '/dashboard');
  const code = searchParams.get('code');
  const tokenHash = searchParams.get('token_hash');
  const type = searchParams.get('type') as EmailOtpType | null;
  const supabase = await createClient();

  let failed = true;
  if (code) {
    failed = Boolean((await supabase.auth.exchangeCodeForSession(code)).error);
  } else if (tokenHash && type && OTP_TYPES.includes(type)) {
    failed = Boolean((await supabase.auth.verifyOtp({ type, token_hash: tokenHash })).error);
  }
  if (failed) return NextResponse.redirect(new URL('/sign-in?link=invalid', origin));
  return NextResponse.redirect(new URL(next, origin));
}
