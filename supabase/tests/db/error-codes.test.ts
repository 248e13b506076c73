import { adminQuery } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { DB_ERROR_SENTENCES } from '@/lib/errors/db-error-codes';
import { userMessage } from '@/lib/errors/user-message';

// The error contract (supabase/migrations/20261201090000_error_codes_and_private_rpcs.sql): functions
// raise through private.raise_error(state, code, params); lib/errors maps every code to a sentence.
describe('error contract', () => {
  it('every code a function of ours raises has a sentence, and every sentence is for a code still raised', async () => {
    const rows = await adminQuery<{ state: string; code: string }>(
      `select distinct m[1] as state, m[2] as code
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         cross join lateral regexp_matches(p.prosrc, $$raise_error\\('(TF[0-9]{3})',\\s*'([a-z0-9_]+)'$$, 'g') m
        where n.nspname in ('public', 'private', 'audit')`,
    );
    const raised = [...new Set(rows.map((r) => r.code))].sort();
    expect(raised.length).toBeGreaterThan(20);
    expect(raised.filter((code) => !(code in DB_ERROR_SENTENCES))).toEqual([]);
    expect(Object.keys(DB_ERROR_SENTENCES).filter((code) => !raised.includes(code))).toEqual([]);
    // Only the documented classes are used.
    expect(
      [...new Set(rows.map((r) => r.state))].filter((s) => !['TF400', 'TF403', 'TF409', 'TF429'].includes(s)),
    ).toEqual([]);
  });

  it('raise_error produces what supabase-js hands the app, and the app reads it as a sentence', async () => {
    const error = await adminQuery(
      `select private.raise_error('TF400', 'more_time_range', '{"min":5,"max":60}')`,
    ).catch((e: { code: string; message: string; detail: string }) => ({
      code: e.code,
      message: e.message,
      details: e.detail,
    }));
    expect(error).toEqual({ code: 'TF400', message: 'more_time_range', details: '{"max": 60, "min": 5}' });
    expect(userMessage(error as never)).toBe('You can ask for 5 to 60 more minutes.');
  });

  it('raise_error refuses codes outside the contract', async () => {
    await expect(adminQuery(`select private.raise_error('P0001', 'needs_consent')`)).rejects.toThrow(/bad state/);
    await expect(adminQuery(`select private.raise_error('TF400', 'Not A Code')`)).rejects.toThrow(/bad state/);
  });
});
