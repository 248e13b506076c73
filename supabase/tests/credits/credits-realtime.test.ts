import { describe, expect, it } from 'vitest';
import { expectError } from '../rls/family-helpers';
import { eventually, listen, settle } from '../rls/realtime-listener';
import { giveCredits, newKey, signUpEmptyParent } from './credit-helpers';

// A wallet movement tells the family's parents on family:<id> (event credits) so their pages re-fetch
// the balance: once per committed movement, nothing for a refused one or for a replayed request.
describe('wallet broadcasts', () => {
  it('a spend is announced once; a refused spend and a replay of the same key announce nothing', async () => {
    const parent = await signUpEmptyParent();
    await giveCredits(parent.familyId, { paid: 5 });
    const dashboard = await listen(parent.client, `family:${parent.familyId}`, 'credits');
    expect(dashboard.status).toBe('SUBSCRIBED');

    const key = newKey();
    const spend = { p_amount: 2, p_memo: 'a story', p_idempotency_key: key };
    expect((await parent.client.rpc('spend_credits', spend)).error).toBeNull();
    await eventually(() => dashboard.heard.length === 1);
    expect(dashboard.heard[0].payload).toMatchObject({ kind: 'credits', child_id: null });
    expect(typeof dashboard.heard[0].payload.id).toBe('string');

    // The same request again returns what it returned; nothing moved, so nothing is announced.
    expect((await parent.client.rpc('spend_credits', spend)).error).toBeNull();
    expectError(
      await parent.client.rpc('spend_credits', { p_amount: 50, p_memo: null, p_idempotency_key: newKey() }),
      'insufficient_credits',
    );
    await settle();
    expect(dashboard.heard).toHaveLength(1);
  });

  it("another family's parent hears nothing of it", async () => {
    const [parent, stranger] = await Promise.all([signUpEmptyParent(), signUpEmptyParent()]);
    await giveCredits(parent.familyId, { paid: 3 });
    const own = await listen(stranger.client, `family:${stranger.familyId}`, 'credits');
    expect(own.status).toBe('SUBSCRIBED');
    expect(
      (await parent.client.rpc('spend_credits', { p_amount: 1, p_memo: null, p_idempotency_key: newKey() })).error,
    ).toBeNull();
    await settle();
    expect(own.heard).toEqual([]);
  });
});
