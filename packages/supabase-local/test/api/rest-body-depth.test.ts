import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient } from '../../src/testing/clients';
import { answer, rest } from './rest-helpers';

// JSON bodies nested too deep (src/rest/json-depth.ts): past 256 levels of arrays and objects they are
// refused with 400 PGRST102 before JSON.parse, so nothing after it (JSON.stringify building the
// insert, Postgres' recursive json parser) can overflow. Before, 5,000 levels answered 500.

const db = anonClient();
const deepArray = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

describe('JSON bodies nested too deep', () => {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    rest(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const tooDeep = {
    code: 'PGRST102',
    message: 'Empty or invalid json',
    details: 'The JSON body nests arrays and objects more than 256 levels deep',
    hint: null,
  };

  it('refuses a 5,000-deep value in a table insert with 400 PGRST102, and writes nothing', async () => {
    const before = await adminQuery('select count(*)::int as n from public.rl_docs');
    const res = await post('/rl_docs', `{"doc": ${deepArray(5000)}}`);
    expect(await answer(res)).toEqual({ status: 400, type: 'application/json; charset=utf-8', body: tooDeep });
    const after = await adminQuery('select count(*)::int as n from public.rl_docs');
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses a 5,000-deep and a 20,000-deep RPC body with 400 PGRST102', async () => {
    for (const depth of [5000, 20000]) {
      const { status, body } = await answer(await post('/rpc/rl_echo_doc', `{"doc": ${deepArray(depth)}}`));
      expect(status).toBe(400);
      expect(body).toEqual(tooDeep);
    }
    const unnamed = await answer(await post('/rpc/rt_echo', deepArray(20000)));
    expect(unnamed).toMatchObject({ status: 400, body: tooDeep });
  });

  it('refuses deep bodies passed on unread with ?columns=, and PATCH bodies', async () => {
    const columns = await post('/rpc/rl_echo_doc?columns=doc', `{"doc": ${deepArray(20000)}}`);
    expect(await answer(columns)).toMatchObject({ status: 400, body: tooDeep });
    const patch = await rest('/rl_docs?id=eq.0', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: `{"doc": ${deepArray(300)}}`,
    });
    expect(await answer(patch)).toMatchObject({ status: 400, body: tooDeep });
  });

  it('refuses form values holding JSON nested too deep for an RPC, not other bracketed text', async () => {
    const form = (value: string) =>
      rest('/rpc/rl_echo_doc', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `doc=${encodeURIComponent(value)}`,
      });
    expect(await answer(await form(deepArray(20000)))).toMatchObject({
      status: 400,
      body: { ...tooDeep, details: "The form value 'doc' nests arrays and objects more than 256 levels deep" },
    });
    expect(await answer(await form(deepArray(256)))).toMatchObject({ status: 200 });
    // Not JSON past its first bracket: Postgres refuses it as json, the scan does not count it.
    const text = await answer(await form(`[x${'['.repeat(5000)}`));
    expect(text).toMatchObject({ status: 400, body: { code: '22P02' } });
  });

  it('accepts 256 levels (the body, not the value, counts), through supabase-js', async () => {
    const doc = JSON.parse(deepArray(255, '"end"'));
    const { data, error } = await db.rpc('rl_echo_doc', { doc });
    expect(error).toBeNull();
    expect(data).toEqual(doc);
    const over = await db.rpc('rl_echo_doc', { doc: JSON.parse(deepArray(256)) });
    expect(over.status).toBe(400);
    expect(over.error).toEqual(tooDeep);
  });

  it('does not count brackets inside strings, escaped quotes included', async () => {
    const text = `x\\"${'['.repeat(5000)}{`;
    const { status, body } = await answer(await post('/rpc/rl_echo_doc', `{"doc": "${text}"}`));
    expect(status).toBe(200);
    expect(body).toBe(`x"${'['.repeat(5000)}{`);
  });

  it('still answers invalid JSON as PostgREST does', async () => {
    for (const bad of ['', '{"doc": [1,]}', '{"doc": "\u0001"}', `${deepArray(10)}]`]) {
      const { status, body } = await answer(await post('/rl_docs', bad));
      expect(status).toBe(400);
      expect(body).toEqual({ code: 'PGRST102', message: 'Empty or invalid json', details: null, hint: null });
    }
  });
});
