import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient } from '../../src/testing/clients';
import { answer, rest } from './rest-helpers';

// `Accept: text/csv` (supabase-js `.csv()`) byte for byte as PostgREST builds it in SQL: a header of
// the source's column names, then each row as Postgres's record text without its parentheses (NULL
// empty; a value with a comma, quote, backslash, parenthesis or white space, or an empty one, is
// quoted with `"` and `\` doubled), joined by "\n". Fixtures: csv.sql.

const db = anonClient();
const HEADER = 'id,label,amount,flag,words,nums,doc,docb,at,at_tz,day,nothing';

/** Postgres's own text of the timestamptz in the server's time zone, as record_out would print it. */
async function atTz(): Promise<string> {
  const [{ t }] = await adminQuery<{ t: string }>("select '2024-01-02 03:04:05+00'::timestamptz::text as t");
  return `"${t}"`;
}

describe('CSV of reads', () => {
  it('renders every row with record_out quoting', async () => {
    const { data, error, status } = await db.from('csv_values').select('*').order('id').csv();
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toBe(
      [
        HEADER,
        `1,plain,1.50,t,"{a,b}","{1,2}","{""k"": ""v""}","{""k"": 1}","2024-01-02 03:04:05.678",${await atTz()},2024-01-02,`,
        '2,"say ""hi"", then leave",-2,f,"{""x y"",""q\\\\""t""}",{},"[1, 2]","""s""","1999-12-31 23:59:59",,,',
        '3,"line one\nline two",0,,{},,null,[],,,,',
        '4,"C:\\\\temp (copy)",,,,,,,,,,',
        '5,Ünïcødé✓雪,,,,,,,,,,',
        '6,"",,,,,,,,,,',
        '7," padded ",,,,,,,,,,',
      ].join('\n'),
    );
  });

  it('selected columns and aliases name the header; no rows give a lone newline', async () => {
    const some = await db.from('csv_values').select('key:id,label').in('id', [1, 6]).order('id').csv();
    expect(some.data).toBe('key,label\n1,plain\n6,""');
    const none = await db.from('csv_values').select('id').eq('id', -1).csv();
    expect(none).toMatchObject({ status: 200, data: '\n' });
  });

  it('answers text/csv; HEAD keeps the type and drops the body; counts still work', async () => {
    const head = await rest('/csv_values?select=id', { method: 'HEAD', headers: { accept: 'text/csv' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const counted = await db.from('csv_values').select('id', { count: 'exact' }).order('id').limit(2).csv();
    expect(counted).toMatchObject({ status: 206, count: 7, data: 'id\n1\n2' });
  });
});

describe('CSV of functions and writes', () => {
  it('set-returning functions: header of the function columns; scalars are named pgrst_scalar', async () => {
    const rows = await db.rpc('csv_rows', { min_id: 6 }).csv();
    expect(rows.data).toBe(`${HEADER}\n6,"",,,,,,,,,,\n7," padded ",,,,,,,,,,`);
    expect((await db.rpc('csv_label', { row_id: 2 }).csv()).data).toBe('pgrst_scalar\n"say ""hi"", then leave"');
    expect((await db.rpc('csv_ids', {}, { get: true }).csv()).data).toBe('pgrst_scalar\n1\n2\n3');
  });

  it('with a select list the header is the sorted set of selected and filtered columns (PostgREST quirk)', async () => {
    // PostgREST's header comes from its source CTE, which returns those columns in set order.
    const picked = await db.rpc('csv_rows', { min_id: 6 }).select('label').eq('id', 7).csv();
    expect(picked.data).toBe('id,label\n" padded "');
  });

  it('representations of writes; with a select list the header is the sorted columns plus the key', async () => {
    const label = `a,b ${randomUUID().slice(0, 6)}`;
    const all = await db.from('csv_inbox').insert({ label, note: null }).select().csv();
    expect(all.status).toBe(201);
    const [{ id }] = await adminQuery<{ id: number }>('select id from public.csv_inbox where label = $1', [label]);
    expect(all.data).toBe(`id,label,note\n${id},"${label}",`);
    const some = await db.from('csv_inbox').update({ note: 'x y' }).eq('id', id).select('note').csv();
    expect(some.data).toBe('id,note\n"x y"');
  });

  it('CSV request bodies insert rows; NULL is null; other Content-Types are refused', async () => {
    const tag = randomUUID().slice(0, 6);
    const res = await rest('/csv_inbox?select=label,note', {
      method: 'POST',
      body: `label,note\n${tag}-1,NULL\n"${tag}-2, quoted",""`,
      headers: { 'content-type': 'text/csv', accept: 'text/csv', prefer: 'return=representation' },
    });
    expect(res.status).toBe(201);
    expect(await res.text()).toBe(`id,label,note\n${tag}-1,\n"${tag}-2, quoted",""`);
    const short = await rest('/csv_inbox', {
      method: 'POST',
      body: 'label,note\nx',
      headers: { 'content-type': 'text/csv' },
    });
    expect(await answer(short)).toMatchObject({
      status: 400,
      body: { code: 'PGRST102', message: 'All lines must have same number of fields' },
    });
    const text = await rest('/csv_inbox', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
    expect(await answer(text)).toMatchObject({
      status: 400,
      body: { code: 'PGRST102', message: 'Content-Type not acceptable: text/plain' },
    });
  });
});
