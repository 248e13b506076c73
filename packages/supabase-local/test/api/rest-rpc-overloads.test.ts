import { describe, expect, it } from 'vitest';
import { anonClient } from '../../src/testing/clients';
import { answer, rest } from './rest-helpers';

// Which overload /rpc/fn calls, as PostgREST's findProc decides (fixtures: rpc_overloads.sql): by the
// names of the arguments, with a single unnamed json/jsonb/text/xml/bytea parameter taking the whole
// body by Content-Type; PGRST202/PGRST203 with PostgREST's texts (cases after its RpcSpec).

const db = anonClient();
const post = (fn: string, body: string | Buffer, type: string, extra: Record<string, string> = {}) =>
  rest(`/rpc/${fn}`, { method: 'POST', body, headers: { 'content-type': type, ...extra } });

describe('overloads by argument names', () => {
  it('picks the overload whose parameters the names match, by POST and GET', async () => {
    expect((await db.rpc('rpc_over', { a: 1 })).data).toBe('a=1');
    expect((await db.rpc('rpc_over', { a: 1, b: 2 })).data).toBe('a+b=3');
    expect((await db.rpc('rpc_over', { c: 'x' }, { get: true })).data).toBe('c=x');
    expect((await db.rpc('rpc_over', { a: 2, b: 5 }, { get: true })).data).toBe('a+b=7');
  });

  it('unknown argument names answer 404 PGRST202 hinting the closest parameter list', async () => {
    const { status, error } = await db.rpc('rpc_over', { a: 1, zzz: 2 });
    expect(status).toBe(404);
    expect(error).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rpc_over(a, zzz) in the schema cache',
      details:
        'Searched for the function public.rpc_over with parameters a, zzz or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.rpc_over(a, b)',
    });
    const get = await db.rpc('rpc_over', { cc: 'x' }, { get: true });
    expect(get.error).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rpc_over(cc) in the schema cache',
      details:
        'Searched for the function public.rpc_over with parameter cc, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.rpc_over(c)',
    });
  });

  it('an unknown name hints a close function name, and none when nothing is close', async () => {
    const { error } = await db.rpc('rpc_ovr', {}, { get: true });
    expect(error).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rpc_ovr without parameters in the schema cache',
      details:
        'Searched for the function public.rpc_ovr without parameters, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.rpc_over',
    });
    expect((await db.rpc('zzqqxxyy_nothing_like_it')).error?.hint).toBeNull();
  });

  it('same names with different types answer 300 PGRST203 listing the candidates', async () => {
    const { status, error } = await db.rpc('rpc_same', { arg: 'x' }, { get: true });
    expect(status).toBe(300);
    expect(error).toEqual({
      code: 'PGRST203',
      message:
        'Could not choose the best candidate function between: public.rpc_same(arg => integer), public.rpc_same(arg => text)',
      details: null,
      hint: 'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
    });
    expect((await db.rpc('rpc_same', { arg: 'x', num: 1 })).data).toBe('two');
  });

  it('a function without parameters and one with only defaults both take no arguments: PGRST203', async () => {
    const { status, error } = await db.rpc('rpc_defaults');
    expect(status).toBe(300);
    expect(error?.message).toBe(
      'Could not choose the best candidate function between: public.rpc_defaults(), public.rpc_defaults(x => integer)',
    );
    expect((await db.rpc('rpc_defaults', { x: 4 })).data).toBe('x=4');
  });

  it('wrong argument types are the database error (400 22P02)', async () => {
    const { status, error } = await db.rpc('rpc_over', { a: 'not a number' });
    expect(status).toBe(400);
    expect(error?.code).toBe('22P02');
  });

  it('GET: a value with an operator is a filter on the result, not an argument', async () => {
    expect((await db.rpc('rpc_status', { status: 'open' }, { get: true })).data).toEqual(['open']);
    const res = await rest('/rpc/rpc_status?status=eq.open');
    expect(await answer(res)).toMatchObject({
      status: 404,
      body: {
        code: 'PGRST202',
        message: 'Could not find the function public.rpc_status without parameters in the schema cache',
      },
    });
  });

  it('VARIADIC takes repeated query parameters or a JSON array; character keeps its length', async () => {
    expect(await (await rest('/rpc/rpc_sum_all?xs=1&xs=2&xs=3')).json()).toBe(6);
    expect((await db.rpc('rpc_sum_all', { xs: [4, 5] })).data).toBe(9);
    expect((await db.rpc('rpc_chars', { c: 'abc' }, { get: true })).data).toBe('abc');
  });
});

