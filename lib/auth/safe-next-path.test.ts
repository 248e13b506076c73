import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

// What a browser does with the Location header: resolves it against the page it is on.
const APP = 'https://app.tale-forge.test/sign-in?next=x';
const landsOn = (location: string) => new URL(location, APP);

/** The redirect never leaves the app and is a plain path (nothing a browser would read as a host). */
function staysInApp(result: string) {
  expect(landsOn(result).origin).toBe(new URL(APP).origin);
  expect(result.startsWith('/')).toBe(true);
  expect(result.startsWith('//')).toBe(false);
  // Resolving it again gives the same path: what we checked is what the browser follows.
  const url = landsOn(result);
  expect(`${url.pathname}${url.search}${url.hash}`).toBe(result);
}

// Pieces attackers combine: slashes and backslashes, characters the URL parser drops (tab, newline,
// carriage return) or trims, dot segments, schemes, credentials, encoded forms and look-alike dots.
const PIECES = [
  '/',
  '\\',
  '\t',
  '\n',
  '\r',
  ' ',
  '\u0000',
  '\u000b',
  '\u00a0',
  '.',
  '..',
  '%2f',
  '%5c',
  '%09',
  '@',
  ':',
  '?',
  '#',
  'https:',
  'http:',
  'javascript:',
  'data:',
  'evil.example',
  'evil。example',
  'dashboard',
  'user:pass',
];

describe('safeNextPath', () => {
  it('keeps paths inside the app', () => {
    expect(safeNextPath('/dashboard')).toBe('/dashboard');
    expect(safeNextPath('/stories/42?tab=read')).toBe('/stories/42?tab=read');
    expect(safeNextPath('/parent#approvals')).toBe('/parent#approvals');
  });

  it('refuses every known way out of the app', () => {
    for (const next of [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r/evil.example',
      '\t//evil.example',
      '/\\/evil.example',
      '/\\\\evil.example',
      '/\t\\evil.example',
      '/./\t/evil.example',
      '/a/..//evil.example',
      '/%2e%2e//evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      ' /dashboard',
      'dashboard',
      '',
      undefined,
      null,
    ]) {
      const result = safeNextPath(next);
      expect(landsOn(result).host, JSON.stringify(next)).toBe('app.tale-forge.test');
      if (next !== ' /dashboard' && next !== 'dashboard') expect(result, JSON.stringify(next)).toBe('/dashboard');
    }
  });

  it('whatever string it is given, the redirect stays in the app (random strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (next) => {
        staysInApp(safeNextPath(next));
        staysInApp(safeNextPath(`/${next}`));
      }),
      { numRuns: 2_000 },
    );
  });

  it('whatever attack pieces are combined, the redirect stays in the app', () => {
    const attack = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(attack, (next) => {
        staysInApp(safeNextPath(next));
        staysInApp(safeNextPath(`/${next}`));
      }),
      { numRuns: 5_000 },
    );
  });

  it('a plain path of the app comes back unchanged', () => {
    const segment = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
    const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `/${s.join('/')}`);
    const query = fc.option(fc.stringMatching(/^[a-z]{1,6}=[a-z0-9]{0,6}$/), { nil: undefined });
    fc.assert(
      fc.property(path, query, (p, q) => {
        const next = q ? `${p}?${q}` : p;
        expect(safeNextPath(next)).toBe(next);
      }),
    );
  });
});
