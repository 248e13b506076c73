import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { afterEach, describe, expect, it } from 'vitest';
import { expectError } from '../rls/family-helpers';
import { eventually, settle } from '../rls/realtime-listener';
import { giveCredits, newKey, signUpEmptyParent } from './credit-helpers';

// A wallet movement reaches the family's parents as a postgres_changes UPDATE of their wallet row
// (20261202190100): every movement updates that row, RLS lets only the family's parents see it. Once
// per committed movement; nothing for a refused one or for a replayed request.

type WalletRow = { family_id: string; balance: number; last_seq: number };
const joined: [SupabaseClient, RealtimeChannel][] = [];
afterEach(async () => {
  for (const [client, channel] of joined.splice(0)) await client.removeChannel(channel);
});

/** Watches wallet rows as the client's user (no filter: RLS alone decides what reaches them). */
async function watchWallets(client: SupabaseClient, familyId: string) {
  await client.realtime.setAuth();
  const heard: WalletRow[] = [];
  const channel = client
    .channel(`family:${familyId}`, { config: { private: true } })
    .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'wallets' }, (change) =>
      heard.push(change.new as WalletRow),
    );
  joined.push([client, channel]);
  const status = await new Promise<string>((resolve) => channel.subscribe((s) => s !== 'CLOSED' && resolve(s)));
  return { status, heard };
}

describe('wallet changes', () => {
  it('a spend is seen once with the new balance; a refused spend and a replay of the same key show nothing', async () => {
    const parent = await signUpEmptyParent();
    await giveCredits(parent.familyId, { paid: 5 });
    const dashboard = await watchWallets(parent.client, parent.familyId);
    expect(dashboard.status).toBe('SUBSCRIBED');
    // Changes committed just before the join (the sign-up's welcome grant, giveCredits) may still be on
    // their way from the WAL; count from here.
    await settle(1_000);
    const before = dashboard.heard.length;

    const spend = { p_amount: 2, p_memo: 'a story', p_idempotency_key: newKey() };
    expect((await parent.client.rpc('spend_credits', spend)).error).toBeNull();
    await eventually(() => dashboard.heard.length === before + 1, 5_000);
    expect(dashboard.heard[before]).toMatchObject({ family_id: parent.familyId, balance: 3 });

    // The same request again returns what it returned; nothing moved, so nothing changes.
    expect((await parent.client.rpc('spend_credits', spend)).error).toBeNull();
    expectError(
      await parent.client.rpc('spend_credits', { p_amount: 50, p_memo: null, p_idempotency_key: newKey() }),
      'insufficient_credits',
    );
    await settle(1_000);
    expect(dashboard.heard).toHaveLength(before + 1);
  });

  it("another family's parent sees nothing of it", async () => {
    const [parent, stranger] = await Promise.all([signUpEmptyParent(), signUpEmptyParent()]);
    await Promise.all([giveCredits(parent.familyId, { paid: 3 }), giveCredits(stranger.familyId, { paid: 1 })]);
    const other = await watchWallets(stranger.client, stranger.familyId);
    expect(other.status).toBe('SUBSCRIBED');
    expect(
      (await parent.client.rpc('spend_credits', { p_amount: 1, p_memo: null, p_idempotency_key: newKey() })).error,
    ).toBeNull();
    // Then a spend of the stranger's own: changes arrive in commit order, so once it is heard, the
    // parent's earlier one would have been too.
    expect(
      (await stranger.client.rpc('spend_credits', { p_amount: 1, p_memo: null, p_idempotency_key: newKey() })).error,
    ).toBeNull();
    await eventually(() => other.heard.some((row) => row.family_id === stranger.familyId && row.balance === 0), 5_000);
    expect(other.heard.filter((row) => row.family_id !== stranger.familyId)).toEqual([]);
  });
});
