import { describe, expect, it } from 'vitest';
import { themeOf } from './theme';
import { themeSchema } from './theme.schema';

describe('themeOf', () => {
  it('reads the stored choice and falls back to the device for anything else', () => {
    expect(themeOf({ theme: 'dark' })).toBe('dark');
    expect(themeOf({ theme: 'light', textSize: 'large' })).toBe('light');
    for (const preferences of [null, undefined, {}, { theme: 'purple' }, { theme: 1 }, [], 'dark']) {
      expect(themeOf(preferences)).toBe('system');
    }
  });
});

describe('themeSchema', () => {
  it.each([[''], ['purple'], ['DARK'], [undefined], [3]])('refuses %o', (theme) => {
    const result = themeSchema.safeParse({ theme });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('Please choose light, dark or the same as this device.');
  });

  it('accepts the three choices', () => {
    for (const theme of ['system', 'light', 'dark']) expect(themeSchema.parse({ theme })).toEqual({ theme });
  });
});
