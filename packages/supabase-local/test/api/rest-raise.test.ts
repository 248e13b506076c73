import { describe, expect, it } from 'vitest';
import { answer, rest } from './rest-helpers';

// RAISE SQLSTATE 'PGRST' (PostgREST's RaisePgrst.hs): MESSAGE is the error body, DETAIL the status and
// headers, so a function can answer 429 with Retry-After; a document that cannot be read is PGRST121.
const call = (fn: string, body: unknown) =>
  rest(`/rpc/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe("RAISE SQLSTATE 'PGRST'", () => {
  it('answers with the status, headers and body the function chose', async () => {
    const res = await call('rr_too_many', { seconds: 42 });
    expect(res.headers.get('retry-after')).toBe('42');
    expect(res.headers.get('x-why')).toBe('test');
    expect(await answer(res)).toEqual({
      status: 429,
      type: 'application/json; charset=utf-8',
      body: { code: 'TF429', message: 'slow_down', details: '{"retry_after":42}', hint: null },
    });
  });

  const unreadable = (details: string, hint: 'MESSAGE' | 'DETAIL') => ({
    status: 500,
    body: {
      code: 'PGRST121',
      message: 'Could not parse JSON in the "RAISE SQLSTATE \'PGRST\'" error',
      details,
      hint:
        hint === 'MESSAGE'
          ? "MESSAGE must be a JSON object with obligatory keys: 'code', 'message' and optional keys: 'details', 'hint'."
          : "DETAIL must be a JSON object with obligatory keys: 'status', 'headers' and optional key: 'status_text'.",
    },
  });

  it('answers PGRST121 for a MESSAGE or DETAIL that is not the JSON it must be', async () => {
    const detail = '{"status":418,"headers":{}}';
    for (const message of ['not json', '{"code":"X"}', '[1]']) {
      expect(await answer(await call('rr_raise', { message, detail }))).toMatchObject(
        unreadable(`Invalid JSON value for MESSAGE: '${message}'`, 'MESSAGE'),
      );
    }
    const message = '{"code":"X1","message":"m"}';
    expect(await answer(await call('rr_raise', { message, detail: null }))).toMatchObject(
      unreadable('DETAIL is missing in the RAISE statement', 'DETAIL'),
    );
    for (const bad of ['INVALID', '{"status":418}', '{"headers":{}}', '{"status":"418","headers":{}}']) {
      expect(await answer(await call('rr_raise', { message, detail: bad }))).toMatchObject(
        unreadable(`Invalid JSON value for DETAIL: '${bad}'`, 'DETAIL'),
      );
    }
    expect(await answer(await call('rr_raise', { message, detail }))).toMatchObject({
      status: 418,
      body: { code: 'X1', message: 'm', details: null, hint: null },
    });
  });
});
