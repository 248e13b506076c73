import { describe, expect, it } from 'vitest';
import { withSessionLifetime } from './cookie-options';

describe('withSessionLifetime', () => {
  it("caps @supabase/ssr's 400-day cookies at a week", () => {
    expect(withSessionLifetime({ path: '/', maxAge: 400 * 24 * 60 * 60 })).toEqual({ path: '/', maxAge: 604800 });
  });

  it('leaves deletions and browser-session cookies alone', () => {
    expect(withSessionLifetime({ maxAge: 0 })).toEqual({ maxAge: 0 });
    expect(withSessionLifetime({ path: '/' })).toEqual({ path: '/' });
  });
});
