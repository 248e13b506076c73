import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps paths inside the app', () => {
    expect(safeNextPath('/dashboard')).toBe('/dashboard');
    expect(safeNextPath('/stories/42?tab=read')).toBe('/stories/42?tab=read');
  });

  it('falls back for anything that could leave the app or is missing', () => {
    for (const next of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'dashboard',
      '',
      undefined,
      null,
    ]) {
      expect(safeNextPath(next)).toBe('/dashboard');
    }
  });
});
