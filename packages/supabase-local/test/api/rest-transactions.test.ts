import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient } from '../../src/testing/clients';

// Errors raised inside a request's transaction must reach the client as raised, whatever state the
// pooled connection is in (first use of a statement shape, explicit BEGIN for `.single()`, lock waits).
describe('REST transactions', () => {
  it('a raise in a volatile set-returning rpc with .single() keeps its message on every connection', async () => {
    const client = anonClient();
    // More calls than pooled connections, so every connection runs this statement shape for the first time.
    const results = await Promise.all(
      Array.from({ length: 30 }, () => client.rpc('rt_fail_set', { msg: 'No more pages.' }).single()),
    );
    for (const { error, status } of results) {
      expect(status).toBe(400);
      expect(error).toMatchObject({ code: 'P0001', message: 'No more pages.' });
    }
    // The connections are still healthy afterwards.
    const { data, error } = await client.rpc('rt_spend', { amount: 0 }).single();
    expect(error).toBeNull();
    expect(data).toEqual({ remaining: 10, spent: 0 });
  });

  it('parallel spends under a row lock: the winners commit, the rest get the raised sentence', async () => {
    const client = anonClient();
    const results = await Promise.all(Array.from({ length: 6 }, () => client.rpc('rt_spend', { amount: 3 }).single()));
    const ok = results.filter((r) => !r.error);
    const refused = results.filter((r) => r.error);
    expect(ok).toHaveLength(3);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.error).toMatchObject({ code: 'P0001', message: 'Not enough budget left.' });
    expect(ok.map((r) => (r.data as { remaining: number }).remaining).sort()).toEqual([1, 4, 7]);
    expect(await adminQuery('select remaining from public.rt_budget where id = 1')).toEqual([{ remaining: 1 }]);
  });

  it('a single-column RETURNS TABLE answers with objects named after the column', async () => {
    const { data, error } = await anonClient().rpc('rt_budget_left');
    expect(error).toBeNull();
    expect(data).toEqual([{ remaining: expect.any(Number) }]);
  });
});