describe('the whole body as the single unnamed parameter', () => {
  it('JSON objects go to a named overload when the keys match, else to the json parameter', async () => {
    expect((await db.rpc('rpc_body', { x: 1, y: 2 })).data).toBe(3);
    expect((await db.rpc('rpc_body', { A: 1, B: [2] })).data).toEqual({ json: { A: 1, B: [2] } });
    expect((await db.rpc('rpc_body', {})).data).toBe('nothing');
  });

  it('text/plain, text/xml and application/octet-stream reach text, xml and bytea', async () => {
    expect(await answer(await post('rpc_body', 'plain words', 'text/plain'))).toEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      body: 'text:plain words',
    });
    expect((await answer(await post('rpc_body', '<a>1</a>', 'text/xml'))).body).toBe('xml:<a>1</a>');
    expect((await answer(await post('rpc_body', Buffer.from([0, 1, 254]), 'application/octet-stream'))).body).toBe(
      'bytes:0001fe',
    );
    // GET never sends a body: the parameterless overload answers whatever the Content-Type.
    const get = await rest('/rpc/rpc_body', { headers: { 'content-type': 'text/plain' } });
    expect(await get.json()).toBe('nothing');
  });

  it('without a matching unnamed parameter, PGRST202 says which one was searched for', async () => {
    expect((await answer(await post('rpc_int_unnamed', 'a simple text', 'text/plain'))).body).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rpc_int_unnamed in the schema cache',
      details:
        'Searched for the function public.rpc_int_unnamed with a single unnamed text parameter, but no matches were found in the schema cache.',
      hint: null,
    });
    const { status, error } = await db.rpc('rpc_int_unnamed', { x: 1, y: 2 });
    expect(status).toBe(404);
    // A function with an unnamed int parameter is not in the cache at all; a close name is hinted.
    expect(error).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rpc_int_unnamed(x, y) in the schema cache',
      details:
        'Searched for the function public.rpc_int_unnamed with parameters x, y or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.rpc_text_unnamed',
    });
    const csv = await answer(await post('rpc_body', 'a,b\n1,2', 'text/csv'));
    expect(csv).toMatchObject({
      status: 404,
      body: {
        message: 'Could not find the function public.rpc_body(a, b) in the schema cache',
        details:
          'Searched for the function public.rpc_body with parameters a, b, but no matches were found in the schema cache.',
        hint: 'Perhaps you meant to call the function public.rpc_body(x, y)',
      },
    });
  });

  it('json and jsonb fallbacks together are ambiguous; a named json parameter is no fallback', async () => {
    const { status, error } = await db.rpc('rpc_jj', { A: 1 });
    expect(status).toBe(300);
    expect(error?.message).toBe(
      'Could not choose the best candidate function between: public.rpc_jj( => json), public.rpc_jj( => jsonb)',
    );
    // PostgREST's own case (RpcSpec "rejects json body when single param has a name"): no list is close.
    const named = await db.rpc('rpc_named_json', { A: 1, B: 2, C: 3 });
    expect(named.error).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rpc_named_json(A, B, C) in the schema cache',
      details:
        'Searched for the function public.rpc_named_json with parameters A, B, C or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      hint: null,
    });
    // A close one is hinted.
    expect((await db.rpc('rpc_named_json', { dat: 1 })).error?.hint).toBe(
      'Perhaps you meant to call the function public.rpc_named_json(data)',
    );
    expect((await db.rpc('rpc_named_json', { data: { A: 1 } })).data).toEqual({ A: 1 });
  });

  it('Prefer: params=single-object is gone from PostgREST: ignored, or PGRST122 with handling=strict', async () => {
    const body = JSON.stringify({ a: 1 });
    const lenient = await post('rpc_over', body, 'application/json', { prefer: 'params=single-object' });
    expect(await lenient.json()).toBe('a=1');
    const strict = await post('rpc_over', body, 'application/json', {
      prefer: 'handling=strict, params=single-object',
    });
    expect(await answer(strict)).toMatchObject({
      status: 400,
      body: {
        code: 'PGRST122',
        message: 'Invalid preferences given with handling=strict',
        details: 'Invalid preferences: params=single-object',
        hint: null,
      },
    });
  });
});

describe('other bodies and refusals', () => {
  it('form-urlencoded bodies and the first element of a JSON array are arguments too', async () => {
    expect(await (await post('rpc_over', 'a=1&b=2', 'application/x-www-form-urlencoded')).json()).toBe('a+b=3');
    expect(await (await post('rpc_body', '[{"x": 1, "y": 2}, {"x": 10, "y": 20}]', 'application/json')).json()).toBe(3);
    expect(await (await post('rpc_over?columns=a', '{"a": 4, "ignored": 1}', 'application/json')).json()).toBe('a=4');
  });

  it('malformed bodies, unknown Content-Types and other methods answer as PostgREST', async () => {
    const bad = [
      ['{"a": 1', 'application/json', 'Empty or invalid json'],
      ['[{"x": 1, "y": 2}, {"x": 1}]', 'application/json', 'All object keys must match'],
      ['[1, 2]', 'application/json', 'All object keys must match'],
      ['<a/>', 'application/xml', 'Content-Type not acceptable: application/xml'],
    ];
    for (const [body, type, message] of bad) {
      expect(await answer(await post('rpc_body', body, type))).toEqual({
        status: 400,
        type: 'application/json; charset=utf-8',
        body: { code: 'PGRST102', message, details: null, hint: null },
      });
    }
    const patch = await rest('/rpc/rpc_over', { method: 'PATCH', body: '{}' });
    expect(await answer(patch)).toMatchObject({
      status: 405,
      body: { code: 'PGRST101', message: 'Cannot use the PATCH method on RPC' },
    });
  });
});
