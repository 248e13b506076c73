import { isIP } from 'node:net';
import { apiUrl } from '../config';
import { type ApiRequest, json, type Service, type StackContext } from '../http';
import { getUser, postLogout, putUser } from './account';
import { admin } from './admin';
import type { AuthEnv } from './env';
import { API_VERSION_2024, AuthError, errorResponse, notFound, unexpectedFailure } from './errors';
import { generateLink } from './generate-link';
import { invite } from './invite';
import { PasswordLockout } from './lockout';
import { postMagicLink, postOtp } from './magic-link';
import { emailSentPerHour, Mailer } from './mailer';
import { health, settings } from './meta';
import { RawResponse } from './outcome';
import { AuthLimiters, limited } from './rate-limit';
import { getReauthenticate } from './reauthenticate';
import { recover } from './recover';
import { requireAdmin } from './requester';
import { resend } from './resend';
import { signup } from './signup';
import { token } from './token';
import { warmDummyHash } from './users';
import { parseJsonBody } from './validate';
import { verifyGet, verifyPost } from './verify';

type Outcome = RawResponse | Record<string, unknown> | null | AuthError;

const VERSION_HEADER = { 'x-supabase-api-version': API_VERSION_2024 };

/**
 * sbff.go: with IP address forwarding on, the leftmost `Sb-Forwarded-For` value, if it is an address,
 * is the client for rate limits and audit entries. The gateway passes the header on only for requests
 * made with the secret key, so a browser cannot pick its own address this way.
 */
function withForwardedFor(req: ApiRequest, enabled: boolean): ApiRequest {
  const header = req.headers['sb-forwarded-for'];
  const value = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
  if (!enabled || !value || !isIP(value)) return req;
  return { ...req, ip: value.toLowerCase() };
}

/**
 * The `/auth/v1` service (GoTrue semantics for e-mail: passwords, mail links and OTPs, PKCE,
 * anonymous users). Client errors come back as values (or are thrown as AuthError inside a
 * transaction, to roll it back) and are rendered here; anything else thrown is a server fault and
 * becomes GoTrue's 500.
 */
export function createAuthService(ctx: StackContext): Service {
  const limits = new AuthLimiters(ctx.config.auth.rateLimit, emailSentPerHour(ctx.config));
  const env: AuthEnv = {
    ctx,
    // The config's port is the one the gateway listens on (the stack sets it before serving).
    issuer: () => `${apiUrl(ctx.config)}/auth/v1`,
    limits,
    lockout: new PasswordLockout(ctx.config.auth.passwordLockout),
    mailer: new Mailer(() => ctx.config, limits.email),
  };
  void warmDummyHash();

  async function route(req: ApiRequest): Promise<Outcome> {
    const { method, path } = req;
    if (method === 'GET' && path === '/health') return health();
    if (method === 'GET' && path === '/settings') return settings(ctx.config);
    if (path === '/verify' && method === 'GET') return limited(limits.verify, req.ip) ?? verifyGet(env, req);
    // HS256 keys are never published (GoTrue's jwks.go), so getClaims() falls back to GET /user.
    if (method === 'GET' && path === '/.well-known/jwks.json') {
      return new RawResponse(json(200, { keys: [] }, { ...VERSION_HEADER, 'cache-control': 'public, max-age=600' }));
    }

    const body = method === 'GET' || method === 'HEAD' ? {} : parseJsonBody(req.body);
    if (body instanceof AuthError) return body;

    if (path === '/signup' && method === 'POST') return signup(env, req, body);
    if (path === '/token' && method === 'POST') return token(env, req, body);
    if (path === '/verify' && method === 'POST') return limited(limits.verify, req.ip) ?? verifyPost(env, req, body);
    if (path === '/otp' && method === 'POST') return postOtp(env, req, body);
    if (path === '/magiclink' && method === 'POST') return postMagicLink(env, req, body);
    if (path === '/recover' && method === 'POST') return limited(limits.recover, req.ip) ?? recover(env, req, body);
    if (path === '/resend' && method === 'POST') return resend(env, req, body);
    if (path === '/user' && method === 'GET') return getUser(env, req);
    if (path === '/reauthenticate' && method === 'GET') return getReauthenticate(env, req);
    if (path === '/user' && method === 'PUT') return putUser(env, req, body);
    if (path === '/logout' && method === 'POST') return postLogout(env, req);
    if (path === '/invite' && method === 'POST') {
      const claims = await requireAdmin(req);
      return claims instanceof AuthError ? claims : invite(env, req, claims, body);
    }
    if (path === '/admin' || path.startsWith('/admin/')) {
      const claims = await requireAdmin(req);
      if (claims instanceof AuthError) return claims;
      if (path === '/admin/generate_link' && method === 'POST') return generateLink(env, req, claims, body);
      return admin(env, req, body);
    }
    return notFound('not_found', 'Not Found');
  }

  async function handle(incoming: ApiRequest) {
    const req = withForwardedFor(incoming, ctx.config.auth.sbForwardedFor);
    try {
      const outcome = await route(req);
      if (outcome === null) return { status: 204, headers: { ...VERSION_HEADER } };
      if (outcome instanceof AuthError) return errorResponse(req, outcome);
      if (outcome instanceof RawResponse) return outcome.response;
      return json(200, outcome, VERSION_HEADER);
    } catch (error) {
      if (error instanceof AuthError) return errorResponse(req, error);
      console.error('[auth] unexpected failure:', error);
      return errorResponse(req, unexpectedFailure());
    }
  }

  return {
    name: 'auth',
    prefix: '/auth/v1',
    handle,
    async close() {
      env.mailer.close();
    },
    errorResponse: (status, msg) =>
      json(status, { code: status, error_code: status === 413 ? 'request_too_large' : 'unexpected_failure', msg }),
  };
}
