import { describe, expect, it } from 'vitest';
import { verifyJwt } from '../jwt';
import { accessTokenClaims, newRefreshToken, signAccessToken } from './tokens';
import type { UserRow } from './users';

const user = {
  id: '7d3c1a52-8f0e-4a7b-9c2d-0e1f2a3b4c5d',
  aud: 'authenticated',
  role: 'authenticated',
  email: 'ada@example.com',
  phone: null,
  raw_app_meta_data: { provider: 'email', providers: ['email'], account_type: 'child' },
  raw_user_meta_data: { name: 'Ada' },
  is_anonymous: false,
} as unknown as UserRow;

describe('accessTokenClaims', () => {
  it("has GoTrue's claims in GoTrue's order", () => {
    const claims = accessTokenClaims({
      user,
      sessionId: 'a4b6b1de-4c87-4a5e-8a0d-3a4b5c6d7e8f',
      amr: [{ method: 'password', timestamp: 1_700_000_000 }],
      issuer: 'http://127.0.0.1:54321/auth/v1',
      expiresIn: 3600,
      now: 1_700_000_000,
    });
    expect(Object.keys(claims)).toEqual([
      'iss',
      'sub',
      'aud',
      'exp',
      'iat',
      'email',
      'phone',
      'app_metadata',
      'user_metadata',
      'role',
      'aal',
      'amr',
      'session_id',
      'is_anonymous',
    ]);
    expect(claims).toMatchObject({
      sub: user.id,
      aud: 'authenticated',
      exp: 1_700_003_600,
      phone: '',
      app_metadata: { account_type: 'child' },
      role: 'authenticated',
      aal: 'aal1',
    });
  });

  it('signs a token the stack verifies', async () => {
    const { token, expiresAt } = await signAccessToken({
      user,
      sessionId: 'a4b6b1de-4c87-4a5e-8a0d-3a4b5c6d7e8f',
      amr: [],
      issuer: 'x',
      expiresIn: 60,
    });
    const result = await verifyJwt(token);
    expect(result.ok && result.claims.exp).toBe(expiresAt);
  });
});

describe('newRefreshToken', () => {
  it('makes distinct 12-character [a-z0-9] tokens', () => {
    const tokens = new Set(Array.from({ length: 200 }, newRefreshToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[a-z0-9]{12}$/);
  });
});
