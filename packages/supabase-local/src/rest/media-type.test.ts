import { describe, expect, it } from 'vitest';
import { RestError } from './errors';
import { decodeMediaType, negotiate, parseAccept, toMime } from './media-type';

// Cases from PostgREST's MediaType.hs doctests and QuerySpec/PlanSpec.

function refusal(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    if (err instanceof RestError) return { status: err.status, ...err.body };
  }
  return undefined;
}

describe('decodeMediaType / toMime', () => {
  it('decodes the vendored types and spells them canonically', () => {
    expect(toMime(decodeMediaType('application/vnd.pgrst.plan;'))).toBe(
      'application/vnd.pgrst.plan+text; for="application/json"',
    );
    expect(toMime(decodeMediaType('application/vnd.pgrst.plan ; for="text/xml" ; options=analyze'))).toBe(
      'application/vnd.pgrst.plan+text; for="text/xml"; options=analyze',
    );
    expect(toMime(decodeMediaType('application/vnd.pgrst.plan+json;for="text/csv"'))).toBe(
      'application/vnd.pgrst.plan+json; for="text/csv"',
    );
    expect(decodeMediaType('application/vnd.pgrst.array+json;nulls=stripped')).toEqual({ kind: 'array-strip' });
    expect(decodeMediaType('application/vnd.pgrst.array+json')).toEqual({ kind: 'json' });
    expect(decodeMediaType('ApplicatIon/vnd.PgRsT.object+json')).toEqual({ kind: 'object', strip: false });
    expect(decodeMediaType('application/vnd.twkb')).toEqual({ kind: 'other', raw: 'application/vnd.twkb' });
    expect(decodeMediaType('application/*')).toEqual({ kind: 'other', raw: 'application/*' });
  });

  it('plan options keep PostgREST order and ignore unknown or mis-cased ones', () => {
    const m = decodeMediaType(
      'application/vnd.pgrst.plan+json;for="application/vnd.pgrst.object";options=wal|ANALYZE|verbose|x;',
    );
    expect(toMime(m)).toBe(
      'application/vnd.pgrst.plan+json; for="application/vnd.pgrst.object+json"; options=verbose|wal',
    );
    // postgrest-js sends `options=;` when no option is set.
    expect(toMime(decodeMediaType('application/vnd.pgrst.plan+text;for="application/json";options=;'))).toBe(
      'application/vnd.pgrst.plan+text; for="application/json"',
    );
  });
});

describe('parseAccept / negotiate', () => {
  it('orders by q, then specificity; the first producible wins', () => {
    expect(negotiate(parseAccept('text/csv, */*'), false).media).toBe('csv');
    expect(negotiate(parseAccept('text/csv, application/json'), false).media).toBe('csv');
    expect(negotiate(parseAccept('text/unknowntype, text/csv'), false).media).toBe('csv');
    expect(negotiate(parseAccept('text/csv;q=0.5, application/json'), false).media).toBe('json');
    expect(negotiate(parseAccept(undefined), false).media).toBe('json');
  });

  it('406 PGRST107 names every entry canonically; plans are unknown while db-plan-enabled is off', () => {
    expect(refusal(() => negotiate(parseAccept('text/html, application/xml;q=0.9'), false))).toEqual({
      status: 406,
      code: 'PGRST107',
      message: 'None of these media types are available: text/html, application/xml',
      details: null,
      hint: null,
    });
    const plan = 'application/vnd.pgrst.plan+json; for="application/json"; options=analyze;';
    expect(refusal(() => negotiate(parseAccept(plan), false))).toMatchObject({
      message:
        'None of these media types are available: application/vnd.pgrst.plan+json; for="application/json"; options=analyze',
    });
    expect(negotiate(parseAccept(plan), true)).toMatchObject({
      media: 'json',
      plan: { format: 'json', options: ['analyze'] },
    });
    // A plan for a media type we cannot produce is refused like that media type.
    expect(refusal(() => negotiate(parseAccept('application/vnd.pgrst.plan; for="text/plain"'), true))).toMatchObject({
      code: 'PGRST107',
    });
  });
});
