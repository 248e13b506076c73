import { describe, expect, it } from 'vitest';
import { parsePrefer, preferenceApplied } from './preferences';

// Cases from PostgREST's Preferences.hs doctests and RollbackSpec.

describe('parsePrefer', () => {
  it('splits on commas across headers, first of each kind wins, unknown items are invalid', () => {
    const p = parsePrefer(
      [
        'resolution=ignore-duplicates',
        'count=exact',
        'missing=null',
        'handling=lenient',
        'invalid',
        'max-affected=5999',
      ],
      true,
    );
    expect(p).toEqual({
      resolution: 'ignore-duplicates',
      count: 'exact',
      missing: 'null',
      handling: 'lenient',
      maxAffected: 5999,
      invalid: ['invalid'],
    });
    expect(parsePrefer('tx=commit, tx=rollback', true).tx).toBe('commit');
    expect(parsePrefer('count=exact,    tx=commit   ,return=representation , anything', true)).toEqual({
      count: 'exact',
      tx: 'commit',
      return: 'representation',
      invalid: ['anything'],
    });
  });

  it('needs the exact spelling; tx is accepted but ignored without override; empty items are invalid', () => {
    expect(parsePrefer('count = exact, params=single-object', false).invalid).toEqual([
      'count = exact',
      'params=single-object',
    ]);
    expect(parsePrefer('tx=rollback', false)).toEqual({ invalid: [] });
    expect(parsePrefer('return=minimal,,count=exact', false).invalid).toEqual(['']);
    expect(parsePrefer('max-affected=ten, max-affected=3', false)).toEqual({ invalid: [] });
  });
});

describe('preferenceApplied', () => {
  it('echoes in PostgREST order, per kind of request', () => {
    const p = parsePrefer(
      'max-affected=2, handling=strict, tx=rollback, count=exact, return=representation, missing=default, resolution=merge-duplicates',
      true,
    );
    expect(preferenceApplied(p, 'insert', true)).toBe(
      'resolution=merge-duplicates, missing=default, return=representation, count=exact, tx=rollback, handling=strict',
    );
    expect(preferenceApplied(p, 'insert', false)).toBe(
      'missing=default, return=representation, count=exact, tx=rollback, handling=strict',
    );
    expect(preferenceApplied(p, 'delete')).toBe(
      'return=representation, count=exact, tx=rollback, handling=strict, max-affected=2',
    );
    expect(preferenceApplied(p, 'call')).toBe('count=exact, tx=rollback, handling=strict, max-affected=2');
    expect(preferenceApplied(p, 'read')).toBe('count=exact, tx=rollback, handling=strict');
    expect(preferenceApplied(parsePrefer('max-affected=2, handling=lenient', true), 'call')).toBe('handling=lenient');
    expect(preferenceApplied(parsePrefer('tx=rollback', false), 'read')).toBeUndefined();
  });
});
