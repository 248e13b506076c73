import { describe, expect, it } from 'vitest';
import { parseLine, UNCHANGED_TOAST } from './test-decoding';

describe('test_decoding output parser', () => {
  it('reads transaction boundaries with commit timestamps', () => {
    expect(parseLine('BEGIN 731')).toEqual({ kind: 'begin', xid: '731' });
    expect(parseLine('COMMIT 731 (at 2026-01-01 10:00:00.123456+00)')).toEqual({
      kind: 'commit',
      xid: '731',
      timestamp: '2026-01-01 10:00:00.123456+00',
    });
  });

  it('reads quoted names, typed values, nulls, escapes and unchanged TOAST', () => {
    const line = parseLine(
      `table public."My Notes": INSERT: id[bigint]:5 "Body Text"[text]:'it''s [x]: y' tags[text[]]:'{a,"b c"}' n[integer]:null ok[boolean]:true big[text]:unchanged-toast-datum`,
    );
    expect(line).toMatchObject({ kind: 'change', schema: 'public', table: 'My Notes', type: 'INSERT', oldTuple: null });
    if (line.kind !== 'change') throw new Error('not a change');
    expect([...(line.newTuple ?? [])]).toEqual([
      ['id', '5'],
      ['Body Text', "it's [x]: y"],
      ['tags', '{a,"b c"}'],
      ['n', null],
      ['ok', 'true'],
      ['big', UNCHANGED_TOAST],
    ]);
  });

  it('splits old key and new tuple of an UPDATE, and reads DELETE keys', () => {
    const update = parseLine(`table s.t: UPDATE: old-key: id[integer]:1 new-tuple: id[integer]:2 v[text]:'a'`);
    if (update.kind !== 'change') throw new Error('not a change');
    expect(Object.fromEntries(update.oldTuple ?? [])).toEqual({ id: '1' });
    expect(Object.fromEntries(update.newTuple ?? [])).toEqual({ id: '2', v: 'a' });
    const del = parseLine('table s.t: DELETE: id[integer]:2');
    if (del.kind !== 'change') throw new Error('not a change');
    expect(Object.fromEntries(del.oldTuple ?? [])).toEqual({ id: '2' });
    expect(parseLine('table s.t: DELETE: (no-tuple data)')).toMatchObject({ oldTuple: null, newTuple: null });
    expect(parseLine('table s.t: TRUNCATE: (no-flags)')).toEqual({ kind: 'other' });
  });
});
