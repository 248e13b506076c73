import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient } from '../../src/testing/clients';
import { answer, rest } from './rest-helpers';

// `Accept: text/csv` (supabase-js `.csv()`) byte for byte as PostgREST builds it in SQL: a header of
// the source's column names, then each row as Postgres's record text without its parentheses (NULL
// empty; a value with a comma, quote, backslash, parenthesis or white space, or an empty one, is
// quoted with `"` and `\` doubled), joined by "\n". Embedded resources are jsonb in PostgREST, so they
// print as jsonb's text (keys by length then name, ", " and ": "). Fixtures: csv.sql.

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

describe('CSV of embedded resources (jsonb text, as PostgREST)', () => {
  const csv = async (path: string, init: RequestInit = {}) => {
    const res = await rest(path, { ...init, headers: { accept: 'text/csv', ...init.headers } });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    return res.text();
  };

  it('to-many embeds are jsonb arrays, [] when empty; nested json and numerics keep jsonb text', async () => {
    const many = await csv('/csv_values?select=id,csv_tags(weight,tag,id)&id=in.(1,2,4)&order=id&csv_tags.order=id');
    expect(many).toBe(
      [
        'id,csv_tags',
        '1,"[{""id"": 1, ""tag"": ""x, y"", ""weight"": 2.50}, {""id"": 2, ""tag"": ""z"", ""weight"": null}]"',
        '2,"[{""id"": 3, ""tag"": ""say \\\\""hi\\\\"""", ""weight"": -1}]"',
        '4,[]',
      ].join('\n'),
    );
    const nested = await csv('/csv_tags?select=id,csv_values(docb,doc,nums)&id=in.(1,3)&order=id');
    expect(nested).toBe(
      [
        'id,csv_values',
        '1,"{""doc"": {""k"": ""v""}, ""docb"": {""k"": 1}, ""nums"": [1, 2]}"',
        '3,"{""doc"": [1, 2], ""docb"": ""s"", ""nums"": []}"',
      ].join('\n'),
    );
  });

  it('to-one embeds are jsonb objects, empty when missing; spreads stay plain columns', async () => {
    const one = await csv('/csv_tags?select=id,parent:csv_values(label,id)&id=in.(1,4)&order=id');
    expect(one).toBe('id,parent\n1,"{""id"": 1, ""label"": ""plain""}"\n4,');
    const nested = await csv('/csv_tags?select=id,csv_values(csv_tags(id),id)&id=eq.3');
    expect(nested).toBe('id,csv_values\n3,"{""id"": 2, ""csv_tags"": [{""id"": 3}]}"');
    const spread = await csv('/csv_tags?select=id,...csv_values(label)&id=eq.3');
    expect(spread).toBe('id,label\n3,"say ""hi"", then leave"');
  });

  it('in the representation of a write and the result of a function', async () => {
    const id = 1000 + Math.floor(Math.random() * 1_000_000);
    const written = await csv('/csv_tags?select=id,csv_values(id,label)', {
      method: 'POST',
      body: JSON.stringify({ id, value_id: 6, tag: 't' }),
      headers: { 'content-type': 'application/json', prefer: 'return=representation' },
    });
    // The header names the write's source columns (selected, embed keys, primary key), as PostgREST.
    expect(written).toBe(`id,value_id\n${id},"{""id"": 6, ""label"": """"}"`);
    const called = await csv('/rpc/csv_rows?min_id=7&select=id,csv_tags(id)');
    // A function's header is its source's selected (and filtered) columns.
    expect(called).toBe('id\n7,[]');
  });
});
