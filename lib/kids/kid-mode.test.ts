import { describe, expect, it } from 'vitest';
import { isChildClaims, isKidPath, KID_HOME } from './kid-mode';

describe('kid mode', () => {
  it('kid pages are /kids and /live and below, nothing that merely starts with the letters', () => {
    for (const path of [
      '/kids',
      '/kids/',
      '/kids/read',
      '/kids/device',
      KID_HOME,
      '/live',
      '/live/abc',
      '/live/join/X',
    ])
      expect(isKidPath(path)).toBe(true);
    for (const path of [
      '/',
      '/parent',
      '/dashboard',
      '/sign-in',
      '/kidsfoo',
      '/kid',
      '/parent/kids',
      '//kids',
      '/lively',
    ])
      expect(isKidPath(path)).toBe(false);
  });

  it('a child account is the app_metadata claim only the server sets, never user_metadata', () => {
    expect(isChildClaims({ app_metadata: { account_type: 'child' } })).toBe(true);
    expect(isChildClaims({ app_metadata: { account_type: 'parent' } })).toBe(false);
    expect(isChildClaims({ app_metadata: {} })).toBe(false);
    expect(isChildClaims({ user_metadata: { account_type: 'child' } } as never)).toBe(false);
    expect(isChildClaims(null)).toBe(false);
    expect(isChildClaims(undefined)).toBe(false);
  });
});
