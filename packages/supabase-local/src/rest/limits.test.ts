import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { RestError } from './errors';
import { DEFAULT_REST_LIMITS, type RestLimits, readRestLimits } from './limits';
import { parseQuery } from './parse-query';

// The cost cap's settings (`[api]` keys of config.toml) and the cap applied by parseQuery with
// limits other than the defaults the conformance stack runs with.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function refusal(query: string, limits: RestLimits): { code: string; message: string } | null {
  try {
    parseQuery(query, { limits });
    return null;
  } catch (err) {
    if (!(err instanceof RestError)) throw err;
    return { code: err.body.code, message: err.body.message };
  }
}

describe('[api] query cost settings', () => {
  it('default to 8 levels, 32 embeds, 500 select items and 200 filters', () => {
    expect(readRestLimits({})).toEqual({ maxEmbedDepth: 8, maxEmbeds: 32, maxSelectItems: 500, maxFilters: 200 });
  });

  it('are read from config.toml', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'limits-test-'));
    dirs.push(dir);
    writeFileSync(
      path.join(dir, 'config.toml'),
      '[api]\nmax_embed_depth = 3\nmax_embeds = 5\nmax_select_items = 40\nmax_filters = 7\n',
    );
    expect(loadConfig(dir).restLimits).toEqual({ maxEmbedDepth: 3, maxEmbeds: 5, maxSelectItems: 40, maxFilters: 7 });
  });

  it('refuse values that are not positive integers, and depths the parser would refuse first', () => {
    for (const value of [0, -1, 2.5, '8', true]) {
      expect(() => readRestLimits({ max_embeds: value })).toThrow(
        `config.toml: [api] max_embeds must be a positive integer, not ${JSON.stringify(value)}.`,
      );
    }
    expect(() => readRestLimits({ max_embed_depth: 64 })).toThrow(
      'config.toml: [api] max_embed_depth must be below 64, the nesting the query parser accepts.',
    );
    expect(readRestLimits({ max_embed_depth: 63 }).maxEmbedDepth).toBe(63);
  });
});

describe('the cap with configured limits', () => {
  const limits: RestLimits = { maxEmbedDepth: 2, maxEmbeds: 3, maxSelectItems: 6, maxFilters: 2 };

  it('allows each limit exactly and refuses one more', () => {
    expect(refusal('select=a(b(id))', limits)).toBeNull();
    expect(refusal('select=a(b(c(id)))', limits)).toEqual({
      code: 'PGRST190',
      message: 'Embedded resources are nested 3 levels deep, more than the 2 allowed',
    });
    expect(refusal('select=a(id),b(id),c(id)', limits)).toBeNull();
    expect(refusal('select=a(id),b(id),c(id),d(id)', limits)?.message).toBe(
      'The request embeds 4 resources, more than the 3 allowed',
    );
    expect(refusal('select=a,b,c,d,e,f', limits)).toBeNull();
    expect(refusal('select=a,b,c,d,e,x(f)', limits)?.message).toBe(
      'The request selects 7 items, more than the 6 allowed',
    );
    expect(refusal('a=eq.1&or=(b.eq.2)', limits)).toBeNull();
    expect(refusal('a=eq.1&x.or=(b.eq.2,and(c.eq.3))&select=*,x(*)', limits)?.message).toBe(
      'The request has 3 filters, more than the 2 allowed',
    );
  });

  it('checks depth before breadth, items and filters, as the most telling refusal', () => {
    expect(refusal('select=a(b(c(id,d,e,f,g))),x(*),y(*)&a=eq.1&b=eq.2&c=eq.3', limits)?.message).toMatch(
      /^Embedded resources are nested 3 levels deep/,
    );
  });

  it('applies the defaults when no limits are given', () => {
    expect(() => parseQuery(`select=${'a('.repeat(9)}id${')'.repeat(9)}`)).toThrow(
      `Embedded resources are nested 9 levels deep, more than the ${DEFAULT_REST_LIMITS.maxEmbedDepth} allowed`,
    );
  });
});
