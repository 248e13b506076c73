import { apiUrl } from '../config';
import { type ApiRequest, json, type Service, type StackContext } from '../http';
import { getUser, postLogout, putUser } from './account';
import { admin } from './admin';
import { API_VERSION_2024, AuthError, errorResponse, notFound, unexpectedFailure } from './errors';
import { health, settings } from './meta';
import { RawResponse } from './outcome';
import { RateLimiter, SIGN_IN_WINDOW_MS } from './rate-limit';
import { requireAdmin } from './requester';
import { type AuthEnv, signup } from './signup';
import { token } from './token';
import { parseJsonBody } from './validate';

type Outcome = RawResponse | Record<string, unknown> | null | AuthError;

const VERSION_HEADER = { 'x-supabase-api-version': API_VERSION_2024 };

/**
 * The `/auth/v1` service (GoTrue semantics for e-mail + password). Client errors come back as
 * values and are rendered here; anything thrown is a server fault and becomes GoTrue's 500.
 */
export function createAuthService(ctx: StackContext): Service {
  // The config's port is the one the gateway listens on (the stack sets it before serving).
  const env: AuthEnv = { ctx, issuer: () => `${apiUrl(ctx.config)}/auth/v1` };
  const limiter = new RateLimiter(ctx.config.auth.signInRateLimit, SIGN_IN_WINDOW_MS);

  async function route(req: ApiRequest): Promise<Outcome> {
    const { method, path } = req;
    if (method === 'GET' && path === '/health') return health();
    if (method === 'GET' && path === '/settings') return settings(ctx.config);
    // HS256 keys are never published (GoTrue's jwks.go), so getClaims() falls back to GET /user.
    if (method === 'GET' && path === '/.well-known/jwks.json') {
      return new RawResponse(json(200, { keys: [] }, { ...VERSION_HEADER, 'cache-control': 'public, max-age=600' }));
    }

    const body = method === 'GET' || method === 'HEAD' ? {} : parseJsonBody(req.body);
    if (body instanceof AuthError) return body;

    if (path === '/signup' && method === 'POST') return signup(env, req, body);
    if (path === '/token' && method === 'POST') return token(env, limiter, req, body);
    if (path === '/user' && method === 'GET') return getUser(env, req);
    if (path === '/user' && method === 'PUT') return putUser(env, req, body);
    if (path === '/logout' && method === 'POST') return postLogout(env, req);
    if (path === '/admin' || path.startsWith('/admin/')) {
      const claims = await requireAdmin(req);
      if (claims instanceof AuthError) return claims;
      return admin(env, req, body);
    }
    return notFound('not_found', 'Not Found');
  }

  async function handle(req: ApiRequest) {
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
    errorResponse: (status, msg) =>
      json(status, { code: status, error_code: status === 413 ? 'request_too_large' : 'unexpected_failure', msg }),
  };
}
